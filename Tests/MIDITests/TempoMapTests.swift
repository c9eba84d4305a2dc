import Testing
import MIDI

@Suite struct TempoMapTests {
    @Test func tempoChange_splitsTheMap() throws {
        // formatOneMeta: 480 PPQ, 1,000,000 µs from tick 0, 500,000 µs from tick 480.
        let map = TempoMap(try MIDIFile(bytes: Fixtures.formatOneMeta))
        #expect(map.seconds(at: 240).value == 0.5)        // half a quarter at 1 s per quarter
        #expect(map.seconds(at: 480).value == 1.0)
        #expect(map.seconds(at: 1440).value == 2.0)       // + 2 quarters at 0.5 s
        #expect(map.beats(at: 1440) == 3.0)
        #expect(map.ticks(at: Seconds(2.0)) == 1440)
        #expect(map.ticks(at: Seconds(0.25)) == 120)
    }

    @Test func noTempoEvent_means120QuarterNotesPerMinute() {
        let map = TempoMap(division: .ticksPerQuarter(96), tempoChanges: [])
        #expect(map.seconds(at: 96).value == 0.5)
        #expect(map.beats(at: 48) == 0.5)
    }

    @Test func drop30Frame_isTwentyNinePointNineSeven() {
        // 29 in the header means 30 drop-frame = 30000/1001 frames per second.
        let map = TempoMap(division: .smpte(framesPerSecond: 29, ticksPerFrame: 100), tempoChanges: [])
        #expect(abs(map.seconds(at: 3000).value - 1.001) < 1e-12)
    }
}
