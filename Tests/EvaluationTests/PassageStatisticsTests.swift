import Testing
import Evaluation

@Suite struct PassageStatisticsTests {
    static func note(_ pitch: UInt8, at onset: Double, for duration: Double = 1) -> EvaluatedNote {
        EvaluatedNote(pitch: pitch, onsetBeats: onset, durationBeats: duration)
    }

    /// Beat 0: C4 E4 G4 (G4 0.05 beats late, inside the 1/16 window); beat 1: D4 alone;
    /// beat 1.5: C4 E4 G4 again; beat 3.5: B3 D4 G4, given out of order.
    static let passage = [
        note(74, at: 1.0), note(60, at: 0), note(64, at: 0), note(67, at: 0.05),
        note(60, at: 1.5), note(64, at: 1.5), note(67, at: 1.5),
        note(67, at: 3.5, for: 2), note(59, at: 3.5, for: 2), note(62, at: 3.5, for: 2),
    ]

    @Test func notesWithinASixteenthOfABeat_formOneOnset() {
        let stats = PassageStatistics(Self.passage)
        #expect(stats.onsets == [[60, 64, 67], [74], [60, 64, 67], [59, 62, 67]])
        #expect(stats.onsetBeats == [0, 1, 1.5, 3.5])
    }

    @Test func summaryFigures_matchTheHandWorkedOnes() {
        let stats = PassageStatistics(Self.passage)
        // Pitches 74+60+64+67+60+64+67+67+59+62 = 644 over 10 notes.
        #expect(stats.meanPitch == 64.4)
        // 3 + 1 + 3 + 3 = 10 pitches over 4 onsets.
        #expect(stats.notesPerOnset == 2.5)
        // Inter-onset intervals 1, 0.5, 2 → median 1.
        #expect(stats.medianInterOnsetBeats == 1)
        // {C E G} twice and {B D G}: two distinct chords; the lone D4 is no chord.
        #expect(stats.distinctChords == 2)
        // 59, 60, 62, 64, 67, 74.
        #expect(stats.distinctPitches == 6)
    }

    @Test func key_weighsPitchesByDuration() {
        // A3 C4 E4 held 4 beats each, then a C-major scale in 1/8-beat notes: 12 beats of the A-minor triad
        // against 1 beat of scale, so A minor (see KeyEstimateTests for the triad's correlations).
        let triad = [57, 60, 64].map { Self.note($0, at: 0, for: 4) }
        let run = [60, 62, 64, 65, 67, 69, 71, 72].enumerated().map { Self.note($1, at: 4 + Double($0) / 8, for: 0.125) }
        #expect(PassageStatistics(triad + run).key == Key(tonic: 9, mode: .minor))
    }

    @Test func anchoredWindow_doesNotChainAFastRun() {
        // Onsets 0, 0.04, 0.08: the third is 0.08 from the anchor, beyond 1/16 = 0.0625, so it starts a new onset.
        let stats = PassageStatistics([Self.note(60, at: 0), Self.note(62, at: 0.04), Self.note(64, at: 0.08)])
        #expect(stats.onsets == [[60, 62], [64]])
    }

    @Test func unison_countsOnceInTheOnset() {
        let stats = PassageStatistics([Self.note(60, at: 0), Self.note(60, at: 0), Self.note(67, at: 0)])
        #expect(stats.onsets == [[60, 67]])
        #expect(stats.notesPerOnset == 2)
        #expect(stats.meanPitch == (60 + 60 + 67) / 3.0)
    }

    @Test func emptyPassage_hasNoFigures() {
        let stats = PassageStatistics([])
        #expect(stats.meanPitch == nil && stats.notesPerOnset == nil && stats.medianInterOnsetBeats == nil)
        #expect(stats.onsets.isEmpty && stats.distinctChords == 0 && stats.distinctPitches == 0 && stats.key == nil)
    }

    @Test func singleOnset_hasNoInterOnsetMedian() {
        #expect(PassageStatistics([Self.note(60, at: 2)]).medianInterOnsetBeats == nil)
    }
}

@Suite struct MedianTests {
    @Test func oddCount_takesTheMiddleValue() {
        #expect(median([3, 1, 2]) == 2)
    }

    @Test func evenCount_averagesTheTwoMiddleValues() {
        #expect(median([4, 1, 3, 2]) == 2.5)
    }

    @Test func emptyList_hasNoMedian() {
        #expect(median([]) == nil)
    }
}
