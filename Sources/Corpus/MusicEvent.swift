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
    /// Each pitch's own length (parallel to `pitches`), when known; nil means every note lasts `durationBeats`.
    public var noteDurationsBeats: [Double]?

    public init(pitches: [UInt8], velocity: UInt8, sinceBeats: Double, durationBeats: Double, noteDurationsBeats: [Double]? = nil) {
        self.pitches = pitches
        self.velocity = velocity
        self.sinceBeats = sinceBeats
        self.durationBeats = durationBeats
        self.noteDurationsBeats = noteDurationsBeats
    }

    /// The length of the note `pitches[index]`, quarter notes.
    public func noteDurationBeats(_ index: Int) -> Double {
        noteDurationsBeats.flatMap { index < $0.count ? $0[index] : nil } ?? durationBeats
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
