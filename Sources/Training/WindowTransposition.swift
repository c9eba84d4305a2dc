import Corpus
import Model

/// Random transposition of note-representation training windows, drawn afresh each epoch, so that key is
/// learnt as a relation between notes rather than remembered per piece.
///
/// The shift of window `w` in epoch `e` is a pure function of (seed, e, w): a resumed run moves every
/// window exactly as the uninterrupted run would.
public struct WindowTransposition: Sendable, Equatable {
    /// Semitone shifts to draw from (e.g. −6…5: every key once).
    public var shifts: ClosedRange<Int>
    public var seed: UInt64
    /// Where shifted notes must stay (the 88 keys), unless the window already reaches beyond it.
    public static let pianoRange: ClosedRange<Int> = 21...108

    public init(shifts: ClosedRange<Int>, seed: UInt64) {
        self.shifts = shifts
        self.seed = seed
    }

    /// The shift for window `window` in epoch `epoch` whose pitches span `lowest…highest`: uniform over the
    /// shifts in `shifts` that keep the window within the piano range (or no farther out than it already is).
    public func shift(window: Int, epoch: Int, lowest: Int, highest: Int) -> Int {
        let low = min(lowest, Self.pianoRange.lowerBound), high = max(highest, Self.pianoRange.upperBound)
        let allowed = shifts.filter { lowest + $0 >= low && highest + $0 <= high }
        guard !allowed.isEmpty else { return 0 }
        var rng = SplitMix64(seed: seed &+ UInt64(epoch) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(window) &* 0xD1B5_4A32_D192_ED03)
        return allowed[Int(rng.next() % UInt64(allowed.count))]
    }

    /// `events` (note tokens: id = pitch + 1, 0 unknown) moved by `semitones`.
    public static func transposed(_ events: [EncodedEvent], by semitones: Int) -> [EncodedEvent] {
        guard semitones != 0 else { return events }
        return events.map { event in
            var moved = event
            if event.token > 0 { moved.token = Int32(min(max(Int(event.token) + semitones, 1), 128)) }
            return moved
        }
    }
}
