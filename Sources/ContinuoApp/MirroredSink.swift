import MIDI

/// Plays one schedule on several sinks — the ALSA output port and the embedded synth — so
/// what a DAW records and what the speakers play are the same events at the same times.
public final class MirroredSink: ScheduledMIDISink {
    private let sinks: [any ScheduledMIDISink]

    public init(_ sinks: [any ScheduledMIDISink]) { self.sinks = sinks }

    public func schedule(_ message: MIDIMessage, at time: MonotonicTime) {
        for sink in sinks { sink.schedule(message, at: time) }
    }

    public func cancelPending() {
        for sink in sinks { sink.cancelPending() }
    }

    public func allNotesOff(channel: UInt8) {
        for sink in sinks { sink.allNotesOff(channel: channel) }
    }
}
