import MIDI

/// Which notes of a file the corpus keeps, by General MIDI instrument.
///
/// Channel 10 (index 9) is GM percussion and always dropped. A note's program is the last program change on
/// its channel at or before its onset (any track; GM's default is 0, Acoustic Grand Piano). If any note
/// plays a piano program (GM 1–8, programs 0–7) only piano notes are kept (`piano`); otherwise every note of
/// a pitched program (0–111; 112–127 are GM's percussive and sound-effect programs) is kept (`pitched`).
public enum SelectionRule: String, Codable, Sendable, CaseIterable {
    case piano
    case pitched
}

/// A note with its channel's program at its onset, and the track it came from.
struct ProgrammedNote {
    var note: Note
    var program: UInt8
    var track: Int
}

enum InstrumentSelection {
    static let drumChannel: UInt8 = 9
    static let pianoPrograms: ClosedRange<UInt8> = 0...7
    static let pitchedPrograms: ClosedRange<UInt8> = 0...111

    /// The kept notes and the rule that kept them (nil when nothing pitched is left), how many notes
    /// were dropped as drums and as other instruments, and (under the piano rule) the dropped notes of
    /// pitched non-piano programs, one list per track, which `Piece.Stream.melody` uses.
    static func select(_ file: MIDIFile) -> (notes: [Note], rule: SelectionRule?, drums: Int, others: Int, otherPitched: [[Note]]) {
        let programs = programChanges(file)
        var all: [ProgrammedNote] = []
        for (index, track) in file.tracks.enumerated() {
            for note in track.notes() {
                let changes = programs[Int(note.channel)]
                let program = changes.last { $0.tick <= note.start }?.program ?? 0
                all.append(ProgrammedNote(note: note, program: program, track: index))
            }
        }
        let drums = all.filter { $0.note.channel == drumChannel }.count
        let melodic = all.filter { $0.note.channel != drumChannel }
        let piano = melodic.filter { pianoPrograms.contains($0.program) }
        let pitched = melodic.filter { pitchedPrograms.contains($0.program) }
        if !piano.isEmpty {
            let others = pitched.filter { !pianoPrograms.contains($0.program) }
            let byTrack = Dictionary(grouping: others, by: \.track).sorted { $0.key < $1.key }.map { $0.value.map(\.note) }
            return (piano.map(\.note), .piano, drums, melodic.count - piano.count, byTrack)
        }
        return (pitched.map(\.note), pitched.isEmpty ? nil : .pitched, drums, melodic.count - pitched.count, [])
    }

    /// Program changes per channel (16 lists), in tick order across all tracks.
    private static func programChanges(_ file: MIDIFile) -> [[(tick: Ticks, program: UInt8)]] {
        var byChannel = [[(tick: Ticks, program: UInt8)]](repeating: [], count: 16)
        for track in file.tracks {
            for event in track.events {
                if case let .message(.programChange(channel, program)) = event.kind {
                    byChannel[Int(channel & 0x0F)].append((event.tick, program))
                }
            }
        }
        return byChannel.map { list in list.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }.map(\.element) }
    }
}
