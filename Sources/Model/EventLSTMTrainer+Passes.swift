extension EventLSTMTrainer {
    /// Forward over all layers and both heads; P = T·B positions, time-major.
    func forward(_ batch: EventBatch, training: Bool) -> TrainingActivations {
        let p = model.hyperparameters, h = p.hidden, g = 4 * h, positions = batch.positions
        let dropout = training && p.dropout > 0 && p.layers > 1
        let a = workspace(batch, dropout: dropout)
        let views = model.layout
        batch.tokens.withUnsafeBufferPointer { tokens in
            batch.timings.withUnsafeBufferPointer { timings in
                for (k, v) in views.layers.enumerated() {
                    var bias = [Float](repeating: 0, count: g)
                    for r in 0..<g { bias[r] = model.view(v.inputBias)[r] + model.view(v.hiddenBias)[r] }
                    let z = a.gates[k].base
                    if k == 0 {
                        transpose(model.view(v.inputWeights), rows: g, cols: p.inputSize, into: a.columns.base)
                        oneHotProjectionForward(columns: a.columns.base, bias: bias, tokens: tokens.baseAddress!,
                                                timings: timings.baseAddress!, vocabularySize: p.vocabularySize,
                                                positions: positions, gateWidth: g, into: z)
                    } else {
                        let x = a.layerInput(k)
                        if let mask = a.mask[k] {
                            dropoutForward(a.h[k - 1].base, count: positions * h, probability: p.dropout,
                                           rng: &dropoutRNG, mask: mask.base, into: x)
                        }
                        linearForward(x, weight: model.view(v.inputWeights), bias: bias, rows: positions,
                                      inputs: h, outputs: g, into: z)
                    }
                    lstmLayerForward(gates: z, c: a.c[k].base, h: a.h[k].base, whh: model.view(v.hiddenWeights),
                                     steps: batch.length, batch: batch.batchSize, hidden: h)
                }
            }
        }
        let top = a.h[p.layers - 1].base
        for (head, logits) in [(views.tokenHead, a.tokenLogits), (views.timingHead, a.timingLogits)] {
            linearForward(top, weight: model.view(head.weight), bias: model.view(head.bias), rows: positions,
                          inputs: h, outputs: head.outputs, into: logits.base)
        }
        return a
    }

    /// Loss and backward over the heads and all layers, writing `gradients`.
    func backward(_ batch: EventBatch, _ a: TrainingActivations, loss steps: LossSteps) -> BatchLoss {
        let p = model.hyperparameters, h = p.hidden, g = 4 * h, positions = batch.positions
        let firstRow = steps == .every ? 0 : positions - batch.batchSize
        let weighted = positions - firstRow, weight = 1 / Float(weighted)
        let views = model.layout, grad = gradients.base
        gradients.zero()
        return batch.tokens.withUnsafeBufferPointer { tokens in
            batch.timings.withUnsafeBufferPointer { timings in
                let tokenNLL = softmaxCrossEntropy(logits: a.tokenLogits.base, rows: positions, classes: p.vocabularySize,
                                                   targets: tokens.baseAddress! + batch.batchSize, firstRow: firstRow, weight: weight)
                let timingNLL = softmaxCrossEntropy(logits: a.timingLogits.base, rows: positions, classes: p.timingClassCount,
                                                    targets: timings.baseAddress! + batch.batchSize, firstRow: firstRow, weight: weight)
                let top = a.h[p.layers - 1].base
                for (n, (head, dLogits)) in [(views.tokenHead, a.tokenLogits), (views.timingHead, a.timingLogits)].enumerated() {
                    linearBackward(dLogits.base, x: top, weight: model.view(head.weight), rows: positions, inputs: h,
                                   outputs: head.outputs, accumulateInput: n > 0, dx: a.dH.base,
                                   dWeight: grad + head.weight, dBias: grad + head.bias)
                }
                for k in stride(from: p.layers - 1, through: 0, by: -1) {
                    let v = views.layers[k]
                    lstmLayerBackward(gates: a.gates[k].base, c: a.c[k].base, dH: a.dH.base, dGates: a.dGates.base,
                                      dc: a.dc.base, whh: model.view(v.hiddenWeights), steps: batch.length,
                                      batch: batch.batchSize, hidden: h)
                    lstmRecurrentGradients(dGates: a.dGates.base, h: a.h[k].base, steps: batch.length, batch: batch.batchSize,
                                           hidden: h, dWhh: grad + v.hiddenWeights, dBih: grad + v.inputBias,
                                           dBhh: grad + v.hiddenBias)
                    if k == 0 {
                        a.dColumns.zero()
                        oneHotProjectionBackward(dGates: a.dGates.base, tokens: tokens.baseAddress!, timings: timings.baseAddress!,
                                                 vocabularySize: p.vocabularySize, positions: positions, gateWidth: g,
                                                 into: a.dColumns.base)
                        transpose(a.dColumns.base, rows: p.inputSize, cols: g, into: grad + v.inputWeights, accumulate: true)
                    } else {
                        // dW_ih [4H, H] += dZᵀ · x;  dx [P, H] = dZ · W_ih, then back through dropout.
                        let x = a.layerInput(k), mask = a.mask[k]
                        sgemm(true, false, m: g, n: h, k: positions, a.dGates.base, lda: g, x, ldb: h,
                              beta: 1, grad + v.inputWeights, ldc: h)
                        sgemm(false, false, m: positions, n: h, k: g, a.dGates.base, lda: g, model.view(v.inputWeights),
                              ldb: h, beta: 0, mask == nil ? a.dH.base : a.dInput.base, ldc: h)
                        if let mask { dropoutBackward(a.dInput.base, mask: mask.base, count: positions * h, into: a.dH.base) }
                    }
                }
                return BatchLoss(token: tokenNLL / Double(weighted), timing: timingNLL / Double(weighted))
            }
        }
    }
}
