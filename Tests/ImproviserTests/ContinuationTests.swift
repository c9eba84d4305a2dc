import ContinuoTestKit
import Corpus
import Improviser
import Model
import Testing

@Suite struct ContinuationTests {
    let tiny = TinyModel.make(seed: 3)
    let seed = [60, 62, 64].map { MusicEvent(pitches: [UInt8($0)], velocity: 70, sinceBeats: 1, durationBeats: 1) }

    @Test func scaleAndRangeMask_holdForEveryProposal() {
        let constraints = PitchConstraints(range: 60...67, scale: Scale("C major-pentatonic"))
        var continuation = Continuation(model: tiny.model, vocabulary: tiny.vocabulary, seed: seed,
                                        sampler: Sampler(temperature: 1.5, topP: 1), constraints: constraints)
        var rng = SplitMix64(seed: 11)
        // C major pentatonic is C D E G A; within 60…67 that leaves 60, 62, 64, 67 and the triad 60.64.67.
        let allowed: Set<[UInt8]> = [[60], [62], [64], [67], [60, 64, 67]]
        for _ in 0..<200 {
            #expect(allowed.contains(continuation.next(using: &rng).pitches))
        }
    }

    @Test func greedy_picksTheArgmaxOfBothHeads() {
        var continuation = Continuation(model: tiny.model, vocabulary: tiny.vocabulary, seed: seed,
                                        sampler: Sampler(temperature: 0, topP: 1))
        // Independent path: step the network by hand over the same seed.
        var state = LSTMState(zeroFor: tiny.model)
        var logits: (token: [Float], timing: [Float]) = ([], [])
        for event in seed {
            logits = tiny.model.step(token: tiny.vocabulary.id(of: event.pitches),
                                     timing: TimingGrid.classify(sinceBeats: 1, durationBeats: 1), state: &state)
        }
        let token = (1..<logits.token.count).max { logits.token[$0] < logits.token[$1] }!   // never <unk>
        let timing = logits.timing.indices.max { logits.timing[$0] < logits.timing[$1] }!
        var rng = SplitMix64(seed: 1)
        let event = continuation.next(using: &rng)
        #expect(event.pitches == tiny.vocabulary.pitches(of: Int32(token)))
        #expect(event.sinceBeats == TimingGrid.beats(ofClass: Int32(timing)).since)
        #expect(event.durationBeats == TimingGrid.beats(ofClass: Int32(timing)).duration)
        #expect(event.velocity == 70)
    }

    @Test func unknownTokenIsNeverProposed() {
        var continuation = Continuation(model: tiny.model, vocabulary: tiny.vocabulary, seed: [],
                                        sampler: Sampler(temperature: 3, topP: 1))
        var rng = SplitMix64(seed: 5)
        for _ in 0..<200 { #expect(!continuation.next(using: &rng).pitches.isEmpty) }
    }

    @Test func scaleNames_parse() {
        #expect(Scale("D minor")?.contains(65) == true)    // F is in D minor
        #expect(Scale("D minor")?.contains(66) == false)   // F# is not
        #expect(Scale("H major") == nil)
    }
}

@Suite struct NoteContinuationTests {
    let model = EventLSTM(hyperparameters: LSTMHyperparameters(
        vocabularySize: Representation.pitchVocabulary.count, timingClassCount: TimingGrid.count, layers: 1, hidden: 8, dropout: 0), seed: 9)
    let seed = [MusicEvent(pitches: [48, 55, 64], velocity: 70, sinceBeats: 1, durationBeats: 1)]

    /// With the note representation a chord comes one note at a time, zero beats apart and low to high:
    /// whatever the (random) network proposes, a note 0 beats after the previous one lies above it.
    @Test func chordNotes_comeLowToHigh() {
        var continuation = Continuation(model: model, vocabulary: Representation.pitchVocabulary, representation: .notes,
                                        seed: seed, sampler: Sampler(temperature: 2, topP: 1))
        var rng = SplitMix64(seed: 4)
        var previous: UInt8 = 64
        var chordNotes = 0
        for _ in 0..<2000 {
            let event = continuation.next(using: &rng)
            #expect(event.pitches.count == 1)
            if event.sinceBeats == 0 && previous < 127 {
                #expect(event.pitches[0] > previous)
                chordNotes += 1
            }
            previous = event.pitches[0]
        }
        #expect(chordNotes > 0)
    }

    /// A seed chord of three notes is three steps of the LSTM.
    @Test func seedChord_isReadAsOneStepPerNote() {
        let continuation = Continuation(model: model, vocabulary: Representation.pitchVocabulary, representation: .notes,
                                        seed: seed, sampler: Sampler())
        #expect(continuation.length == 3)
    }
}
