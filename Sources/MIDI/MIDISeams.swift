/// Where the improviser's output goes: the ALSA output port, the embedded synth, or an
/// in-memory double in tests. Times are on the shared `MonotonicClock`.
public protocol ScheduledMIDISink: AnyObject, Sendable {
    /// Queue `message` to be played at `time` (never sleep-then-send).
    func schedule(_ message: MIDIMessage, at time: MonotonicTime)
    /// Drop every event queued but not yet played.
    func cancelPending()
    /// Silence everything now: note-offs for sounding notes, All Notes Off and sustain up on `channel`.
    func allNotesOff(channel: UInt8)
}

/// What arrives from the musician's side: MIDI, or the loss of an input.
public enum InputEvent: Hashable, Sendable {
    /// A message from an input port, stamped on the shared clock.
    case message(MIDIMessage, at: MonotonicTime)
    /// An input that was connected has gone (unplugged): its phrase ends and its notes are released.
    case sourceLost(name: String)
    /// A matching input appeared and was connected.
    case sourceConnected(name: String)
}
