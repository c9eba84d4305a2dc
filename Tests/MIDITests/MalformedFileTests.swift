import Foundation
import Testing
import MIDI

/// Each case checks the byte offset the error names, so a reader that stops locating errors fails here.
@Suite struct MalformedFileTests {
    func error(_ bytes: [UInt8]) -> MIDIFileError? {
        do {
            _ = try MIDIFile(bytes: bytes, name: "bad.mid")
            return nil
        } catch {
            return error
        }
    }

    func expectError(_ bytes: [UInt8], chunk: String, offset: Int, _ reason: MIDIFileError.Reason) {
        let found = error(bytes)
        #expect(found?.chunk == chunk)
        #expect(found?.offset == offset)
        #expect(found?.reason == reason)
        #expect(found?.description.hasPrefix("bad.mid: \(chunk) at byte \(offset): ") == true)
        #expect(found?.description.contains("\n") == false)
    }

    @Test func fourGibibyteChunkLength_isAnErrorNotAnAllocation() {
        var bytes = Fixtures.singleTrack([0x00, 0xFF, 0x2F, 0x00])
        bytes.replaceSubrange(18..<22, with: [0xFF, 0xFF, 0xFF, 0xFF])   // track length 4,294,967,295
        expectError(bytes, chunk: "MTrk #1", offset: 18, .chunkLongerThanFile(declared: 0xFFFF_FFFF, available: 4))
    }

    @Test func fileCutInsideATrack_namesTheLengthField() {
        let cut = Array(Fixtures.formatZeroRunningStatus.prefix(35))       // 13 of 25 body bytes present
        expectError(cut, chunk: "MTrk #1", offset: 18, .chunkLongerThanFile(declared: 25, available: 13))
    }

    @Test func eventCutAtChunkEnd_namesTheMissingByte() {
        // Δ0 at 22, 0x90 at 23, C4 at 24, velocity missing at 25.
        expectError(Fixtures.singleTrack([0x00, 0x90, 0x3C]), chunk: "MTrk #1", offset: 25, .truncated(needed: 1, available: 0))
    }

    @Test func runningStatusAtTrackStart_isAnError() {
        expectError(Fixtures.singleTrack([0x00, 0x3C, 0x40]), chunk: "MTrk #1", offset: 23, .runningStatusWithoutStatus)
    }

    @Test func statusWhereDataBelongs_isAnError() {
        expectError(Fixtures.singleTrack([0x00, 0x90, 0x3C, 0x90]), chunk: "MTrk #1", offset: 25, .dataByteExpected(0x90))
    }

    @Test func fiveByteDeltaTime_isAnError() {
        expectError(Fixtures.singleTrack([0x81, 0x81, 0x81, 0x81, 0x00]), chunk: "MTrk #1", offset: 22, .variableLengthQuantityTooLong)
    }

    @Test func systemCommonStatus_isNotAllowedInAFile() {
        expectError(Fixtures.singleTrack([0x00, 0xF2, 0x00, 0x00]), chunk: "MTrk #1", offset: 23, .unexpectedStatus(0xF2))
    }

    @Test func sysexLongerThanItsChunk_isTruncatedNotAllocated() {
        // F0 with length 0x8F 0xFF 0xFF 0x7F = 0x0FFFFFFF (the largest quantity): payload would start at 28.
        expectError(Fixtures.singleTrack([0x00, 0xF0, 0xFF, 0xFF, 0xFF, 0x7F]), chunk: "MTrk #1", offset: 28,
                    .truncated(needed: 0x0FFF_FFFF, available: 0))
    }

    @Test func tempoWithWrongLength_namesTheEvent() {
        expectError(Fixtures.singleTrack([0x00, 0xFF, 0x51, 0x02, 0x07, 0xA1]), chunk: "MTrk #1", offset: 23,
                    .metaLength(type: 0x51, length: 2, expected: 3))
    }

    @Test func riffWrapper_isNotAMIDIFile() {
        expectError(Array("RIFF\u{0}\u{0}\u{0}\u{4}RMID".utf8), chunk: "MThd", offset: 0, .notAMIDIFile)
    }

    @Test func formatThree_isRejectedAtTheFormatField() {
        var bytes = Fixtures.formatZeroRunningStatus
        bytes[9] = 0x03
        expectError(bytes, chunk: "MThd", offset: 8, .unsupportedFormat(3))
    }

    @Test func zeroTicksPerQuarter_isRejected() {
        var bytes = Fixtures.formatZeroRunningStatus
        bytes[13] = 0x00
        expectError(bytes, chunk: "MThd", offset: 12, .zeroTicksPerQuarter)
    }

    @Test func smpteDivisionWithZeroTicksPerFrame_isRejected() {
        var bytes = Fixtures.smpte
        bytes[13] = 0x00                                                     // division 0xE700: -25 fps × 0 ticks
        expectError(bytes, chunk: "MThd", offset: 12, .zeroTicksPerFrame)
    }

    @Test func fileLargerThanTheLimit_isOneLineNamingTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("huge-\(getpid()).mid")
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = Fixtures.singleTrack([0x00, 0xFF, 0x2F, 0x00])
        bytes += [UInt8](repeating: 0, count: MIDIFile.maximumFileSize)    // valid header, then padding past the limit
        try Data(bytes).write(to: url)
        let error = #expect(throws: MIDIFileError.self) { try MIDIFile(contentsOf: url) }
        #expect(error?.reason == .fileTooLarge(limit: MIDIFile.maximumFileSize))
        #expect(error?.description == "\(url.lastPathComponent): larger than 8 MiB, the most a MIDI file may be")
    }

    @Test func directoryInsteadOfAFile_isOneLine() throws {
        let error = #expect(throws: MIDIFileError.self) {
            try MIDIFile(contentsOf: FileManager.default.temporaryDirectory, name: "tmp")
        }
        #expect(error?.description.hasPrefix("tmp: cannot read the file: ") == true)
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.contains("NSCocoaErrorDomain") == false)
    }

    @Test func missingDeclaredTrack_isReportedAtEndOfFile() {
        var bytes = Fixtures.formatZeroRunningStatus
        bytes[11] = 0x02                                                     // header says 2 tracks
        expectError(bytes, chunk: "MTrk #2", offset: bytes.count, .missingTracks(declared: 2, found: 1))
    }

    @Test func halfAChunkHeader_isTruncated() {
        let bytes = Fixtures.formatZeroRunningStatus + [0x4D, 0x54]          // "MT" and nothing else
        expectError(bytes, chunk: "chunk", offset: 47, .truncated(needed: 4, available: 2))
    }
}
