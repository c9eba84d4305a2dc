/// A note placed in time both in seconds (for the onset window) and in quarter notes (for timing).
public struct TimedNote: Hashable, Sendable {
    public var pitch: UInt8
    public var velocity: UInt8
    public var onsetSeconds: Double
    public var onsetBeats: Double
    public var endBeats: Double

    public init(pitch: UInt8, velocity: UInt8, onsetSeconds: Double, onsetBeats: Double, endBeats: Double) {
        self.pitch = pitch
        self.velocity = velocity
        self.onsetSeconds = onsetSeconds
        self.onsetBeats = onsetBeats
        self.endBeats = endBeats
    }
}

extension ChordRules {
    /// Groups notes (sorted by onset) into note and chord events by `onsetWindowSeconds`, capping each
    /// chord with `capped(_:)`. An event's velocity is the mean of its kept notes (rounded down), its duration lasts until
    /// the last of them ends (each note's own length kept beside it when they differ), and `sinceBeats` is measured from the previous event's first onset.
    /// Also returns how many chords lost pitches to the cap.
    public static func events(grouping notes: [TimedNote]) -> (events: [MusicEvent], cappedChords: Int) {
        var events: [MusicEvent] = []
        var cappedCount = 0
        var previousOnset: Double?
        var first = 0
        while first < notes.count {
            var last = first
            while last + 1 < notes.count, notes[last + 1].onsetSeconds - notes[first].onsetSeconds <= onsetWindowSeconds {
                last += 1
            }
            let group = notes[first...last]
            let pitches = Self.capped(group.map(\.pitch))
            if Set(group.map(\.pitch)).count > pitches.count { cappedCount += 1 }
            let sounding = group.filter { pitches.contains($0.pitch) }
            let onset = notes[first].onsetBeats
            let end = sounding.map(\.endBeats).max() ?? onset
            let velocity = sounding.map { Int($0.velocity) }.reduce(0, +) / max(sounding.count, 1)
            let noteEnds = pitches.map { pitch in sounding.filter { $0.pitch == pitch }.map(\.endBeats).max() ?? end }
            events.append(MusicEvent(pitches: pitches, velocity: UInt8(velocity), sinceBeats: previousOnset.map { onset - $0 } ?? 0,
                                     durationBeats: max(end - onset, 0),
                                     noteDurationsBeats: noteEnds.allSatisfy { $0 == end } ? nil : noteEnds.map { max($0 - onset, 0) }))
            previousOnset = onset
            first = last + 1
        }
        return (events, cappedCount)
    }
}
