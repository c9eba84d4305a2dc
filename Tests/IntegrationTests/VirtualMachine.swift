import Foundation
import Testing

/// The qemu rig, booted once for the whole suite: every script in `Tests/Integration/scenarios/`
/// runs in the same guest, each leaving `<name>.status`, `<name>.log` and a work folder.
enum VirtualMachine {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let rig = packageRoot.appending(path: "Tests/Integration")
    static let runDirectory = packageRoot.appending(path: ".build/vm/runs/latest")

    /// Whether the rig's tests run: everything is installed, or CONTINUO_REQUIRE_VM=1 (then a
    /// missing part fails the tests instead of skipping them).
    static var shouldRun: Bool {
        missingPart == nil || ProcessInfo.processInfo.environment["CONTINUO_REQUIRE_VM"] == "1"
    }

    /// What the rig needs and this machine lacks, as one line; nil when nothing is missing.
    static var missingPart: String? {
        let files = FileManager.default
        for tool in ["qemu-system-x86_64", "busybox", "modprobe", "cpio", "xz"] where !isInstalled(tool) {
            return "\(tool) is not installed"
        }
        let kernels = (try? files.contentsOfDirectory(atPath: "/boot"))?.filter { $0.hasPrefix("vmlinuz-") } ?? []
        guard let kernel = kernels.sorted().last else { return "no kernel in /boot/vmlinuz-* (install linux-image-amd64)" }
        let version = kernel.dropFirst("vmlinuz-".count)
        guard files.fileExists(atPath: "/lib/modules/\(version)") else { return "no /lib/modules/\(version)" }
        guard files.isExecutableFile(atPath: continuoBinary.path) else { return "\(continuoBinary.path) is not built" }
        return nil
    }

    /// Whether `tool` is an executable on the PATH.
    static func isInstalled(_ tool: String) -> Bool {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// The `continuo` built beside this test bundle (`swift test` builds it with the tests).
    static var continuoBinary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let beside = bundle.deletingLastPathComponent().appending(path: "continuo")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appending(path: ".build/debug/continuo")
    }

    /// `CONTINUO_SCENARIOS=06-serve,…`: boot with only these scenarios (while working on one; the
    /// others' tests then fail for want of their files, so filter the tests the same way).
    static var only: [String] {
        (ProcessInfo.processInfo.environment["CONTINUO_SCENARIOS"] ?? "").split(separator: ",").map(String.init)
    }

    /// The one boot every scenario test waits for.
    static let run = Task { try await boot() }

    private static func boot() async throws -> URL {
        if let missingPart { throw RigFailure(message: "the ALSA rig cannot run: \(missingPart)") }
        let files = FileManager.default
        try? files.removeItem(at: runDirectory)
        try files.createDirectory(at: runDirectory.appending(path: "fixtures"), withIntermediateDirectories: true)
        try Fixtures.write(into: runDirectory.appending(path: "fixtures"))
        if DebianPackage.missingPart == nil {
            // Scenario 7's package; a failure shows in its test (make-deb.log), not in the others.
            _ = try await execute("/bin/bash", [packageRoot.appending(path: "scripts/make-deb.sh").path,
                                                runDirectory.appending(path: "fixtures").path],
                                  errors: runDirectory.appending(path: "make-deb.log"))
        }
        let scenarios = try files.contentsOfDirectory(atPath: rig.appending(path: "scenarios").path)
            .filter { $0.hasSuffix(".sh") }.sorted()
            .filter { only.isEmpty || only.contains(String($0.dropLast(3))) }
            .map { rig.appending(path: "scenarios/\($0)").path }
        let errors = runDirectory.appending(path: "run-vm.err")
        let status = try await execute("/bin/bash", [rig.appending(path: "vm/run-vm.sh").path, runDirectory.path,
                                                     continuoBinary.path] + scenarios, errors: errors)
        guard status == 0 else {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw RigFailure(message: "run-vm.sh exited with \(status): \(text)")
        }
        return runDirectory
    }

    /// Runs `executable` with its standard output and error written to `errors`; its exit status.
    static func execute(_ executable: String, _ arguments: [String], errors: URL) async throws -> Int32 {
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let output = try FileHandle(forWritingTo: errors)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in done.resume() }
            do { try process.run() } catch { done.resume(throwing: error) }
        }
        return process.terminationStatus
    }
}

/// The rig itself failed (not a scenario's behaviour).
struct RigFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// What one scenario left behind after the boot.
struct ScenarioRun {
    let name: String
    let directory: URL
    let status: Int32?
    let log: String

    /// Waits for the boot, then reads scenario `name`'s results.
    init(_ name: String) async throws {
        let run = try await VirtualMachine.run.value
        self.name = name
        directory = run.appending(path: name)
        let statusText = try? String(contentsOf: run.appending(path: "\(name).status"), encoding: .utf8)
        status = statusText.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        log = (try? String(contentsOf: run.appending(path: "\(name).log"), encoding: .utf8)) ?? "(no log)"
    }

    /// The text of a file the scenario wrote in its work folder ("" when missing).
    func file(_ name: String) -> String {
        (try? String(contentsOf: directory.appending(path: name), encoding: .utf8)) ?? ""
    }

    /// Records a failure carrying the guest log when the script itself did not finish cleanly.
    func expectCompleted(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 0, "scenario \(name) exited with \(status.map(String.init) ?? "no status"):\n\(log)",
                sourceLocation: sourceLocation)
    }
}
