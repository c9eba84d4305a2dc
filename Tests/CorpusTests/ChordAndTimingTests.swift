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

@Suite struct ChordGroupingTests {
    @Test func window_isAnchoredAtTheGroupsFirstOnset() {
        // Onsets at 0, 30 and 60 ms: 30 ms ≤ 35 ms joins the first; 60 ms is measured from 0, so it starts a
        // new event although it is only 30 ms after the second note. At 120 bpm 60 ms is 0.12 beats.
        let notes = [(60, 0.0), (64, 0.03), (67, 0.06)].map { pitch, seconds in
            TimedNote(pitch: UInt8(pitch), velocity: UInt8(pitch), onsetSeconds: seconds, onsetBeats: seconds * 2, endBeats: 1)
        }
        let grouped = ChordRules.events(grouping: notes)
        #expect(grouped.events == [
            MusicEvent(pitches: [60, 64], velocity: 62, sinceBeats: 0, durationBeats: 1),
            MusicEvent(pitches: [67], velocity: 67, sinceBeats: 0.12, durationBeats: 0.88),
        ])
        #expect(grouped.cappedChords == 0)
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
