import Corpus
import Foundation
import MIDI
import Model

/// The seed of a generation: the first events of a MIDI file, and the file's tempo.
struct GenerationSeed {
    var events: [MusicEvent]
    /// Seconds per quarter note where the music starts.
    var secondsPerBeat: Double

    /// Reads `url` and keeps its first `limit` steps of `representation` (notes and chords as the corpus
    /// defines them, or single notes).
    init(contentsOf url: URL, limit: Int, representation: Representation) throws {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw GenerationError.seedFileUnreadable(path: url.path)
        }
        let file = try MIDIFile(contentsOf: url)
        let all: [MusicEvent]
        do { all = try Piece(file: file, name: url.lastPathComponent).events } catch {
            throw GenerationError.seedHasNoEvents(path: url.path, reason: error.description)
        }
        guard !all.isEmpty else { throw GenerationError.seedHasNoEvents(path: url.path, reason: "no notes") }
        let steps = representation.steps(all)
        events = steps.prefix(limit).map { event in
            var shortened = event
            shortened.sinceBeats = min(event.sinceBeats, Self.maximumBeats)
            shortened.durationBeats = min(event.durationBeats, Self.maximumBeats)
            shortened.noteDurationsBeats = event.noteDurationsBeats?.map { min($0, Self.maximumBeats) }
            return shortened
        }
        shortenedEvents = zip(steps, events).filter { $0 != $1 }.count
        let tempo = TempoMap(file)
        let start = file.tracks.flatMap { $0.notes() }.map(\.start).min() ?? 0
        let span = Ticks(1_000)
        let beats = tempo.beats(at: start + span) - tempo.beats(at: start)
        let measured = (tempo.seconds(at: start + span) - tempo.seconds(at: start)).value / beats
        secondsPerBeat = measured.isFinite ? min(max(measured, Self.secondsPerBeat.lowerBound), Self.secondsPerBeat.upperBound) : 0.5
    }

    /// Seed events whose gap or duration was shortened to `maximumBeats`.
    var shortenedEvents = 0

    /// The longest gap or duration a seed event keeps, in quarter notes: twice the timing grid's
    /// longest class, so a held note or a pause plays as one, while a file's hours of silence
    /// (or a note never released) cannot stretch the rendered audio.
    static let maximumBeats = 16.0
    /// Tempo range a seed file may set: 15 to 600 quarter notes a minute.
    static let secondsPerBeat = 0.1...4.0

    /// The seed file: the given one, or one of the folder's MIDI files (the corpus loader's, sorted
    /// by path) drawn by `randomSeed`, so the same seed picks the same file.
    static func file(for source: GenerationSettings.SeedSource, randomSeed: UInt64) throws -> URL {
        switch source {
        case .file(let url):
            return url
        case .corpus(let folder):
            let files = CorpusLoader.midiFiles(in: folder)
            guard !files.isEmpty else { throw GenerationError.seedCorpusEmpty(path: folder.path) }
            // A stream of its own (not the sampler's), so choosing the file does not shift the draws.
            var rng = SplitMix64(seed: randomSeed ^ 0x5EED_F11E)
            return files[Int(rng.next() % UInt64(files.count))]
        }
    }
}
