import Foundation
import Model

/// What a training run reports as it goes; the command line turns these into a progress bar or log lines.
public enum TrainingEvent: Sendable {
    /// After each training batch.
    case batch(BatchProgress)
    /// After each epoch's validation.
    case epoch(EpochSummary)
    /// A model or resume checkpoint was written.
    case checkpoint(URL)
}

public struct BatchProgress: Sendable {
    public var epoch: Int, epochs: Int
    /// Batches done in this epoch, of `batches`.
    public var batch: Int, batches: Int
    /// Mean loss (token CE + timing CE, nats/event) of this epoch's batches so far.
    public var loss: Double
    /// Fed events per second over this epoch so far.
    public var tokensPerSecond: Double
    /// Estimated seconds to the end of this epoch.
    public var secondsLeftInEpoch: Double
}

public struct EpochSummary: Codable, Sendable, Equatable {
    /// 1-based.
    public var epoch: Int
    public var trainLoss: Double
    public var validation: ValidationMetrics
    /// Whether this epoch's model became the saved best.
    public var isBest: Bool
    public var seconds: Double
    public var tokensPerSecond: Double
}

/// How a run ended.
public enum TrainingOutcome: Sendable, Equatable {
    /// All requested epochs ran.
    case finished(best: EpochSummary?)
    /// Validation stopped improving for `patience` epochs.
    case stoppedEarly(best: EpochSummary?)
    /// `shouldStop` returned true; a resume checkpoint was written.
    case interrupted(resumeFile: URL)
}

/// A training problem a user can cause (bad resume file, corpus mismatch), as one line.
public struct TrainingError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
