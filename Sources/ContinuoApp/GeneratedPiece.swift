import Corpus
import MIDI
import Plots
import Synth

/// A seed and its continuation laid out in time, ready to write as MIDI, audio and plots.
///
/// Event onsets accumulate `sinceBeats` from the seed's first event (at beat 0); beats become
/// seconds at the seed's tempo, so the continuation plays in the seed's tempo.
public struct GeneratedPiece: Sendable {
    /// One sounding pitch of an event.
    public struct Voice: Hashable, Sendable {
        public var part: Part
        public var pitch: UInt8
        public var velocity: UInt8
        public var startBeats: Double
        public var durationBeats: Double
    }

    public var seed: [MusicEvent]
    public var continuation: [MusicEvent]
    /// Length of a quarter note, from the seed file's tempo.
    public var secondsPerBeat: Double
    /// MIDI channel of both parts.
    public var channel: UInt8 = 0

    public init(seed: [MusicEvent], continuation: [MusicEvent], secondsPerBeat: Double) {
        self.seed = seed
        self.continuation = continuation
        self.secondsPerBeat = secondsPerBeat
    }

    /// Every pitch of every event, seed first, in onset order.
    public var voices: [Voice] {
        var onset = 0.0
        var result: [Voice] = []
        for (index, (part, event)) in (seed.map { (Part.seed, $0) } + continuation.map { (Part.continuation, $0) }).enumerated() {
            if index > 0 { onset += max(event.sinceBeats, 0) }
            for (i, pitch) in event.pitches.enumerated() {
                result.append(Voice(part: part, pitch: pitch, velocity: max(event.velocity, 1),
                                    startBeats: onset, durationBeats: max(event.noteDurationBeats(i), 1.0 / 64)))
            }
        }
        return result
    }

    /// From the continuation's first onset to the end of its last-ending note, in seconds (0 when empty).
    public var continuationSeconds: Double {
        let notes = voices.filter { $0.part == .continuation }
        guard let first = notes.map(\.startBeats).min() else { return 0 }
        return (notes.map { $0.startBeats + $0.durationBeats }.max()! - first) * secondsPerBeat
    }

    /// The longest piece (seed and continuation) rendered: 15 minutes is 159 MB of 44.1 kHz stereo.
    public static let maximumSeconds = OfflineRenderer.maximumSeconds

    /// From the seed's first onset to the end of the last-ending note, in seconds.
    public var totalSeconds: Double {
        (voices.map { $0.startBeats + $0.durationBeats }.max() ?? 0) * secondsPerBeat
    }

    /// Notes for the plots, in seconds.
    public var plotNotes: [PlotNote] {
        voices.map { PlotNote(pitch: $0.pitch, startSeconds: $0.startBeats * secondsPerBeat,
                              durationSeconds: $0.durationBeats * secondsPerBeat, part: $0.part) }
    }

    /// Note-ons and note-offs in seconds for the renderer; at equal times note-offs come first,
    /// so a repeated key is released before it is struck again.
    public var timedMessages: [TimedMIDIMessage] {
        voices.flatMap { v -> [(Double, Int, MIDIMessage)] in
            [(v.startBeats * secondsPerBeat, 1, .noteOn(channel: channel, note: v.pitch, velocity: v.velocity)),
             ((v.startBeats + v.durationBeats) * secondsPerBeat, 0, .noteOff(channel: channel, note: v.pitch, velocity: 0))]
        }
        .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        .map { TimedMIDIMessage(seconds: $0.0, message: $0.2) }
    }

    /// Ticks per quarter note in the written file.
    public static let ticksPerQuarter: UInt16 = 480

    /// A format-1 file: track 1 "Seed" (with the tempo), track 2 "Continuation".
    public var midiFile: MIDIFile {
        let ppq = Double(Self.ticksPerQuarter)
        // A tempo meta event holds 24 bits of microseconds per quarter note.
        let micros = (secondsPerBeat * 1_000_000).rounded()
        let tempo = micros.isFinite ? UInt32(min(max(micros, 1), Double(0xFF_FFFF))) : 500_000
        let tracks = Part.allCases.map { part -> MIDITrack in
            var events: [TrackEvent] = [TrackEvent(tick: 0, .meta(.text(type: MetaEvent.trackNameType,
                                                                        bytes: Array(part.label.utf8))))]
            if part == .seed { events.append(TrackEvent(tick: 0, .meta(.tempo(microsecondsPerQuarter: tempo)))) }
            let notes = voices.filter { $0.part == part }.flatMap { v -> [(Int, Int, MIDIMessage)] in
                let on = Int((v.startBeats * ppq).rounded())
                let off = max(Int(((v.startBeats + v.durationBeats) * ppq).rounded()), on + 1)
                return [(on, 1, .noteOn(channel: channel, note: v.pitch, velocity: v.velocity)),
                        (off, 0, .noteOff(channel: channel, note: v.pitch, velocity: 0))]
            }
            events += notes.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { TrackEvent(tick: Ticks($0.0), .message($0.2)) }
            return MIDITrack(events: events)
        }
        return MIDIFile(format: .simultaneousTracks, division: .ticksPerQuarter(Self.ticksPerQuarter), tracks: tracks)
    }
}
