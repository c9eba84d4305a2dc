import Improviser
import Logging

extension ServeSettings {
    /// Reads and validates every setting; the first bad one throws a `ConfigurationError`.
    public init(reading source: SettingsReader) throws {
        self.init()
        let path = try source.value("model.path", "", allowed: "a file path") { $0 }
        modelPath = path.isEmpty ? nil : path
        inferenceThreads = try source.integer("model.threads", inferenceThreads, in: 1...2)
        inputs = try source.list("midi.inputs", inputs)
        outputs = try source.list("midi.outputs", outputs)
        accompanist = try Self.accompanist(source)
        synth = try Self.synth(source)
        let levels = Logger.Level.allCases.map(\.rawValue)
        logLevel = Logger.Level(rawValue: try source.choice("log.level", logLevel.rawValue, among: levels)) ?? .info
        statusSeconds = try source.number("log.statusSeconds", statusSeconds, in: 0...86_400)
    }

    private static func accompanist(_ source: SettingsReader) throws -> AccompanistSettings {
        var a = AccompanistSettings()
        a.channel = UInt8(try source.integer("midi.channel", Int(a.channel) + 1, in: 1...16) - 1)
        a.mode = TurnTaking(rawValue: try source.choice(
            "listen.mode", a.mode.rawValue, among: TurnTaking.allCases.map(\.rawValue))) ?? a.mode
        a.silenceSeconds = try source.number("listen.silenceSeconds", a.silenceSeconds, in: 0.05...10)
        a.initialBPM = try source.number("listen.initialBpm", a.initialBPM, in: 20...400)
        let lowest = try source.number("listen.lowestBpm", a.tempoRange.lowerBound, in: 20...400)
        let highest = try source.number("listen.highestBpm", a.tempoRange.upperBound, in: 20...400)
        guard highest >= 2 * lowest else {
            throw ConfigurationError(key: "listen.highestBpm", value: "\(highest)",
                                     allowed: "at least twice listen.lowestBpm (\(lowest)), so tempi can fold by octaves")
        }
        a.tempoRange = lowest...highest
        a.velocityFollow = try source.number("listen.velocityFollow", a.velocityFollow, in: 0...1)
        a.answerEvents = try source.integer("answer.events", a.answerEvents, in: 1...1024)
        a.answerSeconds = try source.number("answer.seconds", a.answerSeconds, in: 0...3600)
        a.temperature = Float(try source.number("answer.temperature", Double(a.temperature), in: 0...5))
        a.topP = Float(try source.number("answer.topP", Double(a.topP), in: 0.01...1))
        let low = try source.integer("answer.lowestPitch", Int(a.constraints.range.lowerBound), in: 0...127)
        let high = try source.integer("answer.highestPitch", Int(a.constraints.range.upperBound), in: 0...127)
        guard low <= high else {
            throw ConfigurationError(key: "answer.highestPitch", value: "\(high)",
                                     allowed: "a pitch ≥ answer.lowestPitch (\(low))")
        }
        let scaleText = try source.value("answer.scale", "", allowed: "empty or a tonic and mode, e.g. \"D minor\" (modes: \(Scale.modes.keys.sorted().joined(separator: ", ")))") {
            $0.isEmpty || Scale($0) != nil ? $0 : nil
        }
        a.constraints = PitchConstraints(range: UInt8(low)...UInt8(high), scale: scaleText.isEmpty ? nil : Scale(scaleText))
        a.leadSeconds = try source.number("answer.leadSeconds", a.leadSeconds, in: 0...0.2)
        a.lookaheadSeconds = try source.number("answer.lookaheadSeconds", a.lookaheadSeconds, in: 0.05...5)
        a.controls.temperature = try source.controller("controls.temperature", a.controls.temperature)
        a.controls.answerLength = try source.controller("controls.answerLength", a.controls.answerLength)
        a.controls.mode = try source.controller("controls.mode", a.controls.mode)
        a.controls.panic = try source.controller("controls.panic", a.controls.panic)
        let used = [a.controls.temperature, a.controls.answerLength, a.controls.mode, a.controls.panic].compactMap { $0 }
        if let clash = used.first(where: { number in used.filter { $0 == number }.count > 1 }) {
            throw ConfigurationError(key: "controls", value: "\(clash)", allowed: "a different controller for each control")
        }
        return a
    }

    private static func synth(_ source: SettingsReader) throws -> SynthSettings {
        var s = SynthSettings()
        s.enabled = try source.flag("synth.enabled", s.enabled)
        s.soundfont = try source.value("synth.soundfont", s.soundfont, allowed: "a .sf2 file path") { $0.isEmpty ? nil : $0 }
        s.gain = try source.number("synth.gain", s.gain, in: 0...10)
        s.program = UInt8(try source.integer("synth.program", Int(s.program), in: 0...127))
        s.driver = try source.choice("synth.driver", s.driver, among: SynthSettings.drivers)
        s.device = try source.value("synth.device", s.device, allowed: "an ALSA device name") { $0.isEmpty ? nil : $0 }
        return s
    }
}
