import Foundation
import Model
import Testing

@Suite struct SamplerTests {
    @Test func zeroTemperature_isGreedyArgmax_withinTheMask() {
        var rng = SplitMix64(seed: 1)
        let greedy = Sampler(temperature: 0, topP: 1)
        #expect(greedy.sample(logits: [0.1, 2.5, -1, 2.4], using: &rng) == 1)
        #expect(greedy.sample(logits: [0.1, 2.5, -1, 2.4], allowed: { $0 != 1 }, using: &rng) == 3)
    }

    @Test func temperatureOne_drawsTheSoftmaxProbabilities() {
        let probabilities: [Double] = [0.2, 0.3, 0.5]
        let logits = probabilities.map { Float(log($0)) + 4 }   // softmax is shift-invariant
        var rng = SplitMix64(seed: 42), counts = [0, 0, 0]
        let n = 30_000
        for _ in 0..<n { counts[Sampler(temperature: 1, topP: 1).sample(logits: logits, using: &rng)] += 1 }
        for i in 0..<3 { #expect(abs(Double(counts[i]) / Double(n) - probabilities[i]) < 0.015, "index \(i): \(counts)") }
    }

    @Test func topP_keepsOnlyTheNucleus() {
        // Probabilities 0.6, 0.25, 0.1, 0.05: top-p 0.8 keeps {0, 1}, drawn 0.6 : 0.25 renormalised.
        let logits = [0.6, 0.25, 0.1, 0.05].map { Float(log($0)) }
        var rng = SplitMix64(seed: 3), counts = [0, 0, 0, 0]
        let n = 20_000
        for _ in 0..<n { counts[Sampler(temperature: 1, topP: 0.8).sample(logits: logits, using: &rng)] += 1 }
        #expect(counts[2] == 0 && counts[3] == 0, "\(counts)")
        #expect(abs(Double(counts[0]) / Double(n) - 0.6 / 0.85) < 0.015, "\(counts)")
    }

    @Test func maskedIndices_areNeverDrawn() {
        var rng = SplitMix64(seed: 9)
        let draws = (0..<2000).map { _ in Sampler(temperature: 1.5).sample(logits: [3, 0, 0, 3], allowed: { $0 % 2 == 1 }, using: &rng) }
        #expect(Set(draws) == [1, 3])
    }

    @Test func sameSeed_givesSameDraws() {
        func draws(_ seed: UInt64) -> [Int] {
            var rng = SplitMix64(seed: seed)
            return (0..<50).map { _ in Sampler(temperature: 1).sample(logits: [0, 0.5, 1, 0.2], using: &rng) }
        }
        #expect(draws(5) == draws(5))
        #expect(draws(5) != draws(6))
    }

    /// SplitMix64's published first outputs for seed 0 (Vigna's reference splitmix64.c).
    @Test func splitMix64_matchesReferenceOutputs() {
        var rng = SplitMix64(seed: 0)
        #expect([rng.next(), rng.next(), rng.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }
}
