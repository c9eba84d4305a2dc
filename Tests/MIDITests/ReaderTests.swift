import Testing
@testable import MIDI

@Suite struct ReaderTests {
    @Test func formatZero_runningStatusAndVelocityZeroAreRead() throws {
        let file = try MIDIFile(bytes: Fixtures.formatZeroRunningStatus, name: "f0.mid")
        #expect(file.format == .singleTrack)
        #expect(file.division == .ticksPerQuarter(96))
        #expect(file.tracks.count == 1)
        #expect(file.tracks[0].events == [
            TrackEvent(tick: 0, .meta(.tempo(microsecondsPerQuarter: 500_000))),
            TrackEvent(tick: 0, .message(.noteOn(channel: 0, note: 60, velocity: 100))),
            TrackEvent(tick: 96, .message(.noteOn(channel: 0, note: 60, velocity: 0))),
            TrackEvent(tick: 96, .message(.noteOn(channel: 0, note: 64, velocity: 80))),
            TrackEvent(tick: 288, .message(.noteOn(channel: 0, note: 64, velocity: 0))),
        ])
        #expect(file.tracks[0].end == 288)
    }

    @Test func noteOnVelocityZero_endsTheNote() throws {
        let file = try MIDIFile(bytes: Fixtures.formatZeroRunningStatus)
        #expect(file.tracks[0].notes() == [
            Note(channel: 0, pitch: 60, velocity: 100, start: 0, end: 96),
            Note(channel: 0, pitch: 64, velocity: 80, start: 96, end: 288),
        ])
    }

    @Test func formatOne_metaSysexAndEscapeAreKept() throws {
        let file = try MIDIFile(bytes: Fixtures.formatOneMeta)
        #expect(file.format == .simultaneousTracks)
        #expect(file.division == .ticksPerQuarter(480))
        #expect(file.tracks[0].name == "Bach")
        #expect(file.tracks[0].events.map(\.kind) == [
            .meta(.text(type: 3, bytes: Array("Bach".utf8))),
            .meta(.timeSignature(numerator: 3, denominatorPower: 2, clocksPerClick: 24, thirtySecondsPerQuarter: 8)),
            .meta(.keySignature(sharps: -2, mode: 1)),
            .meta(.tempo(microsecondsPerQuarter: 1_000_000)),
            .meta(.tempo(microsecondsPerQuarter: 500_000)),
        ])
        #expect(file.tracks[0].events[4].tick == 480)
        #expect(file.tracks[1].events.map(\.kind) == [
            .message(.programChange(channel: 0, program: 0)),
            .message(.controlChange(channel: 0, controller: 64, value: 127)),
            .message(.pitchBend(channel: 0, value: 0)),
            .message(.sysex([0x7E, 0x7F, 0x09, 0x01, 0xF7])),
            .escape([0xF8]),
            .message(.noteOn(channel: 1, note: 67, velocity: 80)),
            .message(.noteOff(channel: 1, note: 67, velocity: 64)),
            .message(.controlChange(channel: 0, controller: 64, value: 0)),
        ])
        #expect(file.tracks[1].events.last?.tick == 480)
    }

    @Test func pitchBendExtremes_mapToSignedRange() throws {
        // E0 00 00 = 0 → -8192; E0 7F 7F = 16383 → +8191 (MIDI 1.0: 0x2000 is centre).
        let file = try MIDIFile(bytes: Fixtures.singleTrack([
            0x00, 0xE0, 0x00, 0x00,   // Δ0 pitch bend minimum
            0x00, 0x7F, 0x7F,         // Δ0 running status: maximum
            0x00, 0xFF, 0x2F, 0x00,   // End of Track
        ]))
        #expect(file.tracks[0].events.map(\.kind) == [
            .message(.pitchBend(channel: 0, value: -8192)), .message(.pitchBend(channel: 0, value: 8191)),
        ])
    }

    @Test func repeatedNoteOnOfHeldPitch_restrikesAndHeldNoteLastsToEndOfTrack() throws {
        let file = try MIDIFile(bytes: Fixtures.singleTrack([
            0x00, 0x90, 0x3C, 0x40,   // Δ0 C4 on
            0x30, 0x3C, 0x50,         // Δ48 C4 on again while held: re-strike
            0x30, 0x80, 0x3C, 0x00,   // Δ48 C4 off (ends the second)
            0x00, 0x90, 0x43, 0x60,   // Δ0 G4 on, never released
            0x60, 0xFF, 0x2F, 0x00,   // Δ96 End of Track at tick 192
        ]))
        #expect(file.tracks[0].notes() == [
            Note(channel: 0, pitch: 60, velocity: 64, start: 0, end: 48),
            Note(channel: 0, pitch: 60, velocity: 80, start: 48, end: 96),
            Note(channel: 0, pitch: 67, velocity: 96, start: 96, end: 192),
        ])
    }

    @Test func keySignatureMode255_isKeptNotRejected() throws {
        let file = try MIDIFile(bytes: Fixtures.singleTrack([
            0x00, 0xFF, 0x59, 0x02, 0x00, 0xFF, // key signature C, mode 255 (as in two Simutrans files)
            0x00, 0xFF, 0x2F, 0x00,
        ]))
        #expect(file.tracks[0].events.map(\.kind) == [.meta(.keySignature(sharps: 0, mode: 255))])
    }

    @Test func formatTwo_andUnknownChunks() throws {
        var bytes = Fixtures.singleTrack([0x00, 0xFF, 0x2F, 0x00])
        bytes[9] = 0x02                                    // format 2
        bytes[11] = 0x02                                   // 2 tracks
        bytes += [0x58, 0x46, 0x49, 0x4E, 0, 0, 0, 2, 0xAA, 0xBB] // alien chunk "XFIN", 2 bytes: skipped
        bytes += [0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 4, 0x10, 0xFF, 0x2F, 0x00] // MTrk ending at tick 16
        let file = try MIDIFile(bytes: bytes)
        #expect(file.format == .independentTracks)
        #expect(file.tracks.map(\.end) == [0, 16])
    }

    @Test func smpteDivision_tickIsOneMillisecond() throws {
        let file = try MIDIFile(bytes: Fixtures.smpte)
        #expect(file.division == .smpte(framesPerSecond: 25, ticksPerFrame: 40))
        let map = TempoMap(file)
        #expect(abs(map.seconds(at: 1000).value - 1.0) < 1e-12)
        // At the default 120 bpm a quarter note is 0.5 s, so 1 s is two beats.
        #expect(abs(map.beats(at: 1000) - 2.0) < 1e-12)
    }
}
