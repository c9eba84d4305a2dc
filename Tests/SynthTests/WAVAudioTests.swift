import Foundation
import Testing
@testable import Synth

@Suite struct WAVAudioTests {
    /// A hand-written stereo file with a LIST chunk before the data, as many tools write them.
    let fixture: [UInt8] = [
        0x52, 0x49, 0x46, 0x46, 0x36, 0x00, 0x00, 0x00,  // "RIFF", size 54 = file − 8
        0x57, 0x41, 0x56, 0x45,                          // "WAVE"
        0x66, 0x6D, 0x74, 0x20, 0x10, 0x00, 0x00, 0x00,  // "fmt ", 16 bytes
        0x01, 0x00, 0x02, 0x00,                          // PCM, 2 channels
        0x80, 0xBB, 0x00, 0x00,                          // 48 000 Hz
        0x00, 0xEE, 0x02, 0x00,                          // 192 000 bytes/s
        0x04, 0x00, 0x10, 0x00,                          // block align 4, 16 bits
        0x4C, 0x49, 0x53, 0x54, 0x02, 0x00, 0x00, 0x00,  // "LIST", 2 bytes (skipped)
        0x00, 0x00,
        0x64, 0x61, 0x74, 0x61, 0x08, 0x00, 0x00, 0x00,  // "data", 8 bytes = 2 frames
        0x01, 0x00, 0xFF, 0xFF,                          // frame 0: L = 1, R = −1
        0x00, 0x80, 0xFF, 0x7F,                          // frame 1: L = −32768, R = 32767
    ]

    @Test func readsHandWrittenFile_skippingOtherChunks() throws {
        let audio = try WAVAudio(decoding: Data(fixture))
        #expect(audio.sampleRate == 48_000 && audio.channels == 2)
        #expect(audio.samples == [1, -1, -32768, 32767])
        #expect(audio.frameCount == 2)
    }

    @Test func writesTheSameBytesWithoutTheListChunk() {
        let audio = WAVAudio(sampleRate: 48_000, channels: 2, samples: [1, -1, -32768, 32767])
        var expected = fixture
        expected.removeSubrange(36..<46)                 // drop the LIST chunk
        expected[4] = 0x2C                               // RIFF size 44 = 52 − 8
        #expect([UInt8](audio.encoded()) == expected)
    }

    @Test func truncatedData_saysWhere() {
        let cut = Data(fixture.dropLast(4))
        #expect(throws: WAVError(offset: 46, problem: "chunk 'data' runs past the end")) {
            try WAVAudio(decoding: cut)
        }
    }
}
