import Logging
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

    /// `continuo config check [FILE]`: the one-line verdict on a configuration, or the first error.
    public static func check(file: String?, environment: [String: String]) async throws -> String {
        let launch = ServeLaunch(configFile: file, arguments: [], environment: environment)
        _ = try await launch.settings()
        return "ok: \(launch.configFile ?? "built-in defaults")"
    }
}
