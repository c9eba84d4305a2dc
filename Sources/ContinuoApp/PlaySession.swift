import Foundation
import MIDI
import Sequencer
import Synth

/// What `continuo play` does: where the file goes and how the start is held back.
public struct PlayOptions: Sendable {
    public var file: URL
    public var clientName = "Continuo"
    /// Ports `Continuo Out` is connected to by pattern (a DAW, `aseqdump`); none by default.
    public var destinations: [PortPattern] = []
    /// Wait up to this long for someone to subscribe to `Continuo Out` before starting.
    public var subscriberTimeout: Double?
    /// Silence between scheduling and the first event, so nothing is scheduled in the past.
    public var leadIn = 0.5
    /// Interrupt after this many seconds of playing: drop what is still queued, then all notes off
    /// on every channel the file uses (what the daemon does when the musician plays again).
    public var stopAfter: Double?
    /// Also play through the embedded FluidSynth, aligned with the queue.
    public var synth: LiveSynthConfiguration?

    public init(file: URL) { self.file = file }

    /// Times must be finite and not negative: they become sleeps and queue times.
    public func validate() throws(PlayError) {
        for (option, value) in [("--wait-for-subscriber", subscriberTimeout), ("--lead-in", leadIn), ("--stop-after", stopAfter)] {
            if let value, !(value.isFinite && value >= 0) { throw .invalidTime(option: option, value: value) }
        }
    }
}

/// Why `continuo play` could not play.
public enum PlayError: Error, CustomStringConvertible {
    case noSubscriber(port: String, seconds: Double)
    case invalidTime(option: String, value: Double)

    public var description: String {
        switch self {
        case let .noSubscriber(port, seconds): "nobody subscribed to \(port) (Continuo Out) within \(seconds) s"
        case let .invalidTime(option, value): "\(option) \(value): must be a finite number of seconds, at least 0"
        }
    }
}

/// `continuo play`: a MIDI file out through `Continuo Out`, every event put on the ALSA queue with
/// its time at once (the kernel plays it), and optionally through the live synth on the same clock.
public enum PlaySession {
    /// Every channel and sysex message of `file` with its time in seconds from the start, in time
    /// order; events at the same time keep their track's, then the file's, order.
    public static func timeline(of file: MIDIFile) -> [(seconds: Double, message: MIDIMessage)] {
        let tempo = TempoMap(file)
        var timed: [(seconds: Double, track: Int, index: Int, message: MIDIMessage)] = []
        for (track, events) in file.tracks.map(\.events).enumerated() {
            for (index, event) in events.enumerated() {
                guard case .message(let message) = event.kind else { continue }
                timed.append((tempo.seconds(at: event.tick).value, track, index, message))
            }
        }
        timed.sort { ($0.seconds, $0.track, $0.index) < ($1.seconds, $1.track, $1.index) }
        return timed.map { ($0.seconds, $0.message) }
    }

    /// Plays `options.file` and returns after its last event; `report` receives status lines
    /// (`ready`, `scheduled`, `finished`, `error`).
    public static func run(_ options: PlayOptions, report: @escaping @Sendable (MonitorLine) -> Void) async throws {
        try options.validate()
        let events = timeline(of: try MIDIFile(contentsOf: options.file))
        let client = try SequencerClient(name: options.clientName)
        let reportFailure: @Sendable (SequencerError) -> Void = { error in
            var line = MonitorLine(event: "error")
            line.message = error.description
            report(line)
        }
        let connections = SequencerInput(client: client, sources: [], destinations: options.destinations,
                                         onEvent: { _ in }, onFailure: reportFailure)
        try connections.start()
        defer { connections.stop() }
        let output = SequencerOutput(client: client, onFailure: reportFailure)
        let sink = MirroredSink(try options.synth.map { [try LiveSynth(configuration: $0, clock: client.clock), output] } ?? [output])
        let port = "\(client.address(of: client.outputPort))"
        var ready = MonitorLine(event: "ready")
        ready.source = port
        report(ready)

        if let timeout = options.subscriberTimeout {
            let deadline = client.clock.now() + timeout
            while try client.outputSubscriberCount() == 0 {
                guard client.clock.now() < deadline else { throw PlayError.noSubscriber(port: port, seconds: timeout) }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        let start = client.clock.now() + options.leadIn
        for event in events { sink.schedule(event.message, at: start + event.seconds) }
        var scheduled = MonitorLine(event: "scheduled")
        scheduled.value = events.count
        scheduled.time = start.seconds
        report(scheduled)

        if let stopAfter = options.stopAfter, stopAfter < (events.last?.seconds ?? 0) {
            try await Task.sleep(for: .seconds(max(0, (start + stopAfter) - client.clock.now())))
            let channels = Set(events.compactMap(\.message.channel)).sorted()
            sink.cancelPending()
            for channel in channels { sink.allNotesOff(channel: channel) }
            var stopped = MonitorLine(event: "stopped")
            stopped.time = client.clock.now().seconds
            report(stopped)
        } else {
            // The synth's voices ring on after their note-off; give them a moment before closing.
            let end = start + (events.last?.seconds ?? 0) + (options.synth == nil ? 0.2 : 1.0)
            try await Task.sleep(for: .seconds(max(0, end - client.clock.now())))
        }
        var finished = MonitorLine(event: "finished")
        finished.time = client.clock.now().seconds
        report(finished)
    }
}

extension MIDIMessage {
    /// The channel of a channel message; nil for sysex.
    fileprivate var channel: UInt8? {
        switch self {
        case let .noteOn(channel, _, _), let .noteOff(channel, _, _), let .polyPressure(channel, _, _),
             let .controlChange(channel, _, _), let .programChange(channel, _), let .channelPressure(channel, _),
             let .pitchBend(channel, _):
            channel
        case .sysex:
            nil
        }
    }
}
