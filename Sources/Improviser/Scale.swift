/// A key and mode: the pitch classes an answer may use when a scale mask is set.
public struct Scale: Hashable, Sendable, CustomStringConvertible {
    /// Pitch class of the tonic, 0 = C … 11 = B.
    public var tonic: UInt8
    /// The mode's name as written in configuration, e.g. "major".
    public var mode: String
    /// Semitones above the tonic that belong to the scale.
    public var intervals: [UInt8]

    /// Interval sets of the modes we accept, in semitones above the tonic.
    public static let modes: [String: [UInt8]] = [
        "major": [0, 2, 4, 5, 7, 9, 11],
        "minor": [0, 2, 3, 5, 7, 8, 10],
        "harmonic-minor": [0, 2, 3, 5, 7, 8, 11],
        "dorian": [0, 2, 3, 5, 7, 9, 10],
        "mixolydian": [0, 2, 4, 5, 7, 9, 10],
        "major-pentatonic": [0, 2, 4, 7, 9],
        "minor-pentatonic": [0, 3, 5, 7, 10],
    ]
    private static let tonicNames: [String: UInt8] = [
        "C": 0, "C#": 1, "Db": 1, "D": 2, "D#": 3, "Eb": 3, "E": 4, "F": 5, "F#": 6, "Gb": 6,
        "G": 7, "G#": 8, "Ab": 8, "A": 9, "A#": 10, "Bb": 10, "B": 11,
    ]
    private static let spelled = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]

    /// Parses "D minor", "F# major", "Bb dorian"; nil when the tonic or mode is unknown.
    public init?(_ text: String) {
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2, let tonic = Self.tonicNames[words[0]],
              let intervals = Self.modes[words[1].lowercased()] else { return nil }
        self.tonic = tonic
        self.mode = words[1].lowercased()
        self.intervals = intervals
    }

    /// Whether the MIDI pitch belongs to the scale (any octave).
    public func contains(_ pitch: UInt8) -> Bool {
        intervals.contains((pitch + 12 - tonic) % 12)
    }

    public var description: String { "\(Self.spelled[Int(tonic)]) \(mode)" }
}
