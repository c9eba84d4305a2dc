/// One note of a passage under evaluation, in beats (quarter notes) from the passage's start.
public struct EvaluatedNote: Hashable, Sendable {
    public var pitch: UInt8
    public var onsetBeats: Double
    public var durationBeats: Double

    public init(pitch: UInt8, onsetBeats: Double, durationBeats: Double) {
        self.pitch = pitch
        self.onsetBeats = onsetBeats
        self.durationBeats = durationBeats
    }
}
