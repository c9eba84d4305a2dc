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
