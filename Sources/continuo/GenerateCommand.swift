import ArgumentParser

// Placeholder: replaced by the real `generate` subcommand.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("continuo generate is not built yet") }
}
