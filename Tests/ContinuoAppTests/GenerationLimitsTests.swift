import Foundation
import MIDI
import Synth
import Testing
@testable import ContinuoApp

/// `generate` on hostile seeds and outputs: bounded audio, one-line errors, no partial output.
@Suite struct GenerationLimitsTests {
    /// A format-0 file at 96 ticks per quarter whose one track body is `body`.
    func seed(_ body: [UInt8], in folder: URL) throws -> URL {
        let n = body.count
        let bytes: [UInt8] = [0x4D, 0x54, 0x68, 0x64, 0x00, 0x00, 0x00, 0x06,   // "MThd", length 6
                              0x00, 0x00, 0x00, 0x01, 0x00, 0x60,               // format 0, 1 track, 96 per quarter
                              0x4D, 0x54, 0x72, 0x6B,                           // "MTrk"
                              UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] + body
        let url = folder.appendingPathComponent("seed.mid")
        try Data(bytes).write(to: url)
        return url
    }

    func settings(seed: URL, in folder: URL) throws -> GenerationSettings {
        var settings = GenerationSettings(seed: .file(seed), output: folder.appendingPathComponent("out/x"))
        settings.model = try saveModel(handSetModel(tokenBias: [0, 1, 2, 3, 2.5], timingBias: peakedTiming()), in: folder)
        settings.events = 4
        settings.temperature = 0
        settings.soundFont = timGM
        return settings
    }

    /// The 33-byte file: one note never released, End of Track 0x0FFFFFFF ticks later
    /// (about 4 days at 120 bpm). Its duration is shortened to 16 beats, and said so.
    @Test func noteNeverReleased_isShortened_andTheAudioStaysShort() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try seed([0x00, 0x90, 0x3C, 0x40,          // Δ0 note on C4
                            0xFF, 0xFF, 0xFF, 0x7F,          // Δ 0x0FFFFFFF ticks
                            0xFF, 0x2F, 0x00], in: folder)   // End of Track
        #expect(try Data(contentsOf: url).count == 33)
        let report = try Generation.run(settings(seed: url, in: folder))
        #expect(report.shortenedSeedEvents == 1)
        // 16 beats of seed + 4 one-beat events at 120 bpm, plus at most the release tail.
        #expect(report.audioSeconds < 10 + OfflineRenderer.maximumTailSeconds)
    }

    /// Forty gaps of 0x0FFFFFFF ticks at the slowest tempo a file can set (16.7 s a quarter): even
    /// shortened to 16 beats each they would last hours, so generation refuses before rendering.
    @Test func seedThatWouldLastHours_isRefusedWithNoOutput() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var body: [UInt8] = [0x00, 0xFF, 0x51, 0x03, 0xFF, 0xFF, 0xFF]   // Δ0 tempo 16,777,215 µs per quarter
        for _ in 0..<40 {
            body += [0x00, 0x90, 0x3C, 0x40,                              // Δ0 note on C4
                     0x60, 0x80, 0x3C, 0x00,                              // Δ96 note off C4
                     0xFF, 0xFF, 0xFF, 0x7F, 0xFF, 0x01, 0x00]            // Δ 0x0FFFFFFF, empty text event
        }
        body += [0x00, 0xFF, 0x2F, 0x00]
        let url = try seed(body, in: folder)
        let error = #expect(throws: GenerationError.self) { try Generation.run(settings(seed: url, in: folder)) }
        #expect(error?.description.hasPrefix("seed file \(url.path): seed and continuation would last ") == true,
                "\(String(describing: error))")
        #expect(error?.description.contains("more than the 900 s rendered") == true)
        #expect(contents(of: folder.appendingPathComponent("out")).isEmpty)
    }

    @Test func outputWavThatIsAFolder_leavesNoMidiBehind() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wav = folder.appendingPathComponent("out/x.wav")
        try FileManager.default.createDirectory(at: wav, withIntermediateDirectories: true)
        let error = #expect(throws: OutputFileError.self) {
            try Generation.run(settings(seed: writeSeedFile(in: folder), in: folder))
        }
        #expect(error?.description == "--out \(wav.path): is a folder, not a file")
        #expect(contents(of: folder.appendingPathComponent("out")) == ["x.wav"])
    }

    @Test func outputInsideAFile_isOneLine() throws {
        let folder = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x".utf8).write(to: folder.appendingPathComponent("out"))
        var settings = try settings(seed: writeSeedFile(in: folder), in: folder)
        settings.output = folder.appendingPathComponent("out/x")
        let error = #expect(throws: OutputFileError.self) { try Generation.run(settings) }
        #expect(error?.description.hasPrefix("--out \(folder.path)/out/x.mid: cannot create the folder \(folder.path)/out: ") == true,
                "\(String(describing: error))")
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.contains("NSCocoaErrorDomain") == false)
    }

    @Test func tooManyEventsOrSeconds_areRefused() throws {
        var settings = GenerationSettings(seed: .file(URL(fileURLWithPath: "/nonexistent.mid")), output: URL(fileURLWithPath: "/tmp/x"))
        settings.events = 1_000_000_000
        #expect(throws: GenerationError.invalidSetting(name: "events", value: "1000000000", allowed: "at most 4096")) { try settings.validate() }
        settings.events = 64
        settings.seconds = 1e9
        #expect(throws: GenerationError.invalidSetting(name: "seconds", value: "1000000000.0", allowed: "at most 600")) { try settings.validate() }
    }

    @Test func offlineRenderer_clampsTimesItCannotRender() throws {
        let renderer = try OfflineRenderer(soundFont: timGM)
        let audio = renderer.render([TimedMIDIMessage(seconds: .nan, message: .noteOn(channel: 0, note: 60, velocity: 64)),
                                     TimedMIDIMessage(seconds: -.infinity, message: .noteOff(channel: 0, note: 60, velocity: 0))])
        #expect(audio.duration <= OfflineRenderer.maximumTailSeconds + 0.1)
    }
}

/// The names in `folder`, hidden ones included.
func contents(of folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}
