import Corpus
import Foundation
import Improviser
import Model

/// What `continuo evaluate` is asked to do.
public struct EvaluationSettings: Sendable {
    /// The model file; nil means the shipped default model.
    public var model: URL?
    /// The model's training corpus: its validation split is scored, its training split trains the baselines.
    public var corpus: URL
    /// When set, every file of this folder is scored instead of the validation split (music of a style never trained on).
    public var testSet: URL?
    /// The daemon's sampling settings by default.
    public var temperature = AccompanistSettings().temperature
    public var topP = AccompanistSettings().topP
    /// Continuations sampled per seed, for the model and the n-gram.
    public var samples = 4
    /// Highest n-gram order tried.
    public var maxOrder = 5
    public var randomSeed: UInt64 = 0

    public init(corpus: URL) { self.corpus = corpus }

    func validate() throws(EvaluationError) {
        if !(temperature >= 0 && temperature.isFinite) { throw .invalidSetting(name: "temperature", value: "\(temperature)", allowed: "0 or more") }
        if !(topP > 0 && topP <= 1) { throw .invalidSetting(name: "top-p", value: "\(topP)", allowed: "in (0, 1]") }
        if !(1...100).contains(samples) { throw .invalidSetting(name: "samples", value: "\(samples)", allowed: "1…100") }
        if !(2...6).contains(maxOrder) { throw .invalidSetting(name: "max-order", value: "\(maxOrder)", allowed: "2…6") }
    }
}

/// Everything `continuo evaluate` measured: likelihood beside the baselines, and answers beside the
/// real continuation and the best n-gram's.
public struct EvaluationReport: Codable, Sendable {
    public var model: String
    public var representation: Representation
    public var corpus: String
    public var heldOut: String
    public var heldOutPieces: Int
    public var temperature: Float
    public var topP: Float
    public var samples: Int
    public var likelihood: [LikelihoodScore]
    /// The baseline whose continuations are sampled: the n-gram with the lowest nats/note.
    public var bestBaseline: String
    public var answers: [AnswerSummary]
}

/// `continuo evaluate`: the yardstick every model change is judged by.
public enum ModelEvaluation {
    public static func run(_ settings: EvaluationSettings, progress: (String) -> Void) throws -> EvaluationReport {
        try settings.validate()
        let trained = try ModelFile.open(path: settings.model?.path)
        let encoding = trained.encoding
        progress("model: \(trained.path) (\(encoding.representation) representation, vocabulary \(trained.vocabulary.count))")
        let music = try HeldOutMusic(corpus: settings.corpus, testSet: settings.testSet, encoding: encoding,
                                     vocabulary: trained.vocabulary, progress: progress)
        let length = trained.configuration?.windowLength ?? EncodedCorpus.windowLength
        let positions = ScoredPositions(music.validation, length: length)
        guard !positions.windows.isEmpty else { throw EvaluationError.tooShort(windowLength: length) }
        let shape = trained.model.hyperparameters
        let modelScore = LikelihoodEvaluation.model(trained.model, music: music, positions: positions, name: "model", progress: progress)
        let baselines = LikelihoodEvaluation.baselines(music: music, positions: positions, vocabularySize: shape.vocabularySize,
                                                       timingClassCount: shape.timingClassCount, maxOrder: settings.maxOrder,
                                                       progress: progress)
        let bestIndex = baselines.models.indices.min { baselines.scores[$0 + 1].natsPerNote < baselines.scores[$1 + 1].natsPerNote }
        let best = bestIndex.map { baselines.models[$0] }
        let answers = AnswerEvaluation(samples: settings.samples, sampler: Sampler(temperature: settings.temperature, topP: settings.topP),
                                       randomSeed: settings.randomSeed)
            .run(model: trained.model, vocabulary: trained.vocabulary, representation: encoding.representation, music: music,
                 ngram: best, progress: progress)
        return EvaluationReport(
            model: trained.path, representation: encoding.representation, corpus: settings.corpus.path,
            heldOut: settings.testSet.map { "every file of \($0.path)" } ?? "validation split (\(Int((encoding.validationFraction * 100).rounded())) % of files, seed \(encoding.splitSeed))",
            heldOutPieces: music.validation.count, temperature: settings.temperature, topP: settings.topP, samples: settings.samples,
            likelihood: [modelScore] + baselines.scores, bestBaseline: bestIndex.map { baselines.scores[$0 + 1].name } ?? "none",
            answers: answers)
    }
}
