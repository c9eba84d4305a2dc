import Corpus
import Model

/// The held-out targets every predictor is scored on: the model's own validation windows
/// (consecutive, non-overlapping windows of `length` steps, each step predicting the next; a piece
/// needs `length + 1` steps for one), so the model's figures equal its training-time validation.
struct ScoredPositions {
    /// A target: step `index` of sequence `sequence`.
    struct Target { var sequence: Int; var index: Int }

    /// Windows as (sequence, first step).
    var windows: [(sequence: Int, start: Int)]
    let length: Int

    init(_ sequences: [HeldOutMusic.Sequence], length: Int) {
        self.length = length
        windows = sequences.indices.flatMap { s in
            let count = sequences[s].encoded.count
            return count > length ? stride(from: 0, through: count - length - 1, by: length).map { (s, $0) } : []
        }
    }

    /// Every target, window by window.
    var targets: [Target] {
        windows.flatMap { w in (1...length).map { Target(sequence: w.sequence, index: w.start + $0) } }
    }

    /// Windows `range` as one time-major batch (`EventBatch` layout: step t of window b at `t·B + b`,
    /// t = 0…length, row `length` the last target).
    func batch(_ range: Range<Int>, of sequences: [HeldOutMusic.Sequence]) -> EventBatch {
        let width = range.count
        var tokens = [Int32](repeating: 0, count: (length + 1) * width), timings = tokens
        for (b, w) in windows[range].enumerated() {
            for t in 0...length {
                let event = sequences[w.sequence].encoded[w.start + t]
                tokens[t * width + b] = event.token
                timings[t * width + b] = event.timing
            }
        }
        return EventBatch(length: length, batchSize: width, tokens: tokens, timings: timings)
    }
}
