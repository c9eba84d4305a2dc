/// Transposition augmentation: the same piece shifted by whole semitones.
public enum Transposition {
    /// `events` with every pitch moved by `semitones`, or nil when a pitch would leave 0…127
    /// (a partial copy would teach the model a different piece).
    public static func transposed(_ events: [MusicEvent], by semitones: Int) -> [MusicEvent]? {
        var result = events
        for index in result.indices {
            let shifted = result[index].pitches.map { Int($0) + semitones }
            guard shifted.allSatisfy({ (0...127).contains($0) }) else { return nil }
            result[index].pitches = shifted.map { UInt8($0) }
        }
        return result
    }
}
