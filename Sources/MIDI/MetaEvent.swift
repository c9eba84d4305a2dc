/// A meta event (status 0xFF) other than End of Track, which `MIDITrack.end` represents.
public enum MetaEvent: Hashable, Sendable {
    /// 0x00 with two data bytes.
    case sequenceNumber(UInt16)
    /// 0x01–0x0F: text, copyright, track name (0x03), instrument, lyric, marker, cue point… as raw bytes,
    /// because files carry Latin-1, Shift-JIS or UTF-8 without saying which.
    case text(type: UInt8, bytes: [UInt8])
    /// 0x20: the MIDI channel (0–15) that following sysex and meta events refer to.
    case channelPrefix(UInt8)
    /// 0x51: microseconds per quarter note (24-bit).
    case tempo(microsecondsPerQuarter: UInt32)
    /// 0x58: nn/2^dd, MIDI clocks per metronome click, notated 32nd notes per MIDI quarter note.
    case timeSignature(numerator: UInt8, denominatorPower: UInt8, clocksPerClick: UInt8, thirtySecondsPerQuarter: UInt8)
    /// 0x59: sharps (negative = flats) and mode (0 major, 1 minor; other values are kept as found, because
    /// real files carry e.g. 255 and a reader that rejects them loses the whole file for a cosmetic byte).
    case keySignature(sharps: Int8, mode: UInt8)
    /// Any other meta type (port 0x21, SMPTE offset 0x54, sequencer-specific 0x7F, unknown), kept verbatim.
    case other(type: UInt8, data: [UInt8])

    /// Meta type byte of End of Track.
    public static let endOfTrackType: UInt8 = 0x2F

    /// Meta type 0x03: sequence or track name.
    public static let trackNameType: UInt8 = 0x03
}
