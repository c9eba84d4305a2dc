import Foundation
import Testing

/// Scenario 7 (Tests/Integration/scenarios/07-deb.sh): the Debian package from
/// `scripts/make-deb.sh`, installed in the guest and serving with the model it ships.
@Suite(.enabled(if: DebianPackage.shouldRun, "Debian package scenario skipped: \(DebianPackage.missingPart ?? VirtualMachine.missingPart ?? "")"))
struct PackageScenarioTests {
    static let model = "/usr/share/continuo/default-model.safetensors"

    /// The package's files and where the scenario found them after `dpkg -r` or `--purge`.
    static func inventory(_ text: String) -> [String: Bool] {
        Dictionary(text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return parts.count == 2 ? (String(parts[1]), parts[0] == "present") : nil
        }, uniquingKeysWith: { $1 })
    }

    @Test func lintianFindsNoErrors() async throws {
        let run = try await VirtualMachine.run.value
        let package = try DebianPackage.built(in: run)
        try #require(VirtualMachine.isInstalled("lintian") || ProcessInfo.processInfo.environment["CONTINUO_REQUIRE_VM"] == "1",
                     "lintian is not installed")
        let report = run.appending(path: "lintian.out")
        let status = try await VirtualMachine.execute("/usr/bin/lintian", [package.path], errors: report)
        let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        let errors = text.split(separator: "\n").filter { $0.hasPrefix("E:") }
        #expect(errors.isEmpty && status == 0, "lintian exited with \(status):\n\(text)")
    }

    @Test func installedBinary_needsNoToolchainLibraries() async throws {
        let run = try await ScenarioRun("07-deb")
        run.expectCompleted()
        #expect(run.file("install.out").contains("Setting up continuo"), "dpkg -i:\n\(run.file("install.out"))")
        let ldd = run.file("ldd.out")
        #expect(ldd.contains("libasound.so.2"), "ldd /usr/bin/continuo:\n\(ldd)")
        for part in ["/opt/swift", "libswift", "libFoundation", "libdispatch", "not found"] {
            #expect(!ldd.contains(part), "ldd /usr/bin/continuo shows \(part):\n\(ldd)")
        }
    }

    @Test func installedServe_findsItsModelInUsrShare_andAnswers() async throws {
        let run = try await ScenarioRun("07-deb")
        let help = run.file("help.out").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Here: \(Self.model)."), "serve --help does not name \(Self.model):\n\(run.file("help.out"))")
        let log = run.file("serve.out")
        #expect(log.contains("serving") && log.contains(Self.model), "not serving \(Self.model):\n\(log)")
        #expect(run.file("dump.out").contains("Note on"), "no answer on Continuo Out:\n\(log)")
    }

    @Test func postinst_createsTheServiceUser_inGroupAudio() async throws {
        let run = try await ScenarioRun("07-deb")
        let passwd = run.file("passwd.out")
        #expect(passwd.hasPrefix("continuo:") && passwd.contains("(audio)"), "the continuo user:\n\(passwd)")
    }

    @Test func remove_keepsTheConfiguration_purgeRemovesIt() async throws {
        let run = try await ScenarioRun("07-deb")
        let removed = Self.inventory(run.file("after-remove.txt")), purged = Self.inventory(run.file("after-purge.txt"))
        #expect(removed.count == 7 && purged.count == 7, "inventory:\n\(run.file("after-remove.txt"))\(run.file("after-purge.txt"))")
        #expect(removed["/etc/continuo/continuo.yaml"] == true, "dpkg -r removed the conffile")
        let left = removed.filter { $0.value && $0.key != "/etc/continuo/continuo.yaml" }.keys.sorted()
        #expect(left.isEmpty, "dpkg -r left \(left)")
        #expect(run.file("status-after-remove.txt").contains("config-files"), "status: \(run.file("status-after-remove.txt"))")
        #expect(purged.values.allSatisfy { !$0 }, "dpkg --purge left:\n\(run.file("after-purge.txt"))")
    }
}
