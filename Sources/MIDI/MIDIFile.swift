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

    /// Reads and parses the file at `url`; errors name the file as `name` (default: its last path component).
    public init(contentsOf url: URL, name: String? = nil) throws(MIDIFileError) {
        let label = name ?? url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            // Foundation wraps the errno; its text ("No such file or directory") is the useful part.
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying?.domain == NSPOSIXErrorDomain ? String(cString: strerror(Int32(underlying?.code ?? 0))) : error.localizedDescription
            throw MIDIFileError(file: label, chunk: "file", offset: 0, reason: .unreadable(reason))
        }
        self = try MIDIFile(bytes: [UInt8](data), name: label)
    }

    /// Writes the file atomically (a temporary file renamed into place).
    public func write(to url: URL) throws {
        try Data(serialized()).write(to: url, options: .atomic)
    }
}
