import Configuration
import Improviser
import Logging
import MIDI

/// Reads `ServeSettings` from the configuration layers — command-line flags, then
/// `CONTINUO_*` environment variables, then the YAML file — and refuses any value outside
/// what is allowed with a one-line `ConfigurationError` naming the layer it came from.
public struct SettingsReader {
    /// One source of values, highest precedence first.
    struct Layer {
        var name: String
        var reader: ConfigReader
        /// The spelling of a key in this layer, for error messages.
        var spell: (String) -> String
    }
    let layers: [Layer]

    /// Builds the layers. `arguments` are the flags `serve` did not parse itself
    /// (`--answer-events 8`); `file` nil means no configuration file.
    public init(file: String?, environment: [String: String], arguments: [String]) async throws {
        var layers = [
            Layer(name: "command line", reader: ConfigReader(provider: CommandLineArgumentsProvider(arguments: ["serve"] + arguments)),
                  spell: { "--" + SettingsReader.dashed($0) }),
            Layer(name: "environment",
                  reader: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "continuo")),
                  spell: { "CONTINUO_" + SettingsReader.dashed($0).replacingOccurrences(of: "-", with: "_").uppercased() }),
        ]
        if let file {
            do {
                let provider = try await FileProvider<YAMLSnapshot>(filePath: .init(file))
                layers.append(Layer(name: file, reader: ConfigReader(provider: provider), spell: { $0 }))
            } catch {
                throw ConfigurationFileError(file: file, reason: "\(error)".split(separator: "\n").joined(separator: " "))
            }
        }
        self.layers = layers
        let unknown = arguments.filter { $0.hasPrefix("--") }
            .map { String($0.dropFirst(2).split(separator: "=").first ?? "") }
            .filter { flag in !Self.keys.contains { Self.dashed($0) == flag } }
        if let flag = unknown.first {
            throw ConfigurationError(key: "--\(flag)", value: "", allowed: "a setting of Config/continuo.yaml as a flag, e.g. --answer-events 8")
        }
    }

    /// Every key `serve` reads, dotted.
    public static let keys = [
        "model.path", "midi.inputs", "midi.outputs", "midi.channel",
        "listen.mode", "listen.silenceSeconds", "listen.initialBpm", "listen.lowestBpm", "listen.highestBpm",
        "listen.velocityFollow",
        "answer.events", "answer.seconds", "answer.temperature", "answer.topP", "answer.lowestPitch",
        "answer.highestPitch", "answer.scale", "answer.leadSeconds", "answer.lookaheadSeconds",
        "controls.temperature", "controls.answerLength", "controls.mode", "controls.panic",
        "synth.enabled", "synth.soundfont", "synth.gain", "synth.program", "synth.driver", "synth.device",
        "log.level", "log.statusSeconds",
    ]

    /// `answer.topP` → `answer-top-p`: the command-line spelling.
    static func dashed(_ key: String) -> String {
        key.replacingOccurrences(of: ".", with: "-").reduce(into: "") { out, character in
            if character.isUppercase { out += "-" + character.lowercased() } else { out.append(character) }
        }
    }

    /// The value of `key` in the first layer that has it, and that layer.
    func raw(_ key: String) -> (value: String, layer: Layer)? {
        for layer in layers {
            if let value = layer.reader.string(forKey: ConfigKey(key)) { return (value, layer) }
        }
        return nil
    }

    /// Reads `key` with `parse`; missing → `fallback`; unparsable → a one-line error.
    func value<T>(_ key: String, _ fallback: T, allowed: String, _ parse: (String) -> T?) throws -> T {
        guard let (text, layer) = raw(key) else { return fallback }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let parsed = parse(trimmed) else {
            throw ConfigurationError(file: layer.name, key: layer.spell(key), value: text, allowed: allowed)
        }
        return parsed
    }

    func number(_ key: String, _ fallback: Double, in range: ClosedRange<Double>) throws -> Double {
        try value(key, fallback, allowed: "a number in \(range.lowerBound)…\(range.upperBound)") {
            Double($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    func integer(_ key: String, _ fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        try value(key, fallback, allowed: "a whole number in \(range.lowerBound)…\(range.upperBound)") {
            Int($0).flatMap { range.contains($0) ? $0 : nil }
        }
    }

    func choice(_ key: String, _ fallback: String, among options: [String]) throws -> String {
        try value(key, fallback, allowed: "one of " + options.joined(separator: ", ")) {
            options.contains($0) ? $0 : nil
        }
    }

    func list(_ key: String, _ fallback: [String]) throws -> [String] {
        try value(key, fallback, allowed: "comma-separated port patterns") {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    func flag(_ key: String, _ fallback: Bool) throws -> Bool {
        try value(key, fallback, allowed: "true or false") {
            switch $0.lowercased() {
            case "true", "yes", "on", "1": true
            case "false", "no", "off", "0": false
            default: nil
            }
        }
    }

    /// A controller number, or -1 for none.
    func controller(_ key: String, _ fallback: UInt8?) throws -> UInt8? {
        // 64 is the sustain pedal the transcriber folds into note lengths; 120–127 are channel mode messages.
        let reserved = Set([Int(MIDIMessage.sustainController)] + Array(120...127))
        let number = try value(key, fallback.map(Int.init) ?? -1,
                               allowed: "-1 (off) or a controller 0…119 other than 64 (sustain)") {
            Int($0).flatMap { (-1...119).contains($0) && !reserved.contains($0) ? $0 : nil }
        }
        return number < 0 ? nil : UInt8(number)
    }
}

