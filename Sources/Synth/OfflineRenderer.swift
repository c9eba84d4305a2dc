import Foundation
import MIDI

/// A MIDI message at a time in seconds from the start of a rendering.
public struct TimedMIDIMessage: Hashable, Sendable {
    public var seconds: Double
    public var message: MIDIMessage
    public init(seconds: Double, message: MIDIMessage) {
        self.seconds = seconds
        self.message = message
    }
}

/// Renders MIDI to a WAV file through FluidSynth, with no audio device and faster than real time.
///
/// The soundfont is loaded when the renderer is made, so a missing or corrupt soundfont fails
/// before any generation work.
public final class OfflineRenderer {
    /// Sample rates the renderer writes.
    public static let supportedSampleRates = [44_100, 48_000]
    /// Frames rendered per FluidSynth call between events (FluidSynth's own block is 64).
    static let blockFrames = 512
    /// The longest release tail rendered after the last event.
    public static let maximumTailSeconds = 10.0
    /// Below this peak (about -80 dBFS) a block after the last note counts as silence.
    static let silentPeak: Int16 = 3

    private let synthesizer: FluidSynthesizer
    public let sampleRate: Int

    /// Loads `soundFont` at `sampleRate` (44 100 or 48 000), with `program` on `channel` and FluidSynth `gain`.
    public init(
        soundFont: SoundFont, sampleRate: Int = 44_100, gain: Float = 0.5, program: UInt8 = 0, channel: UInt8 = 0
    ) throws(SynthError) {
        guard Self.supportedSampleRates.contains(sampleRate) else { throw .unsupportedSampleRate(sampleRate) }
        self.sampleRate = sampleRate
        synthesizer = try FluidSynthesizer(
            soundFont: soundFont, sampleRate: Double(sampleRate), gain: gain, program: program, channel: channel)
    }

    /// Renders `events` (any order; equal times keep their order) as 16-bit stereo, from time 0 until
    /// the last note's release and reverb have died away (at most `maximumTailSeconds` after the last event).
    public func render(_ events: [TimedMIDIMessage]) -> WAVAudio {
        let ordered = events.enumerated()
            .sorted { ($0.element.seconds, $0.offset) < ($1.element.seconds, $1.offset) }
            .map(\.element)
        synthesizer.reset()
        var samples: [Int16] = []
        var frame = 0
        for event in ordered {
            let due = frameIndex(event.seconds)
            while frame < due {
                let n = min(Self.blockFrames, due - frame)
                synthesizer.render(frames: n, into: &samples)
                frame += n
            }
            synthesizer.play(event.message)
        }
        let tailEnd = frame + Int(Self.maximumTailSeconds * Double(sampleRate))
        while frame < tailEnd {
            let start = samples.count
            synthesizer.render(frames: Self.blockFrames, into: &samples)
            frame += Self.blockFrames
            let quiet = samples[start...].allSatisfy { abs(Int($0)) <= Int(Self.silentPeak) }
            if quiet && synthesizer.activeVoiceCount == 0 { break }
        }
        return WAVAudio(sampleRate: sampleRate, channels: 2, samples: samples)
    }

    /// The longest rendering: later events are played at this time (a caller that cares refuses
    /// such input first); it bounds the samples held in memory to 159 MB at 44.1 kHz.
    public static let maximumSeconds = 900.0

    /// The frame at `seconds`, clamped to 0…`maximumSeconds` (NaN counts as 0), so no time converts
    /// to an out-of-range integer.
    func frameIndex(_ seconds: Double) -> Int {
        let clamped = seconds.isNaN ? 0 : min(max(seconds, 0), Self.maximumSeconds)
        return Int((clamped * Double(sampleRate)).rounded())
    }

    /// Renders `events` and writes the WAV file atomically to `url`.
    public func render(_ events: [TimedMIDIMessage], to url: URL) throws {
        try render(events).write(to: url)
    }
}
