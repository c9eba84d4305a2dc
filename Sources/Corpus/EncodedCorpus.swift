/// One piece (or a transposed copy) as the model's input sequence.
public struct EncodedSequence: Hashable, Sendable, Codable {
    /// Name of the file it came from; the split is by this name.
    public var name: String
    /// Semitones it was transposed by (0 for the original).
    public var transposition: Int
    public var events: [EncodedEvent]

    public init(name: String, transposition: Int, events: [EncodedEvent]) {
        self.name = name
        self.transposition = transposition
        self.events = events
    }

    /// Encodes `events` with `vocabulary` (unknown chords become `Vocabulary.unknownID`) and `TimingGrid`.
    public init(name: String, transposition: Int = 0, events: [MusicEvent], vocabulary: Vocabulary) {
        self.init(name: name, transposition: transposition, events: events.map {
            EncodedEvent(token: vocabulary.id(of: $0.pitches),
                         timing: TimingGrid.classify(sinceBeats: $0.sinceBeats, durationBeats: $0.durationBeats))
        })
    }
}

/// A corpus ready for training: a vocabulary built from the training files only and the encoded
/// training and validation sequences, split by file (`FileSplit`).
///
/// Transposition augmentation applies to training files only; validation stays as written.
public struct EncodedCorpus: Sendable {
    /// Events in a model seed and in a training window.
    public static let windowLength = 50

    public var vocabulary: Vocabulary
    public var training: [EncodedSequence]
    public var validation: [EncodedSequence]

    public init(vocabulary: Vocabulary, training: [EncodedSequence], validation: [EncodedSequence]) {
        self.vocabulary = vocabulary
        self.training = training
        self.validation = validation
    }

    /// Splits `pieces` by file, augments training pieces by every shift in `transpositions` that keeps
    /// them in 0…127, builds the vocabulary from the (augmented) training events (threshold, optional size
    /// cap counting `<unk>`), and encodes both sides.
    ///
    /// With the `notes` representation the vocabulary is `Representation.pitchVocabulary` (no counting,
    /// nothing unknown) and every piece is first cut into note steps.
    public init(pieces: [Piece], validationFraction: Double = 0.1, minimumTokenCount: Int = 2,
                maximumVocabularySize: Int? = nil, transpositions: ClosedRange<Int> = 0...0, seed: UInt64 = 0,
                representation: Representation = .chords) {
        let split = CorpusSplit(pieces: pieces, validationFraction: validationFraction, seed: seed, representation: representation)
        let augmented = split.training.flatMap { piece in
            transpositions.compactMap { shift in
                Transposition.transposed(piece.events, by: shift).map { (piece.name, shift, $0) }
            }
        }
        let vocabulary = representation == .notes ? Representation.pitchVocabulary
            : Vocabulary(counting: augmented.map(\.2), minimumCount: minimumTokenCount, maximumSize: maximumVocabularySize)
        self.init(vocabulary: vocabulary,
                  training: augmented.map { EncodedSequence(name: $0.0, transposition: $0.1, events: $0.2, vocabulary: vocabulary) },
                  validation: split.validation.map { EncodedSequence(name: $0.name, events: $0.events, vocabulary: vocabulary) })
    }
}

/// `length` consecutive events and, for each, the event that follows it.
public struct TrainingWindow: Hashable, Sendable {
    /// Index of the sequence in the array it was cut from.
    public var sequence: Int
    public var inputs: [EncodedEvent]
    /// `targets[k]` is the event after `inputs[k]`: the model's next-event prediction target.
    public var targets: [EncodedEvent]
}

extension [EncodedSequence] {
    /// Windows of `length` events with next-event targets, starting every `stride` events; a sequence
    /// needs `length + 1` events for its first window, and shorter sequences give none.
    public func windows(length: Int = EncodedCorpus.windowLength, stride: Int = 1) -> [TrainingWindow] {
        var windows: [TrainingWindow] = []
        for (index, sequence) in enumerated() where sequence.events.count > length {
            for start in Swift.stride(from: 0, through: sequence.events.count - length - 1, by: Swift.max(stride, 1)) {
                windows.append(TrainingWindow(sequence: index, inputs: [EncodedEvent](sequence.events[start..<start + length]),
                                              targets: [EncodedEvent](sequence.events[start + 1...start + length])))
            }
        }
        return windows
    }
}
