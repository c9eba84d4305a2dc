/// How simultaneous notes become one chord event; shared by the corpus and the live daemon.
///
/// Notes whose onsets lie within `onsetWindowSeconds` of the first note of a group form one chord
/// (anchored at the first note, so a fast run never chains into one huge chord). Chords keep real
/// pitches; above `maxNotes` distinct pitches the chord keeps its lowest note (the bass) and the
/// `maxNotes - 1` highest (the melody and the upper voicing), dropping inner doublings first.
public enum ChordRules {
    /// Most distinct pitches in one chord event.
    public static let maxNotes = 6
    /// Onsets this close (seconds) sound as one chord: a played chord spreads by roughly 10–30 ms.
    public static let onsetWindowSeconds = 0.035

    /// `pitches` ascending and distinct, capped at `maxNotes` as described above.
    public static func capped(_ pitches: [UInt8]) -> [UInt8] {
        let distinct = Array(Set(pitches)).sorted()
        guard distinct.count > maxNotes else { return distinct }
        return [distinct[0]] + distinct.suffix(maxNotes - 1)
    }
}
