/// The note and chord tokens a model knows, with id 0 reserved for everything else.
///
/// Built by counting tokens over training sequences: tokens seen at least `minimumCount` times get ids
/// 1, 2, … in order of decreasing frequency (ties: ascending pitches), so ids are reproducible.
/// Encodes as JSON `{"tokens": ["60", "60.64.67", …]}` (id 1 first), stored with the model.
public struct Vocabulary: Codable, Sendable, Equatable {
    /// Id of the unknown token `<unk>`.
    public static let unknownID: Int32 = 0
    /// Text of the unknown token.
    public static let unknownToken = "<unk>"

    /// Pitch sets of ids 1, 2, …
    public let entries: [[UInt8]]
    private let ids: [[UInt8]: Int32]

    /// Number of ids including the unknown token.
    public var count: Int { entries.count + 1 }

    /// A vocabulary whose id `i + 1` is `entries[i]` (ascending distinct pitches each).
    public init(entries: [[UInt8]]) {
        self.entries = entries
        self.ids = Dictionary(entries.enumerated().map { ($1, Int32($0 + 1)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Counts every event's pitches in `sequences` and keeps those seen at least `minimumCount` times,
    /// at most `maximumSize - 1` of them (the most frequent) when a maximum is given.
    public init(counting sequences: [[MusicEvent]], minimumCount: Int = 2, maximumSize: Int? = nil) {
        var counts: [[UInt8]: Int] = [:]
        for sequence in sequences { for event in sequence { counts[event.pitches, default: 0] += 1 } }
        let kept = counts.filter { $0.value >= minimumCount }.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key.lexicographicallyPrecedes($1.key)
        }
        self.init(entries: kept.prefix(maximumSize.map { max($0 - 1, 0) } ?? kept.count).map(\.key))
    }

    /// Id of a pitch set (ascending, distinct); `unknownID` when absent.
    public func id(of pitches: [UInt8]) -> Int32 { ids[pitches] ?? Self.unknownID }

    /// Pitches of an id; nil for the unknown id and ids out of range.
    public func pitches(of id: Int32) -> [UInt8]? {
        id >= 1 && Int(id) <= entries.count ? entries[Int(id) - 1] : nil
    }

    /// Text of an id: pitches joined by dots ("60", "60.64.67"), or "<unk>".
    public func token(of id: Int32) -> String {
        pitches(of: id).map(Self.token(of:)) ?? Self.unknownToken
    }

    /// Text of a pitch set: "60.64.67".
    public static func token(of pitches: [UInt8]) -> String { pitches.map(String.init).joined(separator: ".") }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool { a.entries == b.entries }

    private enum CodingKeys: String, CodingKey { case tokens }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let tokens = try container.decode([String].self, forKey: .tokens)
        let entries = try tokens.map { text in
            let pitches = text.split(separator: ".").compactMap { UInt8($0) }
            guard !pitches.isEmpty, pitches.count == text.split(separator: ".").count, pitches.allSatisfy({ $0 < 128 }) else {
                throw DecodingError.dataCorruptedError(forKey: .tokens, in: container, debugDescription: "bad token \"\(text)\"")
            }
            return pitches
        }
        self.init(entries: entries)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries.map(Self.token(of:)), forKey: .tokens)
    }
}
