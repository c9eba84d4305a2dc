import Corpus
import Foundation
import MIDI
import Model
import Testing
@testable import ContinuoApp

/// A file of one-beat steps at 480 ticks per quarter: each step is a set of pitches sounding together.
private func writeSteps(_ steps: [[UInt8]], to url: URL) throws {
    let events = steps.enumerated().flatMap { index, pitches in
        pitches.flatMap { pitch in
            [TrackEvent(tick: Ticks(index * 480), .message(.noteOn(channel: 0, note: pitch, velocity: 90))),
             TrackEvent(tick: Ticks(index * 480 + 480), .message(.noteOff(channel: 0, note: pitch, velocity: 0)))]
        }
    }.sorted { $0.tick < $1.tick }
    try MIDIFile(format: .singleTrack, division: .ticksPerQuarter(480), tracks: [MIDITrack(events: events)]).write(to: url)
}

@Suite struct ModelEvaluationTests {
    /// The hand-set model (zero weights) predicts the token biases' softmax after any input: with all five
    /// token biases 0 every token has p = 1/5, and the timing head puts 1 − 155·e⁻²⁰ on "one beat, one beat".
    /// 51 steps C4, C-major triad, D4 (not in the vocabulary: `<unk>`), repeated, give one window of 50
    /// targets: steps 1…50 are 17 triads (51 notes), 16 C4 and 17 D4, 84 notes, 17 of them unknown.
    @Test func natsPerNote_ofAUniformModel_isWorkedByHand() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let music = folder.appendingPathComponent("music")
        try FileManager.default.createDirectory(at: music, withIntermediateDirectories: true)
        try writeSteps((0..<51).map { [[60], [60, 64, 67], [62]][$0 % 3] }, to: music.appendingPathComponent("a.mid"))
        var settings = EvaluationSettings(corpus: music)
        settings.testSet = music
        settings.model = try saveModel(handSetModel(tokenBias: [0, 0, 0, 0, 0], timingBias: peakedTiming()), in: folder)
        settings.maxOrder = 2
        let report = try ModelEvaluation.run(settings) { _ in }

        let model = try #require(report.likelihood.first)
        let timingNLL = log(1 + 155 * exp(-20.0))
        #expect(model.token.positions == 50 && model.notes == 84 && model.unknownNotes == 17)
        #expect(abs(model.token.natsPerStep - log(5)) < 1e-6)
        #expect(abs(model.timing.natsPerStep - timingNLL) < 1e-6)
        #expect(abs(model.natsPerNote - 50 * (log(5) + timingNLL) / 84) < 1e-6)
        #expect(abs(model.unknownNoteShare - 17.0 / 84) < 1e-12)
        // The baselines are scored on the same 50 targets and notes.
        #expect(report.likelihood.allSatisfy { $0.token.positions == 50 && $0.notes == 84 })
    }

    /// Too-short music is refused with a one-line reason, not scored as zero.
    @Test func evaluation_refusesMusicShorterThanAWindow() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try writeSteps((0..<20).map { _ in [60] }, to: folder.appendingPathComponent("short.mid"))
        var settings = EvaluationSettings(corpus: folder)
        settings.testSet = folder
        settings.model = try saveModel(handSetModel(tokenBias: [0, 0, 0, 0, 0], timingBias: peakedTiming()), in: folder)
        #expect(throws: EvaluationError.self) { try ModelEvaluation.run(settings) { _ in } }
    }
}
