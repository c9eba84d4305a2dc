/// One channel-voice or system-exclusive MIDI message, as a value.
///
/// Channels are 0–15 (MIDI channel 1 is `0`); data bytes are 0–127.
public enum MIDIMessage: Hashable, Sendable {
    case noteOn(channel: UInt8, note: UInt8, velocity: UInt8)
    case noteOff(channel: UInt8, note: UInt8, velocity: UInt8)
    case polyPressure(channel: UInt8, note: UInt8, pressure: UInt8)
    case controlChange(channel: UInt8, controller: UInt8, value: UInt8)
    case programChange(channel: UInt8, program: UInt8)
    case channelPressure(channel: UInt8, pressure: UInt8)
    /// Pitch bend, -8192…8191, 0 is centre.
    case pitchBend(channel: UInt8, value: Int16)
    /// System exclusive payload without the leading F0 (and with a trailing F7 if the source had one).
    case sysex([UInt8])

    /// Controller number of the sustain (damper) pedal.
    public static let sustainController: UInt8 = 64
    /// Controller 123: All Notes Off.
    public static let allNotesOffController: UInt8 = 123
}
