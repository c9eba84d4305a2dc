/// A sink that plays nothing: for measuring the improviser's own work (`continuo bench`)
/// without a port or a synth.
public final class DiscardingSink: ScheduledMIDISink {
    public init() {}
    public func schedule(_ message: MIDIMessage, at time: MonotonicTime) {}
    public func cancelPending() {}
    public func allNotesOff(channel: UInt8) {}
}
