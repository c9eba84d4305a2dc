import ArgumentParser
import ContinuoApp
import Corpus
import Foundation

/// `continuo corpus DIR`: the corpus report; `continuo corpus --dump FILE.mid`: one file as JSON.
struct CorpusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Report on a folder of MIDI files as training data, or dump one file's events and tokens.")

    @Argument(help: "A folder of .mid files (searched recursively).")
    var directory: String?

    @Option(name: .long, help: "Print one MIDI file's events and tokens as JSON.")
    var dump: String?

    @Option(name: .long, help: "Vocabulary frequency threshold.")
    var minCount = 2

    @Option(name: .long, help: "How many of the most common tokens to list.")
    var top = 15

    func validate() throws {
        guard (directory == nil) != (dump == nil) else { throw ValidationError("give either DIR or --dump FILE.mid") }
        guard top >= 0 else { throw ValidationError("--top \(top): must be at least 0") }
        guard minCount >= 1 else { throw ValidationError("--min-count \(minCount): must be at least 1") }
    }

    func run() async throws {
        if let dump {
            let url = URL(fileURLWithPath: dump)
            switch CorpusLoader.load(url, name: url.lastPathComponent) {
            case let .success(piece): print(try CorpusDump(piece: piece).json())
            case let .failure(reason): throw reason
            }
            return
        }
        let url = URL(fileURLWithPath: directory ?? ".")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("\(url.path): no such folder")
        }
        let corpus = CorpusLoader.load(directory: url) { done, total in
            if total >= 100, done % 100 == 0 || done == total {
                FileHandle.standardError.write(Data("read \(done)/\(total) files\n".utf8))
            }
        }
        print(CorpusReport(corpus: corpus, minimumTokenCount: minCount).text(top: top))
    }
}
