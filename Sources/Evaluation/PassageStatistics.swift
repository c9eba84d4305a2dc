/// The descriptive statistics `continuo evaluate` compares between generated and real passages.
///
/// Notes are grouped into onsets: a note whose onset lies less than `onsetWindowBeats` after the first
/// note of the current group joins it (anchored at the first note, as `ChordRules` groups chords, so a
/// fast run never chains into one onset).
public struct PassageStatistics: Sendable {
    /// Onsets closer than this (in beats) count as one onset: a 1/64 note at a quarter-note beat.
    public static let onsetWindowBeats = 1.0 / 16

    /// Mean MIDI pitch over all notes; nil for no notes.
    public let meanPitch: Double?
    /// Mean number of distinct pitches per onset (unisons count once, as in a chord token); nil for no notes.
    public let notesPerOnset: Double?
    /// Median time between consecutive distinct onsets, in beats; nil with fewer than two onsets.
    public let medianInterOnsetBeats: Double?
    /// Sorted distinct pitches per onset, in time order (for `LoopDetector` and distinct chords).
    public let onsets: [[UInt8]]
    /// When each onset starts (its earliest note), in beats, parallel to `onsets`.
    public let onsetBeats: [Double]
    /// Distinct pitch sets with ≥ 2 notes.
    public let distinctChords: Int
    /// Distinct MIDI pitches.
    public let distinctPitches: Int
    /// `KeyEstimate` on (pitch, duration) of every note.
    public let key: Key?

    /// Notes in any order; notes with onsets within `onsetWindowBeats` count as one onset.
    public init(_ notes: [EvaluatedNote]) {
        let groups = Self.onsetGroups(notes)
        onsets = groups.map { Array(Set($0.map(\.pitch))).sorted() }
        onsetBeats = groups.map { $0[0].onsetBeats }
        meanPitch = notes.isEmpty ? nil : notes.reduce(0) { $0 + Double($1.pitch) } / Double(notes.count)
        notesPerOnset = onsets.isEmpty ? nil : Double(onsets.reduce(0) { $0 + $1.count }) / Double(onsets.count)
        medianInterOnsetBeats = median(zip(onsetBeats.dropFirst(), onsetBeats).map { $0 - $1 })
        distinctChords = Set(onsets.filter { $0.count >= 2 }).count
        distinctPitches = Set(notes.map(\.pitch)).count
        key = KeyEstimate.key(of: notes.map { ($0.pitch, $0.durationBeats) })
    }

    /// Notes sorted by onset and split into groups, each anchored at its first note.
    static func onsetGroups(_ notes: [EvaluatedNote]) -> [[EvaluatedNote]] {
        var groups: [[EvaluatedNote]] = []
        for note in notes.sorted(by: { $0.onsetBeats < $1.onsetBeats }) {
            if let anchor = groups.last?.first, note.onsetBeats - anchor.onsetBeats < onsetWindowBeats {
                groups[groups.count - 1].append(note)
            } else {
                groups.append([note])
            }
        }
        return groups
    }
}
