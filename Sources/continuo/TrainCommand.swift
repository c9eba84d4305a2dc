import ArgumentParser

// Placeholder: replaced by the real `train` subcommand.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "train", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("continuo train is not built yet") }
}
