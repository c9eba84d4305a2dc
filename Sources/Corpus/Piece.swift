import MIDI

/// One MIDI file turned into note/chord events, with what was kept and why.
public struct Piece: Sendable, Hashable {
    /// The file's name (its path relative to the corpus folder).
    public var name: String
    public var events: [MusicEvent]
    /// Which selection rule kept the notes.
    public var rule: SelectionRule
    /// Notes kept, and notes dropped as drums (channel 10) or as other instruments.
    public var keptNotes: Int
    public var droppedDrumNotes: Int
    public var droppedOtherNotes: Int
    /// Chord events that had more than `ChordRules.maxNotes` distinct pitches before capping.
    public var cappedChords: Int

    /// Why a readable MIDI file gives no piece.
    public enum Empty: Error, Hashable, Sendable, CustomStringConvertible {
        case noPitchedNotes(drumNotes: Int, otherNotes: Int)
        public var description: String {
            switch self {
            case .noPitchedNotes(0, 0): "no notes"
            case let .noPitchedNotes(drums, others):
                "no pitched notes (\(drums) drum notes, \(others) percussive or effect notes dropped)"
            }
        }
    }

    /// Selects notes (`SelectionRule`), folds the sustain pedal in, and groups onsets into chords
    /// (`ChordRules`), timing events in quarter notes through the file's tempo map.
    public init(file: MIDIFile, name: String) throws(Empty) {
        let selection = InstrumentSelection.select(file)
        guard let rule = selection.rule else {
            throw .noPitchedNotes(drumNotes: selection.drums, otherNotes: selection.others)
        }
        let map = TempoMap(file)
        let notes = SustainPedal.fold(selection.notes, pedalOf: file).sorted { ($0.start, $0.pitch) < ($1.start, $1.pitch) }
        let grouped = ChordRules.events(grouping: notes.map {
            TimedNote(pitch: $0.pitch, velocity: $0.velocity, onsetSeconds: map.seconds(at: $0.start).value,
                      onsetBeats: map.beats(at: $0.start), endBeats: map.beats(at: $0.end))
        })
        self.name = name
        self.events = grouped.events
        self.rule = rule
        self.keptNotes = notes.count
        self.droppedDrumNotes = selection.drums
        self.droppedOtherNotes = selection.others
        self.cappedChords = grouped.cappedChords
    }
}
