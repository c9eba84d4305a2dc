import ArgumentParser
import ContinuoApp
import Foundation

/// `continuo evaluate`: wiring only; see `ModelEvaluation`.
struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure a model on music it never trained on: likelihood beside n-gram baselines, answers beside the real continuation.",
        discussion: """
        Scores the model's own validation split of CORPUS_DIR (the split rule, seed and representation are read \
        from the model file) or, with --test-set, every file of another folder. Likelihood: nats per note \
        (comparable across representations where neither has unknown steps), nats per event, top-1/top-5 per \
        head, against an add-k unigram and interpolated Kneser–Ney n-grams trained on the training split. \
        Answers: each held-out piece with at least 100 steps gives a seed (its first 50 steps), answered with the \
        daemon's sampling, by the piece's real next 50 steps and by the best n-gram; medians over pieces.
        """)

    @Argument(help: "The model's training corpus (default: Corpus).") var corpus = "Corpus"
    @Option(help: "Model file (.safetensors); default: the shipped model.") var model: String?
    @Option(help: "Score every file of this folder instead of the validation split.") var testSet: String?
    @Option(help: "Sampling temperature of the answers (default: the daemon's).") var temperature: Float?
    @Option(help: "Nucleus mass of the answers (default: the daemon's).") var topP: Float?
    @Option(help: "Continuations sampled per seed.") var samples = 4
    @Option(help: "Highest n-gram order of the baselines.") var maxOrder = 5
    @Option(help: "Random seed of the sampled answers.") var randomSeed: UInt64 = 0
    @Option(help: "Also write the report as JSON to this file.") var json: String?

    func run() async throws {
        var settings = EvaluationSettings(corpus: URL(fileURLWithPath: corpus))
        settings.model = model.map { URL(fileURLWithPath: $0) }
        settings.testSet = testSet.map { URL(fileURLWithPath: $0) }
        if let temperature { settings.temperature = temperature }
        if let topP { settings.topP = topP }
        settings.samples = samples
        settings.maxOrder = maxOrder
        settings.randomSeed = randomSeed
        do {
            let report = try ModelEvaluation.run(settings) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            print(report.table)
            if let json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(report).write(to: URL(fileURLWithPath: json), options: .atomic)
            }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
