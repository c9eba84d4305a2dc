/// Which notes may be sounding on an output whose events are scheduled ahead: a note-on was
/// scheduled and its note-off has not played yet (or was cancelled before it played).
struct SoundingNotes {
    /// Per (channel, note): when its note-off plays; `.infinity` while none is scheduled.
    private var releases: [NoteKey: Double] = [:]

    /// Notes `message` (scheduled at `time`) starts or ends; `now` lets ended notes be forgotten.
    mutating func track(_ message: MIDIMessageNote, at time: Double, now: Double) {
        switch message {
        case let .on(key):
            // Forget notes that have ended, so the table stays as small as what sounds.
            if releases.count > 256 { releases = releases.filter { $0.value > now } }
            releases[key] = .infinity
        case let .off(key):
            if releases[key] != nil { releases[key] = time }
        }
    }

    /// The scheduled note-offs after `now` were removed: those notes sound until released.
    mutating func cancelReleases(after now: Double) {
        for (key, release) in releases where release > now { releases[key] = .infinity }
    }

    /// Forgets `channel`'s notes, returning those still sounding at `now`, lowest first.
    mutating func release(channel: UInt8, now: Double) -> [UInt8] {
        let ours = releases.filter { $0.key.channel == channel }
        for key in ours.keys { releases[key] = nil }
        return ours.filter { $0.value > now }.keys.map(\.note).sorted()
    }
}

/// A key on a channel.
struct NoteKey: Hashable {
    var channel: UInt8
    var note: UInt8
}

/// The part of a message that starts or ends a note.
enum MIDIMessageNote {
    case on(NoteKey)
    case off(NoteKey)
}
