/// Reads big-endian fields from a byte range, throwing a located `MIDIFileError` instead of reading past
/// `end`. Every length is checked against the bytes actually present before anything is allocated.
struct ByteCursor {
    let bytes: [UInt8]
    var offset: Int
    var end: Int
    let file: String
    var chunk: String

    var remaining: Int { end - offset }

    func error(_ reason: MIDIFileError.Reason, at offset: Int? = nil) -> MIDIFileError {
        MIDIFileError(file: file, chunk: chunk, offset: offset ?? self.offset, reason: reason)
    }

    func require(_ count: Int) throws(MIDIFileError) {
        guard count <= remaining else { throw error(.truncated(needed: count, available: remaining)) }
    }

    func peek() throws(MIDIFileError) -> UInt8 {
        try require(1)
        return bytes[offset]
    }

    mutating func byte() throws(MIDIFileError) -> UInt8 {
        let value = try peek()
        offset += 1
        return value
    }

    mutating func take(_ count: Int) throws(MIDIFileError) -> [UInt8] {
        try require(count)
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func uint16() throws(MIDIFileError) -> UInt16 {
        try require(2)
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func uint32() throws(MIDIFileError) -> UInt32 {
        try require(4)
        defer { offset += 4 }
        return (0..<4).reduce(0) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }

    /// A variable-length quantity: 7 bits per byte, high bit set on all but the last, at most 4 bytes
    /// (so at most 0x0FFFFFFF).
    mutating func variableLength() throws(MIDIFileError) -> Int {
        let start = offset
        var value = 0
        for _ in 0..<4 {
            let next = try byte()
            value = value << 7 | Int(next & 0x7F)
            if next & 0x80 == 0 { return value }
        }
        throw error(.variableLengthQuantityTooLong, at: start)
    }

    /// A data byte (0–127); a status byte here means a message was cut short.
    mutating func dataByte() throws(MIDIFileError) -> UInt8 {
        let value = try peek()
        guard value < 0x80 else { throw error(.dataByteExpected(value)) }
        offset += 1
        return value
    }
}
