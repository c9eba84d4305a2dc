extension EventLSTM {
    /// One inference step, batch 1: feeds (token, timing), updates state, returns the two heads' logits.
    ///
    /// Runs on the calling thread only (no BLAS thread pool) and allocates nothing but the two
    /// returned arrays.
    public func step(token: Int32, timing: Int32, state: inout LSTMState) -> (token: [Float], timing: [Float]) {
        let p = hyperparameters, h = p.hidden, g = 4 * h
        precondition((0..<p.vocabularySize).contains(Int(token)) && (0..<p.timingClassCount).contains(Int(timing)),
                     "token \(token) or timing \(timing) outside the model's vocabulary")
        precondition(state.h.count == p.layers * h, "state is for a model of another shape")
        let w = inferenceWeights(), base = UnsafePointer(w.storage.base)
        var tokenLogits = Array(UnsafeBufferPointer(start: base + w.tokenBias, count: p.vocabularySize))
        var timingLogits = Array(UnsafeBufferPointer(start: base + w.timingBias, count: p.timingClassCount))
        withUnsafeTemporaryAllocation(of: Float.self, capacity: g + 2 * h) { scratch in
            let gates = scratch.baseAddress!, x = gates + g
            state.h.withUnsafeMutableBufferPointer { hs in
                state.c.withUnsafeMutableBufferPointer { cs in
                    for k in 0..<p.layers {
                        let hk = hs.baseAddress! + k * h, ck = cs.baseAddress! + k * h
                        gates.update(from: base + w.biases[k], count: g)
                        if k == 0 {
                            let tokenColumn = base + w.inputColumns + Int(token) * g
                            let timingColumn = base + w.inputColumns + (p.vocabularySize + Int(timing)) * g
                            for r in 0..<g { gates[r] += tokenColumn[r] + timingColumn[r] }
                            matrixVectorAccumulate(base + w.recurrent[0], rows: g, cols: h, hk, into: gates)
                        } else {
                            x.update(from: hk - h, count: h)
                            (x + h).update(from: hk, count: h)
                            matrixVectorAccumulate(base + w.recurrent[k], rows: g, cols: 2 * h, x, into: gates)
                        }
                        lstmCellForward(gates: gates, cPrev: ck, c: ck, h: hk, batch: 1, hidden: h)
                    }
                    let top = UnsafePointer(hs.baseAddress! + (p.layers - 1) * h)
                    tokenLogits.withUnsafeMutableBufferPointer {
                        matrixVectorAccumulate(base + w.tokenWeight, rows: p.vocabularySize, cols: h, top, into: $0.baseAddress!)
                    }
                    timingLogits.withUnsafeMutableBufferPointer {
                        matrixVectorAccumulate(base + w.timingWeight, rows: p.timingClassCount, cols: h, top, into: $0.baseAddress!)
                    }
                }
            }
        }
        return (tokenLogits, timingLogits)
    }
}
