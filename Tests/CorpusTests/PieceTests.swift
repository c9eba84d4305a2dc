import Testing
import MIDI
@testable import Corpus

/// Files built as values at 480 ticks per quarter; without a tempo event a quarter lasts 0.5 s.
@Suite struct PieceTests {
    static func on(_ tick: Ticks, _ pitch: UInt8, _ velocity: UInt8 = 80, channel: UInt8 = 0) -> TrackEvent {
        TrackEvent(tick: tick, .message(.noteOn(channel: channel, note: pitch, velocity: velocity)))
    }
    static func off(_ tick: Ticks, _ pitch: UInt8, channel: UInt8 = 0) -> TrackEvent {
        TrackEvent(tick: tick, .message(.noteOff(channel: channel, note: pitch, velocity: 0)))
    }
    static func program(_ channel: UInt8, _ program: UInt8) -> TrackEvent {
        TrackEvent(tick: 0, .message(.programChange(channel: channel, program: program)))
    }
    static func pedal(_ tick: Ticks, down: Bool) -> TrackEvent {
        TrackEvent(tick: tick, .message(.controlChange(channel: 0, controller: 64, value: down ? 127 : 0)))
    }
    static func piece(_ tracks: [[TrackEvent]], tempo: UInt32? = nil) throws -> Piece {
        let conductor = tempo.map { [TrackEvent(tick: 0, .meta(.tempo(microsecondsPerQuarter: $0)))] } ?? []
        let file = MIDIFile(division: .ticksPerQuarter(480), tracks: [MIDITrack(events: conductor)] + tracks.map { MIDITrack(events: $0) })
        return try Piece(file: file, name: "test.mid")
    }

    @Test func onsetsWithinWindow_formOneChord() throws {
        // E4 starts 10 ticks = 10.4 ms after C4 and G4 (< 35 ms): one chord; C5 a quarter later alone.
        let piece = try Self.piece([[
            Self.on(0, 60, 90), Self.on(0, 67, 70), Self.on(10, 64, 80),
            Self.off(480, 60), Self.off(480, 64), Self.off(480, 67),
            Self.on(480, 72, 100), Self.off(720, 72),
        ]])
        #expect(piece.events == [
            MusicEvent(pitches: [60, 64, 67], velocity: 80, sinceBeats: 0, durationBeats: 1),
            MusicEvent(pitches: [72], velocity: 100, sinceBeats: 1, durationBeats: 0.5),
        ])
        #expect(piece.rule == .piano)
    }

    @Test func onsetWindow_isInSecondsNotTicks() throws {
        // At 30 bpm (2,000,000 µs per quarter) 10 ticks are 41.7 ms: beyond the window, two events.
        let piece = try Self.piece([[Self.on(0, 60), Self.on(10, 64), Self.off(480, 60), Self.off(480, 64)]], tempo: 2_000_000)
        #expect(piece.events.map(\.pitches) == [[60], [64]])
        #expect(abs(piece.events[1].sinceBeats - 10.0 / 480) < 1e-12)
    }

    @Test func drumsAreDropped_andPianoIsPreferredOverOtherPitched() throws {
        let piece = try Self.piece([
            [Self.program(0, 0), Self.on(0, 60), Self.off(480, 60)],                              // piano
            [Self.program(1, 40), Self.on(0, 76, channel: 1), Self.off(480, 76, channel: 1)],     // violin
            [Self.on(0, 36, channel: 9), Self.off(10, 36, channel: 9)],                           // kick drum
        ])
        #expect(piece.rule == .piano)
        #expect(piece.events.map(\.pitches) == [[60]])
        #expect((piece.keptNotes, piece.droppedDrumNotes, piece.droppedOtherNotes) == (1, 1, 1))
    }

    @Test func withoutPiano_otherPitchedTracksAreKept() throws {
        let piece = try Self.piece([
            [Self.program(1, 40), Self.on(0, 76, channel: 1), Self.off(480, 76, channel: 1)],     // violin
            [Self.program(2, 118), Self.on(0, 50, channel: 2), Self.off(480, 50, channel: 2)],    // synth drum
        ])
        #expect(piece.rule == .pitched)
        #expect(piece.events.map(\.pitches) == [[76]])
    }

    @Test func onlyDrums_isNoPiece() {
        #expect(throws: Piece.Empty.noPitchedNotes(drumNotes: 1, otherNotes: 0)) {
            try Self.piece([[Self.on(0, 36, channel: 9), Self.off(10, 36, channel: 9)]])
        }
    }

    @Test func sustainPedal_extendsReleasedNotesUntilPedalUp() throws {
        // C4 held an eighth, pedal down at 120 until 960: C4 sounds two quarters. E4 re-struck at 480 while
        // its pedal-held first stroke sounds: the first stroke ends at 480 (one quarter).
        let piece = try Self.piece([[
            Self.on(0, 60), Self.pedal(120, down: true), Self.off(240, 60),
            Self.on(1, 64), Self.off(200, 64), Self.on(480, 64), Self.off(600, 64),
            Self.pedal(960, down: false),
        ]])
        #expect(piece.events.map(\.pitches) == [[60, 64], [64]])
        #expect(piece.events.map(\.durationBeats) == [2, 1])
    }

    @Test func pedalUpBeforeRelease_changesNothing() throws {
        let piece = try Self.piece([[Self.pedal(0, down: true), Self.pedal(100, down: false), Self.on(120, 60), Self.off(360, 60)]])
        #expect(piece.events.map(\.durationBeats) == [0.5])
    }

    @Test func transposition_keepsRangeOrRefuses() {
        let events = [MusicEvent(pitches: [60, 64], velocity: 70, sinceBeats: 0, durationBeats: 1),
                      MusicEvent(pitches: [120], velocity: 70, sinceBeats: 1, durationBeats: 1)]
        #expect(Transposition.transposed(events, by: -12)?.map(\.pitches) == [[48, 52], [108]])
        #expect(Transposition.transposed(events, by: 8) == nil)   // 128 is past G9 (127)
    }
}
