import Corpus
import Foundation
import Model
import Testing
@testable import Training

@Suite struct TrainingRunTests {
    @Test func sameSeed_givesIdenticalWeights() throws {
        let dir = try temporaryDirectory()
        func train(_ name: String) throws -> [Float] {
            let run = TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(), output: dir.appendingPathComponent(name))
            _ = try run.run()
            return Array(run.model.parameters.buffer)
        }
        #expect(try train("a.safetensors") == train("b.safetensors"))
    }

    @Test func interruptedThenResumedRun_endsWithTheUninterruptedWeights() throws {
        let dir = try temporaryDirectory()
        let straight = TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(), output: dir.appendingPathComponent("s.safetensors"))
        _ = try straight.run()

        let output = dir.appendingPathComponent("r.safetensors")
        let first = TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(), output: output)
        var batches = 0
        let outcome = try first.run(shouldStop: { batches == 7 }, report: { if case .batch = $0 { batches += 1 } })
        #expect(outcome == .interrupted(resumeFile: first.resumeFile))
        #expect(first.trainingBatches.count < 7, "the interruption should fall mid-run, after epoch 1")

        let resumed = try TrainingRun(resuming: first.resumeFile, corpus: tinyCorpus(), output: output)
        _ = try resumed.run()
        #expect(Array(resumed.model.parameters.buffer) == Array(straight.model.parameters.buffer))
    }

    @Test func bestModel_isSavedWithVocabularyTimingGridAndFigures() throws {
        let dir = try temporaryDirectory()
        let output = dir.appendingPathComponent("m.safetensors")
        let run = TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(epochs: 4), output: output)
        guard case let .finished(best?) = try run.run() else { Issue.record("run did not finish"); return }
        let (model, metadata) = try EventLSTM.load(contentsOf: output)
        #expect(model.hyperparameters.vocabularySize == 6 && model.hyperparameters.timingClassCount == TimingGrid.count)
        let vocabulary = try JSONDecoder().decode(Vocabulary.self, from: Data(metadata[TrainingMetadata.vocabularyKey]!.utf8))
        #expect(vocabulary == tinyCorpus().vocabulary)
        #expect(try JSONDecoder().decode(TimingGrid.Layout.self, from: Data(metadata[TrainingMetadata.timingGridKey]!.utf8)) == TimingGrid.layout)
        #expect(metadata[TrainingMetadata.trainingKey]?.contains("\"epoch\":\(best.epoch)") == true)
        // The saved file is the best epoch's model: re-validating it gives that epoch's figures.
        let reloaded = try TrainingRun(resuming: run.resumeFile, corpus: tinyCorpus(), output: dir.appendingPathComponent("x.safetensors"))
        reloaded.model.updateParameters { θ in for i in θ.indices { θ[i] = model.parameters.base[i] } }
        #expect(abs(reloaded.validate().crossEntropy - best.validation.crossEntropy) < 1e-9)
    }

    @Test func validationLoss_falls_onALearnableCorpus() throws {
        let dir = try temporaryDirectory()
        var summaries: [EpochSummary] = []
        _ = try TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(epochs: 12), output: dir.appendingPathComponent("m.safetensors"))
            .run(report: { if case let .epoch(s) = $0 { summaries.append(s) } })
        let first = try #require(summaries.first), last = try #require(summaries.last)
        #expect(last.validation.crossEntropy < first.validation.crossEntropy * 0.7, "\(first.validation) → \(last.validation)")
        #expect(last.validation.tokenTop5 == 1)
    }

    @Test func resumingWithAnotherVocabulary_isRefusedInOneLine() throws {
        let dir = try temporaryDirectory()
        let run = TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(epochs: 1), output: dir.appendingPathComponent("m.safetensors"))
        _ = try run.run()
        var other = tinyCorpus()
        other.vocabulary = Vocabulary(entries: [[60], [61]])
        let error = #expect(throws: TrainingError.self) {
            try TrainingRun(resuming: run.resumeFile, corpus: other, output: dir.appendingPathComponent("n.safetensors"))
        }
        #expect(error?.description.contains("another vocabulary") == true)
    }
}

/// With a zero learning rate the validation loss can never improve after epoch 1, so a run with
/// patience 2 must stop after epoch 3 of 10, keeping epoch 1 as its best.
@Test func run_stopsEarly_afterPatienceEpochsWithoutImprovement() throws {
    var c = tinyConfiguration(epochs: 10)
    c.learningRate = 0
    c.patience = 2
    var epochs: [Int] = []
    let outcome = try TrainingRun(corpus: tinyCorpus(), configuration: c, output: temporaryDirectory().appendingPathComponent("m.safetensors"))
        .run(report: { if case let .epoch(s) = $0 { epochs.append(s.epoch) } })
    guard case let .stoppedEarly(best?) = outcome else { Issue.record("expected an early stop, got \(outcome)"); return }
    #expect(epochs == [1, 2, 3])
    #expect(best.epoch == 1)
}

/// A loss that leaves the finite numbers stops the run with one line; the files of the last
/// finished epoch stay as they were (nothing is saved from NaN weights, and no `try!` traps).
@Test func divergingLoss_stopsWithAnError_andKeepsTheLastGoodFiles() throws {
    let output = try temporaryDirectory().appendingPathComponent("m.safetensors")
    let good = TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(epochs: 1), output: output)
    _ = try good.run()
    let before = try Data(contentsOf: output), checkpoint = try Data(contentsOf: good.resumeFile)
    let resumed = try TrainingRun(resuming: good.resumeFile, corpus: tinyCorpus(), output: output, epochs: 3)
    resumed.state.configuration.learningRate = 1e30
    let error = #expect(throws: TrainingError.self) { try resumed.run() }
    #expect(error?.description.contains("loss became") == true, "\(String(describing: error))")
    #expect(error?.description.contains("\(output.path) and \(good.resumeFile.path) keep the last finished epoch") == true)
    #expect(try Data(contentsOf: output) == before)
    #expect(try Data(contentsOf: good.resumeFile) == checkpoint)
}

/// A resume checkpoint's stored configuration goes through the same check as the options.
@Test func impossibleConfiguration_isRefusedByTheRun() throws {
    var c = tinyConfiguration()
    c.batchSize = 0
    #expect(throws: TrainingError("--batch 0: must be 1…4096")) { try c.check() }
    c = tinyConfiguration()
    c.windowLength = -1
    #expect(throws: TrainingError("--window -1: must be 1…4096")) { try c.check() }
    c = tinyConfiguration()
    c.layers = 100_000_000
    #expect(throws: TrainingError("--layers 100000000: must be 1…64")) { try c.check() }
}

/// A resumed run under another --out whose epochs never beat the checkpoint's best writes no
/// model there, and says so (`wroteModel`), instead of pointing at a file that does not exist.
@Test func resumedRunThatNeverImproves_writesNoModel() throws {
    let dir = try temporaryDirectory()
    let first = TrainingRun(corpus: tinyCorpus(), configuration: tinyConfiguration(epochs: 1), output: dir.appendingPathComponent("a.safetensors"))
    _ = try first.run()
    #expect(first.wroteModel)
    let other = dir.appendingPathComponent("b.safetensors")
    let resumed = try TrainingRun(resuming: first.resumeFile, corpus: tinyCorpus(), output: other, epochs: 2)
    resumed.state.configuration.learningRate = 0   // the weights stay, so epoch 2 cannot improve on epoch 1
    _ = try resumed.run()
    #expect(!resumed.wroteModel)
    #expect(!FileManager.default.fileExists(atPath: other.path))
}

/// Note-representation runs: windows moved into random keys each epoch and a decaying learning rate,
/// still replayed exactly by `--resume`.
@Suite struct NoteTrainingRunTests {
    /// Two melodies around C4 in note tokens (id = pitch + 1).
    func noteCorpus() -> EncodedCorpus {
        func sequence(_ name: String, _ n: Int, shift: Int) -> EncodedSequence {
            EncodedSequence(name: name, transposition: 0, events: (0..<n).map {
                EncodedEvent(token: Int32(61 + [0, 2, 4, 5, 7][($0 + shift) % 5]), timing: Int32([7, 19, 7, 31][($0 + shift) % 4]))
            })
        }
        return EncodedCorpus(vocabulary: Representation.pitchVocabulary,
                             training: [sequence("a", 40, shift: 0), sequence("b", 37, shift: 2)],
                             validation: [sequence("c", 25, shift: 1)])
    }

    var encoding: CorpusEncoding {
        var e = CorpusEncoding()
        e.representation = .notes
        e.windowTransposition = -6...5
        return e
    }

    var configuration: TrainingConfiguration {
        var c = tinyConfiguration()
        c.learningRateDecay = 0.5
        return c
    }

    @Test func interruptedThenResumedRun_endsWithTheUninterruptedWeights() throws {
        let dir = try temporaryDirectory()
        let straight = TrainingRun(corpus: noteCorpus(), configuration: configuration, output: dir.appendingPathComponent("s.safetensors"),
                                   encoding: encoding)
        _ = try straight.run()

        let output = dir.appendingPathComponent("r.safetensors")
        let first = TrainingRun(corpus: noteCorpus(), configuration: configuration, output: output, encoding: encoding)
        var batches = 0
        _ = try first.run(shouldStop: { batches == 7 }, report: { if case .batch = $0 { batches += 1 } })
        let resumed = try TrainingRun(resuming: first.resumeFile, corpus: noteCorpus(), output: output, encoding: encoding)
        _ = try resumed.run()
        #expect(Array(resumed.model.parameters.buffer) == Array(straight.model.parameters.buffer))

        // The transposition is real: without it the same run ends elsewhere.
        var fixed = encoding
        fixed.windowTransposition = nil
        let untransposed = TrainingRun(corpus: noteCorpus(), configuration: configuration, output: dir.appendingPathComponent("u.safetensors"),
                                       encoding: fixed)
        _ = try untransposed.run()
        #expect(Array(untransposed.model.parameters.buffer) != Array(straight.model.parameters.buffer))
    }

    /// The learning rate of epoch e is lr · decay^e.
    @Test func learningRate_decaysPerEpoch() {
        #expect(configuration.learningRate(epoch: 0) == 1e-2)
        #expect(abs(configuration.learningRate(epoch: 3) - 1e-2 / 8) < 1e-9)
    }

    /// `--resume --lr 0 --patience 9`: the schedule restarts where the run resumes (no weight moves at a
    /// rate of 0), and an under-trained run can be given a new schedule without losing its state.
    @Test func restartedSchedule_takesEffectWhereTheRunResumes() throws {
        let dir = try temporaryDirectory()
        let output = dir.appendingPathComponent("m.safetensors")
        var c = configuration
        c.epochs = 1
        let first = TrainingRun(corpus: noteCorpus(), configuration: c, output: output, encoding: encoding)
        _ = try first.run()
        let after = Array(first.model.parameters.buffer)
        let resumed = try TrainingRun(resuming: first.resumeFile, corpus: noteCorpus(), output: output, epochs: 3, encoding: encoding,
                                      restart: ScheduleRestart(learningRate: 0, decay: 0.5, patience: 9))
        #expect(resumed.configuration.learningRateScheduleStart == 1 && resumed.configuration.patience == 9)
        #expect(resumed.configuration.learningRate(epoch: 1) == 0)
        _ = try resumed.run()
        #expect(Array(resumed.model.parameters.buffer) == after)
    }

    @Test func restartedSchedule_countsDecayFromItsStart() {
        var c = configuration
        c.learningRateScheduleStart = 2
        #expect(c.learningRate(epoch: 1) == 1e-2 && c.learningRate(epoch: 2) == 1e-2)
        #expect(abs(c.learningRate(epoch: 4) - 1e-2 / 4) < 1e-9)
    }
}
