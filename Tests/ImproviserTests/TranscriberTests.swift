import Corpus
import Improviser
import MIDI
import Testing

@Suite struct TranscriberTests {
    /// 100 BPM: 0.6 s per quarter note, so seconds / 0.6 = beats.
    private func transcriber() -> Transcriber { Transcriber(tempo: TempoEstimate(bpm: 100)) }
    private func at(_ seconds: Double) -> MonotonicTime { MonotonicTime(seconds: seconds) }

    @Test func notesWithinTheOnsetWindow_formOneChord() {
        var t = transcriber()
        var events: [MusicEvent] = []
        let window = ChordRules.onsetWindowSeconds
        events += t.receive(.noteOn(channel: 0, note: 67, velocity: 60), at: at(0))
        events += t.receive(.noteOn(channel: 0, note: 60, velocity: 80), at: at(window / 2))
        events += t.receive(.noteOn(channel: 0, note: 64, velocity: 100), at: at(window))
        events += t.receive(.noteOff(channel: 0, note: 60, velocity: 0), at: at(0.6))
        events += t.receive(.noteOff(channel: 0, note: 64, velocity: 0), at: at(0.6))
        #expect(events.isEmpty)   // 67 still sounds
        events += t.receive(.noteOff(channel: 0, note: 67, velocity: 0), at: at(1.2))
        #expect(events == [MusicEvent(pitches: [60, 64, 67], velocity: 80, sinceBeats: 0, durationBeats: 2)])
    }

    @Test func aNoteAfterTheWindow_startsANewEvent() {
        var t = transcriber()
        var events: [MusicEvent] = []
        events += t.receive(.noteOn(channel: 0, note: 60, velocity: 90), at: at(0))
        events += t.receive(.noteOn(channel: 0, note: 64, velocity: 90), at: at(ChordRules.onsetWindowSeconds + 0.3))
        events += t.receive(.noteOff(channel: 0, note: 60, velocity: 0), at: at(0.6))
        events += t.receive(.noteOff(channel: 0, note: 64, velocity: 0), at: at(0.6))
        #expect(events.map(\.pitches) == [[60], [64]])
    }

    @Test func sustainPedal_extendsTheNoteToPedalUp() {
        var t = transcriber()
        var events: [MusicEvent] = []
        events += t.receive(.controlChange(channel: 0, controller: 64, value: 127), at: at(0))
        events += t.receive(.noteOn(channel: 0, note: 60, velocity: 90), at: at(0))
        events += t.receive(.noteOff(channel: 0, note: 60, velocity: 0), at: at(0.3))
        #expect(events.isEmpty && !t.isQuiet)
        events += t.receive(.controlChange(channel: 0, controller: 64, value: 0), at: at(1.5))
        // Key down 0 s, pedal up 1.5 s: 1.5 s / 0.6 s per beat = 2.5 beats.
        #expect(events.map(\.durationBeats) == [2.5])
        #expect(t.isQuiet)
    }

    @Test func noteOnWithVelocityZero_isANoteOff() {
        var t = transcriber()
        _ = t.receive(.noteOn(channel: 0, note: 60, velocity: 90), at: at(0))
        let events = t.receive(.noteOn(channel: 0, note: 60, velocity: 0), at: at(0.3))
        #expect(events.map(\.durationBeats) == [0.5])
    }

    @Test func releaseAll_endsHeldAndSustainedNotes() {
        var t = transcriber()
        _ = t.receive(.controlChange(channel: 0, controller: 64, value: 127), at: at(0))
        _ = t.receive(.noteOn(channel: 0, note: 60, velocity: 90), at: at(0))
        _ = t.receive(.noteOff(channel: 0, note: 60, velocity: 0), at: at(0.1))
        _ = t.receive(.noteOn(channel: 0, note: 62, velocity: 90), at: at(0.6))
        let events = t.releaseAll(at: at(1.2))
        #expect(events.map(\.pitches) == [[60], [62]])
        #expect(events.map(\.sinceBeats) == [0, 1])
        #expect(t.isQuiet)
    }
}

@Suite struct TempoEstimateTests {
    @Test func quarterNotesAt120_read120() {
        var tempo = TempoEstimate(bpm: 100)
        for _ in 0..<8 { tempo.observe(interval: 0.5) }
        #expect(abs(tempo.bpm - 120) < 1e-9)
    }

    @Test func eighthNotesAt120_foldTo120() {
        var tempo = TempoEstimate(bpm: 100)
        for _ in 0..<8 { tempo.observe(interval: 0.25) }   // 240 "BPM" is above 180: halve to 120
        #expect(abs(tempo.bpm - 120) < 1e-9)
    }

    @Test func slowHalfNotes_foldUpIntoRange() {
        var tempo = TempoEstimate(bpm: 100)
        for _ in 0..<8 { tempo.observe(interval: 1.5) }    // 40 BPM is below 60: double to 80
        #expect(abs(tempo.bpm - 80) < 1e-9)
    }

    @Test func pausesBetweenPhrases_areNotRhythm() {
        var tempo = TempoEstimate(bpm: 100)
        tempo.observe(interval: 5)
        #expect(abs(tempo.bpm - 100) < 1e-9)
    }

    @Test func medianIgnoresOneStrayInterval() {
        var tempo = TempoEstimate(bpm: 100)
        for interval in [0.5, 0.5, 0.5, 0.9, 0.5] { tempo.observe(interval: interval) }
        #expect(abs(tempo.bpm - 120) < 1e-9)
    }
}
