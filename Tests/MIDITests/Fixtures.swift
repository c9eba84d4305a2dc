/// Hand-built Standard MIDI Files, annotated byte by byte from the SMF 1.0 specification.
enum Fixtures {
    /// Format 0, 96 PPQ: C4 for one quarter, then E4 for two quarters, using running status and
    /// note-on velocity 0 as note-off.
    static let formatZeroRunningStatus: [UInt8] = [
        0x4D, 0x54, 0x68, 0x64,       // "MThd"
        0x00, 0x00, 0x00, 0x06,       // header length 6
        0x00, 0x00,                   // format 0
        0x00, 0x01,                   // 1 track
        0x00, 0x60,                   // division: 96 ticks per quarter note
        0x4D, 0x54, 0x72, 0x6B,       // "MTrk" (offset 14)
        0x00, 0x00, 0x00, 0x19,       // track length 25 (offset 18)
        0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, // Δ0 tempo 0x07A120 = 500,000 µs per quarter (offset 22)
        0x00, 0x90, 0x3C, 0x64,       // Δ0 note on ch 1, C4 (60), velocity 100 (offset 29)
        0x60, 0x3C, 0x00,             // Δ96, running status 0x90: C4 velocity 0 = note off (offset 33)
        0x00, 0x40, 0x50,             // Δ0, running status: E4 (64) velocity 80 (offset 36)
        0x81, 0x40, 0x40, 0x00,       // Δ 0x81 0x40 = 1·128 + 64 = 192, running status: E4 off (offset 39)
        0x00, 0xFF, 0x2F, 0x00,       // Δ0 End of Track (offset 43)
    ]

    /// Format 1, 480 PPQ, two tracks: a conductor track with name, meter, key and two tempos; a music track
    /// with a program change, sustain pedal, pitch bend, an F0 sysex and an F7 escape.
    static let formatOneMeta: [UInt8] = [
        0x4D, 0x54, 0x68, 0x64, 0x00, 0x00, 0x00, 0x06, // "MThd", length 6
        0x00, 0x01,                   // format 1
        0x00, 0x02,                   // 2 tracks
        0x01, 0xE0,                   // 480 ticks per quarter note
        0x4D, 0x54, 0x72, 0x6B, 0x00, 0x00, 0x00, 0x29, // "MTrk", length 41
        0x00, 0xFF, 0x03, 0x04, 0x42, 0x61, 0x63, 0x68, // Δ0 track name, 4 bytes "Bach"
        0x00, 0xFF, 0x58, 0x04, 0x03, 0x02, 0x18, 0x08, // Δ0 time signature 3/2^2 = 3/4, 24 clocks, 8 32nds
        0x00, 0xFF, 0x59, 0x02, 0xFE, 0x01, // Δ0 key signature -2 (two flats), mode 1 (minor): G minor
        0x00, 0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40, // Δ0 tempo 0x0F4240 = 1,000,000 µs (60 bpm)
        0x83, 0x60, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, // Δ 0x83 0x60 = 3·128 + 96 = 480: tempo 500,000 µs
        0x00, 0xFF, 0x2F, 0x00,       // Δ0 End of Track
        0x4D, 0x54, 0x72, 0x6B, 0x00, 0x00, 0x00, 0x28, // "MTrk", length 40
        0x00, 0xC0, 0x00,             // Δ0 program change ch 1 → 0 (Acoustic Grand Piano)
        0x00, 0xB0, 0x40, 0x7F,       // Δ0 control change ch 1, controller 64 (sustain) = 127 (down)
        0x00, 0xE0, 0x00, 0x40,       // Δ0 pitch bend ch 1, LSB 0, MSB 64 → 8192 = centre (0)
        0x00, 0xF0, 0x05, 0x7E, 0x7F, 0x09, 0x01, 0xF7, // Δ0 sysex, 5 bytes: GM System On + F7
        0x00, 0xF7, 0x01, 0xF8,       // Δ0 escape, 1 byte: 0xF8 (timing clock)
        0x00, 0x91, 0x43, 0x50,       // Δ0 note on ch 2, G4 (67), velocity 80
        0x83, 0x60, 0x81, 0x43, 0x40, // Δ480 note off ch 2, G4, release velocity 64
        0x00, 0xB0, 0x40, 0x00,       // Δ0 sustain ch 1 = 0 (up)
        0x00, 0xFF, 0x2F, 0x00,       // Δ0 End of Track
    ]

    /// Format 0, SMPTE division: -25 (25 frames per second) × 40 ticks per frame = 1 ms per tick.
    static let smpte: [UInt8] = [
        0x4D, 0x54, 0x68, 0x64, 0x00, 0x00, 0x00, 0x06, // "MThd", length 6
        0x00, 0x00, 0x00, 0x01,       // format 0, 1 track
        0xE7, 0x28,                   // division: 0xE7 = -25 (fps), 0x28 = 40 ticks per frame
        0x4D, 0x54, 0x72, 0x6B, 0x00, 0x00, 0x00, 0x0C, // "MTrk", length 12
        0x00, 0x90, 0x45, 0x40,       // Δ0 note on A4 (69) velocity 64
        0x87, 0x68, 0x45, 0x00,       // Δ 0x87 0x68 = 7·128 + 104 = 1000 ticks = 1 s: A4 off (running status)
        0x00, 0xFF, 0x2F, 0x00,       // Δ0 End of Track
    ]

    /// A header followed by one track chunk whose body is `body` (length computed), format 0, 96 PPQ.
    static func singleTrack(_ body: [UInt8]) -> [UInt8] {
        let n = body.count
        return [0x4D, 0x54, 0x68, 0x64, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, 0x01, 0x00, 0x60, // MThd f0 1trk 96ppq
                0x4D, 0x54, 0x72, 0x6B,                                                   // "MTrk" (offset 14)
                UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)] // length (18)
            + body                                                                           // body at offset 22
    }
}
