import Foundation

/// Draws an index from logits with temperature and nucleus (top-p) sampling, optionally
/// restricted to allowed indices (a key/scale mask or a pitch range).
public struct Sampler: Sendable, Equatable {
    /// Softmax temperature; ≤ 1e-3 means greedy argmax.
    public var temperature: Float
    /// Keep the smallest set of most-likely indices whose probability reaches `topP` (1 = all).
    public var topP: Float

    public init(temperature: Float = 1, topP: Float = 1) {
        self.temperature = temperature
        self.topP = topP
    }

    /// Samples one index of `logits`. Indices where `allowed` is false are never drawn; if it
    /// allows none, the mask is ignored (an answer in the wrong key beats silence).
    /// Deterministic for a given generator state.
    public func sample(logits: [Float], allowed: ((Int) -> Bool)? = nil, using rng: inout some RandomNumberGenerator) -> Int {
        var candidates = logits.indices.filter { allowed?($0) ?? true }
        if candidates.isEmpty { candidates = Array(logits.indices) }
        guard temperature > 1e-3 else {
            return candidates.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) }!
        }
        candidates.sort { logits[$0] > logits[$1] || (logits[$0] == logits[$1] && $0 < $1) }
        let top = logits[candidates[0]]
        var weights = candidates.map { Double(expf((logits[$0] - top) / temperature)) }
        let total = weights.reduce(0, +)
        var kept = 0, mass = 0.0
        while kept < weights.count && (kept == 0 || mass < Double(topP) * total) {
            mass += weights[kept]
            kept += 1
        }
        weights.removeLast(weights.count - kept)
        var u = Double(rng.next() >> 11) * 0x1p-53 * mass
        for (i, w) in weights.enumerated() {
            u -= w
            if u < 0 { return candidates[i] }
        }
        return candidates[kept - 1]
    }
}
