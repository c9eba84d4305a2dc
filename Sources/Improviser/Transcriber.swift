import Corpus
import MIDI

/// Folds the musician's live note-ons, note-offs and sustain pedal into `MusicEvent`s, the
/// same units the corpus is made of: notes starting within `ChordRules.onsetWindowSeconds`
/// of the first one form a chord; a key released while the pedal is down keeps sounding
/// until the pedal comes up, and its event's length includes that.
///
/// Events are released in onset order once every note of theirs has ended, so the seed
/// never holds a provisional duration.
public struct Transcriber: Sendable {
    /// An event that has started and has notes still sounding.
    private struct Sounding: Sendable {
        var onset: MonotonicTime
        var sinceSeconds: Double
        var pitches: [UInt8]
        var velocities: [UInt8]
        var open: Set<UInt8>
        var end: MonotonicTime
    }

    /// The musician's tempo, updated at every onset.
    public private(set) var tempo: TempoEstimate
    /// Whether the sustain pedal is down.
    public private(set) var pedalDown = false
    /// The last moment a key or the pedal moved: silence is measured from here.
    public private(set) var lastActivity: MonotonicTime?
    private var pending: [Sounding] = []
    private var held: Set<UInt8> = []
    private var sustained: Set<UInt8> = []
    private var lastOnset: MonotonicTime?

    public init(tempo: TempoEstimate) { self.tempo = tempo }

    /// No key down and no pedal: the condition for a phrase to end.
    public var isQuiet: Bool { held.isEmpty && !pedalDown }

    /// Takes one input message; returns the events it completed, oldest first.
    public mutating func receive(_ message: MIDIMessage, at time: MonotonicTime) -> [MusicEvent] {
        switch message {
        case let .noteOn(_, note, velocity) where velocity > 0:
            return press(note, velocity: velocity, at: time)
        case let .noteOn(_, note, _), let .noteOff(_, note, _):
            return release(note, at: time)
        case let .controlChange(_, MIDIMessage.sustainController, value):
            return pedal(down: value >= 64, at: time)
        default:
            return []
        }
    }

    /// Ends every note and lifts the pedal, e.g. when the input is unplugged mid-phrase.
    public mutating func releaseAll(at time: MonotonicTime) -> [MusicEvent] {
        for note in held.union(sustained) { end(note, at: time) }
        held = []
        sustained = []
        pedalDown = false
        lastActivity = time
        return completed()
    }

    private mutating func press(_ note: UInt8, velocity: UInt8, at time: MonotonicTime) -> [MusicEvent] {
        if held.contains(note) || sustained.contains(note) { end(note, at: time) }
        sustained.remove(note)
        held.insert(note)
        lastActivity = time
        if var chord = pending.last, let first = lastOnset, chord.onset == first,
           time - first <= ChordRules.onsetWindowSeconds {
            chord.pitches.append(note)
            chord.velocities.append(velocity)
            chord.open.insert(note)
            chord.end = max(chord.end, time)
            pending[pending.count - 1] = chord
        } else {
            let since = lastOnset.map { time - $0 } ?? 0
            if lastOnset != nil { tempo.observe(interval: since) }
            pending.append(Sounding(onset: time, sinceSeconds: since, pitches: [note],
                                    velocities: [velocity], open: [note], end: time))
            lastOnset = time
        }
        return completed()
    }

    private mutating func release(_ note: UInt8, at time: MonotonicTime) -> [MusicEvent] {
        guard held.remove(note) != nil else { return [] }
        lastActivity = time
        if pedalDown { sustained.insert(note) } else { end(note, at: time) }
        return completed()
    }

    private mutating func pedal(down: Bool, at time: MonotonicTime) -> [MusicEvent] {
        guard down != pedalDown else { return [] }
        pedalDown = down
        lastActivity = time
        if !down {
            for note in sustained { end(note, at: time) }
            sustained = []
        }
        return completed()
    }

    private mutating func end(_ note: UInt8, at time: MonotonicTime) {
        guard let index = pending.firstIndex(where: { $0.open.contains(note) }) else { return }
        pending[index].open.remove(note)
        pending[index].end = max(pending[index].end, time)
    }

    /// Pops finished events from the front, converting seconds to beats at the current tempo.
    private mutating func completed() -> [MusicEvent] {
        var events: [MusicEvent] = []
        while let first = pending.first, first.open.isEmpty {
            pending.removeFirst()
            let velocity = first.velocities.reduce(0) { $0 + Int($1) } / first.velocities.count
            events.append(MusicEvent(
                pitches: ChordRules.capped(Array(Set(first.pitches)).sorted()),
                velocity: UInt8(velocity),
                sinceBeats: tempo.beats(first.sinceSeconds),
                durationBeats: tempo.beats(first.end - first.onset)))
        }
        return events
    }
}
