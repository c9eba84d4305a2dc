import Foundation
import Testing
import Corpus

/// The shipped chorales, and the shared corpora beside the package when present.
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

    @Test func everyChorale_becomesAPiece() {
        let corpus = CorpusLoader.load(directory: Self.packageRoot.appendingPathComponent("Corpus"))
        #expect(corpus.skipped.isEmpty, "\(corpus.skipped)")
        #expect(corpus.pieces.count == 410)
        corpus.pieces.forEach(Self.expectWellFormed)
    }

    @Test func bwv1_6_opensOnTheTonicTriadOfFMajor() throws {
        // "Wie schön leuchtet der Morgenstern" (BWV 1/6, cantata in F major) opens on the tonic chord F–A–C.
        let url = Self.packageRoot.appendingPathComponent("Corpus/bwv1.6.mid")
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
