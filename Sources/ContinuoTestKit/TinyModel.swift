import Corpus
import Foundation
import Model
import Training

/// A tiny random `EventLSTM` with a small vocabulary: fast enough for unit tests and the VM,
/// where only the order and pairing of events are checked, never what the music sounds like.
public enum TinyModel {
    /// The fixture's tokens: the C major scale from C4 to C5, and a C major triad.
    public static let tokens: [[UInt8]] = [[60], [62], [64], [65], [67], [69], [71], [72], [60, 64, 67]]

    /// A model with random weights drawn from `seed`, and its vocabulary.
    public static func make(seed: UInt64 = 1, hidden: Int = 8, layers: Int = 1) -> (model: EventLSTM, vocabulary: Vocabulary) {
        let vocabulary = Vocabulary(entries: tokens)
        let hyperparameters = LSTMHyperparameters(
            vocabularySize: vocabulary.count, timingClassCount: TimingGrid.count,
            layers: layers, hidden: hidden, dropout: 0)
        return (EventLSTM(hyperparameters: hyperparameters, seed: seed), vocabulary)
    }
}

extension TinyModel {
    /// Writes a tiny note-representation model (random weights, every MIDI pitch a token) as
    /// `continuo train` would, for scenarios that start the real daemon (the qemu rig).
    public static func write(to url: URL, seed: UInt64 = 1) throws {
        let vocabulary = Representation.pitchVocabulary
        let model = EventLSTM(hyperparameters: LSTMHyperparameters(
            vocabularySize: vocabulary.count, timingClassCount: TimingGrid.count, layers: 1, hidden: 8, dropout: 0), seed: seed)
        var encoding = CorpusEncoding()
        encoding.representation = .notes
        let metadata = TrainingMetadata.metadata(vocabulary: vocabulary, configuration: nil, best: nil, encoding: encoding)
        try model.save(to: url, metadata: metadata, dtype: .f32)
    }
}
