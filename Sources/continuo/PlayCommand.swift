import ArgumentParser
import ContinuoApp
import Foundation
import Sequencer
import Synth

/// `continuo play`: a MIDI file out through Continuo's ALSA port (and the live synth).
struct PlayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a MIDI file through 'Continuo Out', scheduled on the ALSA queue, and optionally the live synth.",
        discussion: "Prints JSON status lines: ready, scheduled, stopped (with --stop-after), finished.")

    @Argument(help: "The Standard MIDI File to play.")
    var file: String

    @Option(name: .customLong("output"), help: "Connect Continuo Out to ports matching this pattern (repeatable).")
    var outputs: [String] = []

    @Option(help: "Wait up to this many seconds for a subscriber to Continuo Out before starting.")
    var waitForSubscriber: Double?

    @Option(help: "Interrupt after this many seconds: cancel what is queued, then all notes off.")
    var stopAfter: Double?

    @Flag(help: "Also play through the embedded FluidSynth.")
    var synth = false

    @Option(help: "Soundfont for --synth.")
    var soundfont = SoundFont.debianDefault.path

    @Option(help: "General MIDI program for --synth (0 = piano).")
    var program: UInt8 = 0

    @Option(help: "Audio driver for --synth: \(AudioDriver.allCases.map(\.rawValue).joined(separator: ", ")).")
    var audioDriver = AudioDriver.alsa.rawValue

    @Option(help: "Audio device for --synth, e.g. hw:Loopback,0,0.")
    var audioDevice: String?

    @Option(help: "ALSA client name.")
    var clientName = "Continuo"

    func run() async throws {
        guard let driver = AudioDriver(rawValue: audioDriver) else {
            throw ValidationError("--audio-driver '\(audioDriver)' is not one of \(AudioDriver.allCases.map(\.rawValue))")
        }
        var options = PlayOptions(file: URL(fileURLWithPath: file))
        options.clientName = clientName
        options.destinations = outputs.map(PortPattern.init)
        options.subscriberTimeout = waitForSubscriber
        options.stopAfter = stopAfter
        if synth {
            options.synth = LiveSynthConfiguration(soundFont: SoundFont(path: soundfont), program: program,
                                                   driver: driver, device: audioDevice)
        }
        try await PlaySession.run(options, report: MonitorSession.printLine)
    }
}
