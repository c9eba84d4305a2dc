import CKernels

extension EventLSTM {
    /// One inference step, batch 1: feeds (token, timing), updates state, returns the two heads' logits.
    ///
    /// Runs on the calling thread only (no BLAS thread pool) and allocates nothing but the two
    /// returned arrays.
    public func step(token: Int32, timing: Int32, state: inout LSTMState) -> (token: [Float], timing: [Float]) {
        advance(token: token, timing: timing, state: &state)
        return logits(for: state)
    }

    /// Feeds (token, timing) and updates state without evaluating the heads: priming a seed
    /// needs the logits after its last event only.
    public func advance(token: Int32, timing: Int32, state: inout LSTMState) {
        let p = hyperparameters, h = p.hidden, g = 4 * h
        precondition((0..<p.vocabularySize).contains(Int(token)) && (0..<p.timingClassCount).contains(Int(timing)),
                     "token \(token) or timing \(timing) outside the model's vocabulary")
        precondition(state.h.count == p.layers * h, "state is for a model of another shape")
        let w = inferenceWeights(), vectors = UnsafePointer(w.vectors.base)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: g + 2 * h) { scratch in
            let gates = scratch.baseAddress!, x = gates + g
            state.h.withUnsafeMutableBufferPointer { hs in
                state.c.withUnsafeMutableBufferPointer { cs in
                    for k in 0..<p.layers {
                        let hk = hs.baseAddress! + k * h, ck = cs.baseAddress! + k * h
                        gates.update(from: vectors + w.biases[k], count: g)
                        if k == 0 {
                            let tokenColumn = vectors + w.inputColumns + Int(token) * g
                            let timingColumn = vectors + w.inputColumns + (p.vocabularySize + Int(timing)) * g
                            for r in 0..<g { gates[r] += tokenColumn[r] + timingColumn[r] }
                            w.accumulate(w.recurrent[0], hk, into: gates)
                        } else {
                            x.update(from: hk - h, count: h)
                            (x + h).update(from: hk, count: h)
                            w.accumulate(w.recurrent[k], x, into: gates)
                        }
                        lstmCellForward(gates: gates, cPrev: ck, c: ck, h: hk, batch: 1, hidden: h)
                    }
                }
            }
        }
    }

    /// The two heads' logits for the top layer's hidden state in `state`.
    public func logits(for state: LSTMState) -> (token: [Float], timing: [Float]) {
        let p = hyperparameters, h = p.hidden
        precondition(state.h.count == p.layers * h, "state is for a model of another shape")
        let w = inferenceWeights(), vectors = UnsafePointer(w.vectors.base)
        var tokenLogits = Array(UnsafeBufferPointer(start: vectors + w.tokenBias, count: p.vocabularySize))
        var timingLogits = Array(UnsafeBufferPointer(start: vectors + w.timingBias, count: p.timingClassCount))
        state.h.withUnsafeBufferPointer { hs in
            let top = hs.baseAddress! + (p.layers - 1) * h
            tokenLogits.withUnsafeMutableBufferPointer { w.accumulate(w.tokenHead, top, into: $0.baseAddress!) }
            timingLogits.withUnsafeMutableBufferPointer { w.accumulate(w.timingHead, top, into: $0.baseAddress!) }
        }
        return (tokenLogits, timingLogits)
    }
}

extension EventLSTM {
    /// The state after feeding `events` from the zero state, and the heads' logits after the
    /// last one (nil for no events): a seed, primed.
    public func prime(_ events: [(token: Int32, timing: Int32)]) -> (state: LSTMState, logits: (token: [Float], timing: [Float])?) {
        var state = LSTMState(zeroFor: self)
        for e in events { advance(token: e.token, timing: e.timing, state: &state) }
        return (state, events.isEmpty ? nil : logits(for: state))
    }

    /// How a batch-1 step reads the matrices: "f16" (binary16 weights, as in an F16 file) or "f32".
    public var inferencePrecision: String { inferenceWeights().isHalfPrecision ? "f16" : "f32" }

    /// Threads a batch-1 step uses: 1 (the calling thread only, the default) or 2 (with one helper
    /// thread that takes half of each matrix's rows; results are identical). Process-wide.
    public static var inferenceThreads: Int {
        get { Int(ck_threads()) }
        set { precondition(ck_set_threads(Int32(newValue)) == 1, "inference threads must be 1 or 2") }
    }

    /// The instruction set of the batch-1 kernels on this CPU: "avx512", "avx2" or "portable".
    public static var kernelInstructionSet: String { String(cString: ck_instruction_set()) }
}
