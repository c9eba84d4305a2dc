import Foundation
import MIDI

/// Runs an `Accompanist` on a thread of its own, so inference never runs on the thread that
/// reads ALSA input: the input side only appends to an inbox and signals.
///
/// Between inputs and deadlines the worker keeps the LSTM state warm, one step at a time, so
/// a new input waits at most one LSTM step.
public final class InferenceWorker: @unchecked Sendable {
    /// A snapshot of the accompanist for the status line, readable from any thread.
    public struct Status: Sendable {
        public var latency = LatencyRecorder()
        public var answers = 0
        public var bpm = 0.0
        public var mode = TurnTaking.callAndResponse
    }

    private enum Job {
        case input(InputEvent)
        case perform((Accompanist) -> Void)
    }

    // Everything below is guarded by `condition`, except `accompanist`, which only the
    // worker thread touches once started.
    private let condition = NSCondition()
    private var inbox: [Job] = []
    private var stopping = false
    private var finished = false
    private var published = Status()
    private let accompanist: Accompanist
    private let clock: any MonotonicClock

    /// Takes ownership of `accompanist`: from now on only the worker thread calls it.
    public init(accompanist: Accompanist, clock: any MonotonicClock) {
        self.accompanist = accompanist
        self.clock = clock
        let thread = Thread { [self] in loop() }
        thread.name = "continuo-inference"
        thread.start()
    }

    /// Queues one input event; cheap and non-blocking apart from a short lock (ALSA thread).
    public func submit(_ event: InputEvent) {
        enqueue(.input(event))
    }

    /// Runs `body` on the worker thread, between inputs (settings changes, model reload).
    public func perform(_ body: @escaping @Sendable (Accompanist) -> Void) {
        enqueue(.perform(body))
    }

    /// The latest status snapshot.
    public var status: Status {
        condition.lock()
        defer { condition.unlock() }
        return published
    }

    /// Silences everything (all notes off), stops the thread and waits for it.
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func enqueue(_ job: Job) {
        condition.lock()
        inbox.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        var warming = false
        while true {
            let wait = warming ? 0 : accompanist.nextDeadline.map { max($0 - clock.now(), 0) }
            condition.lock()
            if inbox.isEmpty, !stopping, wait != 0 {
                if let wait { _ = condition.wait(until: Date(timeIntervalSinceNow: wait)) } else { condition.wait() }
            }
            let jobs = inbox
            inbox = []
            let stop = stopping
            condition.unlock()

            for job in jobs {
                switch job {
                case let .input(event): accompanist.receive(event)
                case let .perform(body): body(accompanist)
                }
            }
            if stop { return finish() }
            accompanist.advance()
            warming = accompanist.warmUp()
            publish()
        }
    }

    private func publish() {
        let status = Status(latency: accompanist.latency, answers: accompanist.answers,
                            bpm: accompanist.tempo.bpm, mode: accompanist.settings.mode)
        condition.lock()
        published = status
        condition.unlock()
    }

    private func finish() {
        accompanist.panic()
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
