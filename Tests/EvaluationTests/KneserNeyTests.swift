import Testing
import Evaluation

/// The toy corpus: a=0 b=1 c=2, with d=3 and e=4 in the vocabulary but never seen (V = 5).
///
///     sequence 1: a b a b c        sequence 2: b a b c a        (10 tokens)
///
/// Bigram occurrences: ab 3, ba 2, bc 2, ca 1.
/// Unigram continuation counts N1+(• w), a sequence start counting as one left neighbour:
///     a: {b, c, start of 1} = 3     b: {a, start of 2} = 2     c: {b} = 1     total 6, 3 distinct.
@Suite struct KneserNeyTests {
    static let (a, b, c, d, e): (Int32, Int32, Int32, Int32, Int32) = (0, 1, 2, 3, 4)
    static let corpus: [[Int32]] = [[a, b, a, b, c], [b, a, b, c, a]]

    static func model(order: Int, discount: Double? = 0.5) -> KneserNeyModel {
        KneserNeyModel(order: order, sequences: corpus, vocabularySize: 5, discount: discount)
    }

    @Test func bigram_probabilitiesMatchTheHandWorkedOnes() {
        // D = 0.5 at both levels.
        // Unigram level: P1(w) = max(N1+(•w) − 0.5, 0)/6 + 0.5·3/6 · 1/5 = max(N1+(•w) − 0.5, 0)/6 + 0.05
        //   P1(a) = 2.5/6 + 0.05 = 7/15   P1(b) = 1.5/6 + 0.05 = 0.3   P1(c) = 0.5/6 + 0.05 = 2/15
        //   P1(d) = P1(e) = 0.05         (sum 7/15 + 0.3 + 2/15 + 0.1 = 1)
        // Context a: ab 3 → c(a•) = 3, one follower, back-off weight 0.5·1/3 = 1/6
        //   P(b|a) = 2.5/3 + 0.3/6 = 53/60   P(a|a) = (7/15)/6 = 7/90   P(e|a) = 0.05/6 = 1/120
        // Context b: ba 2, bc 2 → c(b•) = 4, two followers, weight 0.5·2/4 = 1/4
        //   P(a|b) = 1.5/4 + (7/15)/4 = 59/120   P(c|b) = 1.5/4 + (2/15)/4 = 49/120   P(b|b) = 0.3/4 = 0.075
        // Context c: ca 1 → weight 0.5·1/1 = 1/2:   P(a|c) = 0.5 + (7/15)/2 = 11/15
        let m = Self.model(order: 2)
        let (a, b, c, e) = (Self.a, Self.b, Self.c, Self.e)
        #expect(abs(m.probability(of: a, after: []) - 7.0 / 15) < 1e-12)
        #expect(abs(m.probability(of: b, after: []) - 0.3) < 1e-12)
        #expect(abs(m.probability(of: c, after: []) - 2.0 / 15) < 1e-12)
        #expect(abs(m.probability(of: e, after: []) - 0.05) < 1e-12)
        #expect(abs(m.probability(of: b, after: [a]) - 53.0 / 60) < 1e-12)
        #expect(abs(m.probability(of: a, after: [a]) - 7.0 / 90) < 1e-12)
        #expect(abs(m.probability(of: e, after: [a]) - 1.0 / 120) < 1e-12)
        #expect(abs(m.probability(of: a, after: [b]) - 59.0 / 120) < 1e-12)
        #expect(abs(m.probability(of: c, after: [b]) - 49.0 / 120) < 1e-12)
        #expect(abs(m.probability(of: b, after: [b]) - 0.075) < 1e-12)
        #expect(abs(m.probability(of: a, after: [c]) - 11.0 / 15) < 1e-12)
        // A bigram model reads only the last symbol of a longer context.
        #expect(abs(m.probability(of: a, after: [a, a, c]) - 11.0 / 15) < 1e-12)
    }

    @Test func trigram_probabilitiesMatchTheHandWorkedOnes() {
        // D = 0.5. Trigram occurrences: aba 1, bab 2, abc 2, bca 1.
        // Bigram continuation counts: ab {b, start of 1} = 2, ba {a, start of 2} = 2, bc {a} = 1, ca {b} = 1.
        // Unigram level as in the bigram test: P1(a) = 7/15, P1(b) = 0.3, P1(c) = 2/15.
        // Bigram level, context a: ab 2 → weight 0.5·1/2 = 1/4:   P2(b|a) = 1.5/2 + 0.3/4 = 0.825
        //               context b: ba 2, bc 1 → c = 3, weight 0.5·2/3 = 1/3:
        //                 P2(a|b) = 1.5/3 + (7/15)/3 = 59/90   P2(c|b) = 0.5/3 + (2/15)/3 = 19/90
        //               context c: ca 1 → weight 1/2:   P2(a|c) = 0.5 + (7/15)/2 = 11/15
        // Trigram level, context ab: aba 1, abc 2 → c = 3, weight 0.5·2/3 = 1/3:
        //                  P(c|ab) = 1.5/3 + (19/90)/3 = 77/135   P(a|ab) = 0.5/3 + (59/90)/3 = 52/135
        //                context ba: bab 2 → weight 1/4:   P(b|ba) = 1.5/2 + 0.825/4 = 0.95625
        let m = Self.model(order: 3)
        let (a, b, c) = (Self.a, Self.b, Self.c)
        #expect(abs(m.probability(of: c, after: [a, b]) - 77.0 / 135) < 1e-12)
        #expect(abs(m.probability(of: a, after: [a, b]) - 52.0 / 135) < 1e-12)
        #expect(abs(m.probability(of: b, after: [b, a]) - 0.95625) < 1e-12)
        // At a sequence start only one symbol of context exists: the bigram level answers.
        #expect(abs(m.probability(of: b, after: [a]) - 0.825) < 1e-12)
        #expect(abs(m.probability(of: a, after: [b]) - 59.0 / 90) < 1e-12)
    }

    @Test func contextNeverFollowed_backsOffToItsSuffix() {
        // "c a" occurs only at the end of sequence 2, so nothing ever followed it: P(b | c a) = P2(b | a) = 0.825.
        // "c c" never occurs, but its suffix "c" does: P(a | c c) = P2(a | c) = 11/15.
        // "d e" and "d" never occur: the unigram level answers, P1(a) = 7/15.
        let m = Self.model(order: 3)
        let (a, b, c, d, e) = (Self.a, Self.b, Self.c, Self.d, Self.e)
        #expect(abs(m.probability(of: b, after: [c, a]) - 0.825) < 1e-12)
        #expect(abs(m.probability(of: a, after: [c, c]) - 11.0 / 15) < 1e-12)
        #expect(abs(m.probability(of: a, after: [d, e]) - 7.0 / 15) < 1e-12)
    }

    @Test func unigramOrder_usesOccurrences() {
        // Order 1: occurrences a 4, b 4, c 2 (N = 10, 3 distinct); D = 0.5:
        //   P(a) = 3.5/10 + 0.5·3/10 · 1/5 = 0.35 + 0.03 = 0.38;   P(d) = 0.03.
        let m = Self.model(order: 1)
        #expect(abs(m.probability(of: Self.a, after: [Self.b]) - 0.38) < 1e-12)
        #expect(abs(m.probability(of: Self.d, after: []) - 0.03) < 1e-12)
    }

    @Test func discounts_comeFromEachLevelsCountOfCounts() {
        // Bigram occurrences ab 3, ba 2, bc 2, ca 1: n1 = 1, n2 = 2 → D2 = 1/(1 + 4) = 0.2.
        // Unigram continuation counts a 3, b 2, c 1: n1 = 1, n2 = 1 → D1 = 1/(1 + 2) = 1/3.
        let m = Self.model(order: 2, discount: nil)
        #expect(m.discounts.count == 2)
        #expect(abs(m.discounts[0] - 1.0 / 3) < 1e-12)
        #expect(abs(m.discounts[1] - 0.2) < 1e-12)
    }

    @Test func discount_fallsBackWithoutSingletons_andIsClamped() {
        // "a a a" at order 1: count 3, no singletons → 0.75. "a" alone: n1 = 1, n2 = 0 → D = 1, clamped.
        let none = KneserNeyModel(order: 1, sequences: [[0, 0, 0]], vocabularySize: 2)
        #expect(none.discounts == [KneserNeyModel.fallbackDiscount])
        #expect(KneserNeyModel.fallbackDiscount == 0.75)
        let single = KneserNeyModel(order: 1, sequences: [[0]], vocabularySize: 2)
        #expect(single.discounts == [KneserNeyModel.discountRange.upperBound])
    }

    @Test func distributions_sumToOne_andMatchTheProbabilities() {
        let m = Self.model(order: 3, discount: nil)
        for context: [Int32] in [[], [0], [0, 1], [1, 0], [2, 0], [2, 2], [3, 4], [0, 1, 2, 0]] {
            let p = m.distribution(after: context[...])
            #expect(p.count == 5)
            #expect(abs(p.reduce(0, +) - 1) < 1e-12, "context \(context)")
            for w in 0..<5 {
                #expect(abs(p[w] - m.probability(of: Int32(w), after: context[...])) < 1e-12)
            }
        }
    }

    @Test func unseenSymbols_getNonzeroProbability() {
        let m = Self.model(order: 3, discount: nil)
        #expect(m.probability(of: Self.e, after: [Self.a, Self.b]) > 0)
        #expect(m.distribution(after: [Self.b, Self.a]).allSatisfy { $0 > 0 })
    }

    @Test func emptyCorpus_isUniform() {
        let m = KneserNeyModel(order: 3, sequences: [], vocabularySize: 4)
        #expect(m.distribution(after: [1, 2]) == [0.25, 0.25, 0.25, 0.25])
    }

    @Test func largerRandomCorpus_staysNormalised() {
        // A fixed linear congruential stream, 4,000 symbols over 50 symbols, order 5.
        var state: UInt64 = 12345
        let sequences: [[Int32]] = (0..<20).map { _ in
            (0..<200).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int32((state >> 33) % 50)
            }
        }
        let m = KneserNeyModel(order: 5, sequences: sequences, vocabularySize: 60)
        for context in [sequences[3][10..<14], sequences[7][0..<2], [59, 58, 57, 56][...]] {
            #expect(abs(m.distribution(after: context).reduce(0, +) - 1) < 1e-9)
        }
    }
}

@Suite struct AddKUnigramTests {
    @Test func probabilities_areAddKSmoothedFrequencies() {
        // Counts a 4, b 4, c 2, d 0, e 0 (the toy corpus), N = 10, V = 5, k = 0.5: denominator 12.5.
        //   P(a) = 4.5/12.5 = 0.36   P(c) = 2.5/12.5 = 0.2   P(d) = 0.5/12.5 = 0.04
        let m = AddKUnigram(sequences: KneserNeyTests.corpus, vocabularySize: 5)
        #expect(abs(m.probability(of: 0) - 0.36) < 1e-12)
        #expect(abs(m.probability(of: 2) - 0.2) < 1e-12)
        #expect(abs(m.probability(of: 3) - 0.04) < 1e-12)
        #expect(abs(m.distribution().reduce(0, +) - 1) < 1e-12)
    }

    @Test func k_canBeChosen() {
        // k = 1 (Laplace): P(a) = 5/15.
        let m = AddKUnigram(sequences: KneserNeyTests.corpus, vocabularySize: 5, k: 1)
        #expect(abs(m.probability(of: 0) - 1.0 / 3) < 1e-12)
    }
}
