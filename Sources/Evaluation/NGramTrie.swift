/// Every n-gram (length 1...order) of a set of symbol sequences, with the counts Kneser–Ney needs.
///
/// Node 0 is the empty n-gram; every other node is one n-gram, reached from the node of its first n−1
/// symbols by its last symbol. An n-gram never crosses the start or end of its sequence.
struct NGramTrie: Sendable {
    typealias Node = Int32
    static let root: Node = 0

    let order: Int
    /// Per node: its length in symbols (0 for the root).
    private(set) var length: [Int] = [0]
    /// Per node: its last symbol (−1 for the root).
    private(set) var symbol: [Int32] = [-1]
    /// Per node: the node of the n-gram without its first symbol ("b c" for "a b c"; the root for a unigram).
    private(set) var suffix: [Node] = [root]
    /// Per node: how often the n-gram occurs.
    private(set) var occurrences: [Int] = [0]
    /// Per node: N1+(• g), the number of distinct symbols seen just before the n-gram g, where the start
    /// of a sequence counts as one more such symbol (the role `<s>` plays in padded corpora).
    private(set) var leftExtensions: [Int] = [0]
    /// Children of node p are `childNodes[childStart[p]..<childStart[p + 1]]`.
    private var childStart: [Int] = []
    private var childNodes: [Node] = []
    private var edges: [UInt64: Node] = [:]

    init(order: Int, sequences: [[Int32]]) {
        self.order = order
        var parent: [Node] = [Self.root]
        var startsASequence = Set<Node>()
        for sequence in sequences {
            // Walk the n-grams starting at each position, from the last position back, so the nodes of
            // the n-grams starting one position later (`later[m]`: symbols start+1 ... start+1+m) are the suffixes.
            var later: [Node] = [], here: [Node] = []
            for start in sequence.indices.reversed() {
                here.removeAll(keepingCapacity: true)
                var node = Self.root
                for m in 0..<min(order, sequence.count - start) {
                    let key = Self.edge(node, sequence[start + m])
                    if let existing = edges[key] {
                        node = existing
                    } else {
                        let new = Node(length.count)
                        edges[key] = new
                        length.append(m + 1)
                        symbol.append(sequence[start + m])
                        suffix.append(m == 0 ? Self.root : later[m - 1])
                        parent.append(node)
                        occurrences.append(0)
                        leftExtensions.append(0)
                        node = new
                    }
                    occurrences[Int(node)] += 1
                    here.append(node)
                }
                swap(&later, &here)
            }
            // `later` now holds the n-grams the sequence starts with.
            for node in later.prefix(order - 1) where startsASequence.insert(node).inserted {
                leftExtensions[Int(node)] += 1
            }
        }
        // Each distinct n-gram "x g" is one distinct left extension x of g.
        for node in 1..<length.count where length[node] >= 2 {
            leftExtensions[Int(suffix[node])] += 1
        }
        (childStart, childNodes) = Self.childLists(parent: parent)
    }

    /// Compressed child lists: nodes grouped by parent (a counting sort).
    private static func childLists(parent: [Node]) -> (start: [Int], nodes: [Node]) {
        var start = [Int](repeating: 0, count: parent.count + 1)
        for node in 1..<parent.count { start[Int(parent[node]) + 1] += 1 }
        for p in 0..<parent.count { start[p + 1] += start[p] }
        var next = start, nodes = [Node](repeating: 0, count: parent.count - 1)
        for node in 1..<parent.count {
            nodes[next[Int(parent[node])]] = Node(node)
            next[Int(parent[node])] += 1
        }
        return (start, nodes)
    }

    private static func edge(_ node: Node, _ symbol: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: symbol))
    }

    var nodeCount: Int { length.count }

    /// The node of the n-gram `node`'s symbols followed by `symbol`, if it occurred.
    func child(of node: Node, symbol: Int32) -> Node? {
        edges[Self.edge(node, symbol)]
    }

    /// The n-grams one symbol longer than `node` that begin with it.
    func children(of node: Node) -> ArraySlice<Node> {
        childNodes[childStart[Int(node)]..<childStart[Int(node) + 1]]
    }

    /// The node of the n-gram `symbols`, if it occurred.
    func node(of symbols: ArraySlice<Int32>) -> Node? {
        var node = Self.root
        for s in symbols {
            guard let next = child(of: node, symbol: s) else { return nil }
            node = next
        }
        return node
    }

    /// The node of the longest suffix of `symbols` that occurred as an n-gram (the root if none did).
    func longestSuffix(of symbols: ArraySlice<Int32>) -> Node {
        symbols.indices.lazy.compactMap { node(of: symbols[$0...]) }.first ?? Self.root
    }
}
