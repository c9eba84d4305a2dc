import Corpus
import Model

/// The rolling seed — the last 50 steps the musician played (events, or notes in the note
/// representation, where a chord adds one step per note) — and an LSTM state that has
/// read it, advanced one step at a time while the musician plays so that little is left to
/// do when the phrase ends.
///
/// Once the window is full, each new step drops the oldest, and the state is rebuilt from
/// the window's new first step: the seed stays exactly "the last 50 steps".
struct WarmSeed {
    /// Steps kept as the seed.
    static let capacity = 50

    private(set) var events: [MusicEvent] = []
    /// Bumped whenever `events` changes, so an answer can tell it is based on an older seed.
    private(set) var generation = 0
    private var firstIndex = 0
    private var prepared: Continuation
    private var preparedFirst = 0

    init(model: EventLSTM, vocabulary: Vocabulary, representation: Representation = .chords, sampler: Sampler,
         constraints: PitchConstraints) {
        prepared = Continuation(model: model, vocabulary: vocabulary, representation: representation, seed: [], sampler: sampler,
                                constraints: constraints)
    }

    /// Sets how answers drawn from this seed sample (kept on the prepared state so the
    /// constraint mask is computed once, not at every phrase end).
    mutating func configure(sampler: Sampler, constraints: PitchConstraints) {
        prepared.sampler = sampler
        if prepared.constraints != constraints { prepared.constraints = constraints }
    }

    /// Appends one completed event (as its steps), dropping the oldest beyond `capacity`.
    mutating func append(_ event: MusicEvent) {
        for step in prepared.representation.steps([event]) {
            events.append(step)
            if events.count > Self.capacity {
                events.removeFirst()
                firstIndex += 1
            }
        }
        generation += 1
    }

    /// Forgets the prepared state (new model): the next steps rebuild it from the seed.
    mutating func rebuild(model: EventLSTM, vocabulary: Vocabulary, representation: Representation) {
        if representation != prepared.representation {
            events = Array(representation.steps(events).suffix(Self.capacity))
            generation += 1
        }
        prepared = Continuation(model: model, vocabulary: vocabulary, representation: representation, seed: [],
                                sampler: prepared.sampler, constraints: prepared.constraints)
        preparedFirst = firstIndex
    }

    /// Feeds one more seed event into the prepared state; false when it is already current.
    mutating func step() -> Bool {
        if preparedFirst != firstIndex {
            rebuild(model: prepared.model, vocabulary: prepared.vocabulary, representation: prepared.representation)
        }
        guard prepared.length < events.count else { return false }
        prepared.feed(events[prepared.length])
        return true
    }

    /// A continuation that has read exactly the current seed, finishing the warm-up first.
    mutating func continuation() -> Continuation {
        while step() {}
        return prepared
    }
}
