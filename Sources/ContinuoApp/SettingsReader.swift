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
    /// (`--answer-events 8`); `file` nil means no configuration file. A flag, a
    /// `CONTINUO_<SECTION>_…` variable or a file key that is no setting is an error naming it,
    /// with the nearest setting as a suggestion; so is a file value of the wrong shape.
    public init(file: String?, environment: [String: String], arguments: [String]) async throws {
        for argument in arguments where argument.hasPrefix("--") {
            let flag = String(argument.split(separator: "=", maxSplits: 1)[0])
            if !ServeSetting.all.contains(where: { $0.flag == flag }) {
                throw UnknownSettingError(place: "command line", name: flag, suggestion: Self.nearest(flag, among: ServeSetting.all.map(\.flag)))
            }
        }
        let sections = ServeSetting.sections.map { "CONTINUO_\($0.uppercased())_" }
        for variable in environment.keys.sorted() where sections.contains(where: variable.hasPrefix) {
            if !ServeSetting.all.contains(where: { $0.environmentVariable == variable }) {
                throw UnknownSettingError(place: "environment", name: variable,
                                          suggestion: Self.nearest(variable, among: ServeSetting.all.map(\.environmentVariable)))
            }
        }
        var layers = [
            Layer(name: "command line", reader: ConfigReader(provider: CommandLineArgumentsProvider(arguments: ["serve"] + arguments)),
                  spell: { ServeSetting.named($0)?.flag ?? $0 }),
            Layer(name: "environment",
                  reader: ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: environment).prefixKeys(with: "continuo")),
                  spell: { ServeSetting.named($0)?.environmentVariable ?? $0 }),
        ]
        if let file {
            let provider: FileProvider<YAMLSnapshot>
            do {
                provider = try await FileProvider<YAMLSnapshot>(filePath: .init(file))
            } catch {
                throw ConfigurationFileError(file: file, reason: "\(error)".split(separator: "\n").joined(separator: " "))
            }
            try SettingsFileShape.check(file: file)
            layers.append(Layer(name: file, reader: ConfigReader(provider: provider), spell: { $0 }))
        }
        self.layers = layers
    }

    /// Every key `serve` reads, dotted.
    public static var keys: [String] { ServeSetting.all.map(\.key) }

    /// The candidate closest to `name` by edit distance (case-insensitive), if it is close enough
    /// to be a likely misspelling.
    static func nearest(_ name: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(name.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(3, best.0.count / 3) ? best.0 : nil
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let substitution = previous + (a[i - 1] == b[j - 1] ? 0 : 1)
                previous = row[j]
                row[j] = min(substitution, row[j] + 1, row[j - 1] + 1)
            }
        }
        return row[b.count]
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

