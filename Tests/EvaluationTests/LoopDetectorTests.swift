import Testing
import Evaluation

@Suite struct LoopDetectorTests {
    @Test func periodThreeOverTenOnsets_isALoop() {
        // ABCABCABCA: onsets[i] == onsets[i+3] for i = 0…6, a run of 7; 7 + 3 = 10 onsets covered.
        #expect(LoopDetector.containsLoop(Array("ABCABCABCA")))
    }

    @Test func repeatOverNineOnsets_isNoLoop() {
        // ABCABCABC: run of 6 at period 3 → 9 covered, one short.
        #expect(!LoopDetector.containsLoop(Array("ABCABCABC")))
    }

    @Test func constantRunOfTen_isAPeriodOneLoop() {
        #expect(LoopDetector.containsLoop(Array(repeating: [60, 64, 67] as [UInt8], count: 10)))
        #expect(!LoopDetector.containsLoop(Array(repeating: 60, count: 9)))
    }

    @Test func irregularSequence_isNoLoop() {
        // Repeats here and there, but never a matching run long enough: at period 1 the "GG" gives a run of 1.
        #expect(!LoopDetector.containsLoop(Array("CDEGGAFCBDEAGFCDBA")))
    }

    @Test func singleRecurrenceAtALongPeriod_isNoLoop() {
        // Onset 0 recurs 12 onsets later (a run of 1 at period 12, spanning 13 onsets), but the 12-onset
        // pattern never comes round again, so it is no repeat.
        #expect(!LoopDetector.containsLoop([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0]))
    }

    @Test func periodThirteen_isLongerThanTheDefaultMaximum() {
        let pattern = Array(0..<13)
        #expect(!LoopDetector.containsLoop(pattern + pattern))
        #expect(LoopDetector.containsLoop(pattern + pattern, maxPeriod: 13))
    }

    @Test func loopInTheMiddle_isFound() {
        // 5 distinct onsets, then XY repeated over 10 onsets (run of 8 at period 2), then 3 more.
        #expect(LoopDetector.containsLoop(Array("ABCDE") + Array("XYXYXYXYXY") + Array("FGH")))
    }

    @Test func shortInput_isNoLoop() {
        #expect(!LoopDetector.containsLoop([Int]()))
        #expect(!LoopDetector.containsLoop([1]))
    }
}
