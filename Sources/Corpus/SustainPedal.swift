import MIDI

/// Folds the sustain pedal (CC64) into note lengths: a note released while the pedal is down sounds on
/// until the pedal comes up, or until the same key is struck again on that channel, whichever is first.
/// Values 64–127 are down, 0–63 up (MIDI 1.0 control change table, switch controllers).
enum SustainPedal {
    /// `notes` with pedal-extended ends; the pedal events are read from every track of `file`.
    static func fold(_ notes: [Note], pedalOf file: MIDIFile) -> [Note] {
        let spans = downSpans(file)
        guard spans.contains(where: { !$0.isEmpty }) else { return notes }
        // Next onset of the same key, so a re-struck key cuts the pedal-held note.
        var nextOnset = [Int: Ticks]()
        var result = notes
        for index in notes.indices.sorted(by: { notes[$0].start > notes[$1].start }) {
            let note = notes[index]
            let key = Int(note.channel) * 128 + Int(note.pitch)
            if let span = lastSpan(startingBy: note.end, in: spans[Int(note.channel)]), note.end < span.up {
                let limit = nextOnset[key].map { $0 > note.end ? $0 : span.up } ?? span.up
                result[index].end = min(span.up, limit)
            }
            nextOnset[key] = note.start
        }
        return result
    }

    /// The last span whose pedal went down at or before `tick` (spans are disjoint and in order).
    private static func lastSpan(startingBy tick: Ticks, in spans: [(down: Ticks, up: Ticks)]) -> (down: Ticks, up: Ticks)? {
        var low = 0, high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].down <= tick { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? nil : spans[low - 1]
    }

    /// Pedal-down intervals per channel; a pedal never lifted stays down until the file's last tick.
    static func downSpans(_ file: MIDIFile) -> [[(down: Ticks, up: Ticks)]] {
        var changes = [[(tick: Ticks, down: Bool)]](repeating: [], count: 16)
        for track in file.tracks {
            for event in track.events {
                if case let .message(.controlChange(channel, MIDIMessage.sustainController, value)) = event.kind {
                    changes[Int(channel & 0x0F)].append((event.tick, value >= 64))
                }
            }
        }
        let fileEnd = file.tracks.map(\.end).max() ?? 0
        return changes.map { list in
            var spans: [(down: Ticks, up: Ticks)] = []
            var downSince: Ticks?
            for change in list.enumerated().sorted(by: { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }).map(\.element) {
                if change.down, downSince == nil { downSince = change.tick }
                if !change.down, let since = downSince {
                    spans.append((since, change.tick))
                    downSince = nil
                }
            }
            if let since = downSince { spans.append((since, max(fileEnd, since))) }
            return spans
        }
    }
}
