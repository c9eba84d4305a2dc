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
        var events: [MusicEvent] = []
        var capped = 0
        var previousOnset: Double?
        var first = 0
        while first < notes.count {
            let startSeconds = map.seconds(at: notes[first].start).value
            var last = first
            while last + 1 < notes.count, map.seconds(at: notes[last + 1].start).value - startSeconds <= ChordRules.onsetWindowSeconds {
                last += 1
            }
            let group = notes[first...last]
            let pitches = ChordRules.capped(group.map(\.pitch))
            if Set(group.map(\.pitch)).count > pitches.count { capped += 1 }
            let sounding = group.filter { pitches.contains($0.pitch) }
            let onset = map.beats(at: notes[first].start)
            let end = sounding.map { map.beats(at: $0.end) }.max() ?? onset
            let velocity = sounding.map { Int($0.velocity) }.reduce(0, +) / max(sounding.count, 1)
            events.append(MusicEvent(pitches: pitches, velocity: UInt8(velocity), sinceBeats: previousOnset.map { onset - $0 } ?? 0,
                                     durationBeats: max(end - onset, 0)))
            previousOnset = onset
            first = last + 1
        }
        self.name = name
        self.events = events
        self.rule = rule
        self.keptNotes = notes.count
        self.droppedDrumNotes = selection.drums
        self.droppedOtherNotes = selection.others
        self.cappedChords = capped
    }
}
