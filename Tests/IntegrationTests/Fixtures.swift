import ContinuoTestKit
import Foundation
import Model

/// A note of a fixture file: pitch, velocity and length, one after the other (no rests).
struct FixtureNote: Equatable {
    var pitch: UInt8
    var velocity: UInt8
    var ticks: UInt32
}

/// The files the guest scenarios read, built here from note lists the tests also compare with,
/// so what arrives is checked against what was written, not against our own reader.
enum Fixtures {
    static let ticksPerQuarter: UInt16 = 480

    /// Scenario 2: the first phrase of "Ode to Joy", each velocity different so a swap shows.
    static let melody: [FixtureNote] = zip(zip(
        [64, 64, 65, 67, 67, 65, 64, 62, 60, 60, 62, 64, 64, 62, 62] as [UInt8],
        [100, 96, 92, 88, 84, 80, 76, 72, 68, 64, 60, 56, 52, 48, 44] as [UInt8]),
        Array(repeating: 240, count: 12) + [360, 120, 480] as [UInt32]
    ).map { FixtureNote(pitch: $0.0, velocity: $0.1, ticks: $1) }

    /// Scenario 3: what `continuo play` sends out — a short phrase ending on a long A4.
    static let phrase: [FixtureNote] = [
        FixtureNote(pitch: 60, velocity: 90, ticks: 240),
        FixtureNote(pitch: 64, velocity: 80, ticks: 240),
        FixtureNote(pitch: 67, velocity: 70, ticks: 240),
        FixtureNote(pitch: 69, velocity: 100, ticks: 1440),  // A4, 440 Hz: 1.5 s at 120 bpm
    ]

    /// Scenario 5: one A4 (MIDI 69, 440 Hz in equal temperament), 2 s long at 120 bpm.
    static let concertA = [FixtureNote(pitch: 69, velocity: 110, ticks: 1920)]

    static func write(into folder: URL) throws {
        try standardMIDIFile(concertA, runningStatus: false).write(to: folder.appending(path: "concert-a.mid"))
        try standardMIDIFile(melody, runningStatus: true).write(to: folder.appending(path: "melody.mid"))
        try standardMIDIFile(phrase, runningStatus: false).write(to: folder.appending(path: "phrase.mid"))
        try TinyModel.write(to: folder.appending(path: "tiny-model.safetensors"))   // scenario 6: serve
        try writeBombModel(to: folder.appending(path: "bomb-model.safetensors"))    // scenario 6: bad reload
    }

    /// The tiny model with its metadata claiming `hidden: 100000` over tensors 8 wide: a loader
    /// that sized the model from the metadata would try to allocate about 800 GB and abort.
    static func writeBombModel(to url: URL) throws {
        try TinyModel.write(to: url)
        var file = try SafetensorsFile.read(contentsOf: url)
        let key = EventLSTM.hyperparametersKey
        file.metadata[key] = file.metadata[key]?.replacingOccurrences(of: "\"hidden\":8", with: "\"hidden\":100000")
        precondition(file.metadata[key]?.contains("100000") == true, "the tiny model's metadata changed shape")
        try file.write(to: url, dtype: .f32)
    }

    /// A format-0 Standard MIDI File at 120 bpm playing `notes` on channel 1. With running status,
    /// note-offs are written the way many real files do: note-on (0x90) with velocity 0.
    static func standardMIDIFile(_ notes: [FixtureNote], runningStatus: Bool) -> Data {
        var track: [UInt8] = [
            0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20,  // delta 0, tempo: 500 000 µs per quarter
        ]
        for (index, note) in notes.enumerated() {
            track += [0x00]                                              // delta 0 after the previous note-off
            if !runningStatus || index == 0 { track += [0x90] }          // note-on, channel 1
            track += [note.pitch, note.velocity]
            track += variableLength(note.ticks)                          // the note's length
            if runningStatus { track += [note.pitch, 0x00] }             // note-on velocity 0 = note-off
            else { track += [0x80, note.pitch, 0x40] }                   // note-off, release velocity 64
        }
        track += [0x00, 0xFF, 0x2F, 0x00]                                // end of track
        var file: [UInt8] = [0x4D, 0x54, 0x68, 0x64]                     // "MThd"
        file += bigEndian(UInt32(6))                                     // header length
        file += [0x00, 0x00, 0x00, 0x01]                                 // format 0, one track
        file += bigEndian16(ticksPerQuarter)                             // division
        file += [0x4D, 0x54, 0x72, 0x6B]                                 // "MTrk"
        file += bigEndian(UInt32(track.count))
        return Data(file + track)
    }

    /// A MIDI variable-length quantity: 7 bits per byte, most significant first, high bit = more.
    static func variableLength(_ value: UInt32) -> [UInt8] {
        var bytes = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest > 0 {
            bytes.insert(UInt8(rest & 0x7F) | 0x80, at: 0)
            rest >>= 7
        }
        return bytes
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }
    private static func bigEndian16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
}
