import ArgumentParser
import ContinuoApp
import Foundation
import Improviser
import Synth

/// `continuo generate`: a continuation of a seed written as MIDI, WAV and SVG plots.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Continue a seed with the model; write NAME.mid, NAME.wav and SVG plots.",
        discussion: """
        Writes NAME.mid (seed and continuation on separate tracks), NAME.wav (rendered offline by \
        FluidSynth), NAME-roll.svg, NAME-pitches.svg and NAME-pitch-classes.svg. Sampling is the daemon's.
        """)

    @Option(help: "Model file (.safetensors); default: the shipped model, found as `continuo serve --help` says.")
    var model: String?
    @Option(help: "Seed MIDI file.")
    var seedFile: String?
    @Option(help: "Folder of MIDI files; one is drawn by --random-seed.")
    var seedCorpus: String?
    @Option(help: "Events of the seed file used as the seed.")
    var seedEvents = 50
    @Option(help: "Events to generate (default 64; with --seconds, the most).")
    var events: Int?
    @Option(help: "Stop once the continuation lasts this many seconds.")
    var seconds: Double?
    @Option(help: "Sampling temperature; near 0 is greedy.")
    var temperature: Float = 1
    @Option(help: "Nucleus sampling mass, in (0, 1].")
    var topP: Float = 1
    @Option(help: "Random seed: the same seed gives the same output.")
    var randomSeed: UInt64 = 0
    @Option(help: "Key/scale mask, e.g. \"D minor\".")
    var scale: String?
    @Option(help: "Lowest MIDI pitch allowed.")
    var lowestPitch: UInt8 = 0
    @Option(help: "Highest MIDI pitch allowed.")
    var highestPitch: UInt8 = 127
    @Option(help: "SoundFont 2 file for the WAV.")
    var soundfont = SoundFont.debianDefault.path
    @Option(help: "WAV sample rate: 44100 or 48000.")
    var sampleRate = 44_100
    @Option(help: "Output path without extension.")
    var out: String

    func validate() throws {
        guard (seedFile == nil) != (seedCorpus == nil) else {
            throw ValidationError("give exactly one of --seed-file FILE.mid or --seed-corpus DIR")
        }
        guard lowestPitch <= highestPitch, highestPitch <= 127 else {
            throw ValidationError("--lowest-pitch \(lowestPitch) must not exceed --highest-pitch \(highestPitch) (≤ 127)")
        }
        if let scale, Scale(scale) == nil {
            throw ValidationError("--scale \"\(scale)\" is not a key such as \"D minor\" or \"Bb major\"")
        }
    }

    func run() async throws {
        let source: GenerationSettings.SeedSource = seedFile.map { .file(URL(fileURLWithPath: $0)) }
            ?? .corpus(URL(fileURLWithPath: seedCorpus!))
        var settings = GenerationSettings(seed: source, output: URL(fileURLWithPath: out))
        settings.model = model.map { URL(fileURLWithPath: $0) }
        settings.seedEvents = seedEvents
        settings.events = events ?? (seconds == nil ? 64 : 2_000)
        settings.seconds = seconds
        settings.temperature = temperature
        settings.topP = topP
        settings.randomSeed = randomSeed
        settings.constraints = PitchConstraints(range: lowestPitch...highestPitch, scale: scale.flatMap(Scale.init))
        settings.soundFont = SoundFont(path: soundfont)
        settings.sampleRate = sampleRate
        let report: GenerationReport
        do { report = try Generation.run(settings) } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        print("seed: \(report.seedEvents) events of \(report.seedFile.path); model \(report.modelName)")
        if report.shortenedSeedEvents > 0 {
            print("seed: \(report.shortenedSeedEvents) gaps or durations longer than 16 beats were shortened to 16")
        }
        print("continuation: \(report.continuationEvents) events; audio \(String(format: "%.1f", report.audioSeconds)) s")
        for file in report.files { print("wrote \(file.path)") }
    }
}
