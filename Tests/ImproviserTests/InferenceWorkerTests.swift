import ContinuoTestKit
import Foundation
import Improviser
import MIDI
import Model
import Testing

@Suite struct InferenceWorkerTests {
    private func waitFor(_ condition: () -> Bool) {
        for _ in 0..<500 where !condition() { Thread.sleep(forTimeInterval: 0.01) }
    }

    @Test func worker_answersOnItsOwnThread_andStopSilences() {
        let clock = VirtualClock()
        let sink = RecordingSink(clock: clock)
        let tiny = TinyModel.make()
        let worker = InferenceWorker(
            accompanist: Accompanist(model: tiny.model, vocabulary: tiny.vocabulary, settings: AccompanistSettings(),
                                     sink: sink, clock: clock, rng: SplitMix64(seed: 2)),
            clock: clock)
        for (index, note) in [60, 64, 67].enumerated() {
            clock.set(Double(index) * 0.5)
            worker.submit(.message(.noteOn(channel: 0, note: UInt8(note), velocity: 80), at: clock.now()))
            clock.set(Double(index) * 0.5 + 0.3)
            worker.submit(.message(.noteOff(channel: 0, note: UInt8(note), velocity: 0), at: clock.now()))
        }
        clock.set(1.3 + 0.8 + 0.01)   // past the phrase end
        worker.perform { _ in }         // wake the worker; it finds the deadline passed
        waitFor { !sink.noteOns.isEmpty }
        #expect(!sink.noteOns.isEmpty)
        let offsBefore = sink.allNotesOffCount
        worker.stop()
        #expect(sink.allNotesOffCount == offsBefore + 1)
        #expect(sink.unpairedNotes.isEmpty)
    }
}
