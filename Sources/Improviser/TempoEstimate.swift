/// The musician's tempo, from the intervals between their onsets, so beats in the model's
/// world and seconds in the player's follow each other.
///
/// The median of recent inter-onset intervals is taken as `referenceBeats` long (the corpus's
/// most common step, a quarter note in the chorales), then folded by octaves into
/// `bpmRange`: a player running eighths at 120 BPM gives 0.25 s steps, i.e. 240 "BPM",
/// folded to 120.
public struct TempoEstimate: Sendable {
    /// Seconds per quarter note now.
    public private(set) var secondsPerBeat: Double
    /// Beats the median interval stands for.
    public var referenceBeats = 1.0
    /// Tempi the estimate is folded into, in quarter notes per minute.
    public var bpmRange: ClosedRange<Double> = 60...180
    /// Intervals longer than this are pauses between phrases, not rhythm.
    public var longestInterval = 2.0
    private var intervals: [Double] = []
    private static let remembered = 16

    public init(bpm: Double) { secondsPerBeat = 60 / bpm }

    /// Quarter notes per minute now.
    public var bpm: Double { 60 / secondsPerBeat }

    /// Takes one interval between two successive onsets (chord notes already grouped).
    public mutating func observe(interval seconds: Double) {
        guard seconds > 0, seconds <= longestInterval else { return }
        intervals.append(seconds)
        if intervals.count > Self.remembered { intervals.removeFirst() }
        let sorted = intervals.sorted()
        var beat = sorted[sorted.count / 2] / referenceBeats
        while 60 / beat > bpmRange.upperBound { beat *= 2 }
        while 60 / beat < bpmRange.lowerBound { beat /= 2 }
        secondsPerBeat = beat
    }

    /// Seconds → quarter notes at the current tempo.
    public func beats(_ seconds: Double) -> Double { seconds / secondsPerBeat }
    /// Quarter notes → seconds at the current tempo.
    public func seconds(_ beats: Double) -> Double { beats * secondsPerBeat }
}
