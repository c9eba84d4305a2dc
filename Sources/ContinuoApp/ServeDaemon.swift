import Logging
import Synth
import ServiceLifecycle

/// The entry point of `continuo serve`: settings, logging, then the service under a
/// `ServiceGroup` that turns SIGTERM/SIGINT into a graceful shutdown (all notes off, exit 0).
public enum ServeDaemon {
    public static func run(_ launch: ServeLaunch) async throws {
        let settings = try await launch.settings()
        LoggingSystem.bootstrap { JournalLogHandler(label: $0, level: settings.logLevel) }
        let logger = Logger(label: "continuo")
        let service = ImprovisationService(launch: launch, settings: settings, logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [service], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    /// `continuo config check [FILE]`: the one-line verdict on a configuration, or the first error:
    /// every setting, then the files they name (the model is opened as `serve` would, the
    /// soundfont checked when the synth is enabled).
    public static func check(file: String?, environment: [String: String]) async throws -> String {
        let launch = ServeLaunch(configFile: file, arguments: [], environment: environment)
        let settings = try await launch.settings()
        _ = try ModelFile.open(path: settings.modelPath)
        if settings.synth.enabled {
            do { try SoundFont(path: settings.synth.soundfont).validate() } catch {
                throw ConfigurationError(file: launch.configFile, key: "synth.soundfont", value: settings.synth.soundfont,
                                         allowed: "a readable SoundFont 2 file (\(error)), or synth.enabled: false")
            }
        }
        return "ok: \(launch.configFile ?? "built-in defaults")"
    }
}
