import Corpus
import Foundation
import Improviser
import MIDI
import Model
import Plots
import Synth
import Testing
import Training
@testable import ContinuoApp

/// A model whose every weight is zero except the two heads' biases. With zero weights each LSTM
/// cell has c = 0, h = 0 (g = tanh 0 = 0), so after any input the logits are exactly the biases:
/// the distribution the generator must sample is known by hand.
func handSetModel(tokenBias: [Float], timingBias: [Float]) -> EventLSTM {
    let model = EventLSTM(hyperparameters: LSTMHyperparameters(
        vocabularySize: tokenBias.count, timingClassCount: timingBias.count, layers: 1, hidden: 2, dropout: 0))
    let tokenHead = model.layout.tensor(named: "token_head.bias")!
    let timingHead = model.layout.tensor(named: "timing_head.bias")!
    model.updateParameters { θ in
        for i in θ.indices { θ[i] = 0 }
        for (k, b) in tokenBias.enumerated() { θ[tokenHead.offset + k] = b }
        for (k, b) in timingBias.enumerated() { θ[timingHead.offset + k] = b }
    }
    return model
}

/// The vocabulary of the hand-set model: id 1 = C4, 2 = E4, 3 = G4, 4 = C major triad (id 0 is unknown).
let handVocabulary = Vocabulary(entries: [[60], [64], [67], [60, 64, 67]])
/// Timing class "one beat after the previous onset, one beat long".
let oneBeat = Int(TimingGrid.classify(sinceBeats: 1, durationBeats: 1))

func peakedTiming() -> [Float] {
    (0..<TimingGrid.count).map { $0 == oneBeat ? 10 : -10 }
}

/// A scratch folder removed at the end of the test.
func scratchFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("generate-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A seed file: C4, E4, G4 quarter notes at 120 bpm (the SMF default tempo), 480 ticks per quarter.
func writeSeedFile(in folder: URL) throws -> URL {
    let events = [(0, 60), (480, 64), (960, 67)].flatMap { tick, pitch in
        [TrackEvent(tick: Ticks(tick), .message(.noteOn(channel: 0, note: UInt8(pitch), velocity: 90))),
         TrackEvent(tick: Ticks(tick + 480), .message(.noteOff(channel: 0, note: UInt8(pitch), velocity: 0)))]
    }
    let url = folder.appendingPathComponent("seed.mid")
    try MIDIFile(format: .singleTrack, division: .ticksPerQuarter(480), tracks: [MIDITrack(events: events)]).write(to: url)
    return url
}

func saveModel(_ model: EventLSTM, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent("hand.safetensors")
    let vocabulary = String(decoding: try JSONEncoder().encode(handVocabulary), as: UTF8.self)
    try model.save(to: url, metadata: [TrainingMetadata.vocabularyKey: vocabulary], dtype: .f32)
    return url
}

let timGM = SoundFont(path: "/usr/share/sounds/sf2/TimGM6mb.sf2")

@Suite struct GenerationTests {
    @Test func greedyDecoding_writesTheArgmaxToEveryOutput() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Token logits: unknown, C4, E4, G4, triad → argmax is G4 (id 3).
        let model = handSetModel(tokenBias: [0, 1, 2, 3, 2.5], timingBias: peakedTiming())
        var settings = GenerationSettings(seed: .file(try writeSeedFile(in: folder)),
                                          output: folder.appendingPathComponent("out/greedy"))
        settings.model = try saveModel(model, in: folder)
        settings.events = 8
        settings.temperature = 0
        settings.soundFont = timGM
        let report = try Generation.run(settings)
        #expect(report.seedEvents == 3 && report.continuationEvents == 8)

        let file = try MIDIFile(contentsOf: folder.appendingPathComponent("out/greedy.mid"))
        #expect(file.tracks.map(\.name) == ["Seed", "Continuation"])
        let seed = file.tracks[0].notes(), continuation = file.tracks[1].notes()
        #expect(seed.map(\.pitch) == [60, 64, 67])
        #expect(continuation.map(\.pitch) == Array(repeating: 67, count: 8))
        // One beat (480 ticks) apart, starting one beat after the seed's last onset (tick 960).
        #expect(continuation.map(\.start.value) == (0..<8).map { 1_440 + 480 * $0 })
        #expect(continuation.allSatisfy { $0.end.value - $0.start.value == 480 })

        // At 120 bpm the last note ends at (3 + 8) × 0.5 s = 5.5 s; the WAV holds it and its tail.
        let wav = try WAVAudio(decoding: Data(contentsOf: folder.appendingPathComponent("out/greedy.wav")))
        #expect(wav.sampleRate == 44_100 && wav.channels == 2)
        #expect(wav.duration > 5.5 && wav.duration < 5.5 + OfflineRenderer.maximumTailSeconds + 0.1)

        let roll = try String(contentsOf: folder.appendingPathComponent("out/greedy-roll.svg"), encoding: .utf8)
        #expect(roll.components(separatedBy: "class=\"note seed\"").count - 1 == 3)
        #expect(roll.components(separatedBy: "class=\"note continuation\"").count - 1 == 8)
        #expect(roll.contains("model hand") && roll.contains("temperature 0") && roll.contains("seed 0"))
        for suffix in ["-pitches.svg", "-pitch-classes.svg"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/greedy" + suffix).path))
        }
    }

    @Test func secondsLimit_stopsWhenTheContinuationLastsThatLong() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = GenerationSettings(seed: .file(try writeSeedFile(in: folder)),
                                          output: folder.appendingPathComponent("timed"))
        settings.model = try saveModel(handSetModel(tokenBias: [0, 3, 1, 1, 1], timingBias: peakedTiming()), in: folder)
        settings.soundFont = timGM
        settings.temperature = 0
        settings.events = 1_000
        settings.seconds = 2
        // Greedy one-beat events at 120 bpm: k events last k × 0.5 s, so 2 s takes exactly 4.
        #expect(try Generation.run(settings).continuationEvents == 4)
    }

    @Test func temperatureOne_tokenFrequenciesMatchTheSoftmax() {
        // Sampled through `Continuation`, the code `generate` and `serve` share. The unknown token
        // is never playable, so the expected distribution is softmax over ids 1…4.
        let bias: [Float] = [5, 0, 1, 2, -1]
        let model = handSetModel(tokenBias: bias, timingBias: peakedTiming())
        var continuation = Continuation(model: model, vocabulary: handVocabulary, seed: [],
                                        sampler: Sampler(temperature: 1, topP: 1))
        var rng = SplitMix64(seed: 7)
        let draws = 6_000
        var counts: [[UInt8]: Int] = [:]
        for _ in 0..<draws { counts[continuation.next(using: &rng).pitches, default: 0] += 1 }
        let e = bias.dropFirst().map { exp(Double($0)) }
        let total = e.reduce(0, +)
        let chiSquare = zip(handVocabulary.entries, e).reduce(0.0) { sum, pair in
            let expected = Double(draws) * pair.1 / total
            let observed = Double(counts[pair.0] ?? 0)
            return sum + (observed - expected) * (observed - expected) / expected
        }
        #expect(chiSquare < 16.266)   // χ² critical value, 3 degrees of freedom, α = 0.001
        #expect(counts.keys.allSatisfy { !$0.isEmpty })
    }

    @Test func sameRandomSeed_sameMIDI_otherSeed_otherMIDI() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try saveModel(handSetModel(tokenBias: [0, 1, 1, 1, 1], timingBias: peakedTiming()), in: folder)
        let seedFile = try writeSeedFile(in: folder)
        func midi(seed: UInt64, name: String) throws -> Data {
            var settings = GenerationSettings(seed: .file(seedFile), output: folder.appendingPathComponent(name))
            settings.model = model
            settings.events = 16
            settings.randomSeed = seed
            settings.soundFont = timGM
            _ = try Generation.run(settings)
            return try Data(contentsOf: folder.appendingPathComponent(name + ".mid"))
        }
        #expect(try midi(seed: 11, name: "a") == midi(seed: 11, name: "b"))
        #expect(try midi(seed: 11, name: "a") != midi(seed: 12, name: "c"))
    }

    @Test func missingSoundFont_isReportedBeforeAnyOtherWork() throws {
        var settings = GenerationSettings(seed: .file(URL(fileURLWithPath: "/nonexistent/seed.mid")),
                                          output: URL(fileURLWithPath: "/nonexistent/out"))
        settings.model = URL(fileURLWithPath: "/nonexistent/model.safetensors")
        settings.soundFont = SoundFont(path: "/nonexistent/piano.sf2")
        #expect(throws: SynthError.soundFontMissing(path: "/nonexistent/piano.sf2")) { try Generation.run(settings) }
    }

    @Test func badSettingsAndEmptyCorpus_areOneLineErrors() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var settings = GenerationSettings(seed: .corpus(folder), output: folder.appendingPathComponent("x"))
        settings.topP = 0
        #expect(throws: GenerationError.invalidSetting(name: "top-p", value: "0.0", allowed: "in (0, 1]")) {
            try Generation.run(settings)
        }
        settings.topP = 1
        settings.soundFont = timGM
        settings.model = try saveModel(handSetModel(tokenBias: [0, 1, 1, 1, 1], timingBias: peakedTiming()), in: folder)
        #expect(throws: GenerationError.seedCorpusEmpty(path: folder.path)) { try Generation.run(settings) }
        settings.seed = .file(folder.appendingPathComponent("absent.mid"))
        #expect(throws: GenerationError.seedFileUnreadable(path: folder.appendingPathComponent("absent.mid").path)) {
            try Generation.run(settings)
        }
    }
}

@Suite struct GeneratedPieceTests {
    // Seed C4 (1 beat) then E4 half a beat long one beat later; continuation: the C–E–G triad one
    // beat later for two beats, then C4 again when the triad's C ends. Quarter note = 0.5 s.
    let piece = GeneratedPiece(
        seed: [MusicEvent(pitches: [60], velocity: 80, sinceBeats: 0, durationBeats: 1),
               MusicEvent(pitches: [64], velocity: 70, sinceBeats: 1, durationBeats: 0.5)],
        continuation: [MusicEvent(pitches: [60, 64, 67], velocity: 60, sinceBeats: 1, durationBeats: 2),
                       MusicEvent(pitches: [60], velocity: 60, sinceBeats: 2, durationBeats: 1)],
        secondsPerBeat: 0.5)

    @Test func notesInSeconds_handWorked() {
        let notes = piece.plotNotes.map { [Double($0.pitch), $0.startSeconds, $0.durationSeconds] }
        #expect(notes == [[60, 0, 0.5], [64, 0.5, 0.25], [60, 1, 1], [64, 1, 1], [67, 1, 1], [60, 2, 0.5]])
        #expect(piece.plotNotes.map(\.part) == [.seed, .seed, .continuation, .continuation, .continuation, .continuation])
    }

    @Test func repeatedKey_isReleasedBeforeItIsStruckAgain() {
        let atTwo = piece.timedMessages.filter { $0.seconds == 2 }.map(\.message)
        #expect(atTwo == [.noteOff(channel: 0, note: 60, velocity: 0), .noteOff(channel: 0, note: 64, velocity: 0),
                          .noteOff(channel: 0, note: 67, velocity: 0), .noteOn(channel: 0, note: 60, velocity: 60)])
    }

    @Test func midiFile_readsBackWithTempoTracksAndTicks() throws {
        let file = try MIDIFile(bytes: piece.midiFile.serialized(), name: "piece.mid")
        #expect(file.division == .ticksPerQuarter(480))
        #expect(file.tracks[0].events.contains { $0.kind == .meta(.tempo(microsecondsPerQuarter: 500_000)) })
        let ticks = file.tracks.map { $0.notes().map { [Int($0.pitch), $0.start.value, $0.end.value] } }
        #expect(ticks[0] == [[60, 0, 480], [64, 480, 720]])
        #expect(ticks[1] == [[60, 960, 1_920], [64, 960, 1_920], [67, 960, 1_920], [60, 1_920, 2_400]])
    }
}

@Suite struct NoteGenerationTests {
    /// A note model (zero weights) whose timing head says "0 beats after, 1 beat long" or "1 beat after,
    /// 1 beat long" with equal odds: chords of random size. `--events 8` must give 8 onsets, each chord's
    /// notes sounding together, low to high.
    @Test func events_countOnsets_andChordNotesSoundTogether() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let together = Int(TimingGrid.classify(sinceBeats: 0, durationBeats: 1))
        let timing = (0..<TimingGrid.count).map { $0 == together || $0 == oneBeat ? Float(10) : -10 }
        let tokens = (0..<Representation.pitchVocabulary.count).map { (61...72).contains($0) ? Float(0) : -10 }   // C4…B4
        let url = folder.appendingPathComponent("notes.safetensors")
        var encoding = CorpusEncoding()
        encoding.representation = .notes
        try handSetModel(tokenBias: tokens, timingBias: timing).save(
            to: url, metadata: TrainingMetadata.metadata(vocabulary: Representation.pitchVocabulary, configuration: nil, best: nil,
                                                         encoding: encoding), dtype: .f32)
        var settings = GenerationSettings(seed: .file(try writeSeedFile(in: folder)), output: folder.appendingPathComponent("chords"))
        settings.model = url
        settings.soundFont = timGM
        settings.events = 8
        settings.randomSeed = 3
        _ = try Generation.run(settings)

        let notes = try MIDIFile(contentsOf: folder.appendingPathComponent("chords.mid")).tracks[1].notes()
        let onsets = Dictionary(grouping: notes, by: \.start.value)
        #expect(onsets.count == 8)
        #expect(notes.count > 8, "with even odds of 0 beats, some onsets must be chords")
        for chord in onsets.values { #expect(Set(chord.map(\.pitch)).count == chord.count) }
    }
}
