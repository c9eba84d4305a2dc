import ArgumentParser

// Placeholder: replaced by the real `bench` subcommand.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("continuo bench is not built yet") }
}
