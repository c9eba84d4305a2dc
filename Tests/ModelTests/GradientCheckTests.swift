import Model
import Testing

/// Analytic gradients against central finite differences for every parameter tensor of a tiny
/// model, with dropout on (the mask is replayed by resetting its generator for every loss).
///
/// Tolerance, in Float: the loss (≈ 2.9) is accumulated with rounding noise of about 1e-6, so a
/// central difference with step h = 1e-2 carries ≈ 1e-6 / (2h) = 5e-5 of noise, and its
/// truncation error h²/6 · f‴ is ≈ 2e-5 for these O(1) curvatures. An element passes within
/// 5e-4 + 2 % of its size — a tenth of a typical gradient here, while a wrong term (a missing
/// gate derivative, a transposed weight) is off by 100 % or more.
@Suite struct GradientCheckTests {
    static let shape = LSTMHyperparameters(vocabularySize: 5, timingClassCount: 3, layers: 2, hidden: 4, dropout: 0.3)
    static let batch = EventBatch(length: 4, batchSize: 2,
                                  tokens: [0, 3, 1, 4, 2, 2, 4, 0, 3, 1], timings: [0, 2, 1, 1, 2, 0, 0, 1, 2, 2])

    @Test(arguments: LossSteps.allCases)
    func everyParameterTensor_matchesCentralDifferences(loss steps: LossSteps) {
        let model = EventLSTM(hyperparameters: Self.shape, seed: 7)
        let trainer = EventLSTMTrainer(model: model, seed: 11)
        let maskSeed = trainer.dropoutRNG
        func loss() -> Double {
            trainer.dropoutRNG = maskSeed
            return trainer.computeGradients(Self.batch, loss: steps).total
        }
        _ = loss()
        let analytic = model.named(trainer.gradients)
        let h: Float = 1e-2
        for spec in model.layout.tensors {
            var numeric = [Float](repeating: 0, count: spec.count)
            for i in 0..<spec.count {
                let index = spec.offset + i, saved = model.parameters.base[index]
                model.updateParameters { $0[index] = saved + h }
                let up = loss()
                model.updateParameters { $0[index] = saved - h }
                let down = loss()
                model.updateParameters { $0[index] = saved }
                numeric[i] = Float((up - down) / Double(2 * h))
            }
            let a = analytic[spec.name]!
            let worst = zip(a, numeric).map { abs($0 - $1) - 0.02 * max(abs($0), abs($1)) }.max()!
            #expect(worst <= 5e-4, "d\(spec.name) (\(steps) steps): analytic \(a) vs numeric \(numeric)")
            #expect(a.contains { $0 != 0 } || spec.name.contains("weight_ih_l0"), "d\(spec.name) is all zero")
        }
    }
}
