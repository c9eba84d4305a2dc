import Foundation
import Testing
import MIDI

@Suite struct RoundTripTests {
    /// A file using every kind of event the writer knows, with running status opportunities on two channels.
    static let everyKind = MIDIFile(division: .ticksPerQuarter(480), tracks: [
        MIDITrack(events: [
            TrackEvent(tick: 0, .meta(.text(type: 3, bytes: Array("Tempo".utf8)))),
            TrackEvent(tick: 0, .meta(.sequenceNumber(7))),
            TrackEvent(tick: 0, .meta(.timeSignature(numerator: 6, denominatorPower: 3, clocksPerClick: 36, thirtySecondsPerQuarter: 8))),
            TrackEvent(tick: 0, .meta(.keySignature(sharps: 3, mode: 0))),
            TrackEvent(tick: 0, .meta(.tempo(microsecondsPerQuarter: 652_174))),
            TrackEvent(tick: 1_000_000, .meta(.other(type: 0x7F, data: [0x00, 0x00, 0x41]))),
        ], end: 1_000_000),
        MIDITrack(events: [
            TrackEvent(tick: 0, .meta(.channelPrefix(2))),
            TrackEvent(tick: 0, .message(.sysex([0x43, 0x10, 0x4C, 0x00, 0x00, 0x7E, 0x00, 0xF7]))),
            TrackEvent(tick: 0, .message(.programChange(channel: 2, program: 4))),
            TrackEvent(tick: 0, .message(.noteOn(channel: 2, note: 60, velocity: 90))),
            TrackEvent(tick: 0, .message(.noteOn(channel: 2, note: 64, velocity: 91))),
            TrackEvent(tick: 10, .message(.controlChange(channel: 2, controller: 64, value: 127))),
            TrackEvent(tick: 20, .message(.pitchBend(channel: 2, value: -8192))),
            TrackEvent(tick: 21, .message(.pitchBend(channel: 2, value: 8191))),
            TrackEvent(tick: 22, .message(.polyPressure(channel: 2, note: 60, pressure: 5))),
            TrackEvent(tick: 23, .message(.channelPressure(channel: 2, pressure: 6))),
            TrackEvent(tick: 23, .escape([0xF3, 0x01])),
            TrackEvent(tick: 480, .message(.noteOn(channel: 2, note: 60, velocity: 0))),
            TrackEvent(tick: 480, .message(.noteOff(channel: 2, note: 64, velocity: 30))),
            TrackEvent(tick: 480, .message(.noteOn(channel: 15, note: 127, velocity: 127))),
            TrackEvent(tick: 0x0FFF_FFFF, .message(.noteOff(channel: 15, note: 127, velocity: 0))),
        ], end: 0x0FFF_FFFF + 5),
    ])

    @Test func readOfWrite_isIdentity() throws {
        for file in [Self.everyKind, try MIDIFile(bytes: Fixtures.formatOneMeta), try MIDIFile(bytes: Fixtures.smpte),
                     try MIDIFile(bytes: Fixtures.formatZeroRunningStatus)] {
            #expect(try MIDIFile(bytes: file.serialized()) == file)
        }
    }

    @Test func writer_usesRunningStatusLikeTheSpecExample() throws {
        // The hand-built format-0 file uses running status throughout; writing its value gives the same bytes.
        let file = try MIDIFile(bytes: Fixtures.formatZeroRunningStatus)
        #expect(file.serialized() == Fixtures.formatZeroRunningStatus)
    }

    @Test func missingFile_isOneLineError() {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("continuo-no-such-file.mid")
        #expect {
            _ = try MIDIFile(contentsOf: url)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("continuo-no-such-file.mid: cannot read the file: ") && !text.contains("\n")
        }
    }

    @Test func writeToDisk_thenRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("continuo-roundtrip-\(UInt64.random(in: 0...UInt64.max)).mid")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.everyKind.write(to: url)
        #expect(try MIDIFile(contentsOf: url) == Self.everyKind)
    }
}
