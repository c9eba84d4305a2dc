import Foundation

/// What can go wrong setting up or running FluidSynth; each case prints as one line naming what and where.
public enum SynthError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The soundfont file does not exist or cannot be read.
    case soundFontMissing(path: String)
    /// The file exists but FluidSynth cannot load it as a SoundFont 2 (wrong format, truncated, corrupt).
    case soundFontUnreadable(path: String, reason: String)
    /// No usable audio output: the driver is not compiled in, or the device could not be opened.
    /// The daemon warns with this line and keeps serving MIDI.
    case audioUnavailable(driver: String, device: String?, reason: String)
    /// A setting FluidSynth refused (name, value).
    case settingRejected(name: String, value: String)
    /// The sample rate is not one the renderer writes (44 100 or 48 000 Hz).
    case unsupportedSampleRate(Int)
    /// FluidSynth could not create its synthesizer.
    case synthesizerUnavailable(reason: String)

    public var description: String {
        switch self {
        case .soundFontMissing(let path):
            return "soundfont \(path): no such readable file"
        case .soundFontUnreadable(let path, let reason):
            return "soundfont \(path): not a usable SoundFont 2 file (\(reason))"
        case .audioUnavailable(let driver, let device, let reason):
            let on = device.map { " device \($0)" } ?? ""
            return "no audio output via \(driver)\(on): \(reason); MIDI output continues without sound"
        case .settingRejected(let name, let value):
            return "FluidSynth setting \(name)=\(value) was rejected"
        case .unsupportedSampleRate(let rate):
            return "sample rate \(rate) Hz is not supported (use 44100 or 48000)"
        case .synthesizerUnavailable(let reason):
            return "FluidSynth could not create a synthesizer: \(reason)"
        }
    }
}

extension SynthError: LocalizedError {
    public var errorDescription: String? { description }
}
