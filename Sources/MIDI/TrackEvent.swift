/// One event of a track at an absolute tick.
public struct TrackEvent: Hashable, Sendable {
    /// What the event is.
    public enum Kind: Hashable, Sendable {
        /// A channel message or an F0 system exclusive message.
        case message(MIDIMessage)
        /// An F7 event: raw bytes to transmit as they are (sysex continuation packets, real-time messages).
        case escape([UInt8])
        /// A meta event (tempo, meter, key, text…).
        case meta(MetaEvent)
    }

    /// Absolute time from the start of the track.
    public var tick: Ticks
    public var kind: Kind

    public init(tick: Ticks, _ kind: Kind) {
        self.tick = tick
        self.kind = kind
    }
}

/// A track chunk (MTrk): its events in time order and the time of its End of Track.
public struct MIDITrack: Hashable, Sendable {
    /// Events in non-decreasing tick order (the order in the file for equal ticks).
    public var events: [TrackEvent]
    /// Time of the End of Track meta event; never before the last event.
    public var end: Ticks

    /// A track ending at `end`, or at its last event when `end` is nil or earlier.
    public init(events: [TrackEvent], end: Ticks? = nil) {
        self.events = events
        self.end = max(end ?? 0, events.map(\.tick).max() ?? 0)
    }

    /// The first track-name meta event's text, decoded as UTF-8 with Latin-1 fallback.
    public var name: String? {
        for event in events {
            if case let .meta(.text(type, bytes)) = event.kind, type == MetaEvent.trackNameType {
                return String(validating: bytes, as: UTF8.self) ?? String(bytes.map { Character(Unicode.Scalar($0)) })
            }
        }
        return nil
    }
}
