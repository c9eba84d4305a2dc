/// Truncated-BPTT training of an `EventLSTM`: forward and backward over a batch of windows, then
/// gradient-norm clipping and one Adam step. Gradients and Adam's moments are flat stores with
/// the model's layout, so resuming is copying three arrays and a step count.
public final class EventLSTMTrainer {
    public let model: EventLSTM
    public var settings: AdamSettings
    /// dLoss/dθ of the last `computeGradients`, same layout as `model.parameters`.
    public let gradients: FloatStorage
    /// Adam's first and second moments.
    public let firstMoment: FloatStorage, secondMoment: FloatStorage
    /// Adam steps taken so far.
    public var adamStep = 0
    /// Source of dropout masks; part of the resumable state.
    public var dropoutRNG: SplitMix64
    private var activations: TrainingActivations?

    public init(model: EventLSTM, settings: AdamSettings = AdamSettings(), seed: UInt64 = 0) {
        self.model = model
        self.settings = settings
        gradients = FloatStorage(count: model.layout.count)
        firstMoment = FloatStorage(count: model.layout.count)
        secondMoment = FloatStorage(count: model.layout.count)
        dropoutRNG = SplitMix64(seed: seed ^ 0xD50F_0A7C_0000_0001)
    }

    /// One training step: gradients of the mean (token CE + timing CE), clipped, then Adam.
    @discardableResult
    public func train(_ batch: EventBatch, loss steps: LossSteps = .every) -> BatchLoss {
        let loss = computeGradients(batch, loss: steps)
        applyGradients()
        return loss
    }

    /// Forward (with dropout) and backward; replaces `gradients` and returns the batch's loss.
    public func computeGradients(_ batch: EventBatch, loss steps: LossSteps = .every) -> BatchLoss {
        let a = forward(batch, training: true)
        return backward(batch, a, loss: steps)
    }

    /// Clips `gradients` to `settings.maxGradientNorm`, takes one Adam step; returns the norm before clipping.
    @discardableResult
    public func applyGradients() -> Float {
        let n = model.layout.count
        let norm = clipGradientNorm(gradients.base, count: n, maxNorm: settings.maxGradientNorm)
        adamStep += 1
        model.updateParameters { θ in
            adamUpdate(parameters: θ.baseAddress!, gradients: gradients.base, m: firstMoment.base,
                       v: secondMoment.base, count: n, step: adamStep, settings: settings)
        }
        return norm
    }

    /// Both heads' logits for every fed position (no dropout), time-major `[T·B, V]` and `[T·B, K]`.
    public func logits(_ batch: EventBatch) -> (token: [Float], timing: [Float]) {
        let a = forward(batch, training: false)
        return (Array(a.tokenLogits.buffer), Array(a.timingLogits.buffer))
    }

    func workspace(_ batch: EventBatch, dropout: Bool) -> TrainingActivations {
        if let a = activations, a.fits(steps: batch.length, batch: batch.batchSize, dropout: dropout) { return a }
        let a = TrainingActivations(model.hyperparameters, steps: batch.length, batch: batch.batchSize, dropout: dropout)
        activations = a
        return a
    }
}
