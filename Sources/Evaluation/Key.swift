/// A major or minor key, as the key finder names it and as "in key" is judged.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    public enum Mode: String, Sendable, CaseIterable {
        case major, minor
    }

    /// Pitch class of the tonic, 0 = C … 11 = B.
    public var tonic: Int
    public var mode: Mode

    /// `tonic` is taken modulo 12, so 12 and −12 are C too.
    public init(tonic: Int, mode: Mode) {
        self.tonic = (tonic % 12 + 12) % 12
        self.mode = mode
    }

    /// Semitones above the tonic counted as in the key. Minor is the natural minor plus the raised
    /// 6th and 7th, so a melodic or harmonic minor passage is not marked out of key for its leading tone.
    static func intervals(of mode: Mode) -> [Int] {
        switch mode {
        case .major: [0, 2, 4, 5, 7, 9, 11]
        case .minor: [0, 2, 3, 5, 7, 8, 9, 10, 11]
        }
    }

    /// The pitch classes counted as in the key: major = the 7 diatonic; minor = natural minor plus the
    /// raised 6th and 7th (9 classes).
    public var pitchClasses: Set<Int> {
        Set(Self.intervals(of: mode).map { (tonicClass + $0) % 12 })
    }

    /// Whether the MIDI pitch's class is in the key (any octave).
    public func contains(pitch: UInt8) -> Bool {
        Self.intervals(of: mode).contains((Int(pitch) - tonicClass + 12) % 12)
    }

    /// `tonic` in 0...11 even if it was assigned out of range after `init`.
    private var tonicClass: Int { (tonic % 12 + 12) % 12 }

    /// The 24 keys: the twelve major keys from C, then the twelve minor keys from C.
    public static let all: [Key] = Mode.allCases.flatMap { mode in (0..<12).map { Key(tonic: $0, mode: mode) } }

    /// Spelled as the `--scale` option and `answer.scale` setting read them, e.g. "Bb major".
    static let tonicNames = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]

    public var description: String { "\(Self.tonicNames[tonicClass]) \(mode.rawValue)" }
}
