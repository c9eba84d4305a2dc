/// Converts ticks to seconds and to quarter notes, from a file's division and tempo events.
///
/// The map is piecewise linear: each tempo change starts a segment. With a metrical division a quarter
/// note is `ticksPerQuarter` ticks and lasts the current tempo; with an SMPTE division a tick has a
/// fixed length in seconds and the tempo only says how many seconds a quarter note (a beat) lasts.
/// Before the first tempo event the tempo is 120 quarter notes per minute (500,000 µs), as the SMF spec says.
public struct TempoMap: Hashable, Sendable {
    /// One stretch of constant tempo starting at `tick`.
    struct Segment: Hashable, Sendable {
        var tick: Int
        var seconds: Double
        var beats: Double
        var secondsPerTick: Double
        var beatsPerTick: Double
    }

    /// Microseconds per quarter note before any tempo event.
    public static let defaultMicrosecondsPerQuarter: UInt32 = 500_000

    let segments: [Segment]

    /// The tempo map of `file`: tempo events of all its tracks (format 0 and 1 share one map).
    public init(_ file: MIDIFile) {
        let changes = file.tracks.flatMap(\.events).compactMap { event -> (Int, UInt32)? in
            guard case let .meta(.tempo(us)) = event.kind else { return nil }
            return (event.tick.value, us)
        }
        self.init(division: file.division, tempoChanges: changes.sorted { $0.0 < $1.0 })
    }

    /// A map from a division and tempo changes `(tick, microseconds per quarter)` in tick order.
    public init(division: TimeDivision, tempoChanges: [(tick: Int, microsecondsPerQuarter: UInt32)]) {
        func rates(_ us: UInt32) -> (secondsPerTick: Double, beatsPerTick: Double) {
            let secondsPerBeat = Double(max(us, 1)) / 1_000_000
            switch division {
            case let .ticksPerQuarter(ppq): return (secondsPerBeat / Double(ppq), 1 / Double(ppq))
            case .smpte:
                let perTick = division.smpteSecondsPerTick ?? 0
                return (perTick, perTick / secondsPerBeat)
            }
        }
        let first = rates(Self.defaultMicrosecondsPerQuarter)
        var segments = [Segment(tick: 0, seconds: 0, beats: 0, secondsPerTick: first.secondsPerTick, beatsPerTick: first.beatsPerTick)]
        for change in tempoChanges {
            let last = segments[segments.count - 1]
            let span = Double(max(change.tick - last.tick, 0))
            let next = rates(change.microsecondsPerQuarter)
            let segment = Segment(tick: max(change.tick, last.tick),
                                  seconds: last.seconds + span * last.secondsPerTick,
                                  beats: last.beats + span * last.beatsPerTick,
                                  secondsPerTick: next.secondsPerTick, beatsPerTick: next.beatsPerTick)
            if segment.tick == last.tick { segments[segments.count - 1] = segment } else { segments.append(segment) }
        }
        self.segments = segments
    }

    /// Seconds from the start of the file at `ticks`.
    public func seconds(at ticks: Ticks) -> Seconds {
        let s = segment(containing: ticks.value)
        return Seconds(s.seconds + Double(ticks.value - s.tick) * s.secondsPerTick)
    }

    /// Quarter notes from the start of the file at `ticks`.
    public func beats(at ticks: Ticks) -> Double {
        let s = segment(containing: ticks.value)
        return s.beats + Double(ticks.value - s.tick) * s.beatsPerTick
    }

    /// The tick (rounded to nearest) that falls at `seconds`; the inverse of `seconds(at:)`.
    public func ticks(at seconds: Seconds) -> Ticks {
        let index = (segments.lastIndex { $0.seconds <= seconds.value }) ?? 0
        let s = segments[index]
        return Ticks(s.tick + Int(((seconds.value - s.seconds) / s.secondsPerTick).rounded()))
    }

    private func segment(containing tick: Int) -> Segment {
        // Binary search: last segment starting at or before `tick`.
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if segments[mid].tick <= tick { low = mid } else { high = mid - 1 }
        }
        return segments[low]
    }
}
