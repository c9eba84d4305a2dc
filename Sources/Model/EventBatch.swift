/// A batch of training windows of consecutive events, time-major: event `t` of window `b` is at
/// `t * batchSize + b`, for `t` in `0...length`. Steps `0..<length` are fed; each step's targets
/// are the next event's token and timing class.
public struct EventBatch: Sendable, Equatable {
    /// Steps fed per window (T); every window holds `length + 1` events.
    public var length: Int
    public var batchSize: Int
    public var tokens: [Int32]
    public var timings: [Int32]

    public init(length: Int, batchSize: Int, tokens: [Int32], timings: [Int32]) {
        precondition(tokens.count == (length + 1) * batchSize && timings.count == tokens.count,
                     "an EventBatch holds (length + 1) × batchSize events")
        self.length = length
        self.batchSize = batchSize
        self.tokens = tokens
        self.timings = timings
    }

    /// Number of fed positions, T·B.
    public var positions: Int { length * batchSize }
}

/// Which steps of a window the loss is taken on.
public enum LossSteps: String, Codable, Sendable, CaseIterable {
    /// Every step predicts its next event (the default; T·B predictions per batch).
    case every
    /// Only the window's last step (the seed's objective; B predictions per batch).
    case last
}

/// Mean cross-entropies (nats per predicted event) of one batch.
public struct BatchLoss: Sendable, Equatable {
    public var token: Double
    public var timing: Double
    public init(token: Double, timing: Double) {
        self.token = token
        self.timing = timing
    }
    /// The training objective: token CE + timing CE, equally weighted.
    public var total: Double { token + timing }
}
