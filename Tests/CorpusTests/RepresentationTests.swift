import Corpus
import Testing

@Suite struct RepresentationTests {
    /// A C-major triad (C4 lasting 2 beats, E4 and G4 1 beat) one beat after the previous onset, then D4:
    /// as notes it is C4 (1 beat after), E4 and G4 (0 beats after), D4 — each with its own length.
    @Test func notes_splitAChordLowToHigh_withZeroGapAndOwnLengths() {
        let triad = MusicEvent(pitches: [60, 64, 67], velocity: 80, sinceBeats: 1, durationBeats: 2, noteDurationsBeats: [2, 1, 1])
        let d4 = MusicEvent(pitches: [62], velocity: 70, sinceBeats: 1, durationBeats: 0.5)
        let steps = Representation.notes.steps([triad, d4])
        #expect(steps.map(\.pitches) == [[60], [64], [67], [62]])
        #expect(steps.map(\.sinceBeats) == [1, 0, 0, 1])
        #expect(steps.map(\.durationBeats) == [2, 1, 1, 0.5])
        #expect(Representation.chords.steps([triad, d4]) == [triad, d4])
    }

    /// Every MIDI pitch has a token: nothing a keyboard plays is unknown.
    @Test func pitchVocabulary_givesEveryPitchItsOwnToken() {
        let vocabulary = Representation.pitchVocabulary
        #expect(vocabulary.count == 129)
        for pitch in 0...127 {
            #expect(vocabulary.id(of: [UInt8(pitch)]) == Int32(pitch + 1))
            #expect(vocabulary.pitches(of: Int32(pitch + 1)) == [UInt8(pitch)])
        }
    }

    /// Notes of a chord that end at different times keep their own lengths through the corpus.
    @Test func chordGrouping_keepsEachNotesLength() {
        let notes = [TimedNote(pitch: 48, velocity: 80, onsetSeconds: 0, onsetBeats: 0, endBeats: 4),
                     TimedNote(pitch: 64, velocity: 80, onsetSeconds: 0.01, onsetBeats: 0.02, endBeats: 1)]
        let event = ChordRules.events(grouping: notes).events[0]
        #expect(event.pitches == [48, 64])
        #expect(event.durationBeats == 4)
        #expect(event.noteDurationBeats(0) == 4 && abs(event.noteDurationBeats(1) - 1) < 1e-12)
    }
}
