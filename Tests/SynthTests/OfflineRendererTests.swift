import Foundation
import MIDI
import Testing
@testable import Synth

let timGM = SoundFont(path: "/usr/share/sounds/sf2/TimGM6mb.sf2")

/// A4 (MIDI 69, 440 Hz by the MIDI tuning standard) from `start` to `end` seconds.
func a4(from start: Double, to end: Double) -> [TimedMIDIMessage] {
    [TimedMIDIMessage(seconds: start, message: .noteOn(channel: 0, note: 69, velocity: 100)),
     TimedMIDIMessage(seconds: end, message: .noteOff(channel: 0, note: 69, velocity: 0))]
}

@Suite struct OfflineRendererTests {
    @Test(arguments: [44_100, 48_000])
    func singleA4_hasDominantFrequency440Hz(sampleRate: Int) throws {
        let audio = try OfflineRenderer(soundFont: timGM, sampleRate: sampleRate).render(a4(from: 0.1, to: 1.1))
        let left = audio.channel(0)
        let sustained = Array(left[Int(0.3 * Double(sampleRate))..<Int(0.8 * Double(sampleRate))])
        let f = Spectrum.dominantFrequency(of: sustained, sampleRate: Double(sampleRate))
        #expect(abs(f - 440) < 1, "dominant frequency \(f) Hz")
    }

    @Test func octaveAboveA4_is880Hz() throws {
        let events = [TimedMIDIMessage(seconds: 0, message: .noteOn(channel: 0, note: 81, velocity: 100)),
                      TimedMIDIMessage(seconds: 1, message: .noteOff(channel: 0, note: 81, velocity: 0))]
        let audio = try OfflineRenderer(soundFont: timGM).render(events)
        let sustained = Array(audio.channel(0)[8_000..<30_000])
        #expect(abs(Spectrum.dominantFrequency(of: sustained, sampleRate: 44_100) - 880) < 2)
    }

    @Test func silenceBeforeNoteOn_soundDuringIt() throws {
        let audio = try OfflineRenderer(soundFont: timGM).render(a4(from: 0.5, to: 1.0))
        let left = audio.channel(0)
        // Before 0.5 s nothing plays: at most FluidSynth's ±1 LSB dither.
        #expect(Spectrum.peak(left[0..<22_000]) <= 2.0 / 32768)
        #expect(Spectrum.peak(left[22_050 + 441..<44_100]) > 0.05)
    }

    @Test func lengthCoversNoteAndReleaseTail() throws {
        let audio = try OfflineRenderer(soundFont: timGM).render(a4(from: 0.25, to: 1.25))
        #expect(audio.duration > 1.25)
        #expect(audio.duration <= 1.25 + OfflineRenderer.maximumTailSeconds + 0.02)
        // The release after note-off is in the file, not cut at 1.25 s…
        let left = audio.channel(0)
        #expect(Spectrum.peak(left[Int(1.26 * 44_100)..<Int(1.30 * 44_100)]) > 0.001)
        // …and the file ends once it has died away (last 10 ms at dither level).
        #expect(Spectrum.peak(left[(left.count - 441)...]) <= 4.0 / 32768)
    }

    @Test func eventsOutOfOrder_renderLikeSorted() throws {
        let renderer = try OfflineRenderer(soundFont: timGM)
        let sorted = renderer.render(a4(from: 0.2, to: 0.6))
        let shuffled = renderer.render(a4(from: 0.2, to: 0.6).reversed())
        #expect(sorted.frameCount == shuffled.frameCount)
        #expect(Spectrum.peak(shuffled.channel(0)[0..<8_000]) <= 2.0 / 32768)
    }

    @Test func wavFileHeader_followsRIFFSpec() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("a4-\(UUID()).wav")
        defer { try? FileManager.default.removeItem(at: url) }
        try OfflineRenderer(soundFont: timGM, sampleRate: 48_000).render(a4(from: 0, to: 0.5), to: url)
        let b = [UInt8](try Data(contentsOf: url))
        func u32(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 }
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        #expect(String(decoding: b[0..<4], as: UTF8.self) == "RIFF")
        #expect(u32(4) == b.count - 8)                     // RIFF chunk size: file minus 8
        #expect(String(decoding: b[8..<16], as: UTF8.self) == "WAVEfmt ")
        #expect(u32(16) == 16)                             // PCM fmt chunk body
        #expect(u16(20) == 1)                              // WAVE_FORMAT_PCM
        #expect(u16(22) == 2)                              // stereo
        #expect(u32(24) == 48_000)                         // sample rate
        #expect(u32(28) == 48_000 * 2 * 2)                 // byte rate = rate × channels × bytes
        #expect(u16(32) == 4)                              // block align
        #expect(u16(34) == 16)                             // bits per sample
        #expect(String(decoding: b[36..<40], as: UTF8.self) == "data")
        #expect(u32(40) == b.count - 44)
        let seconds = Double(u32(40)) / Double(48_000 * 4)
        #expect(seconds > 0.5 && seconds < 0.5 + OfflineRenderer.maximumTailSeconds)
    }

    @Test func missingSoundFont_namesTheFile() {
        #expect(throws: SynthError.soundFontMissing(path: "/nonexistent/piano.sf2")) {
            try OfflineRenderer(soundFont: SoundFont(path: "/nonexistent/piano.sf2"))
        }
        #expect(SynthError.soundFontMissing(path: "/x/p.sf2").description.contains("/x/p.sf2"))
    }

    @Test func corruptSoundFonts_areRefusedWithTheirName() throws {
        let dir = FileManager.default.temporaryDirectory
        let garbage = dir.appendingPathComponent("garbage-\(UUID()).sf2")
        let truncated = dir.appendingPathComponent("truncated-\(UUID()).sf2")
        defer { for url in [garbage, truncated] { try? FileManager.default.removeItem(at: url) } }
        try Data("this is not a soundfont".utf8).write(to: garbage)
        // A real header with the body cut off: passes the header check, fails the load.
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: timGM.path))
        try handle.readData(ofLength: 4096).write(to: truncated)
        for url in [garbage, truncated] {
            do {
                _ = try OfflineRenderer(soundFont: SoundFont(path: url.path))
                Issue.record("\(url.lastPathComponent) was accepted")
            } catch {
                guard case .soundFontUnreadable(let path, _) = error else { Issue.record("\(error)"); continue }
                #expect(path == url.path)
                #expect(!error.description.contains("\n"))
            }
        }
    }

    @Test func unsupportedSampleRate_isRefused() {
        #expect(throws: SynthError.unsupportedSampleRate(22_050)) {
            try OfflineRenderer(soundFont: timGM, sampleRate: 22_050)
        }
    }
}
