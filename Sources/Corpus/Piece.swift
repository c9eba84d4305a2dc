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
    /// Which of the file's notes it holds.
    public var stream: Stream = .selected

    /// Which notes of a file a piece holds.
    public enum Stream: String, Codable, Sendable, CaseIterable {
        /// The notes `SelectionRule` keeps: the piano's when there is one (the accompaniment of a song), else every pitched instrument's.
        case selected
        /// One track of pitched non-piano notes in a file that also has a piano: a voice or melody instrument, on its own.
        case melody
    }

    /// How a file is cut into pieces.
    public enum StreamRule: String, Codable, Sendable, CaseIterable {
        /// One piece per file: the selected notes.
        case selected
        /// The selected notes, and for a file with a piano and other pitched instruments also a `melody` piece
        /// per such track, so that single-line music is learnt as single lines and not only merged into its accompaniment.
        case separate
    }

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
        try self.init(file: file, name: name, stream: .selected)
    }

    /// The file's pieces under `rule`: the selected notes first, then (for `.separate`) each melody track.
    public static func pieces(file: MIDIFile, name: String, rule: StreamRule) throws(Empty) -> [Piece] {
        let selected = try Piece(file: file, name: name, stream: .selected)
        guard rule == .separate, selected.rule == .piano else { return [selected] }
        let tracks = InstrumentSelection.select(file).otherPitched.indices
        return [selected] + tracks.compactMap { try? Piece(file: file, name: name, stream: .melody, track: $0) }
    }

    /// The selected notes, or (melody) the `track`-th list of other pitched notes.
    private init(file: MIDIFile, name: String, stream: Stream, track: Int = 0) throws(Empty) {
        let selection = InstrumentSelection.select(file)
        guard let rule = selection.rule else {
            throw .noPitchedNotes(drumNotes: selection.drums, otherNotes: selection.others)
        }
        let chosen = stream == .selected ? selection.notes : selection.otherPitched[track]
        guard !chosen.isEmpty else { throw .noPitchedNotes(drumNotes: selection.drums, otherNotes: selection.others) }
        let map = TempoMap(file)
        let notes = SustainPedal.fold(chosen, pedalOf: file).sorted { ($0.start, $0.pitch) < ($1.start, $1.pitch) }
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
        self.stream = stream
    }
}
