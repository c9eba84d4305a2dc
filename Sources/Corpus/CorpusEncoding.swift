/// How a model's corpus was read, split and encoded, stored with the model (`continuo.corpus`) so that
/// `continuo evaluate` rebuilds exactly the validation set the model never trained on.
public struct CorpusEncoding: Codable, Sendable, Equatable {
    public var representation: Representation = .chords
    public var streams: Piece.StreamRule = .selected
    /// Share of files held out for validation (`FileSplit`), and the seed of that split.
    public var validationFraction = 0.1
    public var splitSeed: UInt64 = 0
    /// Chord tokens seen fewer times than this are `<unk>` (chords representation only).
    public var minimumTokenCount = 2
    /// Training files are also used transposed by every shift in −transpose…transpose (fixed copies).
    public var transpose = 0
    /// Each training window is moved, per epoch, by a shift drawn from this range that keeps it on the
    /// piano (notes representation only); nil for none.
    public var windowTransposition: ClosedRange<Int>?

    public init() {}

    /// The first models' settings, for model files written before this record existed.
    public static func legacy(splitSeed: UInt64) -> CorpusEncoding {
        var encoding = CorpusEncoding()
        encoding.splitSeed = splitSeed
        return encoding
    }

    /// Loads `pieces`' split and encoding under these settings.
    public func encode(_ pieces: [Piece]) -> EncodedCorpus {
        EncodedCorpus(pieces: pieces, validationFraction: validationFraction, minimumTokenCount: minimumTokenCount,
                      transpositions: -transpose...transpose, seed: splitSeed, representation: representation)
    }

    /// The same split `encode` makes, as pieces in model steps.
    public func split(_ pieces: [Piece]) -> CorpusSplit {
        CorpusSplit(pieces: pieces, validationFraction: validationFraction, seed: splitSeed, representation: representation)
    }
}
