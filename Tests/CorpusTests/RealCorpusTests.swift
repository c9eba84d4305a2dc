import Foundation
import Testing
import Corpus

/// The shipped corpus (409 chorales, 1,438 songs, 92 keyboard pieces), and the shared corpora beside the package when present.
@Suite struct RealCorpusTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func expectWellFormed(_ piece: Piece) {
        for event in piece.events {
            #expect((1...ChordRules.maxNotes).contains(event.pitches.count), "\(piece.name)")
            #expect(zip(event.pitches, event.pitches.dropFirst()).allSatisfy { $0 < $1 }, "\(piece.name) pitches not ascending")
            #expect(event.pitches.allSatisfy { $0 < 128 } && event.sinceBeats >= 0 && event.durationBeats >= 0, "\(piece.name)")
        }
    }

    @Test func everyCorpusFile_becomesAPiece() {
        let corpus = CorpusLoader.load(directory: Self.packageRoot.appendingPathComponent("Corpus"))
        #expect(corpus.skipped.isEmpty, "\(corpus.skipped)")
        #expect(corpus.pieces.count == 409 + 1438 + 92)
        corpus.pieces.forEach(Self.expectWellFormed)
    }

    /// A song's voice sings one note at a time: as a stream of its own (one per voice track) it is a single line, not chords.
    @Test func separateStreams_giveEverySongItsVoiceAsASingleLine() {
        let corpus = CorpusLoader.load(directory: Self.packageRoot.appendingPathComponent("Corpus/openscore-lieder"), streams: .separate)
        let melodies = corpus.pieces.filter { $0.stream == .melody }
        // SOURCE.md: 1,408 of the 1,438 songs have a part named piano (the GM piano programs reach a few more); nearly all have a voice.
        #expect(Set(melodies.map(\.name)).count > 1300 && Set(melodies.map(\.name)).count <= 1438)
        let events = melodies.flatMap(\.events)
        #expect(Double(events.count { $0.pitches.count == 1 }) / Double(events.count) > 0.98)
        corpus.pieces.forEach(Self.expectWellFormed)
    }

    @Test func bwv1_6_opensOnTheTonicTriadOfFMajor() throws {
        // "Wie schön leuchtet der Morgenstern" (BWV 1/6, cantata in F major) opens on the tonic chord F–A–C.
        let url = Self.packageRoot.appendingPathComponent("Corpus/bach-chorales/bwv1.6.mid")
        let piece = try CorpusLoader.load(url, name: "bwv1.6.mid").get()
        let first = try #require(piece.events.first)
        #expect(Set(first.pitches.map { $0 % 12 }) == [5, 9, 0])
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedCorpus.path), "../shared/corpus is absent"))
    func everySharedFile_becomesAPiece() {
        let corpus = CorpusLoader.load(directory: Self.sharedCorpus)
        #expect(corpus.pieces.count + corpus.skipped.count > 3000)
        #expect(corpus.skipped.isEmpty, "\(corpus.skipped.prefix(10))")
        corpus.pieces.forEach(Self.expectWellFormed)
    }
}
