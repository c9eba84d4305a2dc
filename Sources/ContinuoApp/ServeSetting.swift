import Improviser
import Logging

/// One setting of `continuo serve`: its dotted key (as in `Config/continuo.yaml`), a value other
/// than the default (for the test that every key works in every layer), and how it is read.
///
/// `ServeSetting.all` is the one list of settings: reading, the accepted flags and environment
/// variables, unknown-key errors, `config check` and the tests of the shipped file derive from it.
public struct ServeSetting: Sendable {
    public let key: String
    /// A valid value that differs from the default.
    public let example: String
    let read: @Sendable (SettingsReader, inout ServeSettings.Draft) throws -> Void

    /// `answer.topP` → `--answer-top-p`.
    public var flag: String { "--" + dashed }
    /// `answer.topP` → `CONTINUO_ANSWER_TOP_P`.
    public var environmentVariable: String { "CONTINUO_" + dashed.replacingOccurrences(of: "-", with: "_").uppercased() }
    /// The section before the dot: `answer`.
    public var section: Substring { key.split(separator: ".")[0] }

    /// `answer.topP` → `answer-top-p`.
    var dashed: String {
        key.replacingOccurrences(of: ".", with: "-").reduce(into: "") { out, character in
            if character.isUppercase { out += "-" + character.lowercased() } else { out.append(character) }
        }
    }

    /// The setting called `key`, if there is one.
    public static func named(_ key: String) -> ServeSetting? { all.first { $0.key == key } }

    /// The sections of `Config/continuo.yaml`: model, midi, listen, …
    public static var sections: [Substring] { all.map(\.section).reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
}

extension ServeSetting {
    /// Every setting, in the order of `Config/continuo.yaml`.
    public static let all: [ServeSetting] = [
        ServeSetting(key: "model.path", example: "/srv/continuo/model.safetensors") { source, d in
            let path = try source.value("model.path", "", allowed: "a file path") { $0 }
            d.settings.modelPath = path.isEmpty ? nil : path
        },
        ServeSetting(key: "model.threads", example: "1") { source, d in
            d.settings.inferenceThreads = try source.integer("model.threads", d.settings.inferenceThreads, in: 1...2)
        },
        ServeSetting(key: "midi.inputs", example: "Keystation*") { source, d in
            d.settings.inputs = try source.list("midi.inputs", d.settings.inputs)
        },
        ServeSetting(key: "midi.outputs", example: "20:0") { source, d in
            d.settings.outputs = try source.list("midi.outputs", d.settings.outputs)
        },
        ServeSetting(key: "midi.channel", example: "10") { source, d in
            d.accompanist.channel = UInt8(try source.integer("midi.channel", Int(d.accompanist.channel) + 1, in: 1...16) - 1)
        },
        ServeSetting(key: "listen.mode", example: "play-along") { source, d in
            let mode = try source.choice("listen.mode", d.accompanist.mode.rawValue, among: TurnTaking.allCases.map(\.rawValue))
            d.accompanist.mode = TurnTaking(rawValue: mode) ?? d.accompanist.mode
        },
        ServeSetting(key: "listen.silenceSeconds", example: "1.5") { source, d in
            d.accompanist.silenceSeconds = try source.number("listen.silenceSeconds", d.accompanist.silenceSeconds, in: 0.05...10)
        },
        ServeSetting(key: "listen.initialBpm", example: "90") { source, d in
            d.accompanist.initialBPM = try source.number("listen.initialBpm", d.accompanist.initialBPM, in: 20...400)
        },
        ServeSetting(key: "listen.lowestBpm", example: "50") { source, d in
            d.lowestBPM = try source.number("listen.lowestBpm", d.lowestBPM, in: 20...400)
        },
        ServeSetting(key: "listen.highestBpm", example: "200") { source, d in
            d.highestBPM = try source.number("listen.highestBpm", d.highestBPM, in: 20...400)
        },
        ServeSetting(key: "listen.velocityFollow", example: "0.5") { source, d in
            d.accompanist.velocityFollow = try source.number("listen.velocityFollow", d.accompanist.velocityFollow, in: 0...1)
        },
        ServeSetting(key: "answer.events", example: "8") { source, d in
            d.accompanist.answerEvents = try source.integer("answer.events", d.accompanist.answerEvents, in: 1...1024)
        },
        ServeSetting(key: "answer.seconds", example: "5") { source, d in
            d.accompanist.answerSeconds = try source.number("answer.seconds", d.accompanist.answerSeconds, in: 0...3600)
        },
        ServeSetting(key: "answer.temperature", example: "0.5") { source, d in
            d.accompanist.temperature = Float(try source.number("answer.temperature", Double(d.accompanist.temperature), in: 0...5))
        },
        ServeSetting(key: "answer.topP", example: "0.8") { source, d in
            d.accompanist.topP = Float(try source.number("answer.topP", Double(d.accompanist.topP), in: 0.01...1))
        },
        ServeSetting(key: "answer.lowestPitch", example: "40") { source, d in
            d.lowestPitch = try source.integer("answer.lowestPitch", d.lowestPitch, in: 0...127)
        },
        ServeSetting(key: "answer.highestPitch", example: "100") { source, d in
            d.highestPitch = try source.integer("answer.highestPitch", d.highestPitch, in: 0...127)
        },
        ServeSetting(key: "answer.scale", example: "D minor") { source, d in
            let modes = Scale.modes.keys.sorted().joined(separator: ", ")
            let text = try source.value("answer.scale", "", allowed: "empty or a tonic and mode, e.g. \"D minor\" (modes: \(modes))") {
                $0.isEmpty || Scale($0) != nil ? $0 : nil
            }
            d.scale = text.isEmpty ? nil : Scale(text)
        },
        ServeSetting(key: "answer.leadSeconds", example: "0.01") { source, d in
            d.accompanist.leadSeconds = try source.number("answer.leadSeconds", d.accompanist.leadSeconds, in: 0...0.2)
        },
        ServeSetting(key: "answer.lookaheadSeconds", example: "1") { source, d in
            d.accompanist.lookaheadSeconds = try source.number("answer.lookaheadSeconds", d.accompanist.lookaheadSeconds, in: 0.05...5)
        },
        ServeSetting(key: "controls.temperature", example: "30") { source, d in
            d.accompanist.controls.temperature = try source.controller("controls.temperature", d.accompanist.controls.temperature)
        },
        ServeSetting(key: "controls.answerLength", example: "31") { source, d in
            d.accompanist.controls.answerLength = try source.controller("controls.answerLength", d.accompanist.controls.answerLength)
        },
        ServeSetting(key: "controls.mode", example: "-1") { source, d in
            d.accompanist.controls.mode = try source.controller("controls.mode", d.accompanist.controls.mode)
        },
        ServeSetting(key: "controls.panic", example: "33") { source, d in
            d.accompanist.controls.panic = try source.controller("controls.panic", d.accompanist.controls.panic)
        },
        ServeSetting(key: "synth.enabled", example: "false") { source, d in
            d.settings.synth.enabled = try source.flag("synth.enabled", d.settings.synth.enabled)
        },
        ServeSetting(key: "synth.soundfont", example: "/usr/share/sounds/sf2/TimGM6mb.sf2") { source, d in
            d.settings.synth.soundfont = try source.value("synth.soundfont", d.settings.synth.soundfont, allowed: "a .sf2 file path") { $0.isEmpty ? nil : $0 }
        },
        ServeSetting(key: "synth.gain", example: "1") { source, d in
            d.settings.synth.gain = try source.number("synth.gain", d.settings.synth.gain, in: 0...10)
        },
        ServeSetting(key: "synth.program", example: "5") { source, d in
            d.settings.synth.program = UInt8(try source.integer("synth.program", Int(d.settings.synth.program), in: 0...127))
        },
        ServeSetting(key: "synth.driver", example: "pulseaudio") { source, d in
            d.settings.synth.driver = try source.choice("synth.driver", d.settings.synth.driver, among: SynthSettings.drivers)
        },
        ServeSetting(key: "synth.device", example: "hw:0") { source, d in
            d.settings.synth.device = try source.value("synth.device", d.settings.synth.device, allowed: "an ALSA device name") { $0.isEmpty ? nil : $0 }
        },
        ServeSetting(key: "log.level", example: "debug") { source, d in
            let levels = Logger.Level.allCases.map(\.rawValue)
            d.settings.logLevel = Logger.Level(rawValue: try source.choice("log.level", d.settings.logLevel.rawValue, among: levels)) ?? .info
        },
        ServeSetting(key: "log.statusSeconds", example: "10") { source, d in
            d.settings.statusSeconds = try source.number("log.statusSeconds", d.settings.statusSeconds, in: 0...86_400)
        },
    ]
}
