import Foundation

/// A Standard MIDI File as a value: header fields and tracks.
public struct MIDIFile: Hashable, Sendable {
    /// The header's format field.
    public enum Format: UInt16, Hashable, Sendable {
        /// One multi-channel track.
        case singleTrack = 0
        /// Simultaneous tracks sharing one tempo map (the first track conventionally holds it).
        case simultaneousTracks = 1
        /// Independent single-track patterns; read as tracks, each with its own timeline.
        case independentTracks = 2
    }

    public var format: Format
    public var division: TimeDivision
    public var tracks: [MIDITrack]

    public init(format: Format = .simultaneousTracks, division: TimeDivision, tracks: [MIDITrack]) {
        self.format = format
        self.division = division
        self.tracks = tracks
    }

    /// The largest file `init(contentsOf:)` reads: 8 MiB is about a million notes, far beyond any
    /// piece a person plays, and keeps parsing and encoding one file to a few hundred MB.
    public static let maximumFileSize = 8 << 20

    /// Reads and parses the file at `url`; errors name the file as `name` (default: its last path component).
    /// Reads at most `maximumFileSize` + 1 bytes, so a huge file or a device is an error, not an allocation.
    public init(contentsOf url: URL, name: String? = nil) throws(MIDIFileError) {
        let label = name ?? url.lastPathComponent
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: Self.maximumFileSize + 1) ?? Data()
        } catch {
            throw MIDIFileError(file: label, chunk: "file", offset: 0, reason: .unreadable(Self.reason(error)))
        }
        guard data.count <= Self.maximumFileSize else {
            throw MIDIFileError(file: label, chunk: "file", offset: 0, reason: .fileTooLarge(limit: Self.maximumFileSize))
        }
        self = try MIDIFile(bytes: [UInt8](data), name: label)
    }

    /// Foundation wraps the errno; its text ("No such file or directory") is the useful part.
    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError }
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        if underlying?.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying?.code ?? 0))) }
        return error.localizedDescription
    }

    /// Writes the file atomically (a temporary file renamed into place).
    public func write(to url: URL) throws {
        try Data(serialized()).write(to: url, options: .atomic)
    }
}
