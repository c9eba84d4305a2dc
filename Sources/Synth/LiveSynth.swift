import CFluidSynth
import Foundation
import MIDI
import Synchronization

/// How the live synth sounds and where it plays.
public struct LiveSynthConfiguration: Equatable, Sendable {
    public var soundFont: SoundFont
    /// FluidSynth master gain, 0…10 (0.2 is FluidSynth's default; 0.5 suits one voice at a time).
    public var gain: Float
    /// General MIDI program selected on `channel` at start (0 is Acoustic Grand Piano).
    public var program: UInt8
    /// The channel the improviser plays on (0–15).
    public var channel: UInt8
    public var driver: AudioDriver
    /// Driver-specific device: ALSA PCM (`hw:Loopback,0,0`), PulseAudio sink, JACK server, or file path.
    public var device: String?
    public var sampleRate: Int

    public init(
        soundFont: SoundFont = .debianDefault, gain: Float = 0.5, program: UInt8 = 0, channel: UInt8 = 0,
        driver: AudioDriver = .alsa, device: String? = nil, sampleRate: Int = 48_000
    ) {
        self.soundFont = soundFont
        self.gain = gain
        self.program = program
        self.channel = channel
        self.driver = driver
        self.device = device
        self.sampleRate = sampleRate
    }
}

/// The embedded FluidSynth that plays the improviser's schedule through an audio device.
///
/// Events are played at their `MonotonicTime` on the clock given at init by a scheduler thread of its
/// own (the caller never sleeps). If no audio device is usable, `init` throws `audioUnavailable`,
/// whose one-line description the daemon logs before serving MIDI without sound.
public final class LiveSynth: ScheduledMIDISink {
    private let scheduler: Scheduler
    private let output: AudioOutput
    /// The FluidSynth driver actually playing (PipeWire requests may be served by `pulseaudio`).
    public let driverInUse: String

    /// Loads the soundfont, opens the audio device and starts the scheduler thread.
    public init(configuration: LiveSynthConfiguration, clock: any MonotonicClock) throws(SynthError) {
        let audio = try configuration.driver.settings(device: configuration.device)
        driverInUse = audio.first { $0.0 == "audio.driver" }?.1 ?? configuration.driver.rawValue
        let synthesizer = try FluidSynthesizer(
            soundFont: configuration.soundFont, sampleRate: Double(configuration.sampleRate),
            gain: configuration.gain, program: configuration.program, channel: configuration.channel,
            extraSettings: audio)
        output = try AudioOutput(synthesizer: synthesizer, driver: configuration.driver, device: configuration.device)
        scheduler = Scheduler(synthesizer: synthesizer, clock: clock)
        scheduler.start()
    }

    deinit {
        scheduler.stop()
    }

    public func schedule(_ message: MIDIMessage, at time: MonotonicTime) {
        scheduler.schedule(message, at: time)
    }

    /// Drops every waiting event. Waiting note-offs of notes that are sounding are played now instead,
    /// so cancelling an answer can never leave a note stuck.
    public func cancelPending() {
        scheduler.cancelPending()
    }

    public func allNotesOff(channel: UInt8) {
        scheduler.allNotesOff(channel: channel)
    }
}

/// The FluidSynth audio driver: its own thread pulls samples from the synth until deleted.
private final class AudioOutput: @unchecked Sendable {
    private let driver: OpaquePointer
    private let synthesizer: FluidSynthesizer      // outlives the driver that reads from it

    init(synthesizer: FluidSynthesizer, driver name: AudioDriver, device: String?) throws(SynthError) {
        FluidLog.reset()
        guard let driver = new_fluid_audio_driver(synthesizer.settings, synthesizer.synth) else {
            throw .audioUnavailable(driver: name.rawValue, device: device,
                                    reason: FluidLog.reason(or: "the device could not be opened"))
        }
        self.driver = driver
        self.synthesizer = synthesizer
    }

    deinit { delete_fluid_audio_driver(driver) }
}

/// The waiting events and the thread that plays each when its time comes. Playing happens under the
/// same lock as cancelling, so no note-on can slip out after `allNotesOff` has returned.
private final class Scheduler: Sendable {
    private struct State {
        var pending = EventSchedule()
        var sounding = SoundingNotes()
        var stopped = false
    }

    /// The longest the thread sleeps without looking at the clock (guards against clock drift).
    private static let maximumNap = 0.25
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let synthesizer: FluidSynthesizer
    private let clock: any MonotonicClock

    init(synthesizer: FluidSynthesizer, clock: any MonotonicClock) {
        self.synthesizer = synthesizer
        self.clock = clock
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "continuo-synth"
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    func stop() {
        state.withLock { $0.stopped = true }
        wake.signal()
    }

    func schedule(_ message: MIDIMessage, at time: MonotonicTime) {
        state.withLock { $0.pending.insert(message, at: time) }
        wake.signal()
    }

    func cancelPending() {
        state.withLock { state in
            for case let .noteOff(channel, note, velocity) in state.pending.removeAll()
            where state.sounding.isSounding(channel: channel, note: note) {
                play(.noteOff(channel: channel, note: note, velocity: velocity), in: &state)
            }
        }
    }

    func allNotesOff(channel: UInt8) {
        state.withLock { state in
            for noteOff in state.sounding.release(channel: channel) { synthesizer.play(noteOff) }
            synthesizer.play(.controlChange(channel: channel, controller: MIDIMessage.sustainController, value: 0))
            synthesizer.play(.controlChange(channel: channel, controller: MIDIMessage.allNotesOffController, value: 0))
        }
    }

    private func play(_ message: MIDIMessage, in state: inout State) {
        synthesizer.play(message)
        state.sounding.track(message)
    }

    private func run() {
        while true {
            let nap: Double? = state.withLock { state in
                if state.stopped { return nil }
                let now = clock.now()
                for message in state.pending.popDue(at: now) { play(message, in: &state) }
                return min(state.pending.nextTime.map { $0 - now } ?? Self.maximumNap, Self.maximumNap)
            }
            guard let nap else { return }
            if nap > 0 { _ = wake.wait(timeout: .now() + .nanoseconds(Int(nap * 1e9))) }
        }
    }
}
