import MIDI

/// Messages waiting for their time, kept in time order; messages with equal times keep the order
/// they were scheduled in (a note-off then a note-on of the same key at one instant must stay so).
struct EventSchedule: Sendable {
    private(set) var entries: [(time: MonotonicTime, message: MIDIMessage)] = []

    var isEmpty: Bool { entries.isEmpty }
    /// When the earliest waiting message is due.
    var nextTime: MonotonicTime? { entries.first?.time }

    /// Inserts after every entry due at or before `time` (binary search for the upper bound).
    mutating func insert(_ message: MIDIMessage, at time: MonotonicTime) {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].time <= time { low = mid + 1 } else { high = mid }
        }
        entries.insert((time, message), at: low)
    }

    /// Removes and returns, in order, every message due at or before `now`.
    mutating func popDue(at now: MonotonicTime) -> [MIDIMessage] {
        let count = entries.prefix { $0.time <= now }.count
        defer { entries.removeFirst(count) }
        return entries.prefix(count).map(\.message)
    }

    /// Removes and returns every waiting message.
    mutating func removeAll() -> [MIDIMessage] {
        defer { entries.removeAll() }
        return entries.map(\.message)
    }
}
