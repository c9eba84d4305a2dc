import Foundation
import Corpus

/// One file's events and tokens, as printed by `continuo corpus --dump FILE.mid`.
public struct CorpusDump: Codable, Sendable {
    public struct Row: Codable, Sendable {
        public var pitches: [UInt8]
        public var velocity: UInt8
        public var sinceBeats: Double
        public var durationBeats: Double
        /// Token text ("60.64.67").
        public var token: String
        /// Token id in a vocabulary built from this file alone (threshold 1).
        public var tokenID: Int32
        /// `TimingGrid` class and its representative values.
        public var timing: Int32
        public var timingSinceBeats: Double
        public var timingDurationBeats: Double
    }

    public var file: String
    public var rule: String
    public var keptNotes: Int
    public var droppedDrumNotes: Int
    public var droppedOtherNotes: Int
    public var events: [Row]

    public init(piece: Piece) {
        let vocabulary = Vocabulary(counting: [piece.events], minimumCount: 1)
        file = piece.name
        rule = piece.rule.rawValue
        keptNotes = piece.keptNotes
        droppedDrumNotes = piece.droppedDrumNotes
        droppedOtherNotes = piece.droppedOtherNotes
        events = piece.events.map { event in
            let timing = TimingGrid.classify(sinceBeats: event.sinceBeats, durationBeats: event.durationBeats)
            let representative = TimingGrid.beats(ofClass: timing)
            return Row(pitches: event.pitches, velocity: event.velocity, sinceBeats: event.sinceBeats,
                       durationBeats: event.durationBeats, token: Vocabulary.token(of: event.pitches),
                       tokenID: vocabulary.id(of: event.pitches), timing: timing,
                       timingSinceBeats: representative.since, timingDurationBeats: representative.duration)
        }
    }

    /// Pretty-printed JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
