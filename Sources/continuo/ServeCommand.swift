import ArgumentParser

// Placeholder: replaced by the real `serve` subcommand.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("continuo serve is not built yet") }
}
