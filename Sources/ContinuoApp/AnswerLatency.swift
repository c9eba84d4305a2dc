import Corpus
import Improviser
import MIDI
import Model

/// Phrase-end decision → first note on the sink, measured on the real `Accompanist` with a
/// given model: a virtual clock plays the musician (so no waiting), while the latency itself is
/// real compute time. For `continuo bench` and release-mode reports; nothing asserts its speed.
public enum AnswerLatency {
    /// What one run measured.
    public struct Report: Sendable {
        /// Latencies with the LSTM state kept warm between notes, as the daemon's worker does.
        public var warm: LatencyRecorder
        /// Latencies when the seed (50 events) must be read at the phrase end.
        public var cold: LatencyRecorder
        /// Answers that started; equals the phrases played when every phrase was answered.
        public var answers: Int
    }

    /// Plays `phrases` phrases of `notesPerPhrase` notes at 120 BPM and lets each be answered.
    public static func measure(model: EventLSTM, vocabulary: Vocabulary, representation: Representation = .chords, phrases: Int,
                               notesPerPhrase: Int = 12, seed: UInt64 = 1) -> Report {
        var warm = LatencyRecorder(), cold = LatencyRecorder(), answers = 0
        for keepWarm in [true, false] {
            let clock = ManualClock()
            let sink = DiscardingSink()
            let accompanist = Accompanist(model: model, vocabulary: vocabulary, representation: representation, settings: AccompanistSettings(),
                                          sink: sink, clock: clock, rng: SplitMix64(seed: seed))
            var rng = SplitMix64(seed: seed)
            for _ in 0..<phrases {
                for _ in 0..<notesPerPhrase {
                    let note = UInt8.random(in: 48...84, using: &rng)
                    accompanist.receive(.message(.noteOn(channel: 0, note: note, velocity: 80), at: clock.now()))
                    clock.advance(by: 0.4)
                    accompanist.receive(.message(.noteOff(channel: 0, note: note, velocity: 0), at: clock.now()))
                    clock.advance(by: 0.1)
                    while keepWarm, accompanist.warmUp() {}
                }
                clock.advance(by: AccompanistSettings().silenceSeconds)
                accompanist.advance()
                clock.advance(by: 1)
                accompanist.advance()
            }
            if keepWarm { warm = accompanist.latency; answers = accompanist.answers } else { cold = accompanist.latency }
        }
        return Report(warm: warm, cold: cold, answers: answers)
    }
}
