/// How the embedded FluidSynth sounds the answer.
public struct SynthSettings: Hashable, Sendable {
    /// Audio drivers FluidSynth can be asked for.
    public static let drivers = ["pipewire", "pulseaudio", "alsa", "jack"]

    /// false: MIDI out only.
    public var enabled = true
    /// SoundFont (.sf2) to play with.
    public var soundfont = "/usr/share/sounds/sf2/default-GM.sf2"
    /// Master gain, 0–10 (FluidSynth's synth.gain).
    public var gain = 0.5
    /// General MIDI program (0–127) on the output channel; 0 is Acoustic Grand Piano.
    public var program: UInt8 = 0
    /// One of `drivers`.
    public var driver = "alsa"
    /// ALSA device when the driver is alsa, e.g. "default" or "hw:Loopback,0,0".
    public var device = "default"

    public init() {}
}
