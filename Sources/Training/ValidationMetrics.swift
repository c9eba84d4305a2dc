import Foundation
import Model

/// How well a model predicts held-out events: cross-entropy in nats per event and top-k accuracy
/// for both heads, over every step of every validation window.
public struct ValidationMetrics: Codable, Sendable, Equatable {
    public var events = 0
    public var tokenCrossEntropy = 0.0
    public var timingCrossEntropy = 0.0
    public var tokenTop1 = 0.0, tokenTop5 = 0.0
    public var timingTop1 = 0.0, timingTop5 = 0.0

    public init() {}

    /// Nats per event for the joint (token, timing) prediction: the two heads' sum.
    public var crossEntropy: Double { tokenCrossEntropy + timingCrossEntropy }
    /// exp(cross-entropy): the effective number of equally likely next events.
    public var perplexity: Double { exp(crossEntropy) }
}

/// Running sums behind `ValidationMetrics`.
struct MetricTally {
    var events = 0
    var nll = (token: 0.0, timing: 0.0)
    var top1 = (token: 0, timing: 0), top5 = (token: 0, timing: 0)

    /// Adds the rows of `logits [rows, classes]` against their targets; returns (−log p, in top 1, in top 5) sums.
    static func score(_ logits: [Float], classes: Int, targets: ArraySlice<Int32>) -> (nll: Double, top1: Int, top5: Int) {
        var nll = 0.0, top1 = 0, top5 = 0
        for (row, target) in zip(0..., targets) {
            let z = logits[row * classes ..< (row + 1) * classes], t = z[z.startIndex + Int(target)]
            let m = z.max()!
            nll -= Double(t - m) - log(z.reduce(0.0) { $0 + exp(Double($1 - m)) })
            let above = z.count { $0 > t }
            top1 += above < 1 ? 1 : 0
            top5 += above < 5 ? 1 : 0
        }
        return (nll, top1, top5)
    }

    mutating func add(_ logits: (token: [Float], timing: [Float]), batch: EventBatch, vocabularySize: Int, timingClassCount: Int) {
        let token = Self.score(logits.token, classes: vocabularySize, targets: batch.tokens[batch.batchSize...])
        let timing = Self.score(logits.timing, classes: timingClassCount, targets: batch.timings[batch.batchSize...])
        events += batch.positions
        nll.token += token.nll; nll.timing += timing.nll
        top1.token += token.top1; top1.timing += timing.top1
        top5.token += token.top5; top5.timing += timing.top5
    }

    var metrics: ValidationMetrics {
        var m = ValidationMetrics()
        let n = Double(max(events, 1))
        m.events = events
        m.tokenCrossEntropy = nll.token / n; m.timingCrossEntropy = nll.timing / n
        m.tokenTop1 = Double(top1.token) / n; m.tokenTop5 = Double(top5.token) / n
        m.timingTop1 = Double(top1.timing) / n; m.timingTop5 = Double(top5.timing) / n
        return m
    }
}
