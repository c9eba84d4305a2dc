import ArgumentParser
import ContinuoApp

/// `continuo serve`: the real-time improvisation daemon (wiring only; see `ServeDaemon`).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Listen on ALSA and answer the musician (the systemd daemon).",
        discussion: """
            Every setting of Config/continuo.yaml can be given as a flag (answer.events → --answer-events 8) \
            or as an environment variable (CONTINUO_ANSWER_EVENTS=8). Precedence: flags > environment > file.
            SIGHUP reloads configuration and model; SIGTERM/SIGINT sends all notes off and exits.
            """ + "\n" + DefaultModel.searchDescription)

    @Option(name: .customLong("config"), help: "Configuration file (default: $CONTINUO_CONFIG, else /etc/continuo/continuo.yaml if present).")
    var configFile: String?

    @Argument(parsing: .allUnrecognized, help: "Setting flags, e.g. --answer-events 8 --listen-mode play-along.")
    var settings: [String] = []

    func run() async throws {
        try await ServeDaemon.run(ServeLaunch(configFile: configFile, arguments: settings))
    }
}
