extension MIDIFile {
    /// The file's bytes: header, then one MTrk chunk per track, each ending with End of Track.
    ///
    /// Channel messages use running status (as players expect it; sysex and meta events reset it).
    /// Events are written in tick order (stable for equal ticks), so `MIDIFile(bytes: f.serialized())`
    /// equals `f` for every file whose tracks are in tick order. Data bytes are masked to 7 bits.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = Array("MThd".utf8)
        out.appendUInt32(6)
        out.appendUInt16(format.rawValue)
        out.appendUInt16(UInt16(clamping: tracks.count))
        switch division {
        case let .ticksPerQuarter(ticks): out.appendUInt16(ticks & 0x7FFF)
        case let .smpte(fps, perFrame): out += [UInt8(bitPattern: Int8(clamping: -Int(fps))), perFrame]
        }
        for track in tracks {
            let body = track.serializedBody()
            out += Array("MTrk".utf8)
            out.appendUInt32(UInt32(body.count))
            out += body
        }
        return out
    }
}

extension MIDITrack {
    func serializedBody() -> [UInt8] {
        var out: [UInt8] = []
        var previous = 0
        var runningStatus: UInt8?
        for event in events.enumerated().sorted(by: { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }) {
            let tick = max(event.element.tick.value, previous)
            out.appendVariableLength(tick - previous)
            previous = tick
            switch event.element.kind {
            case let .message(.sysex(payload)):
                runningStatus = nil
                out.append(0xF0)
                out.appendVariableLength(payload.count)
                out += payload
            case let .message(message):
                let (status, data) = message.channelBytes
                if status != runningStatus { out.append(status) }
                runningStatus = status
                out += data
            case let .escape(bytes):
                runningStatus = nil
                out.append(0xF7)
                out.appendVariableLength(bytes.count)
                out += bytes
            case let .meta(meta):
                runningStatus = nil
                let (type, data) = meta.typeAndData
                out += [0xFF, type]
                out.appendVariableLength(data.count)
                out += data
            }
        }
        out.appendVariableLength(max(end.value - previous, 0))
        out += [0xFF, MetaEvent.endOfTrackType, 0x00]
        return out
    }
}

extension MIDIMessage {
    /// Status byte and data bytes of a channel message (sysex is written separately).
    var channelBytes: (status: UInt8, data: [UInt8]) {
        func status(_ high: UInt8, _ channel: UInt8) -> UInt8 { high | channel & 0x0F }
        switch self {
        case let .noteOff(c, note, velocity): return (status(0x80, c), [note & 0x7F, velocity & 0x7F])
        case let .noteOn(c, note, velocity): return (status(0x90, c), [note & 0x7F, velocity & 0x7F])
        case let .polyPressure(c, note, pressure): return (status(0xA0, c), [note & 0x7F, pressure & 0x7F])
        case let .controlChange(c, controller, value): return (status(0xB0, c), [controller & 0x7F, value & 0x7F])
        case let .programChange(c, program): return (status(0xC0, c), [program & 0x7F])
        case let .channelPressure(c, pressure): return (status(0xD0, c), [pressure & 0x7F])
        case let .pitchBend(c, value):
            let raw = UInt16(clamping: Int(value) + 8192) & 0x3FFF
            return (status(0xE0, c), [UInt8(raw & 0x7F), UInt8(raw >> 7)])
        case .sysex: return (0xF0, [])
        }
    }
}

extension MetaEvent {
    var typeAndData: (type: UInt8, data: [UInt8]) {
        switch self {
        case let .sequenceNumber(n): (0x00, [UInt8(n >> 8), UInt8(n & 0xFF)])
        case let .text(type, bytes): (type, bytes)
        case let .channelPrefix(channel): (0x20, [channel])
        case let .tempo(us): (0x51, [UInt8(us >> 16 & 0xFF), UInt8(us >> 8 & 0xFF), UInt8(us & 0xFF)])
        case let .timeSignature(n, d, clocks, thirtySeconds): (0x58, [n, d, clocks, thirtySeconds])
        case let .keySignature(sharps, mode): (0x59, [UInt8(bitPattern: sharps), mode])
        case let .other(type, data): (type, data)
        }
    }
}

extension [UInt8] {
    mutating func appendUInt16(_ value: UInt16) { append(contentsOf: [UInt8(value >> 8), UInt8(value & 0xFF)]) }
    mutating func appendUInt32(_ value: UInt32) { append(contentsOf: (0..<4).map { UInt8(value >> (24 - 8 * $0) & 0xFF) }) }

    /// Variable-length quantity, most significant group first; values are clamped to 0x0FFFFFFF.
    mutating func appendVariableLength(_ value: Int) {
        let v = Swift.min(Swift.max(value, 0), 0x0FFF_FFFF)
        var groups = [UInt8(v & 0x7F)]
        var rest = v >> 7
        while rest > 0 {
            groups.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        append(contentsOf: groups.reversed())
    }
}
