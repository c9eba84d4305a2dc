import Improviser
import Logging

/// Every setting of `continuo serve`, with the defaults documented in `Config/continuo.yaml`.
public struct ServeSettings: Hashable, Sendable {
    /// Model file; nil: the shipped default model.
    public var modelPath: String?
    /// Threads of one inference step: 1, or 2 (a helper thread takes half of each matrix).
    public var inferenceThreads = 2
    /// Input ports to auto-connect: name patterns (`*` wildcard, case-insensitive),
    /// `CLIENT:PORT`, or `hardware` (every hardware MIDI input that is not a through port).
    public var inputs = ["hardware"]
    /// Output ports to auto-connect (e.g. a DAW); empty: none, subscribe with aconnect.
    public var outputs: [String] = []
    /// Listening and answering.
    public var accompanist = AccompanistSettings()
    /// The embedded synth.
    public var synth = SynthSettings()
    /// Lowest level logged.
    public var logLevel = Logger.Level.info
    /// Seconds between status lines (log and systemd STATUS=); 0: never.
    public var statusSeconds = 60.0

    public init() {}
}
