import Foundation
import Model

/// Everything that decides a training run's result; stored in checkpoints so `--resume` goes on
/// with the same settings.
public struct TrainingConfiguration: Codable, Sendable, Equatable {
    public var epochs = 30
    public var layers = 3
    public var hidden = 512
    public var dropout: Float = 0.3
    public var batchSize = 64
    /// Steps per window (truncated-BPTT length).
    public var windowLength = 50
    /// Events between the starts of consecutive training windows.
    public var windowStride = 10
    public var learningRate: Float = 1e-3
    /// The learning rate of epoch e (from 0) is `learningRate × learningRateDecay^e`.
    public var learningRateDecay: Float = 1
    public var maxGradientNorm: Float? = 5
    public var lossSteps = LossSteps.every
    public var seed: UInt64 = 0
    /// Epochs without a better validation loss before stopping early.
    public var patience = 5

    public init() {}

    /// The learning rate for epoch `epoch` (0-based) under the decay schedule.
    public func learningRate(epoch: Int) -> Float { learningRate * pow(learningRateDecay, Float(epoch)) }

    func hyperparameters(vocabularySize: Int, timingClassCount: Int) -> LSTMHyperparameters {
        LSTMHyperparameters(vocabularySize: vocabularySize, timingClassCount: timingClassCount,
                            layers: layers, hidden: hidden, dropout: dropout)
    }
}
