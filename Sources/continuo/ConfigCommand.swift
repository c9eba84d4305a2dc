import ArgumentParser
import ContinuoApp
import Foundation

/// `continuo config check [FILE]`: validate a configuration without starting.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Work with Continuo's configuration.",
        subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a configuration file (and CONTINUO_* variables) without starting.")

        @Argument(help: "The YAML file (default: as serve finds it).")
        var file: String?

        func run() async throws {
            do {
                print(try await ServeDaemon.check(file: file, environment: ProcessInfo.processInfo.environment))
            } catch {
                FileHandle.standardError.write(Data("\(error)\n".utf8))
                throw ExitCode.failure
            }
        }
    }
}
