import Testing
@testable import Sequencer

/// Times from files and options reach the ALSA queue's UInt32 seconds: out-of-range ones clamp.
@Test(arguments: [
    (1.25, UInt32(1), UInt32(250_000_000)),
    (-3, 0, 0),
    (.nan, 0, 0),
    (1e12, UInt32.max, 0),
    (.infinity, UInt32.max, 0),
] as [(Double, UInt32, UInt32)])
func queueTime_clampsInsteadOfTrapping(offset: Double, seconds: UInt32, nanoseconds: UInt32) {
    let time = SequencerClient.queueTime(offset: offset)
    #expect(time.seconds == seconds && time.nanoseconds == nanoseconds)
}
