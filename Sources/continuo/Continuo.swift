import ArgumentParser

/// The `continuo` command: wiring only; each subcommand lives in its own file.
@main
struct Continuo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "continuo",
        abstract: "A real-time MIDI improvisation partner: listens on ALSA, answers with an LSTM.",
        subcommands: [
            ServeCommand.self, GenerateCommand.self, TrainCommand.self,
            EvaluateCommand.self, CorpusCommand.self, BenchCommand.self, ConfigCommand.self, MonitorCommand.self, PlayCommand.self,
        ]
    )
}
