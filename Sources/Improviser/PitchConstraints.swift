import Corpus

/// Limits on what an answer may play, applied to the token distribution before sampling:
/// every pitch of a note or chord must lie in `range` and, when `scale` is set, in the scale.
public struct PitchConstraints: Hashable, Sendable {
    /// Lowest and highest MIDI pitch allowed.
    public var range: ClosedRange<UInt8>
    /// Optional key/scale mask.
    public var scale: Scale?

    /// No constraint: the whole MIDI range, any pitch class.
    public static let none = PitchConstraints(range: 0...127, scale: nil)

    public init(range: ClosedRange<UInt8>, scale: Scale?) {
        self.range = range
        self.scale = scale
    }

    /// Whether every pitch of a note or chord is allowed.
    public func admits(_ pitches: [UInt8]) -> Bool {
        pitches.allSatisfy { range.contains($0) && (scale?.contains($0) ?? true) }
    }

    /// One flag per token id: true where the token may be sampled. The unknown token is never
    /// allowed, since it has no pitches to play.
    public func tokenMask(for vocabulary: Vocabulary) -> [Bool] {
        (0..<vocabulary.count).map { id in
            vocabulary.pitches(of: Int32(id)).map(admits) ?? false
        }
    }
}
