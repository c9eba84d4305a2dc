import Corpus
import Evaluation

/// How one answer relates to the seed it answers (part 2 of `continuo evaluate`).
public struct AnswerMetrics: Codable, Sendable, Equatable {
    /// Share of the answer's notes in the seed's key (Krumhansl–Schmuckler, raised 6th/7th in minor).
    public var inKey: Double
    /// `inKey` minus the mean share in the other seeds' keys: does it follow this player or the corpus's favourite keys?
    public var follow: Double
    /// Answer mean pitch minus seed mean pitch, semitones.
    public var register: Double?
    /// Notes per onset, answer / seed.
    public var texture: Double?
    /// Median inter-onset interval, answer / seed.
    public var tempo: Double?
    /// Whether it holds an exact repeat (period ≤ 12 onsets) covering ≥ 10 onsets.
    public var loops: Bool
    public var distinctChords: Int
    public var distinctPitches: Int

    /// The figures of `answer` against `seed`, whose key is `seedKeys[own]`.
    init(answer: [MusicEvent], seed: PassageStatistics, seedKeys: [Key], own: Int) {
        let stats = PassageStatistics(Self.notes(answer))
        let pitches = answer.flatMap(\.pitches)
        inKey = KeyEstimate.inKeyShare(pitches, key: seedKeys[own])
        let others = seedKeys.indices.filter { $0 != own }.map { KeyEstimate.inKeyShare(pitches, key: seedKeys[$0]) }
        follow = others.isEmpty ? 0 : inKey - others.reduce(0, +) / Double(others.count)
        register = stats.meanPitch.flatMap { a in seed.meanPitch.map { a - $0 } }
        texture = Self.ratio(stats.notesPerOnset, seed.notesPerOnset)
        tempo = Self.ratio(stats.medianInterOnsetBeats, seed.medianInterOnsetBeats)
        loops = LoopDetector.containsLoop(stats.onsets)
        distinctChords = stats.distinctChords
        distinctPitches = stats.distinctPitches
    }

    private static func ratio(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, b > 0 else { return nil }
        return a / b
    }

    /// The steps as notes in beats from the first onset; each note lasts its own length.
    static func notes(_ steps: [MusicEvent]) -> [EvaluatedNote] {
        var onset = 0.0
        var notes: [EvaluatedNote] = []
        for (index, step) in steps.enumerated() {
            if index > 0 { onset += max(step.sinceBeats, 0) }
            for (i, pitch) in step.pitches.enumerated() {
                notes.append(EvaluatedNote(pitch: pitch, onsetBeats: onset, durationBeats: step.noteDurationBeats(i)))
            }
        }
        return notes
    }
}

/// The medians over pieces of one answer source's figures (each piece's answers averaged first),
/// and the share of all its answers that loop.
public struct AnswerSummary: Codable, Sendable, Equatable {
    public var source: String
    public var pieces: Int
    public var answers: Int
    public var inKey: Double?
    public var follow: Double?
    public var register: Double?
    public var texture: Double?
    public var tempo: Double?
    public var loopShare: Double?
    public var distinctChords: Double?
    public var distinctPitches: Double?

    init(source: String, perPiece: [[AnswerMetrics]]) {
        self.source = source
        pieces = perPiece.count
        answers = perPiece.map(\.count).reduce(0, +)
        func pieceMedian(_ value: (AnswerMetrics) -> Double?) -> Double? {
            median(perPiece.compactMap { answers in
                let values = answers.compactMap(value)
                return values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
            })
        }
        inKey = pieceMedian(\.inKey)
        follow = pieceMedian(\.follow)
        register = pieceMedian(\.register)
        texture = pieceMedian(\.texture)
        tempo = pieceMedian(\.tempo)
        distinctChords = pieceMedian { Double($0.distinctChords) }
        distinctPitches = pieceMedian { Double($0.distinctPitches) }
        let all = perPiece.flatMap { $0 }
        loopShare = all.isEmpty ? nil : Double(all.count { $0.loops }) / Double(all.count)
    }
}
