import Corpus
import Foundation
import Model
import Training

/// A tiny hand-made corpus: five note tokens and a few timing classes in repeating patterns.
func tinyCorpus() -> EncodedCorpus {
    let vocabulary = Vocabulary(entries: [[60], [62], [64], [65], [67]])
    func sequence(_ name: String, _ n: Int, shift: Int) -> EncodedSequence {
        EncodedSequence(name: name, transposition: 0, events: (0..<n).map {
            EncodedEvent(token: Int32(1 + ($0 + shift) % 5), timing: Int32([7, 19, 7, 31][($0 + shift) % 4]))
        })
    }
    return EncodedCorpus(vocabulary: vocabulary,
                         training: [sequence("a", 40, shift: 0), sequence("b", 37, shift: 2)],
                         validation: [sequence("c", 25, shift: 1)])
}

func tinyConfiguration(epochs: Int = 3) -> TrainingConfiguration {
    var c = TrainingConfiguration()
    c.epochs = epochs
    c.layers = 2
    c.hidden = 8
    c.batchSize = 4
    c.windowLength = 6
    c.windowStride = 3
    c.learningRate = 1e-2
    c.seed = 5
    return c
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("training-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
