import Foundation
import MIDI

/// A file of a corpus folder that gave no piece, and why (one line).
public struct SkippedFile: Hashable, Sendable, Codable {
    public var name: String
    public var reason: String
}

/// The pieces read from a folder of MIDI files, and the files skipped.
public struct LoadedCorpus: Sendable {
    public var pieces: [Piece]
    public var skipped: [SkippedFile]

    public init(pieces: [Piece], skipped: [SkippedFile]) {
        self.pieces = pieces
        self.skipped = skipped
    }
}

/// Reads every `.mid`/`.midi` file under a folder (recursively, in path order) into pieces.
public enum CorpusLoader {
    /// MIDI files under `directory`, sorted by path.
    public static func midiFiles(in directory: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        return (walker?.compactMap { $0 as? URL } ?? [])
            .filter { ["mid", "midi"].contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// Loads every MIDI file under `directory`; unreadable files and files without pitched notes are
    /// skipped with their reason. `progress(done, total)` is called after each file.
    public static func load(directory: URL, streams: Piece.StreamRule = .selected, progress: ((Int, Int) -> Void)? = nil) -> LoadedCorpus {
        let files = midiFiles(in: directory)
        let base = directory.standardizedFileURL.path
        var pieces: [Piece] = []
        var skipped: [SkippedFile] = []
        for (index, url) in files.enumerated() {
            let path = url.standardizedFileURL.path
            let name = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent
            switch load(url, name: name, streams: streams) {
            case let .success(filePieces): pieces += filePieces
            case let .failure(reason): skipped.append(SkippedFile(name: name, reason: reason.description))
            }
            progress?(index + 1, files.count)
        }
        return LoadedCorpus(pieces: pieces, skipped: skipped)
    }

    /// One file as a piece, or the one-line reason it is not one.
    public static func load(_ url: URL, name: String) -> Result<Piece, SkipReason> {
        load(url, name: name, streams: .selected).map { $0[0] }
    }

    /// One file as its pieces under `streams`, or the one-line reason it gives none.
    public static func load(_ url: URL, name: String, streams: Piece.StreamRule) -> Result<[Piece], SkipReason> {
        do {
            return .success(try Piece.pieces(file: try MIDIFile(contentsOf: url, name: name), name: name, rule: streams))
        } catch let error as MIDIFileError {
            return .failure(SkipReason(error.description))
        } catch {
            return .failure(SkipReason("\(name): \(error)"))
        }
    }

    /// Why a file was skipped, as one line.
    public struct SkipReason: Error, CustomStringConvertible, Sendable {
        public var description: String
        init(_ description: String) { self.description = description }
    }
}
