import Foundation

/// Running sums of how well one head (token or timing) predicted its targets: summed negative
/// log-likelihood in nats, and how often the target was the first or among the first five choices.
public struct HeadScore: Codable, Sendable, Equatable {
    public var positions = 0
    public var nll = 0.0
    public var top1 = 0
    public var top5 = 0

    public init() {}

    /// Nats per step.
    public var natsPerStep: Double { nll / Double(max(positions, 1)) }
    public var top1Share: Double { Double(top1) / Double(max(positions, 1)) }
    public var top5Share: Double { Double(top5) / Double(max(positions, 1)) }

    /// Adds one prediction given as probabilities (any positive scale: normalised here).
    mutating func add(probabilities p: [Double], target: Int) {
        let total = p.reduce(0, +), t = p[target]
        let above = p.count { $0 > t }
        add(nll: -log(t / total), above: above)
    }

    /// Adds one prediction given as logits.
    mutating func add(logits z: ArraySlice<Float>, target: Int) {
        let m = z.max()!, t = z[z.startIndex + target]
        let above = z.count { $0 > t }
        add(nll: -(Double(t - m) - log(z.reduce(0.0) { $0 + exp(Double($1 - m)) })), above: above)
    }

    private mutating func add(nll value: Double, above: Int) {
        positions += 1
        nll += value
        top1 += above < 1 ? 1 : 0
        top5 += above < 5 ? 1 : 0
    }
}

/// The likelihood figures of one predictor (the model or a baseline) over the held-out targets.
public struct LikelihoodScore: Codable, Sendable, Equatable {
    public var name: String
    public var token = HeadScore()
    public var timing = HeadScore()
    /// Notes in the predicted steps (a chord step counts its notes).
    public var notes = 0
    /// Notes inside steps whose token is unknown (`<unk>`): the predictor paid nothing for their pitches.
    public var unknownNotes = 0

    public init(name: String) { self.name = name }

    /// Nats per step of both heads: the unit of the first models' validation figures.
    public var natsPerEvent: Double { token.natsPerStep + timing.natsPerStep }
    /// Everything predicted about the held-out music, per note: comparable across representations
    /// where neither has unknown steps.
    public var natsPerNote: Double { (token.nll + timing.nll) / Double(max(notes, 1)) }
    public var unknownNoteShare: Double { Double(unknownNotes) / Double(max(notes, 1)) }
}
