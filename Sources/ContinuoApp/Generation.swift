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

    /// Refuses values the sampler or the file writers cannot honour.
    func validate() throws(GenerationError) {
        if events < 1 { throw .invalidSetting(name: "events", value: "\(events)", allowed: "1 or more") }
        if let seconds, !(seconds > 0 && seconds.isFinite) {
            throw .invalidSetting(name: "seconds", value: "\(seconds)", allowed: "more than 0")
        }
        if seedEvents < 1 { throw .invalidSetting(name: "seed-events", value: "\(seedEvents)", allowed: "1 or more") }
        if !(temperature >= 0 && temperature.isFinite) {
            throw .invalidSetting(name: "temperature", value: "\(temperature)", allowed: "0 or more (near 0 is greedy)")
        }
        if !(topP > 0 && topP <= 1) { throw .invalidSetting(name: "top-p", value: "\(topP)", allowed: "in (0, 1]") }
    }
}

/// What a generation wrote.
public struct GenerationReport: Sendable {
    public var files: [URL]
    public var seedFile: URL
    public var modelName: String
    public var seedEvents: Int
    public var continuationEvents: Int
    /// Length of the rendered audio, release tail included.
    public var audioSeconds: Double
}

/// `continuo generate`: seed → continuation (the daemon's `Continuation`, same sampling) → MIDI, WAV, SVG.
public enum Generation {
    /// Runs a generation. The soundfont, the model and the seed are all checked before any sampling,
    /// and each output file is written atomically.
    public static func run(_ settings: GenerationSettings) throws -> GenerationReport {
        try settings.validate()
        let renderer = try OfflineRenderer(soundFont: settings.soundFont, sampleRate: settings.sampleRate)
        guard let modelPath = settings.model?.path ?? ModelFile.defaultModelPath else { throw GenerationError.noDefaultModel }
        let trained = try ModelFile.open(path: modelPath)
        let modelName = URL(fileURLWithPath: trained.path).deletingPathExtension().lastPathComponent
        let seedFile = try GenerationSeed.file(for: settings.seed, randomSeed: settings.randomSeed)
        let representation = trained.encoding.representation
        let seed = try GenerationSeed(contentsOf: seedFile, limit: settings.seedEvents, representation: representation)

        var continuation = Continuation(
            model: trained.model, vocabulary: trained.vocabulary, representation: trained.encoding.representation, seed: seed.events,
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

        let caption = PlotCaption(model: modelName, temperature: Double(settings.temperature),
                                  randomSeed: settings.randomSeed)
        let base = settings.output
        try FileManager.default.createDirectory(at: base.deletingLastPathComponent(), withIntermediateDirectories: true)
        func sibling(_ suffix: String) -> URL {
            base.deletingLastPathComponent().appendingPathComponent(base.lastPathComponent + suffix)
        }
        let midiURL = sibling(".mid"), wavURL = sibling(".wav")
        try piece.midiFile.write(to: midiURL)
        let audio = renderer.render(piece.timedMessages)
        try audio.write(to: wavURL)
        let notes = piece.plotNotes
        let plots = [("-roll.svg", PianoRoll.svg(notes, caption: caption)),
                     ("-pitches.svg", PitchHistogram.svg(notes, caption: caption)),
                     ("-pitch-classes.svg", PitchClassChart.svg(notes, caption: caption))]
        for (suffix, svg) in plots { try Data(svg.utf8).write(to: sibling(suffix), options: .atomic) }
        return GenerationReport(
            files: [midiURL, wavURL] + plots.map { sibling($0.0) }, seedFile: seedFile, modelName: modelName,
            seedEvents: seed.events.count, continuationEvents: generated.count, audioSeconds: audio.duration)
    }
}
