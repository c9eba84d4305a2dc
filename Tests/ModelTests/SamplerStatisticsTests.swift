import Foundation
import Testing
import Model

/// The sampler's draws against the distribution it claims: softmax(logits / T), optionally cut to
/// the top-p nucleus or a mask. Goodness of fit by Pearson's chi-square, critical values at
/// α = 0.001 from the standard table (df 2: 13.816, df 3: 16.266, df 4: 18.467); the RNG is seeded,
/// so a pass or fail is repeatable.
@Suite struct SamplerStatisticsTests {
    static let logits: [Float] = [2, 1, 0.5, 0, -1]
    static let draws = 20_000

    /// softmax(logits / T) in Double, straight from the definition.
    static func softmax(_ logits: [Float], temperature: Double) -> [Double] {
        let e = logits.map { exp(Double($0) / temperature) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    static func counts(_ sampler: Sampler, allowed: ((Int) -> Bool)? = nil, seed: UInt64) -> [Int] {
        var rng = SplitMix64(seed: seed)
        var counts = [Int](repeating: 0, count: logits.count)
        for _ in 0..<draws { counts[sampler.sample(logits: logits, allowed: allowed, using: &rng)] += 1 }
        return counts
    }

    /// Σ (observed − expected)² / expected over the categories with non-zero probability.
    static func chiSquare(_ observed: [Int], _ probabilities: [Double]) -> Double {
        zip(observed, probabilities).filter { $0.1 > 0 }.reduce(0) { sum, pair in
            let expected = Double(draws) * pair.1
            return sum + (Double(pair.0) - expected) * (Double(pair.0) - expected) / expected
        }
    }

    @Test func temperatureOne_matchesSoftmax() {
        let observed = Self.counts(Sampler(temperature: 1, topP: 1), seed: 1)
        #expect(Self.chiSquare(observed, Self.softmax(Self.logits, temperature: 1)) < 18.467)
    }

    @Test func temperatureHalf_matchesSharpenedSoftmax() {
        let observed = Self.counts(Sampler(temperature: 0.5, topP: 1), seed: 2)
        let p = Self.softmax(Self.logits, temperature: 0.5)
        #expect(Self.chiSquare(observed, p) < 18.467)
        // And it is not the T = 1 distribution: that one fails the same bound by far.
        #expect(Self.chiSquare(observed, Self.softmax(Self.logits, temperature: 1)) > 100)
    }

    @Test func topP_keepsTheSmallestNucleusReachingP() {
        // p = .563 .207 .126 .076 .028: the first three are the smallest set with mass ≥ 0.8.
        let observed = Self.counts(Sampler(temperature: 1, topP: 0.8), seed: 3)
        let p = Self.softmax(Self.logits, temperature: 1)
        let nucleus = p[0] + p[1] + p[2]
        #expect(observed[3] == 0 && observed[4] == 0)
        #expect(Self.chiSquare(observed, [p[0] / nucleus, p[1] / nucleus, p[2] / nucleus, 0, 0]) < 13.816)
    }

    @Test func mask_renormalisesOverAllowedIndices() {
        let observed = Self.counts(Sampler(temperature: 1, topP: 1), allowed: { $0 != 0 }, seed: 4)
        var p = Self.softmax(Self.logits, temperature: 1)
        p[0] = 0
        let rest = p.reduce(0, +)
        #expect(observed[0] == 0)
        #expect(Self.chiSquare(observed, p.map { $0 / rest }) < 16.266)
    }

    @Test func temperatureNearZero_isArgmax() {
        var rng = SplitMix64(seed: 5)
        let greedy = Sampler(temperature: 1e-4, topP: 1)
        let picks = Set((0..<1_000).map { _ in greedy.sample(logits: Self.logits, allowed: nil, using: &rng) })
        #expect(picks == [0])
        #expect(greedy.sample(logits: Self.logits, allowed: { $0 >= 2 }, using: &rng) == 2)
    }
}
