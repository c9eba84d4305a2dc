import Foundation
import Testing

/// `continuo corpus` option checks.
@Test func corpusTopNegative_isAnOptionError() throws {
    let result = try ContinuoProcess.run(["corpus", TrainCommandTests.corpus, "--top=-1"])
    #expect(result.status == 64)
    #expect(result.errorLines == ["Error: --top -1: must be at least 0"])
}

/// Times that would trap in `Duration` or the ALSA queue are option errors, before ALSA is opened.
@Test func monitorSeconds_mustBeFinite() throws {
    let result = try ContinuoProcess.run(["monitor", "--seconds", "nan"])
    #expect(result.status == 64)
    #expect(result.errorLines == ["Error: --seconds nan: must be a finite number of seconds, at least 0"])
}

@Test func playStopAfter_mustBeFinite() throws {
    let result = try ContinuoProcess.run(["play", "/nonexistent.mid", "--stop-after", "inf"])
    #expect(result.status == 1)
    #expect(result.errorLines == ["Error: --stop-after inf: must be a finite number of seconds, at least 0"])
}

/// The SMPTE file (division 0xE700: 25 fps × 0 ticks per frame) is refused by name.
@Test func corpusDump_ofSMPTEZeroTicksPerFrame_namesTheFile() throws {
    let folder = try scratchFolder()
    let file = folder.appending(path: "smpte0.mid")
    try Data([0x4D, 0x54, 0x68, 0x64, 0x00, 0x00, 0x00, 0x06,   // "MThd", length 6
              0x00, 0x00, 0x00, 0x01, 0xE7, 0x00,               // format 0, 1 track, division -25 fps × 0 ticks
              0x4D, 0x54, 0x72, 0x6B, 0x00, 0x00, 0x00, 0x0C,   // "MTrk", length 12
              0x00, 0x90, 0x45, 0x40, 0x60, 0x45, 0x00,         // Δ0 A4 on, Δ96 A4 off (running status)
              0x00, 0xFF, 0x2F, 0x00, 0x00]).write(to: file)    // End of Track, one padding byte
    let result = try ContinuoProcess.run(["corpus", "--dump", file.path])
    #expect(result.status != 0)
    #expect(result.errorLines == ["Error: smpte0.mid: MThd at byte 12: SMPTE division of 0 ticks per frame"])
    #expect(result.output.isEmpty)
}

/// `generate` into a path under a regular file: one line, no Foundation error dump, nothing written.
@Test func generateIntoAnImpossibleFolder_isOneLine() throws {
    let folder = try scratchFolder()
    try Data("x".utf8).write(to: folder.appending(path: "file"))
    let result = try ContinuoProcess.run(["generate", "--seed-corpus", TrainCommandTests.corpus, "--events", "4",
                                          "--soundfont", "/usr/share/sounds/sf2/TimGM6mb.sf2",
                                          "--out", folder.appending(path: "file/x").path])
    #expect(result.status == 1)
    #expect(result.errorLines.count == 1)
    #expect(result.errors.hasPrefix("error: --out \(folder.path)/file/x.mid: cannot create the folder \(folder.path)/file: "))
    #expect(!result.errors.contains("NSCocoaErrorDomain"))
    #expect(contents(of: folder) == ["file"])
}
