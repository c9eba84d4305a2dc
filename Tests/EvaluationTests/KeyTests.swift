import Testing
import Evaluation

@Suite struct KeyTests {
    @Test func majorKey_hasItsSevenDiatonicClasses() {
        // G major: G A B C D E F#.
        #expect(Key(tonic: 7, mode: .major).pitchClasses == [7, 9, 11, 0, 2, 4, 6])
    }

    @Test func minorKey_countsTheRaisedSixthAndSeventh() {
        // A minor: A B C D E F G, plus F# (raised 6th) and G# (raised 7th); C# (the major third) is out.
        let aMinor = Key(tonic: 9, mode: .minor)
        #expect(aMinor.pitchClasses == [9, 11, 0, 2, 4, 5, 7, 6, 8])
        #expect(aMinor.contains(pitch: 68))   // G#4
        #expect(aMinor.contains(pitch: 66))   // F#4
        #expect(!aMinor.contains(pitch: 61))  // C#4
    }

    @Test func contains_ignoresTheOctave() {
        let cMajor = Key(tonic: 0, mode: .major)
        #expect(cMajor.contains(pitch: 0) && cMajor.contains(pitch: 60) && cMajor.contains(pitch: 127))  // C-1, C4, G9
        #expect(!cMajor.contains(pitch: 61) && !cMajor.contains(pitch: 1))
    }

    @Test func all_listsTwentyFourDistinctKeys() {
        #expect(Key.all.count == 24)
        #expect(Set(Key.all).count == 24)
    }

    @Test func description_spellsTheTonicAsTheScaleOptionDoes() {
        #expect(Key(tonic: 0, mode: .major).description == "C major")
        #expect(Key(tonic: 9, mode: .minor).description == "A minor")
        #expect(Key(tonic: 6, mode: .major).description == "F# major")
        #expect(Key(tonic: 10, mode: .minor).description == "Bb minor")
    }

    @Test func tonic_isTakenModuloTwelve() {
        #expect(Key(tonic: 14, mode: .major) == Key(tonic: 2, mode: .major))
        #expect(Key(tonic: -3, mode: .minor) == Key(tonic: 9, mode: .minor))
    }
}

@Suite struct KeyEstimateTests {
    static func notes(_ pitches: [UInt8], duration: Double = 1) -> [(pitch: UInt8, duration: Double)] {
        pitches.map { ($0, duration) }
    }
    static let cMajorScale: [UInt8] = [60, 62, 64, 65, 67, 69, 71, 72]
    static let gMajorScale: [UInt8] = [67, 69, 71, 72, 74, 76, 78, 79]

    @Test func cMajorScale_isEntirelyInCMajor_andEstimatesAsCMajor() {
        #expect(KeyEstimate.inKeyShare(Self.cMajorScale, key: Key(tonic: 0, mode: .major)) == 1)
        #expect(KeyEstimate.key(of: Self.notes(Self.cMajorScale)) == Key(tonic: 0, mode: .major))
    }

    @Test func aMinorTriadArpeggio_estimatesAsAMinor() {
        // Histogram: 1 on A, C, E. Against a 0/1 histogram with three ones, r is proportional to
        // (Σ profile over the three classes − 3·mean(profile)) / √Σ(profile − mean)²:
        //   A minor (offsets 0, 3, 7): (6.33 + 5.38 + 4.75 − 3·3.7092) / √16.007 = 5.3325 / 4.0009 = 1.333
        //   C major (offsets 0, 4, 9): (6.35 + 4.38 + 3.66 − 3·3.4825) / √19.146 = 3.9425 / 4.3756 = 0.901
        //   A major (offsets 0, 3, 7): (6.35 + 2.33 + 5.19 − 3·3.4825) / 4.3756 = 0.782
        // so A minor wins, well clear of its relative major.
        let arpeggio: [UInt8] = Array(repeating: [57, 60, 64], count: 4).flatMap { $0 }
        #expect(KeyEstimate.key(of: Self.notes(arpeggio, duration: 0.5)) == Key(tonic: 9, mode: .minor))
    }

    @Test func gMajorScale_estimatesAsGMajor() {
        #expect(KeyEstimate.key(of: Self.notes(Self.gMajorScale)) == Key(tonic: 7, mode: .major))
    }

    @Test func longNotes_outweighShortOnes() {
        // A C E held for 4 beats each against a quick C-major scale run of 1/8-beat notes (1 beat in all):
        // the durations make it A minor, although the scale has more notes.
        let held = Self.notes([57, 60, 64], duration: 4)
        let run = Self.notes(Self.cMajorScale, duration: 0.125)
        #expect(KeyEstimate.key(of: held + run) == Key(tonic: 9, mode: .minor))
    }

    @Test func noNotesOrNoDuration_giveNoKey() {
        #expect(KeyEstimate.key(of: []) == nil)
        #expect(KeyEstimate.key(of: Self.notes([60, 64, 67], duration: 0)) == nil)
    }

    @Test func inKeyShare_countsNotesNotDurations() {
        // C4 D4 C#4 F#4 G4 C4: in C major C, D, G, C are in, C# and F# out → 4/6;
        // in G major F# is in too → 5/6; in A minor C, D, F# (raised 6th), G, C → 5/6.
        let pitches: [UInt8] = [60, 62, 61, 66, 67, 60]
        #expect(KeyEstimate.inKeyShare(pitches, key: Key(tonic: 0, mode: .major)) == 4.0 / 6)
        #expect(KeyEstimate.inKeyShare(pitches, key: Key(tonic: 7, mode: .major)) == 5.0 / 6)
        #expect(KeyEstimate.inKeyShare(pitches, key: Key(tonic: 9, mode: .minor)) == 5.0 / 6)
        #expect(KeyEstimate.inKeyShare([], key: Key(tonic: 0, mode: .major)) == 0)
    }
}
