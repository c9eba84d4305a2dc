import Corpus
import Foundation
import Model

/// Epochs of shuffled-window training with per-epoch validation, keeping the best model at
/// `output`, stopping early when validation stops improving, and leaving a resume checkpoint
/// (weights, Adam moments, position, generators) after every epoch and on interruption.
public final class TrainingRun {
    public let corpus: EncodedCorpus
    /// How the corpus was read and encoded; stored with the model for `continuo evaluate`.
    public let encoding: CorpusEncoding
    /// Where the best model is written.
    public let output: URL
    public let modelDType: SafetensorsDType
    let trainer: EventLSTMTrainer
    var state: ResumeState
    public let trainingBatches: WindowBatches
    public let validationBatches: WindowBatches

    /// A fresh run; the model is initialised from `configuration.seed`.
    public convenience init(corpus: EncodedCorpus, configuration: TrainingConfiguration, output: URL,
                            modelDType: SafetensorsDType = .f32, encoding: CorpusEncoding = CorpusEncoding()) {
        let p = configuration.hyperparameters(vocabularySize: corpus.vocabulary.count, timingClassCount: TimingGrid.count)
        let trainer = EventLSTMTrainer(model: EventLSTM(hyperparameters: p, seed: configuration.seed),
                                       settings: AdamSettings(learningRate: configuration.learningRate,
                                                              maxGradientNorm: configuration.maxGradientNorm),
                                       seed: configuration.seed)
        self.init(corpus: corpus, trainer: trainer, state: ResumeState(configuration: configuration), output: output,
                  modelDType: modelDType, encoding: encoding)
    }

    /// Continues the run saved in `resumeFile`; `epochs` (if given) replaces the planned epoch count.
    /// With a `restart`, the learning-rate schedule starts again in the epoch it resumes, from the given rate
    /// and decay (a warm restart of an under-trained run), and the patience count starts from zero.
    public convenience init(resuming resumeFile: URL, corpus: EncodedCorpus, output: URL,
                            modelDType: SafetensorsDType = .f32, epochs: Int? = nil, encoding: CorpusEncoding = CorpusEncoding(),
                            restart: ScheduleRestart? = nil) throws {
        var (trainer, state) = try ResumeState.read(resumeFile, vocabulary: corpus.vocabulary)
        if let epochs { state.configuration.epochs = epochs }
        if let restart {
            state.configuration.learningRate = restart.learningRate ?? state.configuration.learningRate
            state.configuration.learningRateDecay = restart.decay ?? state.configuration.learningRateDecay
            state.configuration.patience = restart.patience ?? state.configuration.patience
            state.configuration.learningRateScheduleStart = state.completedEpochs
            state.epochsWithoutImprovement = 0
        }
        do { try state.configuration.check() } catch { throw TrainingError("\(resumeFile.path): \(error)") }
        self.init(corpus: corpus, trainer: trainer, state: state, output: output, modelDType: modelDType, encoding: encoding)
    }

    init(corpus: EncodedCorpus, trainer: EventLSTMTrainer, state: ResumeState, output: URL, modelDType: SafetensorsDType,
         encoding: CorpusEncoding) {
        self.corpus = corpus
        self.encoding = encoding
        self.trainer = trainer
        self.state = state
        self.output = output
        self.modelDType = modelDType
        let c = state.configuration
        trainingBatches = WindowBatches(windows: corpus.training.windows(length: c.windowLength, stride: c.windowStride),
                                        batchSize: c.batchSize, keepsPartialBatch: false)
        validationBatches = WindowBatches(windows: corpus.validation.windows(length: c.windowLength, stride: c.windowLength),
                                          batchSize: c.batchSize, keepsPartialBatch: true)
    }

    /// Whether this run wrote the model file at `output` (a resumed run that never beats the
    /// checkpoint's best, or a run with no finished epoch, leaves it unwritten).
    public private(set) var wroteModel = false

    public var model: EventLSTM { trainer.model }
    public var configuration: TrainingConfiguration { state.configuration }
    /// Where the resume checkpoint is written: `model.safetensors` → `model.resume.safetensors`.
    public var resumeFile: URL { ResumeState.url(for: output) }

    /// Trains until the planned epochs are done, validation stops improving, or `shouldStop()`
    /// (checked before every batch) returns true.
    public func run(shouldStop: () -> Bool = { false }, report: (TrainingEvent) -> Void = { _ in }) throws -> TrainingOutcome {
        let c = state.configuration
        try c.check()
        guard trainingBatches.count > 0 else {
            throw TrainingError("corpus gives no training batch: \(trainingBatches.windows.count) windows of \(c.windowLength + 1) events for batch size \(c.batchSize)")
        }
        while state.completedEpochs < c.epochs {
            let epoch = state.completedEpochs
            let order = trainingBatches.order(seed: c.seed &+ UInt64(epoch + 1) &* 0x9E37_79B9_7F4A_7C15)
            trainer.settings.learningRate = c.learningRate(epoch: epoch)
            let clock = ContinuousClock(), start = clock.now, firstBatch = state.nextBatch
            while state.nextBatch < trainingBatches.count {
                if shouldStop() { return .interrupted(resumeFile: try interrupt(report)) }
                let batch = trainingBatches.batch(state.nextBatch, order: order, transposition: transposition, epoch: epoch)
                let loss = trainer.train(batch, loss: c.lossSteps).total
                guard loss.isFinite else { throw divergence("training loss", loss, epoch: epoch + 1, batch: state.nextBatch + 1) }
                state.epochLossSum += loss
                state.nextBatch += 1
                let seconds = (clock.now - start).seconds, done = state.nextBatch - firstBatch
                report(.batch(BatchProgress(
                    epoch: epoch + 1, epochs: c.epochs, batch: state.nextBatch, batches: trainingBatches.count,
                    loss: state.epochLossSum / Double(state.nextBatch),
                    tokensPerSecond: Double(done * batch.positions) / seconds,
                    secondsLeftInEpoch: seconds / Double(done) * Double(trainingBatches.count - state.nextBatch))))
            }
            let seconds = (clock.now - start).seconds
            let summary = try finishEpoch(seconds: seconds, tokens: (trainingBatches.count - firstBatch) * c.batchSize * c.windowLength, report)
            report(.epoch(summary))
            if state.epochsWithoutImprovement >= c.patience { return .stoppedEarly(best: state.best) }
        }
        return .finished(best: state.best)
    }

    /// The per-epoch random transposition of training windows, when the encoding asks for it.
    var transposition: WindowTransposition? {
        guard encoding.representation == .notes, let shifts = encoding.windowTransposition else { return nil }
        return WindowTransposition(shifts: shifts, seed: state.configuration.seed)
    }

    /// Validation metrics of the current weights over every validation window (no dropout).
    public func validate() -> ValidationMetrics {
        var tally = MetricTally()
        let order = validationBatches.order(seed: nil), p = model.hyperparameters
        for i in 0..<validationBatches.count {
            let batch = validationBatches.batch(i, order: order)
            tally.add(trainer.logits(batch), batch: batch, vocabularySize: p.vocabularySize, timingClassCount: p.timingClassCount)
        }
        return tally.metrics
    }

    private func finishEpoch(seconds: Double, tokens: Int, _ report: (TrainingEvent) -> Void) throws -> EpochSummary {
        let validation = validate()
        var summary = EpochSummary(epoch: state.completedEpochs + 1, trainLoss: state.epochLossSum / Double(trainingBatches.count),
                                   validation: validation, isBest: false, seconds: seconds,
                                   tokensPerSecond: Double(tokens) / max(seconds, 1e-9))
        guard validation.crossEntropy.isFinite else {
            throw divergence("validation loss", validation.crossEntropy, epoch: state.completedEpochs + 1, batch: nil)
        }
        summary.isBest = state.best.map { score(summary) < score($0) } ?? true
        state.completedEpochs += 1
        state.nextBatch = 0
        state.epochLossSum = 0
        if summary.isBest {
            state.best = summary
            state.epochsWithoutImprovement = 0
            try model.save(to: output, metadata: metadata, dtype: modelDType)
            wroteModel = true
            report(.checkpoint(output))
        } else {
            state.epochsWithoutImprovement += 1
        }
        try writeResume()
        report(.checkpoint(resumeFile))
        return summary
    }

    /// The loss left the finite numbers: the weights are lost, so nothing is written and the files
    /// of the last finished epoch (model and resume checkpoint, if any) stay as they were.
    private func divergence(_ what: String, _ value: Double, epoch: Int, batch: Int?) -> TrainingError {
        let at = batch.map { "epoch \(epoch), batch \($0)" } ?? "epoch \(epoch)"
        let files = [output, resumeFile].map(\.path).filter { FileManager.default.fileExists(atPath: $0) }
        let kept = files.isEmpty ? "nothing was written" : "\(files.joined(separator: " and ")) keep the last finished epoch"
        return TrainingError("\(what) became \(value) at \(at) (learning rate \(state.configuration.learningRate)); "
                             + "training stopped, \(kept); try a smaller --lr")
    }

    /// Validation cross-entropy, or the training loss when there is no validation window.
    private func score(_ s: EpochSummary) -> Double { s.validation.events > 0 ? s.validation.crossEntropy : s.trainLoss }

    private var metadata: [String: String] {
        TrainingMetadata.metadata(vocabulary: corpus.vocabulary, configuration: state.configuration, best: state.best,
                                  encoding: encoding)
    }

    private func writeResume() throws {
        state.adamStep = trainer.adamStep
        state.dropoutRNGState = trainer.dropoutRNG.state
        try state.write(trainer, metadata: metadata, to: resumeFile)
    }

    /// Saves the resume checkpoint (and the current weights as the model if no epoch finished yet).
    private func interrupt(_ report: (TrainingEvent) -> Void) throws -> URL {
        try writeResume()
        report(.checkpoint(resumeFile))
        if state.best == nil {
            try model.save(to: output, metadata: metadata, dtype: modelDType)
            wroteModel = true
            report(.checkpoint(output))
        }
        return resumeFile
    }
}

/// New schedule settings for a resumed run (`continuo train --resume … --lr … --lr-decay … --patience …`).
public struct ScheduleRestart: Sendable, Equatable {
    public var learningRate: Float?
    public var decay: Float?
    public var patience: Int?
    public init(learningRate: Float?, decay: Float?, patience: Int?) {
        self.learningRate = learningRate
        self.decay = decay
        self.patience = patience
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
