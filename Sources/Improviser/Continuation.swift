import Corpus
import Model

/// The shared generator: an LSTM that has read a seed of `MusicEvent`s and proposes what comes
/// next, one event at a time. `serve` and `generate` both sample through this type, so a
/// continuation written to a file and one played live follow the same rules.
///
/// A value type: copying it forks the LSTM state, which is how the daemon keeps a warm state
/// for the musician's seed and answers from a copy of it.
public struct Continuation {
    /// The network; shared, read-only.
    public let model: EventLSTM
    /// Token ids ↔ pitches, from the model's metadata.
    public let vocabulary: Vocabulary
    /// What one step is: a note-or-chord event, or one note (chords then come one note at a time,
    /// low to high, zero beats apart).
    public let representation: Representation
    /// Temperature and nucleus (top-p) of both heads.
    public var sampler: Sampler
    /// Pitch range and key mask applied to the token distribution.
    public var constraints: PitchConstraints {
        didSet { mask = constraints.tokenMask(for: vocabulary) }
    }
    /// Velocity given to proposed events (the model predicts no dynamics).
    public var velocity: UInt8
    /// Number of steps read (seed, fed and proposed).
    public private(set) var length = 0
    /// Pitch of the latest step read or proposed: in the note representation a chord's next note must lie above it.
    private var lastPitch: UInt8?

    /// The LSTM's memory of everything read, except `proposed`.
    private var state: LSTMState
    /// The heads' logits for `state`, once computed: feeding a seed needs only the last event's.
    private var logits: (token: [Float], timing: [Float])?
    /// The last proposal, read into the state only when the next distribution is needed: the
    /// caller can schedule a proposal before its LSTM step runs (phrase-end latency).
    private var proposed: (token: Int32, timing: Int32)?
    private var mask: [Bool]

    /// Reads `seed` (oldest first) into a fresh LSTM state. With an empty seed, `next` first
    /// feeds the unknown token with a one-beat timing, so it always has a distribution to draw from.
    public init(
        model: EventLSTM, vocabulary: Vocabulary, representation: Representation = .chords, seed: [MusicEvent], sampler: Sampler,
        constraints: PitchConstraints = .none
    ) {
        self.model = model
        self.vocabulary = vocabulary
        self.representation = representation
        self.sampler = sampler
        self.constraints = constraints
        self.mask = constraints.tokenMask(for: vocabulary)
        self.velocity = Self.meanVelocity(of: seed.suffix(8)) ?? 80
        let steps = representation.steps(seed)
        let primed = model.prime(steps.map { event in
            (vocabulary.id(of: event.pitches), TimingGrid.classify(sinceBeats: event.sinceBeats, durationBeats: event.durationBeats))
        })
        self.state = primed.state
        self.logits = primed.logits
        self.length = steps.count
        self.lastPitch = steps.last?.pitches.last
    }

    /// Advances the LSTM by one event the music actually contained (a seed event, or an event
    /// the musician played while the state is kept warm): one step, or one per note of a chord.
    public mutating func feed(_ event: MusicEvent) {
        readProposal()
        for step in representation.steps([event]) {
            let token = vocabulary.id(of: step.pitches)
            let timing = TimingGrid.classify(sinceBeats: step.sinceBeats, durationBeats: step.durationBeats)
            model.advance(token: token, timing: timing, state: &state)
            length += 1
            lastPitch = step.pitches.last
        }
        logits = nil
    }

    /// Samples the next event from the current distribution; the following call (or `feed`)
    /// continues from it.
    public mutating func next(using rng: inout some RandomNumberGenerator) -> MusicEvent {
        readProposal()
        let logits = self.logits ?? (length > 0 ? model.logits(for: state) : model.step(
            token: Vocabulary.unknownID, timing: TimingGrid.classify(sinceBeats: 0, durationBeats: 1), state: &state))
        let tokenMask = mask.contains(true) ? mask : PitchConstraints.none.tokenMask(for: vocabulary)
        let token: Int, timing: Int
        switch representation {
        case .chords:
            token = sampler.sample(logits: logits.token, allowed: { tokenMask[$0] }, using: &rng)
            timing = sampler.sample(logits: logits.timing, allowed: nil, using: &rng)
        case .notes:
            // Rhythm first: a note 0 beats after the previous one continues its chord, so it must lie above it.
            timing = sampler.sample(logits: logits.timing, allowed: nil, using: &rng)
            // (Token id = pitch + 1; with nothing above the last note allowed, the chord ends and any allowed pitch may come.)
            let above = TimingGrid.beats(ofClass: Int32(timing)).since == 0 ? lastPitch.map { Int($0) + 1 } ?? 0 : 0
            let abovePossible = tokenMask.indices.contains { tokenMask[$0] && $0 > above }
            token = sampler.sample(logits: logits.token, allowed: { tokenMask[$0] && (!abovePossible || $0 > above) }, using: &rng)
        }
        let beats = TimingGrid.beats(ofClass: Int32(timing))
        let event = MusicEvent(
            pitches: vocabulary.pitches(of: Int32(token)) ?? [],
            velocity: velocity, sinceBeats: beats.since, durationBeats: beats.duration)
        self.logits = logits
        proposed = (Int32(token), Int32(timing))
        length += 1
        lastPitch = event.pitches.last
        return event
    }

    private mutating func readProposal() {
        guard let proposed else { return }
        model.advance(token: proposed.token, timing: proposed.timing, state: &state)
        logits = nil
        self.proposed = nil
    }

    /// Mean velocity of some events, nil when there are none.
    static func meanVelocity(of events: some Collection<MusicEvent>) -> UInt8? {
        guard !events.isEmpty else { return nil }
        return UInt8(events.reduce(0) { $0 + Int($1.velocity) } / events.count)
    }
}
