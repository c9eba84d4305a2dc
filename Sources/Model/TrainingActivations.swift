/// Every buffer one forward/backward pass over a batch needs, sized for (T, B) and reused
/// between batches of that size.  P = T·B; shapes per layer k:
///
///     gates[k] [P, 4H]  activated gates     c[k], h[k] [P, H]   cell and hidden states
///     input[k] [P, H]   layer k's input after dropout (k > 0; absent without dropout)
///     mask[k]  [P, H]   its dropout mask
///     tokenLogits [P, V], timingLogits [P, K]  (turned into their gradients by the loss)
///     dGates [P, 4H], dH / dInput [P, H], dc [B, H], columns / dColumns [in, 4H] (layer 0)
final class TrainingActivations {
    let steps: Int, batch: Int, dropout: Bool
    let gates: [FloatStorage], c: [FloatStorage], h: [FloatStorage]
    let input: [FloatStorage?], mask: [FloatStorage?]
    let tokenLogits: FloatStorage, timingLogits: FloatStorage
    let dGates: FloatStorage, dH: FloatStorage, dInput: FloatStorage, dc: FloatStorage
    let columns: FloatStorage, dColumns: FloatStorage

    init(_ p: LSTMHyperparameters, steps: Int, batch: Int, dropout: Bool) {
        self.steps = steps
        self.batch = batch
        self.dropout = dropout
        let n = steps * batch, g = 4 * p.hidden
        func block(_ width: Int) -> FloatStorage { FloatStorage(count: n * width) }
        gates = (0..<p.layers).map { _ in block(g) }
        c = (0..<p.layers).map { _ in block(p.hidden) }
        h = (0..<p.layers).map { _ in block(p.hidden) }
        input = (0..<p.layers).map { $0 > 0 && dropout ? block(p.hidden) : nil }
        mask = (0..<p.layers).map { $0 > 0 && dropout ? block(p.hidden) : nil }
        tokenLogits = block(p.vocabularySize)
        timingLogits = block(p.timingClassCount)
        dGates = block(g)
        dH = block(p.hidden)
        dInput = block(p.hidden)
        dc = FloatStorage(count: batch * p.hidden)
        columns = FloatStorage(count: p.inputSize * g)
        dColumns = FloatStorage(count: p.inputSize * g)
    }

    /// Layer k's input (k > 0): the dropped-out copy when dropout is on, else layer k−1's h.
    func layerInput(_ k: Int) -> UnsafeMutablePointer<Float> { (input[k] ?? h[k - 1]).base }

    func fits(steps: Int, batch: Int, dropout: Bool) -> Bool {
        self.steps == steps && self.batch == batch && self.dropout == dropout
    }
}
