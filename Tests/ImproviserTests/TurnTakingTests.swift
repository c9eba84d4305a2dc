import ContinuoTestKit
import Corpus
import Improviser
import MIDI
import Model
import Testing

@Suite struct TurnTakingTests {
    @Test func reply_startsOnlyAfterTheConfiguredSilence() {
        let rehearsal = Rehearsal()   // silence 0.8 s: last key up at 1.9 s, so the phrase ends at 2.7 s
        rehearsal.playPhrase()
        rehearsal.run(until: 2.65)
        #expect(rehearsal.sink.noteOns.isEmpty)
        rehearsal.run(until: 2.75)
        let first = rehearsal.sink.noteOns.first?.time.seconds ?? 0
        #expect(first >= 2.7 && first <= 2.72)
    }

    @Test func reply_waitsWhileThePedalIsDown() {
        let rehearsal = Rehearsal()
        rehearsal.send(.controlChange(channel: 0, controller: 64, value: 127))
        rehearsal.playPhrase()
        rehearsal.run(until: 4)
        #expect(rehearsal.sink.noteOns.isEmpty)
        rehearsal.send(.controlChange(channel: 0, controller: 64, value: 0))   // pedal up at 4.0 s
        rehearsal.run(until: 4.85)
        #expect(rehearsal.noteOns(after: 4.8).count > 0)
        #expect(rehearsal.sink.noteOns.allSatisfy { $0.time.seconds >= 4.8 })
    }

    @Test func reply_hasTheConfiguredNumberOfEvents_andEveryNoteEnds() {
        var settings = AccompanistSettings()
        settings.answerEvents = 5
        let rehearsal = Rehearsal(settings: settings)
        rehearsal.playPhrase()
        rehearsal.run(until: 30)
        let onsets = Set(rehearsal.sink.noteOns.map(\.time))
        #expect(onsets.count <= 5)   // chords share one onset; a later event may land on the same instant
        #expect(rehearsal.improviser.isAnswering == false)
        #expect(rehearsal.sink.unpairedNotes.isEmpty)
    }

    @Test func interrupt_stopsTheReply_withANoteOffForEverySoundingNote() throws {
        var settings = AccompanistSettings()
        settings.answerEvents = 64
        settings.answerSeconds = 0
        let rehearsal = Rehearsal(settings: settings)
        rehearsal.playPhrase()
        rehearsal.run(until: 2.712)   // the reply was decided at 2.71 s and its first note queued
        let first = try #require(rehearsal.sink.noteOns.first)
        let interrupt = first.time.seconds + 0.001   // the first note of the reply is sounding
        rehearsal.clock.set(interrupt)
        rehearsal.send(.noteOn(channel: 0, note: 67, velocity: 90))
        #expect(rehearsal.improviser.isAnswering == false)
        rehearsal.run(until: 6)
        #expect(rehearsal.noteOns(after: interrupt + 1e-6).isEmpty)
        let offs = rehearsal.sink.entries.filter { $0.message == .noteOff(channel: 0, note: first.note, velocity: 0) }
        #expect(offs.map(\.time.seconds) == [interrupt])
        #expect(rehearsal.sink.unpairedNotes.isEmpty)
    }

    @Test func unplug_releasesHeldKeys_andSilencesTheOutput() {
        let rehearsal = Rehearsal()
        rehearsal.run(until: 0.1)
        rehearsal.send(.noteOn(channel: 0, note: 60, velocity: 90))   // held when the keyboard goes
        rehearsal.run(until: 1)
        let before = rehearsal.sink.allNotesOffCount
        rehearsal.improviser.receive(.sourceLost(name: "VirMIDI 1-0"))
        #expect(rehearsal.sink.allNotesOffCount == before + 1)
        rehearsal.run(until: 1.85)   // the key counts as released at 1.0 s: the phrase ends at 1.8 s
        #expect(rehearsal.noteOns(after: 1.8).count > 0)
    }

    @Test func unplug_midReply_endsEveryNote() {
        var settings = AccompanistSettings()
        settings.answerSeconds = 0
        settings.answerEvents = 64
        let rehearsal = Rehearsal(settings: settings)
        rehearsal.playPhrase()
        rehearsal.run(until: 3.4)
        rehearsal.improviser.receive(.sourceLost(name: "VirMIDI 1-0"))
        #expect(rehearsal.improviser.isAnswering == false)
        #expect(rehearsal.noteOns(after: 3.4 + 1e-6).isEmpty)
        #expect(rehearsal.sink.unpairedNotes.isEmpty)
    }

    @Test func playAlong_keepsPlaying_whileTheMusicianPlays() {
        var settings = AccompanistSettings()
        settings.mode = .playAlong
        let rehearsal = Rehearsal(settings: settings)
        for step in 0..<12 {
            rehearsal.play(60, from: Double(step) * 0.5, to: Double(step) * 0.5 + 0.3)
        }
        // Continuo started at the first completed event (0.3 s) and was never cut off.
        #expect(rehearsal.noteOns(after: 1).count > 0)
        #expect(rehearsal.noteOns(after: 5).count > 0)
        rehearsal.run(until: 60)
        #expect(rehearsal.sink.unpairedNotes.isEmpty)
    }

    @Test func modeChangeByControl_silencesAndSwitches() {
        var settings = AccompanistSettings()
        settings.answerSeconds = 0
        settings.answerEvents = 64
        let rehearsal = Rehearsal(settings: settings)
        rehearsal.playPhrase()
        rehearsal.run(until: 3.3)
        let before = rehearsal.sink.allNotesOffCount
        rehearsal.send(.controlChange(channel: 0, controller: 22, value: 127))
        #expect(rehearsal.improviser.settings.mode == .playAlong)
        #expect(rehearsal.sink.allNotesOffCount == before + 1)
        #expect(rehearsal.sink.unpairedNotes.isEmpty)
        #expect(rehearsal.noteOns(after: 3.3 + 1e-6).isEmpty)
    }

    @Test func panicControl_silencesAndForgetsThePhrase() {
        var settings = AccompanistSettings()
        settings.answerSeconds = 0
        settings.answerEvents = 64
        let rehearsal = Rehearsal(settings: settings)
        rehearsal.playPhrase()
        rehearsal.run(until: 3.3)
        rehearsal.send(.controlChange(channel: 0, controller: 23, value: 127))
        rehearsal.run(until: 10)
        #expect(rehearsal.noteOns(after: 3.3 + 1e-6).isEmpty)
        #expect(rehearsal.sink.unpairedNotes.isEmpty)
    }

    @Test func answerLengthControl_oneEvent() {
        let rehearsal = Rehearsal()
        rehearsal.send(.controlChange(channel: 0, controller: 21, value: 0))   // 0 → 1 event
        #expect(rehearsal.improviser.settings.answerEvents == 1)
        rehearsal.playPhrase()
        rehearsal.run(until: 10)
        #expect(Set(rehearsal.sink.noteOns.map(\.time)).count == 1)
    }

    @Test func startup_sendsAllNotesOff() {
        #expect(Rehearsal().sink.allNotesOffCount == 1)
    }

    @Test func dynamics_followTheMusiciansVelocity() {
        let rehearsal = Rehearsal()
        // Running mean from 80 with weight 0.3, ten events at 120: 120 − 40·0.7¹⁰ = 118.9 → 119.
        for step in 0..<10 {
            rehearsal.play(60, from: Double(step) * 0.3, to: Double(step) * 0.3 + 0.2, velocity: 120)
        }
        rehearsal.run(until: 4)
        let velocities = rehearsal.sink.entries.compactMap { entry -> UInt8? in
            if case let .noteOn(_, _, velocity) = entry.message { return velocity }
            return nil
        }
        #expect(!velocities.isEmpty && velocities.allSatisfy { $0 == 119 })
    }
}

@Suite struct NoteModelTurnTakingTests {
    /// A note model with zero weights: after any input it proposes C4…B4 evenly, each 0 beats after the
    /// previous note (completing a chord) or one beat after it, with even odds.
    func chordyNoteModel() -> (network: EventLSTM, vocabulary: Vocabulary, representation: Representation) {
        let vocabulary = Representation.pitchVocabulary
        let model = EventLSTM(hyperparameters: LSTMHyperparameters(
            vocabularySize: vocabulary.count, timingClassCount: TimingGrid.count, layers: 1, hidden: 2, dropout: 0))
        let together = Int(TimingGrid.classify(sinceBeats: 0, durationBeats: 1)), oneBeat = Int(TimingGrid.classify(sinceBeats: 1, durationBeats: 1))
        let tokenHead = model.layout.tensor(named: "token_head.bias")!, timingHead = model.layout.tensor(named: "timing_head.bias")!
        model.updateParameters { θ in
            for i in θ.indices { θ[i] = 0 }
            for k in 0..<vocabulary.count { θ[tokenHead.offset + k] = (61...72).contains(k) ? 0 : -20 }
            for k in 0..<TimingGrid.count { θ[timingHead.offset + k] = k == together || k == oneBeat ? 10 : -20 }
        }
        return (model, vocabulary, .notes)
    }

    /// `answer.events` counts onsets: five onsets, some of them chords, every note of a chord together.
    @Test func answerEvents_countOnsets_withANoteModel() {
        var settings = AccompanistSettings()
        settings.answerEvents = 5
        settings.answerSeconds = 0
        let rehearsal = Rehearsal(settings: settings, model: chordyNoteModel())
        rehearsal.playPhrase()
        rehearsal.run(until: 30)
        let notes = rehearsal.sink.noteOns
        #expect(Set(notes.map(\.time)).count == 5)
        #expect(notes.count > 5, "with even odds of 0 beats, some onsets are chords")
        #expect(rehearsal.sink.unpairedNotes.isEmpty)
    }
}

