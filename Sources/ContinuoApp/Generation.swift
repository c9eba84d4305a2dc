import Corpus
import Foundation
import Improviser
import MIDI
import Model
import Plots
import Synth

/// Everything `continuo generate` needs to know.
public struct GenerationSettings: Sendable {
    /// Where the seed comes from: one MIDI file, or a file drawn (by the random seed) from a folder.
    public enum SeedSource: Sendable, Equatable {
        case file(URL)
        case corpus(URL)
    }

    /// The model file; nil means the shipped default model.
    public var model: URL?
    public var seed: SeedSource
    /// How many of the seed file's first steps (events, or notes for a note model) form the seed (the daemon keeps the last 50 played).
    public var seedEvents = 50
    /// Onsets (notes or chords) to generate after the seed (the most, when `seconds` is set).
    public var events = 64
    /// When set, generation stops once the continuation lasts this many seconds.
    public var seconds: Double?
    public var temperature: Float = 1
    public var topP: Float = 1
    public var randomSeed: UInt64 = 0
    public var constraints: PitchConstraints = .none
    public var soundFont: SoundFont = .debianDefault
    public var sampleRate = 44_100
    /// Output path without extension: NAME.mid, NAME.wav, NAME-roll.svg, NAME-pitches.svg, NAME-pitch-classes.svg.
    public var output: URL

    public init(seed: SeedSource, output: URL) {
        self.seed = seed
        self.output = output
    }

    /// The most events sampled, and the longest continuation asked for; with the seed's length
    /// capped too, they bound the WAV (see `GeneratedPiece.maximumSeconds`).
    public static let maximumEvents = 4_096
    public static let maximumSeconds = 600.0

    /// Refuses values the sampler or the file writers cannot honour.
    func validate() throws(GenerationError) {
        if events < 1 { throw .invalidSetting(name: "events", value: "\(events)", allowed: "1 or more") }
        if let seconds, !(seconds > 0 && seconds.isFinite) {
            throw .invalidSetting(name: "seconds", value: "\(seconds)", allowed: "more than 0")
        }
        if events > Self.maximumEvents {
            throw .invalidSetting(name: "events", value: "\(events)", allowed: "at most \(Self.maximumEvents)")
        }
        if let seconds, seconds > Self.maximumSeconds {
            throw .invalidSetting(name: "seconds", value: "\(seconds)", allowed: "at most \(Int(Self.maximumSeconds))")
        }
        if seedEvents < 1 || seedEvents > Self.maximumEvents {
            throw .invalidSetting(name: "seed-events", value: "\(seedEvents)", allowed: "1 to \(Self.maximumEvents)")
        }
        if !(temperature >= 0 && temperature.isFinite) {
            throw .invalidSetting(name: "temperature", value: "\(temperature)", allowed: "0 or more (near 0 is greedy)")
        }
        if !(topP > 0 && topP <= 1) { throw .invalidSetting(name: "top-p", value: "\(topP)", allowed: "in (0, 1]") }
    }
}

extension GenerationSettings {
    /// The files a generation writes: `output` + .mid, .wav, -roll.svg, -pitches.svg, -pitch-classes.svg.
    var outputFiles: (midi: URL, wav: URL, roll: URL, pitches: URL, pitchClasses: URL, all: [URL]) {
        let all = [".mid", ".wav", "-roll.svg", "-pitches.svg", "-pitch-classes.svg"].map {
            output.deletingLastPathComponent().appendingPathComponent(output.lastPathComponent + $0)
        }
        return (all[0], all[1], all[2], all[3], all[4], all)
    }
}

/// What a generation wrote.
public struct GenerationReport: Sendable {
    public var files: [URL]
    public var seedFile: URL
    public var modelName: String
    public var seedEvents: Int
    /// Seed events whose gap or duration was longer than `GenerationSeed.maximumBeats` and was shortened.
    public var shortenedSeedEvents: Int
    public var continuationEvents: Int
    /// Length of the rendered audio, release tail included.
    public var audioSeconds: Double
}

/// `continuo generate`: seed → continuation (the daemon's `Continuation`, same sampling) → MIDI, WAV, SVG.
public enum Generation {
    /// Runs a generation. The soundfont, the output folder, the model and the seed are all checked
    /// before any sampling; the outputs are written under temporary names and renamed together at
    /// the end, so a failure leaves none of them.
    public static func run(_ settings: GenerationSettings) throws -> GenerationReport {
        try settings.validate()
        let renderer = try OfflineRenderer(soundFont: settings.soundFont, sampleRate: settings.sampleRate)
        guard let modelPath = settings.model?.path ?? ModelFile.defaultModelPath else { throw GenerationError.noDefaultModel }
        let outputs = settings.outputFiles
        try OutputFile.createFolder(for: outputs.midi, option: "--out")
        for url in outputs.all { try OutputFile.checkWritable(url, option: "--out") }
        let trained = try ModelFile.open(path: modelPath)
        let modelName = URL(fileURLWithPath: trained.path).deletingPathExtension().lastPathComponent
        let seedFile = try GenerationSeed.file(for: settings.seed, randomSeed: settings.randomSeed)
        let representation = trained.encoding.representation
        let seed = try GenerationSeed(contentsOf: seedFile, limit: settings.seedEvents, representation: representation)

        var continuation = Continuation(
            model: trained.model, vocabulary: trained.vocabulary, representation: representation, seed: seed.events,
            sampler: Sampler(temperature: settings.temperature, topP: settings.topP),
            constraints: settings.constraints)
        var rng = SplitMix64(seed: settings.randomSeed)
        var piece = GeneratedPiece(seed: seed.events, continuation: [], secondsPerBeat: seed.secondsPerBeat)
        // `events` counts onsets: in the note representation a note 0 beats after the previous one completes its chord.
        var onsets = 0
        while true {
            let event = continuation.next(using: &rng)
            let startsOnset = representation == .chords || piece.continuation.isEmpty || event.sinceBeats > 0
            if startsOnset && (onsets >= settings.events || settings.seconds.map({ piece.continuationSeconds >= $0 }) ?? false) { break }
            piece.continuation.append(event)
            if startsOnset { onsets += 1 }
        }
        let generated = piece.continuation

        guard piece.totalSeconds <= GeneratedPiece.maximumSeconds else {
            throw GenerationError.pieceTooLong(seedPath: seedFile.path, seconds: piece.totalSeconds,
                                               limit: GeneratedPiece.maximumSeconds)
        }

        let caption = PlotCaption(model: modelName, temperature: Double(settings.temperature),
                                  randomSeed: settings.randomSeed)
        let audio = renderer.render(piece.timedMessages)
        let notes = piece.plotNotes
        try OutputFile.write([(outputs.midi, Data(piece.midiFile.serialized())), (outputs.wav, audio.encoded()),
                              (outputs.roll, Data(PianoRoll.svg(notes, caption: caption).utf8)),
                              (outputs.pitches, Data(PitchHistogram.svg(notes, caption: caption).utf8)),
                              (outputs.pitchClasses, Data(PitchClassChart.svg(notes, caption: caption).utf8))],
                             option: "--out")
        return GenerationReport(
            files: outputs.all, seedFile: seedFile, modelName: modelName, seedEvents: seed.events.count,
            shortenedSeedEvents: seed.shortenedEvents, continuationEvents: generated.count, audioSeconds: audio.duration)
    }
}
