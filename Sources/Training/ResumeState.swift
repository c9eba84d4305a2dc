import Corpus
import Foundation
import Model

/// Where a run stands, saved with the weights and Adam moments so `--resume` continues exactly
/// (same shuffles, same dropout masks, same optimizer state).
struct ResumeState: Codable, Equatable {
    var configuration: TrainingConfiguration
    var completedEpochs = 0
    /// Batches of the current epoch already trained.
    var nextBatch = 0
    var epochLossSum = 0.0
    var adamStep = 0
    var dropoutRNGState: UInt64 = 0
    var best: EpochSummary?
    var epochsWithoutImprovement = 0

    static let key = "continuo.resume"
    static let firstMomentPrefix = "adam.exp_avg."
    static let secondMomentPrefix = "adam.exp_avg_sq."

    /// `model.safetensors` → `model.resume.safetensors`.
    static func url(for output: URL) -> URL {
        output.deletingPathExtension().appendingPathExtension("resume.safetensors")
    }

    /// Writes weights, both Adam moments and this state (F32, atomically).
    func write(_ trainer: EventLSTMTrainer, metadata: [String: String], to url: URL) throws {
        var file = trainer.model.safetensors(metadata: metadata)
        for (prefix, store) in [(Self.firstMomentPrefix, trainer.firstMoment), (Self.secondMomentPrefix, trainer.secondMoment)] {
            file.tensors += trainer.model.layout.tensors.map { NamedTensor(name: prefix + $0.name, shape: $0.shape, values: store.array($0)) }
        }
        file.metadata[Self.key] = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        try file.write(to: url, dtype: .f32)
    }

    /// Reads a resume file back into a trainer and its state; checks it was made from this vocabulary.
    static func read(_ url: URL, vocabulary: Vocabulary) throws -> (EventLSTMTrainer, ResumeState) {
        let file = try SafetensorsFile.read(contentsOf: url)
        guard let json = file.metadata[key], let state = try? JSONDecoder().decode(ResumeState.self, from: Data(json.utf8)) else {
            throw TrainingError("\(url.path): not a resume checkpoint (no valid \(key) in __metadata__)")
        }
        guard (try? TrainingMetadata.record(file.metadata))?.vocabulary == vocabulary else {
            throw TrainingError("\(url.path): checkpoint was trained on another vocabulary; resume with the same corpus and options")
        }
        let model = try EventLSTM.load(file, path: url.path, allowingExtra: true).model
        let c = state.configuration
        let trainer = EventLSTMTrainer(model: model, settings: AdamSettings(learningRate: c.learningRate, maxGradientNorm: c.maxGradientNorm))
        for (prefix, store) in [(firstMomentPrefix, trainer.firstMoment), (secondMomentPrefix, trainer.secondMoment)] {
            for spec in model.layout.tensors {
                guard let t = file[prefix + spec.name], t.values.count == spec.count else {
                    throw TrainingError("\(url.path): tensor \(prefix + spec.name) is missing or misshapen")
                }
                for i in 0..<spec.count { store.base[spec.offset + i] = t.values[i] }
            }
        }
        trainer.adamStep = state.adamStep
        trainer.dropoutRNG = SplitMix64(seed: state.dropoutRNGState)
        return (trainer, state)
    }
}

/// The `__metadata__` a trained model carries besides its hyperparameters: the one place its keys and
/// their JSON are defined (written by training, read by `ModelFile`, `continuo evaluate` and the test fixtures).
public enum TrainingMetadata {
    public static let vocabularyKey = "continuo.vocabulary"
    public static let timingGridKey = "continuo.timing_grid"
    public static let trainingKey = "continuo.training"
    public static let corpusKey = "continuo.corpus"

    /// Vocabulary, timing grid, corpus encoding and (when known) the best epoch's figures and the configuration, as JSON strings.
    public static func metadata(vocabulary: Vocabulary, configuration: TrainingConfiguration?, best: EpochSummary?,
                                encoding: CorpusEncoding) -> [String: String] {
        struct Figures: Encodable { var configuration: TrainingConfiguration?; var best: EpochSummary? }
        func json(_ value: some Encodable) -> String { String(decoding: try! JSONEncoder().encode(value), as: UTF8.self) }
        return [vocabularyKey: json(vocabulary), timingGridKey: json(TimingGrid.layout),
                trainingKey: json(Figures(configuration: configuration, best: best)), corpusKey: json(encoding)]
    }

    /// What a model file says about its training: vocabulary, corpus encoding (the first models' settings
    /// when absent) and the configuration when recorded.
    public struct Record: Sendable {
        public var vocabulary: Vocabulary
        public var encoding: CorpusEncoding
        public var configuration: TrainingConfiguration?
        public var best: EpochSummary?
    }

    /// Reads the record from `metadata`; the error says which key is missing or unreadable.
    public static func record(_ metadata: [String: String]) throws(TrainingError) -> Record {
        struct Figures: Decodable { var configuration: TrainingConfiguration?; var best: EpochSummary? }
        guard let json = metadata[vocabularyKey], let vocabulary = try? JSONDecoder().decode(Vocabulary.self, from: Data(json.utf8)) else {
            throw TrainingError("no readable \(vocabularyKey) in __metadata__ (not written by `continuo train`?)")
        }
        let figures = metadata[trainingKey].flatMap { try? JSONDecoder().decode(Figures.self, from: Data($0.utf8)) }
        let encoding: CorpusEncoding
        if let text = metadata[corpusKey] {
            guard let decoded = try? JSONDecoder().decode(CorpusEncoding.self, from: Data(text.utf8)) else {
                throw TrainingError("unreadable \(corpusKey) in __metadata__")
            }
            encoding = decoded
        } else {
            encoding = .legacy(splitSeed: figures?.configuration?.seed ?? 0)
        }
        return Record(vocabulary: vocabulary, encoding: encoding, configuration: figures?.configuration, best: figures?.best)
    }
}
