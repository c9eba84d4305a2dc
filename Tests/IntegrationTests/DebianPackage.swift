import Foundation

/// The package scenario 7 installs: `scripts/make-deb.sh` builds it into the run's fixtures
/// before the boot (its output goes to `make-deb.log` in the run folder).
enum DebianPackage {
    /// What building the package needs and this machine lacks, as one line; nil when nothing is missing.
    static var missingPart: String? {
        for tool in ["dpkg-deb", "dpkg-shlibdeps", "dpkg-parsechangelog"] where !VirtualMachine.isInstalled(tool) {
            return "\(tool) is not installed (apt-get install dpkg-dev)"
        }
        return nil
    }

    /// Whether the package's tests run: the rig runs and the package can be built, or
    /// CONTINUO_REQUIRE_VM=1 (then a missing part fails them instead of skipping them).
    static var shouldRun: Bool {
        ProcessInfo.processInfo.environment["CONTINUO_REQUIRE_VM"] == "1"
            || (VirtualMachine.missingPart == nil && missingPart == nil)
    }

    /// The package make-deb.sh left in the run's fixtures.
    static func built(in run: URL) throws -> URL {
        let fixtures = run.appending(path: "fixtures")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        guard let name = names.first(where: { $0.hasPrefix("continuo_") && $0.hasSuffix(".deb") }) else {
            let log = (try? String(contentsOf: run.appending(path: "make-deb.log"), encoding: .utf8)) ?? ""
            throw RigFailure(message: "no package: \(missingPart ?? "make-deb.sh failed:\n\(log.suffix(3000))")")
        }
        return fixtures.appending(path: name)
    }
}
