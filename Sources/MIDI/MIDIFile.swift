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

    /// Reads and parses the file at `url`; parse errors name the file's last path component.
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        self = try MIDIFile(bytes: [UInt8](data), name: url.lastPathComponent)
    }

    /// Writes the file atomically (a temporary file renamed into place).
    public func write(to url: URL) throws {
        try Data(serialized()).write(to: url, options: .atomic)
    }
}
