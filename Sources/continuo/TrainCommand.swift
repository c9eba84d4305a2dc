import ArgumentParser
import ContinuoApp
import Foundation
import Corpus
import Model
import Training

/// `continuo train CORPUS_DIR --out model.safetensors`: wiring only; see `TrainSession`.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the event LSTM on a folder of MIDI files.",
        discussion: """
            Writes the best model (by validation cross-entropy) to --out after each improving epoch and \
            a resume checkpoint beside it (NAME.resume.safetensors) after every epoch. Ctrl-C writes the \
            resume checkpoint and exits; continue with --resume.
            """)

    @Argument(help: "Folder of .mid files (searched recursively).") var corpus: String
    @Option(help: "Where to write the best model (safetensors).") var out: String
    @Option(help: "Epochs to train.") var epochs = 30
    @Option(help: "LSTM layers.") var layers = 3
    @Option(help: "Hidden size of every layer.") var hidden = 512
    @Option(help: "Dropout between LSTM layers.") var dropout: Float = 0.3
    @Option(help: "Windows per batch.") var batch = 64
    @Option(help: "Events per training window (truncated-BPTT length).") var window = 50
    @Option(help: "Events between the starts of training windows.") var stride = 10
    @Option(help: "Adam learning rate (default 1e-3; with --resume, restarts the schedule where it resumes).") var lr: Float?
    @Option(help: "Gradient-norm clipping threshold (0 disables).") var clip: Float = 5
    @Option(help: "Random seed (initial weights, split, shuffles, dropout).") var seed: UInt64 = 0
    @Option(help: "Fraction of files held out for validation.") var validationFraction = 0.1
    @Option(help: "Epochs without validation improvement before stopping (default 5).") var patience: Int?
    @Option(help: "Also train on every transposition within ±N semitones.") var transpose = 0
    @Option(help: "Keep tokens seen at least this often; rarer ones become <unk>.") var minCount = 2
    @Option(help: "Model file precision: f32 or f16.") var dtype = "f32"
    @Option(help: "Multiply the learning rate by this after every epoch (default 1: constant).") var lrDecay: Float?
    @Option(help: "One model step per note (notes) or per note-or-chord token (chords).") var representation = "notes"
    @Option(help: "selected: the piano (or all pitched notes); separate: also a song's voice as a stream of its own.") var streams = "separate"
    @Option(help: "notes: move each training window by a random shift in −N…N−1 semitones every epoch (0: none).") var randomTranspose = 6
    @Option(help: "Continue from a .resume.safetensors checkpoint.") var resume: String?
    @Flag(help: "Take the loss on each window's last step only (the seed's objective).") var lastStepOnly = false

    func run() async throws {
        guard let modelDType = SafetensorsDType(rawValue: dtype.uppercased()) else { throw ValidationError("--dtype must be f32 or f16") }
        guard let representation = Representation(rawValue: representation) else { throw ValidationError("--representation must be notes or chords") }
        guard let streams = Piece.StreamRule(rawValue: streams) else { throw ValidationError("--streams must be selected or separate") }
        guard randomTranspose >= 0 && randomTranspose <= 12 else { throw ValidationError("--random-transpose must be 0…12") }
        var session = TrainSession(corpusDirectory: URL(fileURLWithPath: corpus), output: URL(fileURLWithPath: out))
        session.configuration.epochs = epochs
        session.configuration.layers = layers
        session.configuration.hidden = hidden
        session.configuration.dropout = dropout
        session.configuration.batchSize = batch
        session.configuration.windowLength = window
        session.configuration.windowStride = stride
        session.configuration.learningRate = lr ?? 1e-3
        session.configuration.learningRateDecay = lrDecay ?? 1
        session.representation = representation
        session.streams = streams
        session.windowTransposition = randomTranspose > 0 ? -randomTranspose...(randomTranspose - 1) : nil
        session.configuration.maxGradientNorm = clip > 0 ? clip : nil
        session.configuration.seed = seed
        session.configuration.patience = patience ?? 5
        session.configuration.lossSteps = lastStepOnly ? .last : .every
        session.validationFraction = validationFraction
        session.transpose = transpose
        session.minimumTokenCount = minCount
        session.modelDType = modelDType
        session.resumeFile = resume.map { URL(fileURLWithPath: $0) }
        session.epochsOverride = resume == nil ? nil : epochs
        if resume != nil && (lr != nil || lrDecay != nil || patience != nil) {
            session.scheduleRestart = ScheduleRestart(learningRate: lr, decay: lrDecay, patience: patience)
        }
        let outcome: TrainingOutcome
        do {
            outcome = try session.run { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // Interrupted is not success: scripts and systemd must see that the model is unfinished.
        if case .interrupted = outcome { throw ExitCode(130) }
    }
}
