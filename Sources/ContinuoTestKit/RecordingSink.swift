import MIDI
import Synchronization

/// An in-memory `ScheduledMIDISink`: keeps every scheduled event as a queue would, so a test
/// can read what would have been played.
///
/// `cancelPending` drops the events later than the clock's now, as an ALSA queue does.
/// `allNotesOff` records All Notes Off and sustain up but, unlike the real sinks, sends no
/// note-offs of its own: tests see only the note-offs the improviser itself scheduled.
public final class RecordingSink: ScheduledMIDISink {
    /// One event on the queue.
    public struct Entry: Hashable, Sendable {
        public var message: MIDIMessage
        public var time: MonotonicTime
    }

    private let clock: any MonotonicClock
    private let state = Mutex<(entries: [Entry], allNotesOff: Int, cancels: Int)>(([], 0, 0))

    public init(clock: any MonotonicClock) { self.clock = clock }

    public func schedule(_ message: MIDIMessage, at time: MonotonicTime) {
        state.withLock { $0.entries.append(Entry(message: message, time: time)) }
    }

    public func cancelPending() {
        let now = clock.now()
        state.withLock {
            $0.entries.removeAll { $0.time > now }
            $0.cancels += 1
        }
    }

    public func allNotesOff(channel: UInt8) {
        let now = clock.now()
        state.withLock {
            $0.entries.append(Entry(message: .controlChange(
                channel: channel, controller: MIDIMessage.allNotesOffController, value: 0), time: now))
            $0.entries.append(Entry(message: .controlChange(
                channel: channel, controller: MIDIMessage.sustainController, value: 0), time: now))
            $0.allNotesOff += 1
        }
    }

    /// Everything on the queue, in time order (ties in the order scheduled).
    public var entries: [Entry] {
        state.withLock { $0.entries }.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    /// How many times `allNotesOff` was called.
    public var allNotesOffCount: Int { state.withLock { $0.allNotesOff } }

    /// Note-ons on the queue: (pitch, time).
    public var noteOns: [(note: UInt8, time: MonotonicTime)] {
        entries.compactMap {
            if case let .noteOn(_, note, velocity) = $0.message, velocity > 0 { return (note, $0.time) }
            return nil
        }
    }

    /// Notes switched on and never switched off by a later (or simultaneous) note-off, walking
    /// the queue in time order. Empty means every note-on is paired.
    public var unpairedNotes: [UInt8] {
        var sounding: [UInt8: Int] = [:]
        for entry in entries {
            switch entry.message {
            case let .noteOn(_, note, velocity) where velocity > 0: sounding[note, default: 0] += 1
            case let .noteOn(_, note, _), let .noteOff(_, note, _):
                sounding[note] = max((sounding[note] ?? 0) - 1, 0)
            default: break
            }
        }
        return sounding.filter { $0.value > 0 }.keys.sorted()
    }
}
