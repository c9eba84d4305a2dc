import Foundation
import Testing
import MIDI

/// Every shipped corpus file, and every file of the shared corpora when they are present beside the package.
@Suite struct RealFileTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sharedCorpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func midiFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (walker?.compactMap { $0 as? URL } ?? [])
            .filter { ["mid", "midi"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    @Test func everyShippedCorpusFile_parsesAndRoundTrips() throws {
        let files = Self.midiFiles(under: Self.packageRoot.appendingPathComponent("Corpus"))
        #expect(files.count == 409 + 1438 + 92)
        for url in files {
            let file = try MIDIFile(contentsOf: url)
            #expect(file.tracks.contains { !$0.notes().isEmpty }, "\(url.lastPathComponent) has no notes")
            #expect(try MIDIFile(bytes: file.serialized()) == file, "\(url.lastPathComponent) round trip")
        }
    }

    static let simutransMusic = URL(fileURLWithPath: "/usr/share/games/simutrans/music")

    /// Debian's simutrans-data ships two tracks whose key signature has mode 255 (neither major nor minor).
    @Test(.enabled(if: FileManager.default.fileExists(atPath: simutransMusic.path), "simutrans-data is not installed"))
    func simutransTracks_withKeyMode255_parse() throws {
        for name in ["05-Boring-afternoon.mid", "30-On-the-waterfront.mid"] {
            let file = try MIDIFile(contentsOf: Self.simutransMusic.appendingPathComponent(name))
            let modes = file.tracks.flatMap(\.events).compactMap { event -> UInt8? in
                if case let .meta(.keySignature(_, mode)) = event.kind { return mode }
                return nil
            }
            #expect(modes.contains(255), "\(name)")
        }
        for url in Self.midiFiles(under: Self.simutransMusic) {
            let file = try MIDIFile(contentsOf: url)
            #expect(try MIDIFile(bytes: file.serialized()) == file, "\(url.lastPathComponent) round trip")
        }
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedCorpus.path), "../shared/corpus is absent"))
    func everySharedCorpusFile_parsesAndRoundTrips() throws {
        var failures: [String] = []
        let files = Self.midiFiles(under: Self.sharedCorpus)
        #expect(files.count > 3000)
        for url in files {
            do {
                let file = try MIDIFile(contentsOf: url)
                if try MIDIFile(bytes: file.serialized()) != file { failures.append("\(url.lastPathComponent): round trip differs") }
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(10).joined(separator: "; "))")
    }
}
