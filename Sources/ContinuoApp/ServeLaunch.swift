import Foundation

/// Where `serve` takes its settings from, kept so SIGHUP can read them again the same way.
public struct ServeLaunch: Sendable {
    /// The configuration file used when none is named and it exists.
    public static let systemFile = "/etc/continuo/continuo.yaml"

    /// `--config FILE`, else `$CONTINUO_CONFIG`, else `systemFile` if present, else none.
    public var configFile: String?
    /// Setting flags `serve` did not parse itself (`--answer-events 8`).
    public var arguments: [String]
    public var environment: [String: String]

    public init(configFile: String?, arguments: [String],
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.configFile = configFile ?? environment["CONTINUO_CONFIG"]
            ?? (FileManager.default.fileExists(atPath: Self.systemFile) ? Self.systemFile : nil)
        self.arguments = arguments
        self.environment = environment.filter { $0.key != "CONTINUO_CONFIG" }
    }

    /// Reads and validates the settings now.
    public func settings() async throws -> ServeSettings {
        try ServeSettings(reading: await SettingsReader(file: configFile, environment: environment, arguments: arguments))
    }
}
