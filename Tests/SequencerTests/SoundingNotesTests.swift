@testable import Sequencer
import Testing

/// The bookkeeping behind `allNotesOff`: which notes still need a note-off, hand-worked timelines.
struct SoundingNotesTests {
    private let c4 = NoteKey(channel: 0, note: 60)
    private let e4 = NoteKey(channel: 0, note: 64)

    @Test func aNoteWhoseOffHasPlayed_needsNoRelease() {
        var notes = SoundingNotes()
        notes.track(.on(c4), at: 1.0, now: 0)
        notes.track(.off(c4), at: 1.5, now: 0)
        #expect(notes.release(channel: 0, now: 2.0) == [])
    }

    @Test func aNoteWhoseOffIsStillAhead_isReleased() {
        var notes = SoundingNotes()
        notes.track(.on(c4), at: 1.0, now: 0)
        notes.track(.off(c4), at: 3.0, now: 0)
        #expect(notes.release(channel: 0, now: 2.0) == [60])
    }

    @Test func cancellingTheQueue_keepsNotesWhoseOffWasDropped() {
        // C4 1–3 s, E4 1.5–1.8 s; at 2 s the queue is cleared: C4's off (3 s) is gone, E4's played.
        var notes = SoundingNotes()
        notes.track(.on(c4), at: 1.0, now: 0)
        notes.track(.off(c4), at: 3.0, now: 0)
        notes.track(.on(e4), at: 1.5, now: 0)
        notes.track(.off(e4), at: 1.8, now: 0)
        notes.cancelReleases(after: 2.0)
        #expect(notes.release(channel: 0, now: 10.0) == [60])
    }

    @Test func releasing_isPerChannel_andForgets() {
        var notes = SoundingNotes()
        notes.track(.on(c4), at: 1.0, now: 0)
        notes.track(.on(NoteKey(channel: 9, note: 38)), at: 1.0, now: 0)
        #expect(notes.release(channel: 9, now: 2.0) == [38])
        #expect(notes.release(channel: 0, now: 2.0) == [60])
        #expect(notes.release(channel: 0, now: 2.0) == [])
    }
}
