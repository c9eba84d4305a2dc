import Corpus
import Foundation
import Model
import Synchronization
import Training

/// `continuo train`: reads a folder of MIDI files, encodes it, and runs (or resumes) training,
/// with Ctrl-C turned into "write a resume checkpoint and exit".
public struct TrainSession {
    public var corpusDirectory: URL
    public var output: URL
    public var configuration = TrainingConfiguration()
    public var validationFraction = 0.1
    /// Training pieces are also used transposed by every shift in −transpose…transpose semitones.
    public var transpose = 0
    public var minimumTokenCount = 2
    /// One step per note (the default) or per note-or-chord event.
    public var representation = Representation.notes
    /// Whether a song's voice (or other melody instrument over a piano) is also learnt as a stream of its own.
    public var streams = Piece.StreamRule.separate
    /// Per-epoch random transposition of each training window (note representation), e.g. −6…5; nil for none.
    public var windowTransposition: ClosedRange<Int>? = -6...5
    public var modelDType = SafetensorsDType.f32
    /// A `.resume.safetensors` file to continue from; its configuration wins except `epochs`.
    public var resumeFile: URL?
    public var epochsOverride: Int?
    /// With `resumeFile`: restart the learning-rate schedule (and patience) in the epoch the run resumes.
    public var scheduleRestart: ScheduleRestart?

    public init(corpusDirectory: URL, output: URL) {
        self.corpusDirectory = corpusDirectory
        self.output = output
    }

    /// How the corpus is read, split and encoded under these settings (stored with the model).
    public var encoding: CorpusEncoding {
        var encoding = CorpusEncoding()
        encoding.representation = representation
        encoding.streams = streams
        encoding.validationFraction = validationFraction
        encoding.splitSeed = configuration.seed
        encoding.minimumTokenCount = minimumTokenCount
        encoding.transpose = transpose
        encoding.windowTransposition = representation == .notes ? windowTransposition : nil
        return encoding
    }

    /// Runs to the end, writing progress through `progress`; returns how it ended.
    public func run(progress: TrainProgress = TrainProgress(), log: (String) -> Void) throws -> TrainingOutcome {
        try check()
        // A resumed run reads its corpus exactly as it was first read.
        let encoding = try resumeFile.map { try TrainingMetadata.record(SafetensorsFile.read(contentsOf: $0).metadata).encoding } ?? encoding
        let loaded = CorpusLoader.load(directory: corpusDirectory, streams: encoding.streams)
        guard !loaded.pieces.isEmpty else {
            throw TrainingError("\(corpusDirectory.path): no usable MIDI file (\(loaded.skipped.count) skipped)")
        }
        let corpus = encoding.encode(loaded.pieces)
        let run = try resumeFile.map {
            try TrainingRun(resuming: $0, corpus: corpus, output: output, modelDType: modelDType, epochs: epochsOverride, encoding: encoding,
                            restart: scheduleRestart)
        } ?? TrainingRun(corpus: corpus, configuration: configuration, output: output, modelDType: modelDType, encoding: encoding)
        let c = run.configuration, p = run.model.hyperparameters
        log("corpus: \(loaded.pieces.count) pieces (\(loaded.skipped.count) files skipped), \(encoding.representation) representation, vocabulary \(corpus.vocabulary.count) tokens, "
            + "\(TimingGrid.count) timing classes; \(run.trainingBatches.windows.count) training windows "
            + "(\(run.trainingBatches.count) batches of \(c.batchSize)×\(c.windowLength)), \(run.validationBatches.windows.count) validation windows")
        log("model: \(p.layers)×\(p.hidden) LSTM, \(run.model.layout.count) parameters; OpenBLAS \(BLASInfo.coreName), \(BLASInfo.threads) threads")
        TrainInterrupt.install()
        defer { TrainInterrupt.uninstall() }
        let outcome = try run.run(shouldStop: { TrainInterrupt.requested }, report: progress.report)
        let model = run.wroteModel ? "model at \(output.path)" : "\(output.path) not written: no epoch of this run improved on the best"
        switch outcome {
        case let .finished(best): log("finished; best " + (best.map(TrainProgress.summaryLine) ?? "none") + "; " + model)
        case let .stoppedEarly(best): log("stopped early; best " + (best.map(TrainProgress.summaryLine) ?? "none") + "; " + model)
        case let .interrupted(file): log("\ninterrupted; resume with --resume \(file.path)")
        }
        return outcome
    }
}

extension TrainSession {
    /// Every option, and that `--out`'s folder takes a new file, before the corpus is read; the
    /// error names the option and its value.
    public func check() throws {
        try configuration.check()
        if let epochsOverride, epochsOverride < 1 { throw TrainingError("--epochs \(epochsOverride): must be at least 1") }
        guard validationFraction.isFinite, (0..<1).contains(validationFraction) else {
            throw TrainingError("--validation-fraction \(validationFraction): must be at least 0 and below 1")
        }
        guard (0...Self.maximumTransposition).contains(transpose) else {
            throw TrainingError("--transpose \(transpose): must be 0…\(Self.maximumTransposition) semitones")
        }
        guard minimumTokenCount >= 1 else { throw TrainingError("--min-count \(minimumTokenCount): must be at least 1") }
        try OutputFile.checkWritable(output, option: "--out")
    }

    /// An octave either way: further shifts repeat pitch classes and leave the keyboard's range.
    public static let maximumTransposition = 12
}

/// SIGINT while training: the first Ctrl-C asks the run to stop after the current batch (it then
/// writes its checkpoint); the handler is removed at once, so a second Ctrl-C kills as usual.
enum TrainInterrupt {
    private static let flag = Atomic<Bool>(false)

    static var requested: Bool { flag.load(ordering: .relaxed) }

    static func install() {
        flag.store(false, ordering: .relaxed)
        signal(SIGINT) { _ in
            TrainInterrupt.flag.store(true, ordering: .relaxed)
            signal(SIGINT, SIG_DFL)
        }
    }

    static func uninstall() { signal(SIGINT, SIG_DFL) }
}
