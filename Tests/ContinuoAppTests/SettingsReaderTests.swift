import ContinuoApp
import Foundation
import Improviser
import Testing

@Suite struct SettingsReaderTests {
    /// The shipped configuration file, found from this test's own path.
    static let shippedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config/continuo.yaml").path

    private static func temporaryFile(_ yaml: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("continuo-\(UUID().uuidString).yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func temporaryFile(_ yaml: String) throws -> String { try Self.temporaryFile(yaml) }

    private func settings(file: String?, environment: [String: String] = [:], arguments: [String] = []) async throws -> ServeSettings {
        try ServeSettings(reading: await SettingsReader(file: file, environment: environment, arguments: arguments))
    }

    @Test func shippedFile_statesExactlyTheBuiltInDefaults() async throws {
        #expect(try await settings(file: Self.shippedFile) == ServeSettings())
    }

    /// The dotted keys of the shipped file, read from its text (sections at column 0, settings
    /// indented by two), so the check does not go through the code it checks.
    static func shippedKeys() throws -> [String] {
        var section = "", keys: [String] = []
        for line in try String(contentsOfFile: shippedFile, encoding: .utf8).split(separator: "\n") {
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("  ") { if !name.hasPrefix("#") { keys.append(section + "." + name) } } else { section = name }
        }
        return keys
    }

    @Test func shippedFile_andTheSettingsTable_holdTheSameKeys() throws {
        #expect(try Self.shippedKeys() == ServeSetting.all.map(\.key))
    }

    /// Each key of the shipped file, set to its example value, changes the settings, and does so
    /// identically as a flag, as an environment variable and in a file.
    @Test(arguments: try SettingsReaderTests.shippedKeys())
    func everyShippedKey_worksAsFlagEnvironmentVariableAndFileKey(key: String) async throws {
        let setting = try #require(ServeSetting.named(key))
        let parts = key.split(separator: ".")
        let fromFlag = try await settings(file: nil, arguments: [setting.flag, setting.example])
        let fromEnvironment = try await settings(file: nil, environment: [setting.environmentVariable: setting.example])
        let fromFile = try await settings(file: temporaryFile("\(parts[0]):\n  \(parts[1]): \"\(setting.example)\"\n"))
        #expect(fromFlag != ServeSettings(), "\(setting.flag) \(setting.example) changed nothing")
        #expect(fromEnvironment == fromFlag)
        #expect(fromFile == fromFlag)
    }

    @Test func modelThreads_isAFlag() async throws {
        #expect(try await settings(file: nil, arguments: ["--model-threads", "1"]).inferenceThreads == 1)
    }

    @Test(arguments: [
        ("answer:\n  temprature: 2\n", "answer.temprature is not a setting; did you mean answer.temperature?", 1),
        ("answr:\n  events: 2\n", "answr is not a setting; did you mean answer?", 0),
        ("answer:\n  top_p: 0.5\n", "answer.top_p is not a setting; did you mean answer.topP?", 1),
        ("listen:\n  mode: play-along\nvolume: 3\n", "volume is not a setting", 2),
    ])
    func unknownFileKey_isNamedWithItsLineAndTheNearestSetting(yaml: String, message: String, line: Int) async throws {
        let file = try temporaryFile(yaml)
        let error = await #expect(throws: UnknownSettingError.self) { try await settings(file: file) }
        #expect(error?.description == "\(file):\(line + 1): \(message)")
    }

    @Test(arguments: [
        ("answer:\n  temperature: [1, 2]\n", "answer.temperature", "a single value, not a list or a mapping"),
        ("answer: 5\n", "answer", "a section of settings (answer.events, answer.seconds, answer.temperature, answer.topP, answer.lowestPitch, answer.highestPitch, answer.scale, answer.leadSeconds, answer.lookaheadSeconds)"),
    ])
    func fileValueOfTheWrongShape_isAnError(yaml: String, key: String, allowed: String) async throws {
        let file = try temporaryFile(yaml)
        let error = await #expect(throws: ConfigurationError.self) { try await settings(file: file) }
        #expect(error?.key == key)
        #expect(error?.allowed == allowed)
        #expect(error?.description.hasPrefix("\(file): \(key) = ") == true)
    }

    @Test func misspeltEnvironmentVariable_isRefusedWithTheNearest() async throws {
        let error = await #expect(throws: UnknownSettingError.self) {
            try await settings(file: nil, environment: ["CONTINUO_ANSWER_TEMPRATURE": "9", "CONTINUO_REQUIRE_VM": "1"])
        }
        #expect(error?.description == "environment: CONTINUO_ANSWER_TEMPRATURE is not a setting; did you mean CONTINUO_ANSWER_TEMPERATURE?")
    }

    @Test func configCheck_opensTheModelAndTheSoundfont() async throws {
        let model = try temporaryFile("model:\n  path: /nonexistent/m.safetensors\n")
        let missing = await #expect(throws: ModelFile.LoadError.self) { try await ServeDaemon.check(file: model, environment: [:]) }
        #expect(missing?.description == "model /nonexistent/m.safetensors: no such file")
        let soundfont = try temporaryFile("synth:\n  soundfont: /nonexistent/piano.sf2\n")
        let error = await #expect(throws: ConfigurationError.self) { try await ServeDaemon.check(file: soundfont, environment: [:]) }
        #expect(error?.description.hasPrefix("\(soundfont): synth.soundfont = \"/nonexistent/piano.sf2\": expected a readable SoundFont 2 file") == true,
                "\(String(describing: error))")
        let off = try temporaryFile("synth:\n  enabled: false\n  soundfont: /nonexistent/piano.sf2\n")
        #expect(try await ServeDaemon.check(file: off, environment: [:]) == "ok: \(off)")
    }

    @Test func environmentOverridesFile_andFlagsOverrideEnvironment() async throws {
        let file = try temporaryFile("answer:\n  events: 5\n  temperature: 0.5\nlisten:\n  silenceSeconds: 2\n")
        let read = try await settings(
            file: file,
            environment: ["CONTINUO_ANSWER_EVENTS": "7", "CONTINUO_LISTEN_SILENCE_SECONDS": "1.5"],
            arguments: ["--answer-events", "9"])
        #expect(read.accompanist.answerEvents == 9)        // flag
        #expect(read.accompanist.silenceSeconds == 1.5)    // environment
        #expect(read.accompanist.temperature == 0.5)       // file
        #expect(read.accompanist.topP == 0.95)             // default
    }

    @Test func channelIsOneBasedInConfiguration() async throws {
        let read = try await settings(file: nil, arguments: ["--midi-channel", "10"])
        #expect(read.accompanist.channel == 9)
    }

    @Test func outOfRangeValue_isOneLineWithFileKeyValueAndAllowed() async throws {
        let file = try temporaryFile("answer:\n  events: 0\n")
        let error = await #expect(throws: ConfigurationError.self) { try await settings(file: file) }
        #expect(error?.description == "\(file): answer.events = \"0\": expected a whole number in 1…1024")
    }

    @Test func badEnvironmentValue_namesTheVariable() async throws {
        let error = await #expect(throws: ConfigurationError.self) {
            try await settings(file: nil, environment: ["CONTINUO_LISTEN_MODE": "duet"])
        }
        #expect(error?.description == "environment: CONTINUO_LISTEN_MODE = \"duet\": expected one of call-and-response, play-along")
    }

    @Test func sustainPedalCannotBeAControl() async throws {
        let error = await #expect(throws: ConfigurationError.self) {
            try await settings(file: nil, arguments: ["--controls-panic", "64"])
        }
        #expect(error?.key == "--controls-panic")
    }

    @Test func misspelledFlag_isRefusedWithTheNearest() async throws {
        let error = await #expect(throws: UnknownSettingError.self) {
            try await settings(file: nil, arguments: ["--answer-evnts", "3"])
        }
        #expect(error?.description == "command line: --answer-evnts is not a setting; did you mean --answer-events?")
    }

    @Test func scaleAndRange_becomeTheConstraint() async throws {
        let read = try await settings(file: nil, environment: [
            "CONTINUO_ANSWER_SCALE": "D minor", "CONTINUO_ANSWER_LOWEST_PITCH": "48", "CONTINUO_ANSWER_HIGHEST_PITCH": "84"])
        #expect(read.accompanist.constraints == PitchConstraints(range: 48...84, scale: Scale("D minor")))
    }

    @Test func missingFile_isOneLine() async throws {
        let error = await #expect(throws: ConfigurationFileError.self) {
            try await settings(file: "/nonexistent/continuo.yaml")
        }
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.hasPrefix("/nonexistent/continuo.yaml: ") == true)
    }
}
