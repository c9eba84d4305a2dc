import ContinuoTestKit
import Corpus
import Improviser
import MIDI
import Model

/// A musician, a virtual clock, a recording sink and an improviser with a tiny model.
final class Rehearsal {
    let clock = VirtualClock()
    let sink: RecordingSink
    let improviser: Accompanist

    /// With the tiny chord-token model unless `model` is given.
    init(settings: AccompanistSettings = AccompanistSettings(),
         model: (network: EventLSTM, vocabulary: Vocabulary, representation: Representation)? = nil) {
        sink = RecordingSink(clock: clock)
        let tiny = TinyModel.make()
        let chosen = model ?? (tiny.model, tiny.vocabulary, .chords)
        improviser = Accompanist(model: chosen.network, vocabulary: chosen.vocabulary, representation: chosen.representation,
                                 settings: settings, sink: sink, clock: clock, rng: SplitMix64(seed: 7))
    }

    /// Moves the clock to `time` in 10 ms steps, letting the improviser act at each.
    func run(until time: Double) {
        while clock.now().seconds < time - 1e-9 {
            clock.set(min(clock.now().seconds + 0.01, time))
            improviser.advance()
        }
        improviser.advance()
    }

    /// Sends one message at the clock's current time.
    func send(_ message: MIDIMessage) {
        improviser.receive(.message(message, at: clock.now()))
    }

    /// Plays `note` from `start` to `end` (seconds), advancing the clock.
    func play(_ note: UInt8, from start: Double, to end: Double, velocity: UInt8 = 90) {
        run(until: start)
        send(.noteOn(channel: 0, note: note, velocity: velocity))
        run(until: end)
        send(.noteOff(channel: 0, note: note, velocity: 0))
    }

    /// A four-note phrase ending (last key up) at 1.9 s.
    func playPhrase(velocity: UInt8 = 90) {
        for (index, note) in [60, 62, 64, 65].enumerated() {
            play(UInt8(note), from: Double(index) * 0.5, to: Double(index) * 0.5 + 0.4, velocity: velocity)
        }
    }

    /// Note-ons Continuo queued at or after `time`.
    func noteOns(after time: Double) -> [MonotonicTime] {
        sink.noteOns.map(\.time).filter { $0.seconds >= time - 1e-9 }
    }
}
