/// Interpolated Kneser–Ney n-gram model over symbols 0..<vocabularySize (Int32), as in Chen & Goodman
/// (1998) "interpolated KN" with one absolute discount per order (D = n1/(n1+2 n2) from that order's
/// count-of-counts, clamped to `discountRange`, or a fixed 0.75 when it cannot be estimated); the lowest
/// level interpolates the continuation-count unigram with the uniform distribution 1/V so every symbol
/// has nonzero probability.
///
/// With h a context of length k−1, h′ = h without its first symbol, and c the count of level k:
///
///     P_k(w | h) = max(c(h w) − D_k, 0) / c(h •)  +  D_k · N1+(h •) / c(h •) · P_{k−1}(w | h′)
///     P_0(w)     = 1 / V
///
/// where c(h •) = Σ_w c(h w) and N1+(h •) is the number of distinct w with c(h w) > 0; a context with
/// c(h •) = 0 passes P_{k−1} through unchanged. At the model's order c counts occurrences; below it c is
/// the continuation count N1+(• h w), the number of distinct symbols seen before h w, with a sequence
/// start counting as one (there is no padding symbol, so the start plays `<s>`'s part only here).
public struct KneserNeyModel: Sendable {
    public let order: Int
    public let vocabularySize: Int
    /// The absolute discount of each level: `discounts[k − 1]` for n-grams of length k.
    public let discounts: [Double]
    /// Where an estimated discount is clamped: D near 0 would leave unseen symbols almost nothing,
    /// D near 1 would discard the singletons' evidence.
    public static let discountRange = 0.1...0.95
    /// The discount when a level has no singletons to estimate one from.
    public static let fallbackDiscount = 0.75

    private let trie: NGramTrie
    /// Per trie node: the count c of its level.
    private let levelCount: [Double]
    /// Per trie node as a context h: c(h •).
    private let contextTotal: [Double]

    /// Trained on `sequences`; each sequence's contexts never cross its start (no padding symbol: at
    /// position i the usable context is the min(order-1, i) previous symbols, backing off to lower orders).
    /// `discount`, when given, is used at every level instead of the estimates; it must lie in 0<…≤1.
    public init(order: Int, sequences: [[Int32]], vocabularySize: Int, discount: Double? = nil) {
        precondition(order >= 1, "KneserNeyModel: order \(order) < 1")
        precondition(vocabularySize >= 1, "KneserNeyModel: empty vocabulary")
        precondition(sequences.allSatisfy { $0.allSatisfy { (0..<Int32(clamping: vocabularySize)).contains($0) } },
                     "KneserNeyModel: a training symbol lies outside 0..<\(vocabularySize)")
        if let discount { precondition(discount > 0 && discount <= 1, "KneserNeyModel: discount \(discount) outside 0<…≤1") }
        self.order = order
        self.vocabularySize = vocabularySize
        let trie = NGramTrie(order: order, sequences: sequences)
        let levelCount = (0..<trie.nodeCount).map { node in
            Double(trie.length[node] == order ? trie.occurrences[node] : trie.leftExtensions[node])
        }
        self.trie = trie
        self.levelCount = levelCount
        contextTotal = (0..<trie.nodeCount).map { node in
            trie.children(of: NGramTrie.Node(node)).reduce(0) { $0 + levelCount[Int($1)] }
        }
        discounts = (1...order).map { k in
            discount ?? Self.estimatedDiscount(counts: (0..<trie.nodeCount).lazy.filter { trie.length[$0] == k }.map { levelCount[$0] })
        }
    }

    /// D = n1 / (n1 + 2 n2) from the number of n-grams seen once (n1) and twice (n2), clamped.
    static func estimatedDiscount(counts: some Sequence<Double>) -> Double {
        var n1 = 0.0, n2 = 0.0
        for c in counts {
            if c == 1 { n1 += 1 } else if c == 2 { n2 += 1 }
        }
        guard n1 > 0 else { return fallbackDiscount }
        return min(max(n1 / (n1 + 2 * n2), discountRange.lowerBound), discountRange.upperBound)
    }

    /// P(symbol | the last order−1 symbols of context) (context may be shorter or empty).
    public func probability(of symbol: Int32, after context: ArraySlice<Int32>) -> Double {
        precondition((0..<Int32(clamping: vocabularySize)).contains(symbol), "KneserNeyModel: symbol \(symbol) outside the vocabulary")
        return probability(of: symbol, context: trie.longestSuffix(of: context.suffix(order - 1)))
    }

    /// P_k(symbol | h) for the context node h, by the recursion in the type's comment.
    private func probability(of symbol: Int32, context h: NGramTrie.Node) -> Double {
        let lower = h == NGramTrie.root
            ? 1 / Double(vocabularySize)
            : probability(of: symbol, context: trie.suffix[Int(h)])
        let total = contextTotal[Int(h)]
        guard total > 0 else { return lower }
        let d = discounts[trie.length[Int(h)]]
        let seen = trie.child(of: h, symbol: symbol).map { levelCount[Int($0)] } ?? 0
        return max(seen - d, 0) / total + backoffWeight(h) * lower
    }

    /// D_k · N1+(h •) / c(h •): the mass level k leaves to level k−1 after context h.
    private func backoffWeight(_ h: NGramTrie.Node) -> Double {
        discounts[trie.length[Int(h)]] * Double(trie.children(of: h).count) / contextTotal[Int(h)]
    }

    /// The whole next-symbol distribution (sums to 1), for sampling; O(V + the symbols seen after the context).
    public func distribution(after context: ArraySlice<Int32>) -> [Double] {
        distribution(context: trie.longestSuffix(of: context.suffix(order - 1)))
    }

    private func distribution(context h: NGramTrie.Node) -> [Double] {
        var p = h == NGramTrie.root
            ? [Double](repeating: 1 / Double(vocabularySize), count: vocabularySize)
            : distribution(context: trie.suffix[Int(h)])
        let total = contextTotal[Int(h)]
        guard total > 0 else { return p }
        let d = discounts[trie.length[Int(h)]], weight = backoffWeight(h)
        for w in p.indices { p[w] *= weight }
        for child in trie.children(of: h) {
            p[Int(trie.symbol[Int(child)])] += max(levelCount[Int(child)] - d, 0) / total
        }
        return p
    }
}
