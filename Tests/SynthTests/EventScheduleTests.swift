import MIDI
import Testing
@testable import Synth

@Suite struct EventScheduleTests {
    let on = MIDIMessage.noteOn(channel: 0, note: 60, velocity: 90)
    let off = MIDIMessage.noteOff(channel: 0, note: 60, velocity: 0)

    @Test func popsInTimeOrder_onlyWhatIsDue() {
        var schedule = EventSchedule()
        schedule.insert(off, at: MonotonicTime(seconds: 2))
        schedule.insert(on, at: MonotonicTime(seconds: 1))
        #expect(schedule.popDue(at: MonotonicTime(seconds: 0.5)) == [])
        #expect(schedule.popDue(at: MonotonicTime(seconds: 1)) == [on])
        #expect(schedule.nextTime == MonotonicTime(seconds: 2))
        #expect(schedule.popDue(at: MonotonicTime(seconds: 9)) == [off])
        #expect(schedule.isEmpty)
    }

    @Test func equalTimes_keepSchedulingOrder() {
        // Repeating a key: the old note's off and the new note's on share one instant.
        var schedule = EventSchedule()
        let t = MonotonicTime(seconds: 1)
        schedule.insert(off, at: t)
        schedule.insert(on, at: t)
        schedule.insert(.controlChange(channel: 0, controller: 64, value: 0), at: MonotonicTime(seconds: 0.5))
        #expect(schedule.popDue(at: t) == [.controlChange(channel: 0, controller: 64, value: 0), off, on])
    }

    @Test func soundingNotes_releaseOnlyTheChannelsHeldKeys() {
        var notes = SoundingNotes()
        notes.track(.noteOn(channel: 0, note: 67, velocity: 80))
        notes.track(.noteOn(channel: 0, note: 60, velocity: 80))
        notes.track(.noteOn(channel: 0, note: 64, velocity: 80))
        notes.track(.noteOn(channel: 0, note: 64, velocity: 0))     // velocity 0 is a note-off
        notes.track(.noteOn(channel: 1, note: 50, velocity: 80))
        #expect(notes.release(channel: 0) == [
            .noteOff(channel: 0, note: 60, velocity: 0), .noteOff(channel: 0, note: 67, velocity: 0),
        ])
        #expect(notes.release(channel: 0) == [])
        #expect(notes.isSounding(channel: 1, note: 50))
    }
}

@Suite struct AudioDriverTests {
    @Test func pipewire_fallsBackToPulseAudioWhenFluidSynthLacksIt() throws {
        // Debian 12's FluidSynth 2.3 has no PipeWire driver; PipeWire desktops serve the PulseAudio protocol.
        guard !AudioDriver.available().contains("pipewire") else { return }
        let settings = try AudioDriver.pipewire.settings(device: nil)
        #expect(settings.first { $0.0 == "audio.driver" }?.1 == "pulseaudio")
    }

    @Test func alsaDevice_goesToTheALSADeviceSetting() throws {
        let settings = try AudioDriver.alsa.settings(device: "hw:Loopback,0,0")
        #expect(settings.contains { $0 == ("audio.alsa.device", "hw:Loopback,0,0") })
    }
}
