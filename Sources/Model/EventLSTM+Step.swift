import CKernels

extension EventLSTM {
    /// One inference step, batch 1: feeds (token, timing), updates state, returns the two heads' logits.
    ///
    /// Never uses the BLAS thread pool: the calling thread, plus CKernels' helper thread when
    /// `inferenceThreads` is 2. Allocates nothing but the two returned arrays.
    public func step(token: Int32, timing: Int32, state: inout LSTMState) -> (token: [Float], timing: [Float]) {
        advance(token: token, timing: timing, state: &state)
        return logits(for: state)
    }

    /// Feeds (token, timing) and updates state without evaluating the heads: priming a seed
    /// needs the logits after its last event only.
    public func advance(token: Int32, timing: Int32, state: inout LSTMState) {
        let p = hyperparameters
        precondition(state.h.count == p.layers * p.hidden, "state is for a model of another shape")
        let w = inferenceWeights()
        withLayerScratch { scratch in
            state.h.withUnsafeMutableBufferPointer { hs in
                state.c.withUnsafeMutableBufferPointer { cs in
                    for k in 0..<p.layers {
                        let below = k == 0 ? nil : UnsafePointer(hs.baseAddress! + (k - 1) * p.hidden)
                        layerStep(k, w, token: token, timing: timing, below: below,
                                  h: hs.baseAddress! + k * p.hidden, c: cs.baseAddress! + k * p.hidden, scratch: scratch)
                    }
                }
            }
        }
    }

    /// One layer's step: gates = b + W_ih x + W_hh h (x: the one-hot columns for layer 0, else
    /// `below`, the layer beneath's new h), then the cell updates `h` and `c` in place.
    private func layerStep(_ k: Int, _ w: InferenceWeights, token: Int32, timing: Int32, below: UnsafePointer<Float>?,
                           h: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        let p = hyperparameters, hidden = p.hidden, g = 4 * hidden
        let vectors = UnsafePointer(w.vectors.base)
        let gates = scratch, x = scratch + g
        gates.update(from: vectors + w.biases[k], count: g)
        if let below {
            x.update(from: below, count: hidden)
            (x + hidden).update(from: h, count: hidden)
            w.accumulate(w.recurrent[k], x, into: gates)
        } else {
            precondition((0..<p.vocabularySize).contains(Int(token)) && (0..<p.timingClassCount).contains(Int(timing)),
                         "token \(token) or timing \(timing) outside the model's vocabulary")
            let tokenColumn = vectors + w.inputColumns + Int(token) * g
            let timingColumn = vectors + w.inputColumns + (p.vocabularySize + Int(timing)) * g
            for r in 0..<g { gates[r] += tokenColumn[r] + timingColumn[r] }
            w.accumulate(w.recurrent[0], h, into: gates)
        }
        lstmCellForward(gates: gates, cPrev: c, c: c, h: h, batch: 1, hidden: hidden)
    }

    /// Scratch for `layerStep`: gates [4H] and [x; h] [2H].
    private func withLayerScratch(_ body: (UnsafeMutablePointer<Float>) -> Void) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 6 * hyperparameters.hidden) { body($0.baseAddress!) }
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
    ///
    /// Layer by layer rather than event by event (the same arithmetic, so the same state as
    /// `advance` per event): each layer's matrix is read 50 times in a row while it is in cache.
    public func prime(_ events: [(token: Int32, timing: Int32)]) -> (state: LSTMState, logits: (token: [Float], timing: [Float])?) {
        let p = hyperparameters, h = p.hidden
        var state = LSTMState(zeroFor: self)
        guard !events.isEmpty else { return (state, nil) }
        var outputs = [Float](repeating: 0, count: events.count * h)   // [T, H]: the layer below's h per event
        let w = inferenceWeights()
        withLayerScratch { scratch in
            state.h.withUnsafeMutableBufferPointer { hs in
                state.c.withUnsafeMutableBufferPointer { cs in
                    outputs.withUnsafeMutableBufferPointer { out in
                        for k in 0..<p.layers {
                            let hk = hs.baseAddress! + k * h, ck = cs.baseAddress! + k * h
                            for (t, e) in events.enumerated() {
                                let slot = out.baseAddress! + t * h
                                layerStep(k, w, token: e.token, timing: e.timing, below: k == 0 ? nil : UnsafePointer(slot),
                                          h: hk, c: ck, scratch: scratch)
                                slot.update(from: hk, count: h)
                            }
                        }
                    }
                }
            }
        }
        return (state, logits(for: state))
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
