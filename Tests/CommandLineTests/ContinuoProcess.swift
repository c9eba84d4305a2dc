import Foundation

/// The built `continuo` run as a user would: arguments, environment, a working folder; what it
/// printed and how it exited.
struct ContinuoProcess {
    var status: Int32
    var output: String
    var errors: String

    /// The `continuo` built beside this test bundle (`swift build` builds it with the tests).
    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = bundle.deletingLastPathComponent().appending(path: "continuo")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appending(path: ".build/debug/continuo")
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `continuo arguments…` to its end; `environment` is added to a clean one (PATH, HOME).
    /// `whileRunning` gets the process and its growing standard output, for signals.
    static func run(_ arguments: [String], environment: [String: String] = [:], in folder: URL? = nil,
                    whileRunning: ((Process, () -> String) -> Void)? = nil) throws -> ContinuoProcess {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()].merging(environment) { $1 }
        if let folder { process.currentDirectoryURL = folder }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let collected = Collected()
        output.fileHandleForReading.readabilityHandler = { collected.append(output: $0.availableData) }
        errors.fileHandleForReading.readabilityHandler = { collected.append(errors: $0.availableData) }
        try process.run()
        whileRunning?(process) { collected.text.output }
        process.waitUntilExit()
        output.fileHandleForReading.readabilityHandler = nil
        errors.fileHandleForReading.readabilityHandler = nil
        collected.append(output: output.fileHandleForReading.readDataToEndOfFile())
        collected.append(errors: errors.fileHandleForReading.readDataToEndOfFile())
        let text = collected.text
        return ContinuoProcess(status: process.terminationStatus, output: text.output, errors: text.errors)
    }

    /// Standard error without ArgumentParser's usage lines: the message itself.
    var errorLines: [Substring] { errors.split(separator: "\n").filter { !$0.hasPrefix("Usage:") && !$0.hasPrefix("  See ") && !$0.isEmpty } }
}

/// Bytes arriving on two pipes from reader threads.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var output = Data(), errors = Data()
    func append(output data: Data) { lock.withLock { output += data } }
    func append(errors data: Data) { lock.withLock { errors += data } }
    var text: (output: String, errors: String) {
        lock.withLock { (String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self)) }
    }
}

/// A fresh folder under the system's temporary directory.
func scratchFolder(_ name: String = #function) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The names in `folder`, hidden ones included (temporary files must not be left behind).
func contents(of folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
}
