import MIDI

/// The notes a sink has started and not yet stopped, so silencing can send exact note-offs.
struct SoundingNotes: Sendable {
    private var keys: Set<UInt16> = []

    /// Follows one message that was played.
    mutating func track(_ message: MIDIMessage) {
        switch message {
        case let .noteOn(channel, note, velocity) where velocity > 0:
            keys.insert(UInt16(channel) << 8 | UInt16(note))
        case let .noteOn(channel, note, _), let .noteOff(channel, note, _):
            keys.remove(UInt16(channel) << 8 | UInt16(note))
        default:
            break
        }
    }

    func isSounding(channel: UInt8, note: UInt8) -> Bool { keys.contains(UInt16(channel) << 8 | UInt16(note)) }

    /// Note-offs for every sounding note on `channel`, lowest key first; forgets them.
    mutating func release(channel: UInt8) -> [MIDIMessage] {
        let notes = keys.filter { $0 >> 8 == UInt16(channel) }.map { UInt8($0 & 0xFF) }.sorted()
        keys.subtract(notes.map { UInt16(channel) << 8 | UInt16($0) })
        return notes.map { .noteOff(channel: channel, note: $0, velocity: 0) }
    }
}
