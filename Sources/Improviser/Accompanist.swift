import Corpus
import MIDI
import Model

/// The daemon's musical policy: listens to the musician, keeps the seed and a warm LSTM
/// state, decides when to answer and when to stop, and schedules the answer on a sink.
///
/// Single-threaded by design: one owner (the inference worker in the daemon, the test in
/// unit tests) calls `receive`, `advance` and `warmUp`; time comes from the injected clock,
/// so a virtual clock drives every rule deterministically.
public final class Accompanist {
    /// The settings in force.
    public private(set) var settings: AccompanistSettings
    /// Phrase-end decision → first note on the sink, per answer, in real (not musical) seconds:
    /// measured on `ContinuousClock`, so it is the compute time even under a virtual clock.
    public private(set) var latency = LatencyRecorder()
    /// Answers begun since start.
    public private(set) var answers = 0
    private let sink: any ScheduledMIDISink
    private let clock: any MonotonicClock
    private var rng: any RandomNumberGenerator
    private var transcriber: Transcriber
    private var seed: WarmSeed
    private var ledger: NoteLedger
    private var answer: Answer?
    private var phraseAwaitingAnswer = false
    private var dynamics = 80.0

    /// Starts silent: sends All Notes Off first, in case a previous run died mid-note.
    public init(
        model: EventLSTM, vocabulary: Vocabulary, representation: Representation = .chords, settings: AccompanistSettings,
        sink: any ScheduledMIDISink, clock: any MonotonicClock,
        rng: any RandomNumberGenerator = SystemRandomNumberGenerator()
    ) {
        self.settings = settings
        self.sink = sink
        self.clock = clock
        self.rng = rng
        var tempo = TempoEstimate(bpm: settings.initialBPM)
        tempo.bpmRange = settings.tempoRange
        transcriber = Transcriber(tempo: tempo)
        seed = WarmSeed(model: model, vocabulary: vocabulary, representation: representation, sampler: settings.sampler,
                        constraints: settings.constraints)
        ledger = NoteLedger(channel: settings.channel)
        sink.allNotesOff(channel: settings.channel)
    }

    /// The musician's tempo as currently estimated.
    public var tempo: TempoEstimate { transcriber.tempo }
    /// Whether an answer is being played.
    public var isAnswering: Bool { answer != nil }

    /// Takes one input event (from the worker's queue, never on the ALSA thread).
    public func receive(_ input: InputEvent) {
        let now = clock.now()
        switch input {
        case let .message(message, at: time):
            if case let .controlChange(_, controller, value) = message,
               let request = settings.controls.request(controller: controller, value: value) {
                apply(request)
                return
            }
            if case let .noteOn(_, _, velocity) = message, velocity > 0 {
                phraseAwaitingAnswer = true
                if settings.mode == .callAndResponse {
                    stop(at: now)
                } else {
                    answer?.budgetStart = time
                    answer?.played = 0
                }
            }
            for event in transcriber.receive(message, at: time) { take(event, now: now) }
        case .sourceLost:
            stop(at: now, always: true)
            for event in transcriber.releaseAll(at: now) { take(event, now: now) }
        case .sourceConnected:
            break
        }
    }

    /// Does whatever is due at the clock's current time: ends a phrase and starts the answer,
    /// or generates and queues the next stretch of the answer.
    public func advance() {
        let now = clock.now()
        ledger.forget(before: now)
        if answer != nil { extend(now: now) }
        if answer == nil, settings.mode == .callAndResponse, phraseAwaitingAnswer,
           let end = phraseEnd, end <= now {
            begin(now: now)
        }
    }

    /// When `advance` next has something to do, nil when it waits for the musician.
    public var nextDeadline: MonotonicTime? {
        if let answer { return answer.horizon + -settings.lookaheadSeconds }
        return settings.mode == .callAndResponse && phraseAwaitingAnswer ? phraseEnd : nil
    }

    /// One step of keeping the LSTM state warm; false when it is already up to date.
    public func warmUp() -> Bool { seed.step() }

    /// Switches to a new model (SIGHUP): silence, then the seed is re-read by the new network.
    public func replace(model: EventLSTM, vocabulary: Vocabulary, representation: Representation = .chords) {
        stop(at: clock.now(), always: true)
        seed.rebuild(model: model, vocabulary: vocabulary, representation: representation)
    }

    /// Applies new settings; a change of mode or channel silences the current answer first.
    public func update(_ new: AccompanistSettings) {
        if new.mode != settings.mode || new.channel != settings.channel {
            stop(at: clock.now(), always: true)
            ledger = NoteLedger(channel: new.channel)
        }
        settings = new
        seed.configure(sampler: new.sampler, constraints: new.constraints)
    }

    /// All notes off now and the current phrase forgotten (the panic control, and shutdown).
    public func panic() {
        stop(at: clock.now(), always: true)
        phraseAwaitingAnswer = false
    }

    private var phraseEnd: MonotonicTime? {
        guard transcriber.isQuiet, let last = transcriber.lastActivity else { return nil }
        return last + settings.silenceSeconds
    }

    private func apply(_ request: LiveControls.Request) {
        var new = settings
        switch request {
        case let .temperature(value): new.temperature = value
        case let .answerEvents(count): new.answerEvents = count
        case let .mode(mode): new.mode = mode
        case .panic: return panic()
        }
        update(new)
    }

    private func take(_ event: MusicEvent, now: MonotonicTime) {
        seed.append(event)
        dynamics += settings.velocityFollow * (Double(event.velocity) - dynamics)
        if settings.mode == .playAlong, answer == nil { begin(now: now) }
    }

    private func begin(now decided: MonotonicTime) {
        let stopwatch = ContinuousClock.now
        let start = decided + settings.leadSeconds
        answer = Answer(continuation: seed.continuation(), basis: seed.generation, start: start, budgetStart: start)
        phraseAwaitingAnswer = false
        answers += 1
        extend(now: decided, firstNoteDecidedAt: stopwatch)
    }

    /// Generates and queues events until the timeline is `lookaheadSeconds` ahead of `now`
    /// or the answer's length is used up.
    private func extend(now: MonotonicTime, firstNoteDecidedAt decided: ContinuousClock.Instant? = nil) {
        while var current = answer, current.lastOnset == nil || current.horizon < now + settings.lookaheadSeconds {
            if settings.mode == .playAlong, current.basis != seed.generation {
                current.continuation = seed.continuation()
                current.basis = seed.generation
            }
            if current.played >= settings.answerEvents && current.continuation.representation == .chords { return finish() }
            var event = current.continuation.next(using: &rng)
            // In the note representation a note 0 beats after the previous one completes its chord:
            // `answerEvents` counts onsets (a note or a chord), as a musician would.
            let continuesChord = current.lastOnset != nil && event.sinceBeats == 0 && current.continuation.representation == .notes
            if !continuesChord && current.played >= settings.answerEvents { return finish() }
            let after = current.lastOnset.map { $0 + tempo.seconds(event.sinceBeats) } ?? current.start
            let onset = max(after, now + settings.leadSeconds)
            if settings.answerSeconds > 0, onset > current.budgetStart + settings.answerSeconds { return finish() }
            event.velocity = UInt8(dynamics.rounded())
            ledger.play(event.pitches, velocity: event.velocity, at: onset,
                        length: max(tempo.seconds(event.durationBeats), 0.02), on: sink)
            if current.lastOnset == nil, let decided { latency.record(Self.seconds(ContinuousClock.now - decided)) }
            current.lastOnset = onset
            if !continuesChord { current.played += 1 }
            answer = current
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    private func finish() {
        ledger.commitAll(on: sink)
        answer = nil
    }

    /// Ends the answer now with note-offs for what sounds; `always` also sends All Notes Off
    /// when nothing of ours is sounding (unplug, reload, mode change, panic).
    private func stop(at now: MonotonicTime, always: Bool = false) {
        if always || answer != nil || !ledger.isEmpty { ledger.silence(at: now, on: sink) }
        answer = nil
    }
}

extension AccompanistSettings {
    /// The sampler these settings describe.
    var sampler: Sampler { Sampler(temperature: temperature, topP: topP) }
}
