import Corpus
import MIDI

/// Every note Continuo has put on the sink that may still sound, so that whatever stops an
/// answer can pair each note-on with a note-off.
///
/// Note-offs are held back until the generated timeline has passed them: if a later event
/// strikes the same pitch before the earlier note would end, the earlier note ends there
/// instead of cutting the new one short.
struct NoteLedger {
    private struct Note {
        var pitch: UInt8
        var on: MonotonicTime
        var off: MonotonicTime
        var offScheduled: Bool
    }
    private var notes: [Note] = []
    let channel: UInt8

    init(channel: UInt8) { self.channel = channel }

    /// Schedules the note-ons of `pitches` at `onset`, each to end `length` seconds later.
    mutating func play(_ pitches: [UInt8], velocity: UInt8, at onset: MonotonicTime, length: Double,
                       on sink: some ScheduledMIDISink) {
        for index in notes.indices where !notes[index].offScheduled
            && pitches.contains(notes[index].pitch) && notes[index].off > onset {
            notes[index].off = onset
        }
        commit(through: onset, on: sink)
        for pitch in pitches {
            sink.schedule(.noteOn(channel: channel, note: pitch, velocity: max(velocity, 1)), at: onset)
            notes.append(Note(pitch: pitch, on: onset, off: onset + length, offScheduled: false))
        }
    }

    /// Schedules the held-back note-offs due at or before `horizon`.
    mutating func commit(through horizon: MonotonicTime, on sink: some ScheduledMIDISink) {
        for index in notes.indices where !notes[index].offScheduled && notes[index].off <= horizon {
            sink.schedule(.noteOff(channel: channel, note: notes[index].pitch, velocity: 0), at: notes[index].off)
            notes[index].offScheduled = true
        }
    }

    /// Schedules every held-back note-off: the answer has ended as generated.
    mutating func commitAll(on sink: some ScheduledMIDISink) {
        commit(through: MonotonicTime(seconds: .infinity), on: sink)
    }

    /// Stops everything at `now`: drops queued events, ends each note already sounding with a
    /// note-off, then All Notes Off and sustain up on the channel.
    mutating func silence(at now: MonotonicTime, on sink: some ScheduledMIDISink) {
        sink.cancelPending()
        for note in notes where note.on <= now && !(note.offScheduled && note.off <= now) {
            sink.schedule(.noteOff(channel: channel, note: note.pitch, velocity: 0), at: now)
        }
        notes = []
        sink.allNotesOff(channel: channel)
    }

    /// Forgets notes whose note-off has been scheduled and played.
    mutating func forget(before now: MonotonicTime) {
        notes.removeAll { $0.offScheduled && $0.off <= now }
    }

    /// Whether some note may still sound.
    var isEmpty: Bool { notes.isEmpty }
}
