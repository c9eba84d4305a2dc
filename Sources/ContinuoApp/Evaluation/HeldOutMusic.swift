import Corpus
import Foundation

/// The music `continuo evaluate` scores: the model's own validation split of its training corpus (or every
/// file of a separate test folder), and the training split the n-gram baselines learn from, all in the
/// model's steps and token ids.
struct HeldOutMusic {
    /// One held-out piece as model steps.
    struct Sequence {
        var name: String
        var steps: [MusicEvent]
        var encoded: [EncodedEvent]
    }

    var validation: [Sequence]
    /// Token and timing ids of the training split (untransposed), for the n-gram baselines.
    var trainingTokens: [[Int32]]
    var trainingTimings: [[Int32]]

    /// Reads `corpus` as the model's encoding says; with `testSet`, validation is every piece of that folder instead.
    init(corpus: URL, testSet: URL?, encoding: CorpusEncoding, vocabulary: Vocabulary,
         progress: (String) -> Void) throws(EvaluationError) {
        let loaded = CorpusLoader.load(directory: corpus, streams: encoding.streams)
        guard !loaded.pieces.isEmpty else { throw .noMusic(path: corpus.path, skipped: loaded.skipped.count) }
        let split = encoding.split(loaded.pieces)
        func encode(_ pieces: [Piece]) -> [Sequence] {
            pieces.map { piece in
                Sequence(name: piece.name, steps: piece.events, encoded: EncodedSequence(name: piece.name, events: piece.events,
                                                                                            vocabulary: vocabulary).events)
            }
        }
        let training = encode(split.training)
        trainingTokens = training.map { $0.encoded.map(\.token) }
        trainingTimings = training.map { $0.encoded.map(\.timing) }
        if let testSet {
            let test = CorpusLoader.load(directory: testSet, streams: encoding.streams)
            guard !test.pieces.isEmpty else { throw .noMusic(path: testSet.path, skipped: test.skipped.count) }
            validation = encode(test.pieces.map { piece in
                var stepped = piece
                stepped.events = encoding.representation.steps(piece.events)
                return stepped
            })
            if !test.skipped.isEmpty { progress("test set: \(test.skipped.count) files skipped, e.g. \(test.skipped[0].reason)") }
        } else {
            validation = encode(split.validation)
        }
        if !loaded.skipped.isEmpty { progress("corpus: \(loaded.skipped.count) files skipped, e.g. \(loaded.skipped[0].reason)") }
        progress("music: \(training.count) training and \(validation.count) held-out pieces (\(encoding.representation) steps)")
    }
}

/// What stops an evaluation, as one line.
public enum EvaluationError: Error, CustomStringConvertible {
    case noMusic(path: String, skipped: Int)
    case invalidSetting(name: String, value: String, allowed: String)
    case tooShort(windowLength: Int)

    public var description: String {
        switch self {
        case let .noMusic(path, skipped): "\(path): no usable MIDI file (\(skipped) skipped)"
        case let .invalidSetting(name, value, allowed): "--\(name) \(value): must be \(allowed)"
        case let .tooShort(length): "no held-out piece has more than \(length) steps: nothing to score"
        }
    }
}
