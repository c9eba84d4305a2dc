/// What one model step stands for, and the token ids it uses.
///
/// `chords` is the first models' format: one step per note-or-chord event, each distinct chord its own
/// vocabulary token (counted from the training files, rare ones mapped to `<unk>`). `notes` is one step per
/// note: a chord's notes come low to high, the first carrying the time since the previous onset and the
/// others zero, and the token is the pitch itself (a fixed vocabulary of all 128 MIDI pitches), so
/// nothing a keyboard plays is unknown and every chord shares its notes' statistics.
public enum Representation: String, Codable, Sendable, CaseIterable {
    case chords
    case notes

    /// The events as model steps: unchanged for `chords`; for `notes`, each chord split into its
    /// pitches, ascending, every note lasting its own length and later notes of a chord 0 beats after the first.
    public func steps(_ events: [MusicEvent]) -> [MusicEvent] {
        guard self == .notes else { return events }
        return events.flatMap { event in
            event.pitches.enumerated().map { index, pitch in
                MusicEvent(pitches: [pitch], velocity: event.velocity, sinceBeats: index == 0 ? event.sinceBeats : 0,
                           durationBeats: event.noteDurationBeats(index))
            }
        }
    }

    /// The vocabulary of the `notes` representation: id `p + 1` is MIDI pitch `p`.
    public static let pitchVocabulary = Vocabulary(entries: (0...127).map { [UInt8($0)] })
}
