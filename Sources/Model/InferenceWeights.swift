/// An `EventLSTM`'s weights repacked for batch-1 steps, in the order a step reads them:
///
///     inputColumns [in, 4H]      W_ih_l0ᵀ: the column for a one-hot input is one contiguous row
///     per layer k: bias [4H]     b_ih + b_hh
///                  recurrent     k = 0: W_hh [4H, H];  k > 0: [W_ih | W_hh] [4H, 2H] (one pass over [x; h])
///     token head [V, H] + [V], timing head [K, H] + [K]
///
/// Immutable once built, so concurrent steps may share it.
final class InferenceWeights: @unchecked Sendable {
    let storage: FloatStorage
    let inputColumns: Int
    let biases: [Int]
    let recurrent: [Int]
    let tokenWeight: Int, tokenBias: Int, timingWeight: Int, timingBias: Int

    init(_ model: EventLSTM) {
        let p = model.hyperparameters, g = 4 * p.hidden, h = p.hidden
        let recurrentCount = g * h + (p.layers - 1) * g * 2 * h
        let total = p.inputSize * g + p.layers * g + recurrentCount + (p.vocabularySize + p.timingClassCount) * (h + 1)
        storage = FloatStorage(count: total)
        var next = 0
        func take(_ n: Int) -> Int { defer { next += n }; return next }
        let base = storage.base
        inputColumns = take(p.inputSize * g)
        transpose(model.view(model.layout.layers[0].inputWeights), rows: g, cols: p.inputSize, into: base + inputColumns)
        var biases: [Int] = [], recurrent: [Int] = []
        for (k, views) in model.layout.layers.enumerated() {
            let b = take(g)
            for r in 0..<g { base[b + r] = model.view(views.inputBias)[r] + model.view(views.hiddenBias)[r] }
            biases.append(b)
            if k == 0 {
                let w = take(g * h)
                (base + w).update(from: model.view(views.hiddenWeights), count: g * h)
                recurrent.append(w)
            } else {
                let w = take(g * 2 * h)
                for r in 0..<g {
                    (base + w + r * 2 * h).update(from: model.view(views.inputWeights) + r * h, count: h)
                    (base + w + r * 2 * h + h).update(from: model.view(views.hiddenWeights) + r * h, count: h)
                }
                recurrent.append(w)
            }
        }
        self.biases = biases
        self.recurrent = recurrent
        func copy(_ offset: Int, _ n: Int) -> Int {
            let at = take(n)
            (base + at).update(from: model.view(offset), count: n)
            return at
        }
        let heads = model.layout
        tokenWeight = copy(heads.tokenHead.weight, p.vocabularySize * h)
        tokenBias = copy(heads.tokenHead.bias, p.vocabularySize)
        timingWeight = copy(heads.timingHead.weight, p.timingClassCount * h)
        timingBias = copy(heads.timingHead.bias, p.timingClassCount)
    }
}
