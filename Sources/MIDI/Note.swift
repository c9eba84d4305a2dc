/// A sounding note paired from a note-on and its release, in file ticks.
public struct Note: Hashable, Sendable {
    /// Channel 0–15.
    public var channel: UInt8
    public var pitch: UInt8
    /// Note-on velocity, 1–127.
    public var velocity: UInt8
    public var start: Ticks
    /// Release time; `end >= start`.
    public var end: Ticks

    public init(channel: UInt8, pitch: UInt8, velocity: UInt8, start: Ticks, end: Ticks) {
        self.channel = channel
        self.pitch = pitch
        self.velocity = velocity
        self.start = start
        self.end = end
    }
}

extension MIDITrack {
    /// The track's notes, ordered by start (then channel, then pitch).
    ///
    /// Pairing rules: a note-on with velocity 0 is a note-off (MIDI 1.0 spec, "Note On … velocity of 0");
    /// a note-on of a pitch that is already held on that channel ends the held note there and starts a new
    /// one (a re-strike, since one key cannot sound twice); a note-off with nothing held is ignored; a note
    /// still held when the track ends lasts until End of Track.
    public func notes() -> [Note] {
        var held: [Int: (velocity: UInt8, start: Ticks)] = [:]   // key: channel * 128 + pitch
        var notes: [Note] = []
        func release(_ key: Int, at tick: Ticks) {
            guard let on = held.removeValue(forKey: key) else { return }
            notes.append(Note(channel: UInt8(key / 128), pitch: UInt8(key % 128), velocity: on.velocity, start: on.start, end: tick))
        }
        for event in events {
            guard case let .message(message) = event.kind else { continue }
            switch message {
            case let .noteOn(channel, pitch, velocity) where velocity > 0:
                let key = Int(channel & 0x0F) * 128 + Int(pitch & 0x7F)
                release(key, at: event.tick)
                held[key] = (velocity, event.tick)
            case let .noteOn(channel, pitch, _), let .noteOff(channel, pitch, _):
                release(Int(channel & 0x0F) * 128 + Int(pitch & 0x7F), at: event.tick)
            default: continue
            }
        }
        for key in held.keys.sorted() { release(key, at: end) }
        return notes.sorted { ($0.start, $0.channel, $0.pitch) < ($1.start, $1.channel, $1.pitch) }
    }
}
