import Foundation
import MIDI
import Sequencer

/// `continuo monitor`: Continuo's ALSA input side on its own, printing what arrives.
///
/// It opens the `Continuo` client, connects the sources its patterns select (and reconnects them
/// after a replug), and writes one `MonitorLine` per event: first `ready` with the input port's
/// address, then `connected`/`lost` and every MIDI message with its time on the monotonic clock.
public final class MonitorSession: Sendable {
    public let client: SequencerClient
    public let input: SequencerInput

    /// Opens the client and starts reading; `write` receives each line (from the reader thread).
    public init(clientName: String, sources: [PortPattern],
                write: @escaping @Sendable (MonitorLine) -> Void) throws(SequencerError) {
        client = try SequencerClient(name: clientName)
        input = SequencerInput(
            client: client, sources: sources,
            onEvent: { write(MonitorLine($0)) },
            onFailure: { error in
                var line = MonitorLine(event: "error")
                line.message = error.description
                write(line)
            })
        var ready = MonitorLine(event: "ready")
        ready.source = "\(client.address(of: client.inputPort))"
        write(ready)
        try input.start()
    }

    /// Stops reading.
    public func stop() { input.stop() }

    /// Writes a line to standard output at once, so a reader of the pipe sees it as it happens.
    public static func printLine(_ line: MonitorLine) {
        FileHandle.standardOutput.write(Data((line.json + "\n").utf8))
    }
}
