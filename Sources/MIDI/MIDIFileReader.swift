extension MIDIFile {
    /// Parses a Standard MIDI File: a pure function from bytes to a value or a located error.
    ///
    /// Memory is bounded by the input: every declared length is checked against the bytes present.
    /// Lenient where real files commonly deviate and nothing is lost: chunks of unknown type are skipped,
    /// a track may end without End of Track, bytes after End of Track inside its chunk are ignored,
    /// key-signature modes other than 0/1 are kept as found, and a file with more track chunks than
    /// its header declares keeps them all.
    /// - Parameter name: the file's name, used in error messages.
    public init(bytes: [UInt8], name: String = "") throws(MIDIFileError) {
        var cursor = ByteCursor(bytes: bytes, offset: 0, end: bytes.count, file: name, chunk: "MThd")
        guard bytes.count >= 4, bytes[0..<4].elementsEqual("MThd".utf8) else {
            throw cursor.error(.notAMIDIFile)
        }
        cursor.offset = 4
        let headerLength = try cursor.uint32()
        guard headerLength >= 6 else { throw cursor.error(.headerTooShort(length: headerLength), at: 4) }
        guard Int(headerLength) <= cursor.remaining else {
            throw cursor.error(.chunkLongerThanFile(declared: headerLength, available: cursor.remaining), at: 4)
        }
        let headerEnd = cursor.offset + Int(headerLength)
        let formatOffset = cursor.offset
        let rawFormat = try cursor.uint16()
        guard let format = Format(rawValue: rawFormat) else {
            throw cursor.error(.unsupportedFormat(rawFormat), at: formatOffset)
        }
        let declaredTracks = Int(try cursor.uint16())
        let division = try Self.division(&cursor)
        cursor.offset = headerEnd

        var tracks: [MIDITrack] = []
        while cursor.remaining > 0 {
            cursor.chunk = "chunk"
            let chunkStart = cursor.offset
            let type = try cursor.take(4)
            let isTrack = type.elementsEqual("MTrk".utf8)
            cursor.chunk = isTrack ? "MTrk #\(tracks.count + 1)" : "chunk"
            let length = try cursor.uint32()
            guard Int(length) <= cursor.remaining else {
                throw cursor.error(.chunkLongerThanFile(declared: length, available: cursor.remaining),
                                   at: chunkStart + 4)
            }
            let chunkEnd = cursor.offset + Int(length)
            if isTrack {
                var trackCursor = cursor
                trackCursor.end = chunkEnd
                tracks.append(try MIDITrack(parsing: &trackCursor))
            }
            cursor.offset = chunkEnd
        }
        guard tracks.count >= declaredTracks else {
            cursor.chunk = "MTrk #\(tracks.count + 1)"
            throw cursor.error(.missingTracks(declared: declaredTracks, found: tracks.count))
        }
        self.init(format: format, division: division, tracks: tracks)
    }

    private static func division(_ cursor: inout ByteCursor) throws(MIDIFileError) -> TimeDivision {
        let at = cursor.offset
        let raw = try cursor.uint16()
        if raw & 0x8000 == 0 {
            guard raw > 0 else { throw cursor.error(.zeroTicksPerQuarter, at: at) }
            return .ticksPerQuarter(raw)
        }
        // Upper byte: negative SMPTE format (-24, -25, -29, -30) in two's complement.
        let rate = Int8(bitPattern: UInt8(raw >> 8))
        guard [-24, -25, -29, -30].contains(rate) else { throw cursor.error(.unsupportedSMPTERate(rate), at: at) }
        guard raw & 0xFF > 0 else { throw cursor.error(.zeroTicksPerFrame, at: at) }
        return .smpte(framesPerSecond: UInt8(-Int(rate)), ticksPerFrame: UInt8(raw & 0xFF))
    }
}

extension MIDITrack {
    /// Parses the events of one MTrk chunk body, `cursor.offset..<cursor.end`.
    init(parsing cursor: inout ByteCursor) throws(MIDIFileError) {
        var events: [TrackEvent] = []
        var tick = 0
        var runningStatus: UInt8?
        while cursor.remaining > 0 {
            tick += try cursor.variableLength()
            let statusOffset = cursor.offset
            var status = try cursor.peek()
            if status >= 0x80 {
                cursor.offset += 1
            } else {
                guard let running = runningStatus else { throw cursor.error(.runningStatusWithoutStatus) }
                status = running
            }
            switch status {
            case 0x80...0xEF:
                runningStatus = status
                events.append(TrackEvent(tick: Ticks(tick), .message(try Self.channelMessage(status, &cursor))))
            case 0xF0, 0xF7:
                // Sysex and escapes cancel running status (SMF 1.0, "Sysex events").
                runningStatus = nil
                let payload = try cursor.take(try cursor.variableLength())
                events.append(TrackEvent(tick: Ticks(tick), status == 0xF0 ? .message(.sysex(payload)) : .escape(payload)))
            case 0xFF:
                runningStatus = nil
                let type = try cursor.byte()
                let data = try cursor.take(try cursor.variableLength())
                if type == MetaEvent.endOfTrackType {
                    self.init(events: events, end: Ticks(tick))
                    return
                }
                events.append(TrackEvent(tick: Ticks(tick), .meta(try MetaEvent(type: type, data: data, cursor, at: statusOffset))))
            default:
                throw cursor.error(.unexpectedStatus(status), at: statusOffset)
            }
        }
        self.init(events: events, end: Ticks(tick))
    }

    private static func channelMessage(_ status: UInt8, _ cursor: inout ByteCursor) throws(MIDIFileError) -> MIDIMessage {
        let channel = status & 0x0F
        let first = try cursor.dataByte()
        switch status & 0xF0 {
        case 0xC0: return .programChange(channel: channel, program: first)
        case 0xD0: return .channelPressure(channel: channel, pressure: first)
        default: break
        }
        let second = try cursor.dataByte()
        switch status & 0xF0 {
        case 0x80: return .noteOff(channel: channel, note: first, velocity: second)
        case 0x90: return .noteOn(channel: channel, note: first, velocity: second)
        case 0xA0: return .polyPressure(channel: channel, note: first, pressure: second)
        case 0xB0: return .controlChange(channel: channel, controller: first, value: second)
        default: return .pitchBend(channel: channel, value: (Int16(second) << 7 | Int16(first)) - 8192)
        }
    }
}

extension MetaEvent {
    /// Interprets a meta event's data; fixed-size types with the wrong length are an error.
    init(type: UInt8, data: [UInt8], _ cursor: ByteCursor, at offset: Int) throws(MIDIFileError) {
        func expect(_ length: Int) throws(MIDIFileError) {
            guard data.count == length else {
                throw cursor.error(.metaLength(type: type, length: data.count, expected: length), at: offset)
            }
        }
        switch type {
        case 0x00 where data.count == 2: self = .sequenceNumber(UInt16(data[0]) << 8 | UInt16(data[1]))
        case 0x01...0x0F: self = .text(type: type, bytes: data)
        case 0x20:
            try expect(1)
            self = .channelPrefix(data[0])
        case 0x51:
            try expect(3)
            self = .tempo(microsecondsPerQuarter: UInt32(data[0]) << 16 | UInt32(data[1]) << 8 | UInt32(data[2]))
        case 0x58:
            try expect(4)
            self = .timeSignature(numerator: data[0], denominatorPower: data[1],
                                  clocksPerClick: data[2], thirtySecondsPerQuarter: data[3])
        case 0x59:
            try expect(2)
            self = .keySignature(sharps: Int8(bitPattern: data[0]), mode: data[1])
        default: self = .other(type: type, data: data)
        }
    }
}
