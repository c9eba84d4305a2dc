import Corpus
import Foundation
import Model

/// A model file together with what it needs to be played: its vocabulary, checked against the
/// network's shape and against this build's `TimingGrid` (a model trained on another grid would
/// emit timing classes that mean something else).
public struct TrainedModel: Sendable {
    public let model: EventLSTM
    public let vocabulary: Vocabulary
    /// The file's whole `__metadata__` (training figures under `continuo.training`).
    public let metadata: [String: String]

    /// Loads and checks `url`; every problem is one line naming the file and the key.
    public static func load(contentsOf url: URL) throws -> TrainedModel {
        let (model, metadata) = try EventLSTM.load(contentsOf: url)
        func fail(_ reason: String) -> TrainingError { TrainingError("\(url.path): \(reason)") }
        guard let json = metadata[TrainingMetadata.vocabularyKey],
              let vocabulary = try? JSONDecoder().decode(Vocabulary.self, from: Data(json.utf8)) else {
            throw fail("__metadata__ \(TrainingMetadata.vocabularyKey) is missing or not a vocabulary")
        }
        guard vocabulary.count == model.hyperparameters.vocabularySize else {
            throw fail("vocabulary has \(vocabulary.count) tokens, the network \(model.hyperparameters.vocabularySize)")
        }
        guard let grid = metadata[TrainingMetadata.timingGridKey],
              (try? JSONDecoder().decode(TimingGrid.Layout.self, from: Data(grid.utf8))) == TimingGrid.layout,
              model.hyperparameters.timingClassCount == TimingGrid.count else {
            throw fail("__metadata__ \(TrainingMetadata.timingGridKey) differs from this build's timing grid")
        }
        return TrainedModel(model: model, vocabulary: vocabulary, metadata: metadata)
    }
}
