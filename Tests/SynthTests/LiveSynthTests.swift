import Foundation
import MIDI
import Testing
@testable import Synth

/// The real monotonic clock (the daemon's clock is the same kind).
struct UptimeClock: MonotonicClock {
    func now() -> MonotonicTime { MonotonicTime(seconds: Double(DispatchTime.now().uptimeNanoseconds) / 1e9) }
}

/// Runs `perform` against a live synth whose audio goes to a WAV file through FluidSynth's
/// real-time file driver, then returns what it played (left channel).
func recordLive(_ perform: (LiveSynth, UptimeClock) -> Void) throws -> [Double] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID()).wav")
    defer { try? FileManager.default.removeItem(at: url) }
    do {
        let configuration = LiveSynthConfiguration(
            soundFont: timGM, driver: .file, device: url.path, sampleRate: 44_100)
        let synth = try LiveSynth(configuration: configuration, clock: UptimeClock())
        perform(synth, UptimeClock())
    }  // the synth is gone here: the driver has closed the file
    return try WAVAudio(decoding: Data(contentsOf: url)).channel(0)
}

let ditherLevel = 2.0 / 32768

@Suite(.serialized) struct LiveSynthTests {
    @Test func scheduledA4_soundsAt440HzAfterSilence() throws {
        let left = try recordLive { synth, clock in
            let start = clock.now()
            synth.schedule(.noteOn(channel: 0, note: 69, velocity: 100), at: start + 0.4)
            synth.schedule(.noteOff(channel: 0, note: 69, velocity: 0), at: start + 1.2)
            Thread.sleep(forTimeInterval: 1.6)
        }
        // Nothing before the note-on time (the file starts before `start`).
        #expect(Spectrum.peak(left[0..<Int(0.3 * 44_100)]) <= ditherLevel)
        let loudest = left.indices.max { abs(left[$0]) < abs(left[$1]) }!
        let window = Array(left[loudest..<min(left.count, loudest + 16_384)])
        #expect(window.count > 8_192)
        #expect(abs(Spectrum.dominantFrequency(of: window, sampleRate: 44_100) - 440) < 1.5)
    }

    @Test func allNotesOff_silencesAHeldNote() throws {
        let left = try recordLive { synth, clock in
            synth.schedule(.noteOn(channel: 0, note: 60, velocity: 100), at: clock.now())
            synth.schedule(.controlChange(channel: 0, controller: 64, value: 127), at: clock.now())
            Thread.sleep(forTimeInterval: 0.5)
            synth.allNotesOff(channel: 0)
            Thread.sleep(forTimeInterval: 2.0)
        }
        #expect(Spectrum.peak(left[...]) > 0.05)
        #expect(Spectrum.peak(left[(left.count - 11_025)...]) <= ditherLevel)
    }

    @Test func cancelPending_releasesSoundingNotesAndDropsFutureOnes() throws {
        let left = try recordLive { synth, clock in
            let start = clock.now()
            synth.schedule(.noteOn(channel: 0, note: 64, velocity: 100), at: start)
            synth.schedule(.noteOff(channel: 0, note: 64, velocity: 0), at: start + 30)
            synth.schedule(.noteOn(channel: 0, note: 67, velocity: 100), at: start + 1.0)
            Thread.sleep(forTimeInterval: 0.4)
            synth.cancelPending()
            Thread.sleep(forTimeInterval: 2.0)
        }
        #expect(Spectrum.peak(left[...]) > 0.05)
        #expect(Spectrum.peak(left[(left.count - 11_025)...]) <= ditherLevel)
    }

    @Test func missingAudioDevice_isOneLineNamingTheDevice() {
        let configuration = LiveSynthConfiguration(soundFont: timGM, driver: .alsa, device: "hw:NoSuchCard,0")
        do {
            _ = try LiveSynth(configuration: configuration, clock: UptimeClock())
            Issue.record("opened a device that does not exist")
        } catch {
            guard case .audioUnavailable(let driver, let device, _) = error else { Issue.record("\(error)"); return }
            #expect(driver == "alsa" && device == "hw:NoSuchCard,0")
            #expect(error.description.contains("hw:NoSuchCard,0") && !error.description.contains("\n"))
        }
    }
}
