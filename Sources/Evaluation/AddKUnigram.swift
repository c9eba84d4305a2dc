/// The context-free baseline: add-k smoothed unigram frequencies, P(w) = (count(w) + k) / (N + k·V).
///
/// k = 0.5 by default (Jeffreys–Perks, the "expected likelihood estimate"): add-one would give a
/// vocabulary of ~3,000 rare chord symbols a pseudo-count comparable to a small corpus's size, flattening
/// the baseline; k = 0.5 keeps unseen symbols possible while moving less mass away from the seen ones.
public struct AddKUnigram: Sendable {
    public let vocabularySize: Int
    public let k: Double
    private let counts: [Int]
    private let total: Int

    /// Counts every symbol of `sequences`; symbols must lie in 0..<vocabularySize, and k must be > 0.
    public init(sequences: [[Int32]], vocabularySize: Int, k: Double = 0.5) {
        precondition(vocabularySize >= 1, "AddKUnigram: empty vocabulary")
        precondition(k > 0, "AddKUnigram: k \(k) ≤ 0")
        var counts = [Int](repeating: 0, count: vocabularySize)
        for symbol in sequences.joined() {
            precondition((0..<Int32(clamping: vocabularySize)).contains(symbol), "AddKUnigram: symbol \(symbol) outside 0..<\(vocabularySize)")
            counts[Int(symbol)] += 1
        }
        self.vocabularySize = vocabularySize
        self.k = k
        self.counts = counts
        total = counts.reduce(0, +)
    }

    /// (count(symbol) + k) / (N + k·V).
    public func probability(of symbol: Int32) -> Double {
        precondition((0..<Int32(clamping: vocabularySize)).contains(symbol), "AddKUnigram: symbol \(symbol) outside the vocabulary")
        return (Double(counts[Int(symbol)]) + k) / (Double(total) + k * Double(vocabularySize))
    }

    /// P(w) for every w in 0..<vocabularySize (sums to 1).
    public func distribution() -> [Double] {
        (0..<vocabularySize).map { probability(of: Int32($0)) }
    }
}
