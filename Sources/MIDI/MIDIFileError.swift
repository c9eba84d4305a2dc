/// Why a byte sequence is not a readable Standard MIDI File, and where: file, chunk and byte offset.
///
/// Prints as one line, e.g. `song.mid: MTrk #2 at byte 1234: running status with no previous status byte`.
public struct MIDIFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Hashable, Sendable {
        case unreadable(String)
        case notAMIDIFile
        case truncated(needed: Int, available: Int)
        case chunkLongerThanFile(declared: UInt32, available: Int)
        case headerTooShort(length: UInt32)
        case unsupportedFormat(UInt16)
        case zeroTicksPerQuarter
        case zeroTicksPerFrame
        case fileTooLarge(limit: Int)
        case unsupportedSMPTERate(Int8)
        case variableLengthQuantityTooLong
        case runningStatusWithoutStatus
        case dataByteExpected(UInt8)
        case unexpectedStatus(UInt8)
        case metaLength(type: UInt8, length: Int, expected: Int)
        case missingTracks(declared: Int, found: Int)
    }

    /// File name given to the reader (may be empty for in-memory bytes).
    public var file: String
    /// The chunk: "MThd", "MTrk #N" (1-based), "chunk" for a chunk header, "file" when it could not be read.
    public var chunk: String
    /// Byte offset from the start of the file where the problem is.
    public var offset: Int
    public var reason: Reason

    public var description: String {
        let name = file.isEmpty ? "<bytes>" : file
        switch reason {
        case .unreadable, .fileTooLarge: return "\(name): \(reasonText)"
        default: break
        }
        return "\(name): \(chunk) at byte \(offset): \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case let .unreadable(why): "cannot read the file: \(why)"
        case .notAMIDIFile: "not a Standard MIDI File (no MThd header)"
        case let .truncated(needed, available): "truncated: needs \(needed) more bytes, \(available) left"
        case let .chunkLongerThanFile(declared, available):
            "chunk length \(declared) exceeds the \(available) bytes left in the file"
        case let .headerTooShort(length): "header length \(length) is shorter than 6"
        case let .unsupportedFormat(format): "format \(format) is not 0, 1 or 2"
        case .zeroTicksPerQuarter: "division of 0 ticks per quarter note"
        case .zeroTicksPerFrame: "SMPTE division of 0 ticks per frame"
        case let .fileTooLarge(limit): "larger than \(limit / 1_048_576) MiB, the most a MIDI file may be"
        case let .unsupportedSMPTERate(rate): "SMPTE rate \(-Int(rate)) is not 24, 25, 29 or 30"
        case .variableLengthQuantityTooLong: "variable-length quantity longer than 4 bytes"
        case .runningStatusWithoutStatus: "running status with no previous status byte"
        case let .dataByteExpected(byte): "data byte expected, found 0x\(hex(byte))"
        case let .unexpectedStatus(byte): "status 0x\(hex(byte)) is not allowed in a MIDI file"
        case let .metaLength(type, length, expected):
            "meta event 0x\(hex(type)) has length \(length), expected \(expected)"
        case let .missingTracks(declared, found): "header declares \(declared) tracks, file has \(found)"
        }
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count == 1 ? "0" + digits : digits
    }
}
