import CFluidSynth
import MIDI

/// One FluidSynth synthesizer with a loaded soundfont: the part shared by the live sink and the
/// offline renderer. FluidSynth's synth API locks internally (`synth.threadsafe-api`, on by default),
/// so the scheduler thread, the audio thread and callers of `allNotesOff` may use it concurrently.
final class FluidSynthesizer: @unchecked Sendable {
    let settings: OpaquePointer
    let synth: OpaquePointer
    let sampleRate: Double
    private let program: UInt8
    private let channel: UInt8

    /// A synth at `sampleRate` with `gain` (FluidSynth's master gain, 0…10), `program` on `channel`,
    /// after applying `extraSettings` (audio driver, device…) that must be in place before the synth exists.
    init(
        soundFont: SoundFont, sampleRate: Double, gain: Float, program: UInt8, channel: UInt8,
        extraSettings: [(String, String)] = []
    ) throws(SynthError) {
        try soundFont.validate()
        FluidLog.reset()
        guard let settings = new_fluid_settings() else {
            throw .synthesizerUnavailable(reason: FluidLog.reason(or: "new_fluid_settings failed"))
        }
        guard fluid_settings_setnum(settings, "synth.sample-rate", sampleRate) == FLUID_OK else {
            delete_fluid_settings(settings)
            throw .settingRejected(name: "synth.sample-rate", value: "\(sampleRate)")
        }
        guard fluid_settings_setnum(settings, "synth.gain", Double(gain)) == FLUID_OK else {
            delete_fluid_settings(settings)
            throw .settingRejected(name: "synth.gain", value: "\(gain)")
        }
        for (name, value) in extraSettings where fluid_settings_setstr(settings, name, value) != FLUID_OK {
            delete_fluid_settings(settings)
            throw .settingRejected(name: name, value: value)
        }
        guard let synth = new_fluid_synth(settings) else {
            delete_fluid_settings(settings)
            throw .synthesizerUnavailable(reason: FluidLog.reason(or: "new_fluid_synth failed"))
        }
        self.settings = settings
        self.synth = synth
        self.sampleRate = sampleRate
        self.program = program
        self.channel = channel
        guard fluid_synth_sfload(synth, soundFont.path, 1) != FLUID_FAILED else {
            throw .soundFontUnreadable(path: soundFont.path, reason: FluidLog.reason(or: "load failed"))
        }
        fluid_synth_program_change(synth, Int32(channel), Int32(program))
    }

    /// Back to the state just after loading: voices, controllers and effects cleared, program re-selected.
    func reset() {
        fluid_synth_system_reset(synth)
        fluid_synth_program_change(synth, Int32(channel), Int32(program))
    }

    deinit {
        delete_fluid_synth(synth)
        delete_fluid_settings(settings)
    }

    /// Sends one message to the synth now.
    func play(_ message: MIDIMessage) {
        switch message {
        case let .noteOn(channel, note, velocity):
            // Velocity 0 is a note-off by the MIDI spec; FluidSynth agrees, but say it explicitly.
            if velocity == 0 { fluid_synth_noteoff(synth, Int32(channel), Int32(note)) }
            else { fluid_synth_noteon(synth, Int32(channel), Int32(note), Int32(velocity)) }
        case let .noteOff(channel, note, _):
            fluid_synth_noteoff(synth, Int32(channel), Int32(note))
        case let .polyPressure(channel, note, pressure):
            fluid_synth_key_pressure(synth, Int32(channel), Int32(note), Int32(pressure))
        case let .controlChange(channel, controller, value):
            fluid_synth_cc(synth, Int32(channel), Int32(controller), Int32(value))
        case let .programChange(channel, program):
            fluid_synth_program_change(synth, Int32(channel), Int32(program))
        case let .channelPressure(channel, pressure):
            fluid_synth_channel_pressure(synth, Int32(channel), Int32(pressure))
        case let .pitchBend(channel, value):
            // FluidSynth takes the 14-bit wire value, centre 8192.
            fluid_synth_pitch_bend(synth, Int32(channel), Int32(value) + 8192)
        case let .sysex(payload):
            let body = payload.last == 0xF7 ? Array(payload.dropLast()) : payload
            body.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    _ = fluid_synth_sysex(synth, chars.baseAddress, Int32(chars.count), nil, nil, nil, 0)
                }
            }
        }
    }

    /// Voices still sounding (releasing notes included).
    var activeVoiceCount: Int { Int(fluid_synth_get_active_voice_count(synth)) }

    /// Renders `frames` stereo frames as interleaved 16-bit samples, appending them to `samples`.
    func render(frames: Int, into samples: inout [Int16]) {
        let start = samples.count
        samples.append(contentsOf: repeatElement(0, count: frames * 2))
        samples.withUnsafeMutableBufferPointer { buffer in
            let base = UnsafeMutableRawPointer(buffer.baseAddress! + start)
            // Left at offset 0, right at offset 1, both with stride 2: interleaved stereo.
            _ = fluid_synth_write_s16(synth, Int32(frames), base, 0, 2, base, 1, 2)
        }
    }
}
