/// One note or one chord as the model sees it: real pitches, loudness, and when it comes and how long it lasts.
public struct MusicEvent: Hashable, Sendable, Codable {
    /// Ascending, distinct real MIDI pitches, 1…`ChordRules.maxNotes` of them.
    public var pitches: [UInt8]
    /// Mean velocity of its notes.
    public var velocity: UInt8
    /// Onset minus the previous event's onset, in quarter notes (0 for a piece's first event).
    public var sinceBeats: Double
    /// Length with the sustain pedal folded in, in quarter notes: until its last note is released.
    public var durationBeats: Double

    public init(pitches: [UInt8], velocity: UInt8, sinceBeats: Double, durationBeats: Double) {
        self.pitches = pitches
        self.velocity = velocity
        self.sinceBeats = sinceBeats
        self.durationBeats = durationBeats
    }
}

/// A `MusicEvent` reduced to what the model reads and predicts: a vocabulary id and a `TimingGrid` class.
public struct EncodedEvent: Hashable, Sendable, Codable {
    public var token: Int32
    public var timing: Int32

    public init(token: Int32, timing: Int32) {
        self.token = token
        self.timing = timing
    }
}
