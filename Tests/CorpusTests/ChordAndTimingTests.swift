import Testing
import Corpus

@Suite struct ChordRulesTests {
    @Test func pitches_areSortedAndDistinct() {
        #expect(ChordRules.capped([67, 60, 64, 60]) == [60, 64, 67])
    }

    @Test func bigChord_keepsBassAndTopVoices() {
        // C2 C3 E3 G3 C4 E4 G4 C5: 8 distinct, cap 6 → bass C2 and the five highest.
        #expect(ChordRules.maxNotes == 6)
        #expect(ChordRules.capped([36, 48, 52, 55, 60, 64, 67, 72]) == [36, 55, 60, 64, 67, 72])
    }
}

@Suite struct TimingGridTests {
    @Test func quarterNoteAfterQuarterNote() {
        // since 1 is since-class 7 (0, 1/8, 1/4, 1/3, 1/2, 2/3, 3/4, 1), duration 1 is duration-class 6.
        #expect(TimingGrid.count == 13 * 12)
        #expect(TimingGrid.classify(sinceBeats: 1, durationBeats: 1) == 7 * 12 + 6)
        #expect(TimingGrid.beats(ofClass: 7 * 12 + 6) == (since: 1, duration: 1))
    }

    @Test func nearClassIsChosenOnLogScale() {
        // 0.29 quarter notes: |log2 0.29 − log2 1/3| = 0.201 < |log2 0.29 − log2 1/4| = 0.214 → triplet eighth.
        #expect(TimingGrid.classify(sinceBeats: 0.29, durationBeats: 0.125) == 3 * 12 + 0)
        // A chord that just missed the onset window (1/32 beat) counts as simultaneous; long notes clamp to 8.
        #expect(TimingGrid.classify(sinceBeats: 1.0 / 32, durationBeats: 20) == 0 * 12 + 11)
    }

    @Test func everyClassRepresentative_classifiesToItself() {
        for id in 0..<Int32(TimingGrid.count) {
            let beats = TimingGrid.beats(ofClass: id)
            #expect(TimingGrid.classify(sinceBeats: beats.since, durationBeats: beats.duration) == id)
        }
    }
}
