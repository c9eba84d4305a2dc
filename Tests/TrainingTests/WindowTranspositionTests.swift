import Corpus
import Testing
@testable import Training

@Suite struct WindowTranspositionTests {
    let transposition = WindowTransposition(shifts: -6...5, seed: 42)

    /// Every key is drawn over many windows, and the same (epoch, window) always draws the same shift
    /// (so `--resume` replays an epoch exactly).
    @Test func shifts_coverTwelveKeys_andAreReproducible() {
        let drawn = (0..<600).map { transposition.shift(window: $0, epoch: 3, lowest: 48, highest: 72) }
        #expect(Set(drawn) == Set(-6...5))
        #expect(drawn == (0..<600).map { transposition.shift(window: $0, epoch: 3, lowest: 48, highest: 72) })
        #expect(drawn != (0..<600).map { transposition.shift(window: $0, epoch: 4, lowest: 48, highest: 72) })
    }

    /// A window reaching the top of the keyboard (C8 = 108) may only move down; one at A0 (21) only up.
    @Test func shifts_keepTheWindowOnThePiano() {
        for window in 0..<300 {
            #expect(transposition.shift(window: window, epoch: 0, lowest: 60, highest: 106) <= 2)
            #expect(transposition.shift(window: window, epoch: 0, lowest: 21, highest: 60) >= 0)
        }
    }

    /// Note tokens are pitch + 1: moving by +2 turns C4 (61) into D4 (63) and leaves `<unk>` alone.
    @Test func transposed_movesNoteTokens() {
        let events = [EncodedEvent(token: 61, timing: 5), EncodedEvent(token: 0, timing: 7)]
        #expect(WindowTransposition.transposed(events, by: 2) == [EncodedEvent(token: 63, timing: 5), EncodedEvent(token: 0, timing: 7)])
    }
}
