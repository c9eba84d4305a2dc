import ArgumentParser
import ContinuoApp
import Sequencer

/// `continuo monitor`: print incoming MIDI as JSON lines (like `aseqdump`), to check a keyboard.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Print what reaches Continuo's ALSA input, one JSON object per line.",
        discussion: """
            Creates the client 'Continuo' with its ports, connects the sources selected by --source \
            (default: every hardware MIDI port that is not a through port) and reconnects them when \
            they are plugged in again. Stop with Ctrl-C.
            """)

    @Option(name: .customLong("source"), help: "Port pattern: 'hardware', CLIENT:PORT, or a name (glob or substring). Repeatable.")
    var sources: [String] = ["hardware"]

    @Flag(help: "Connect nothing by pattern (others may still connect to Continuo In).")
    var noAutoConnect = false

    @Option(help: "ALSA client name.")
    var clientName = "Continuo"

    @Option(help: "Stop after this many seconds (default: run until interrupted).")
    var seconds: Double?

    func validate() throws {
        if let seconds, !(seconds.isFinite && seconds >= 0) {
            throw ValidationError("--seconds \(seconds): must be a finite number of seconds, at least 0")
        }
    }

    func run() async throws {
        let session = try MonitorSession(clientName: clientName, sources: noAutoConnect ? [] : sources.map(PortPattern.init),
                                         write: MonitorSession.printLine)
        if let seconds {
            try await Task.sleep(for: .seconds(seconds))
        } else {
            while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
        }
        session.stop()
    }
}
