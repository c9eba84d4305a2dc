import Foundation

/// Pitch names and frequencies for MIDI note numbers (MIDI 60 is C4, 69 is A4 = 440 Hz, equal temperament).
public enum NoteName {
    /// Pitch-class names with sharps, C first.
    public static let pitchClasses = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]

    /// Scientific pitch name: 60 → "C4", 61 → "C#4", 21 → "A0".
    public static func of(_ pitch: UInt8) -> String {
        pitchClasses[Int(pitch) % 12] + String(Int(pitch) / 12 - 1)
    }

    /// Equal-tempered frequency in Hz: 440 · 2^((p − 69)/12).
    public static func frequency(of pitch: UInt8) -> Double {
        440 * exp2((Double(pitch) - 69) / 12)
    }
}
