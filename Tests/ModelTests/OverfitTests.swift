import Model
import Testing

/// A tiny corpus with a deterministic continuation must be learned to near-zero loss: tokens
/// cycle with period 6 and timings with period 4, so the current (token, timing) pair fixes the
/// position in the joint 12-event cycle and every next event is certain.
@Test func tinyCorpus_isLearnedToNearZeroLoss() {
    let tokens: [Int32] = (0..<200).map { Int32([0, 3, 1, 4, 2, 5][$0 % 6]) }
    let timings: [Int32] = (0..<200).map { Int32([2, 0, 3, 1][$0 % 4]) }
    let model = EventLSTM(hyperparameters: LSTMHyperparameters(vocabularySize: 6, timingClassCount: 4, layers: 2,
                                                               hidden: 24, dropout: 0), seed: 1)
    let trainer = EventLSTMTrainer(model: model, settings: AdamSettings(learningRate: 1e-2), seed: 1)
    let length = 8, windows = 4
    func batch(at start: Int) -> EventBatch {
        var tok: [Int32] = [], tim: [Int32] = []
        for t in 0...length {
            for b in 0..<windows { tok.append(tokens[start + 13 * b + t]); tim.append(timings[start + 13 * b + t]) }
        }
        return EventBatch(length: length, batchSize: windows, tokens: tok, timings: tim)
    }
    var last = BatchLoss(token: .infinity, timing: .infinity)
    for step in 0..<400 { last = trainer.train(batch(at: step % 12)) }
    #expect(last.total < 0.02, "loss after 400 steps: \(last)")
    let held = trainer.computeGradients(batch(at: 100), loss: .every)
    #expect(held.total < 0.02, "loss on unseen offsets: \(held)")
}
