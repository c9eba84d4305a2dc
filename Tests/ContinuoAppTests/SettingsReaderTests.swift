import ContinuoApp
import Foundation
import Improviser
import Testing

@Suite struct SettingsReaderTests {
    /// The shipped configuration file, found from this test's own path.
    static let shippedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Config/continuo.yaml").path

    private func temporaryFile(_ yaml: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("continuo-\(UUID().uuidString).yaml")
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func settings(file: String?, environment: [String: String] = [:], arguments: [String] = []) async throws -> ServeSettings {
        try ServeSettings(reading: await SettingsReader(file: file, environment: environment, arguments: arguments))
    }

    @Test func shippedFile_statesExactlyTheBuiltInDefaults() async throws {
        #expect(try await settings(file: Self.shippedFile) == ServeSettings())
    }

    @Test func shippedFile_listsEveryKeyServeReads() throws {
        let text = try String(contentsOfFile: Self.shippedFile, encoding: .utf8)
        for key in SettingsReader.keys {
            let leaf = key.split(separator: ".").last!
            #expect(text.contains("\n  \(leaf):"), "\(key) is not documented in Config/continuo.yaml")
        }
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

    @Test func misspelledFlag_isRefused() async throws {
        await #expect(throws: ConfigurationError.self) {
            try await settings(file: nil, arguments: ["--answer-evnts", "3"])
        }
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
