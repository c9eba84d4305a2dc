import Testing
import MIDI
@testable import Corpus

@Suite struct SplitAndWindowTests {
    /// Piece `n` plays pitch 30 + n, 60 times, so every token names its file.
    static func piece(_ n: Int) -> Piece {
        let pitch = UInt8(30 + n)
        var events: [TrackEvent] = []
        for i in 0..<60 {
            events.append(PieceTests.on(Ticks(480 * i), pitch))
            events.append(PieceTests.off(Ticks(480 * i + 240), pitch))
        }
        var piece = try! PieceTests.piece([events])
        piece.name = "piece\(n).mid"
        return piece
    }

    @Test func splitIsByFile_andReproducible() {
        let names = (0..<40).map { "file\($0).mid" }
        let held = FileSplit.validationNames(names, fraction: 0.1)
        #expect(held.count == 4)
        #expect(FileSplit.validationNames(names.reversed(), fraction: 0.1) == held)
        #expect(FileSplit.validationNames(names, fraction: 0.1, seed: 1) != held)
    }

    @Test func noValidationFileWindow_isEverTrainedOn() {
        let pieces = (0..<20).map(Self.piece)
        let corpus = EncodedCorpus(pieces: pieces, validationFraction: 0.2, minimumTokenCount: 1, transpositions: -2...2)
        let validationNames = Set(corpus.validation.map(\.name))
        #expect(validationNames.count == 4)
        #expect(corpus.training.allSatisfy { !validationNames.contains($0.name) })
        #expect(Set(corpus.training.map(\.name)).count == 16)
        // Every validation pitch 30+n is unknown unless a training piece's transposition reaches it.
        let trainingPitches = Set(corpus.training.flatMap { seq in seq.events.map { corpus.vocabulary.pitches(of: $0.token)! } })
        for window in corpus.training.windows() {
            #expect(window.inputs.allSatisfy { $0.token != Vocabulary.unknownID })
            #expect(!validationNames.contains(corpus.training[window.sequence].name))
        }
        #expect(trainingPitches.count == corpus.vocabulary.count - 1)
    }

    @Test func windows_haveNextEventTargets() {
        let events = (0..<53).map { EncodedEvent(token: Int32($0), timing: Int32($0 % 7)) }
        let windows = [EncodedSequence(name: "a", transposition: 0, events: events)].windows(length: 50, stride: 1)
        #expect(windows.count == 3)   // starts 0, 1, 2: each needs 51 events
        #expect(windows[2].inputs.first == events[2])
        #expect(windows[2].targets == Array(events[3...52]))
        #expect([EncodedSequence(name: "b", transposition: 0, events: Array(events.prefix(50)))].windows().isEmpty)
    }
}
