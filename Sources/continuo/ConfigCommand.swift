import ArgumentParser

// Placeholder: replaced by the real `config` subcommand.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "config", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("continuo config is not built yet") }
}
