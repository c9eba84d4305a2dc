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
    /// The learning rate of epoch e (from 0) is `learningRate × learningRateDecay^(e − start)`, where
    /// start is `learningRateScheduleStart` (0 unless a resumed run restarted the schedule).
    public var learningRateDecay: Float = 1
    /// The epoch a restarted schedule counts from; nil (and absent in older checkpoints) means 0.
    public var learningRateScheduleStart: Int?
    public var maxGradientNorm: Float? = 5
    public var lossSteps = LossSteps.every
    public var seed: UInt64 = 0
    /// Epochs without a better validation loss before stopping early.
    public var patience = 5

    public init() {}

    /// The learning rate for epoch `epoch` (0-based) under the decay schedule.
    public func learningRate(epoch: Int) -> Float {
        learningRate * pow(learningRateDecay, Float(max(epoch - (learningRateScheduleStart ?? 0), 0)))
    }

    /// Refuses settings that would divide by zero, allocate without bound, or make the loss NaN,
    /// naming the `continuo train` option and its value; runs before any work (and on a resume
    /// checkpoint's stored configuration).
    public func check() throws(TrainingError) {
        let limits = EventLSTM.maximumHyperparameters
        func require(_ ok: Bool, _ option: String, _ value: some CustomStringConvertible, _ allowed: String) throws(TrainingError) {
            guard ok else { throw TrainingError("\(option) \(value): \(allowed)") }
        }
        try require(epochs >= 1, "--epochs", epochs, "must be at least 1")
        try require((1...limits.layers).contains(layers), "--layers", layers, "must be 1…\(limits.layers)")
        try require((1...limits.hidden).contains(hidden), "--hidden", hidden, "must be 1…\(limits.hidden)")
        try require((0..<1).contains(dropout), "--dropout", dropout, "must be at least 0 and below 1")
        try require((1...Self.maximumBatchSize).contains(batchSize), "--batch", batchSize, "must be 1…\(Self.maximumBatchSize)")
        try require((1...Self.maximumWindowLength).contains(windowLength), "--window", windowLength, "must be 1…\(Self.maximumWindowLength)")
        try require(windowStride >= 1, "--stride", windowStride, "must be at least 1")
        try require(learningRate.isFinite && learningRate >= 0, "--lr", learningRate, "must be a finite number, at least 0")
        try require(maxGradientNorm.map { $0.isFinite && $0 > 0 } ?? true, "--clip", maxGradientNorm ?? 0, "must be finite (0 disables clipping)")
        try require(patience >= 0, "--patience", patience, "must be at least 0")
        try require(learningRateDecay > 0 && learningRateDecay <= 1, "--lr-decay", learningRateDecay, "must be in (0, 1]")
    }

    /// Largest `--batch` and `--window`: a batch's activations grow with their product.
    public static let maximumBatchSize = 4096
    public static let maximumWindowLength = 4096

    func hyperparameters(vocabularySize: Int, timingClassCount: Int) -> LSTMHyperparameters {
        LSTMHyperparameters(vocabularySize: vocabularySize, timingClassCount: timingClassCount,
                            layers: layers, hidden: hidden, dropout: dropout)
    }
}
