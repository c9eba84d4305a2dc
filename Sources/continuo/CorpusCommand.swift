import ArgumentParser

// Placeholder: replaced by the real `corpus` subcommand.
struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "corpus", abstract: "(not built yet)")
    func run() async throws { throw ValidationError("continuo corpus is not built yet") }
}
