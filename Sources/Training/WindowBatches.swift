import Corpus
import Model

/// Training windows packed into `EventBatch`es (time-major), in a seeded shuffled order per epoch.
public struct WindowBatches: Sendable {
    public let windows: [TrainingWindow]
    public let batchSize: Int
    /// Whether a last, smaller batch is kept (validation) or dropped (training).
    public let keepsPartialBatch: Bool

    public init(windows: [TrainingWindow], batchSize: Int, keepsPartialBatch: Bool) {
        self.windows = windows
        self.batchSize = batchSize
        self.keepsPartialBatch = keepsPartialBatch
    }

    public var count: Int { keepsPartialBatch ? (windows.count + batchSize - 1) / batchSize : windows.count / batchSize }

    /// Window indices in epoch order: a Fisher–Yates shuffle from `seed`, or as stored when nil.
    public func order(seed: UInt64?) -> [Int] {
        var order = Array(windows.indices)
        guard let seed else { return order }
        var rng = SplitMix64(seed: seed)
        order.shuffle(using: &rng)
        return order
    }

    /// Batch `index` of `order`: event t of window b at `t * batch + b`, t = 0…length, the last
    /// row being the final target. With a `transposition`, each note-token window is first moved by
    /// its shift for `epoch`.
    public func batch(_ index: Int, order: [Int], transposition: WindowTransposition? = nil, epoch: Int = 0) -> EventBatch {
        let chosen = order[index * batchSize ..< min((index + 1) * batchSize, order.count)]
        let members = chosen.map { windows[$0] }
        let length = members[0].inputs.count, width = members.count
        var tokens = [Int32](repeating: 0, count: (length + 1) * width), timings = tokens
        for (b, (w, id)) in zip(members, chosen).enumerated() {
            var events = w.inputs + [w.targets[length - 1]]
            if let transposition {
                let pitches = events.filter { $0.token > 0 }.map { Int($0.token) - 1 }
                if let lowest = pitches.min(), let highest = pitches.max() {
                    let shift = transposition.shift(window: id, epoch: epoch, lowest: lowest, highest: highest)
                    events = WindowTransposition.transposed(events, by: shift)
                }
            }
            for t in 0...length {
                let event = events[t]
                tokens[t * width + b] = event.token
                timings[t * width + b] = event.timing
            }
        }
        return EventBatch(length: length, batchSize: width, tokens: tokens, timings: timings)
    }
}
