/// Pieces divided by file (`FileSplit`) into training and validation, their events already cut into
/// the representation's steps: what training encodes and what `continuo evaluate` scores, so both see
/// exactly the same held-out music.
public struct CorpusSplit: Sendable {
    public var training: [Piece]
    public var validation: [Piece]

    public init(pieces: [Piece], validationFraction: Double, seed: UInt64, representation: Representation) {
        let held = FileSplit.validationNames(pieces.map(\.name), fraction: validationFraction, seed: seed)
        let stepped = pieces.map { piece in
            var copy = piece
            copy.events = representation.steps(piece.events)
            return copy
        }
        training = stepped.filter { !held.contains($0.name) }
        validation = stepped.filter { held.contains($0.name) }
    }
}
