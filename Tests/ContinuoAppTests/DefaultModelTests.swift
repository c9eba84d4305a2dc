import Foundation
import Testing
@testable import ContinuoApp

/// Where the shipped model is looked for, with every root in a temporary folder (nothing is
/// written to /usr or the real home).
@Suite struct DefaultModelTests {
    /// A temporary tree standing in for the user's data folder, /usr/local/share, /usr/share and
    /// the build folder.
    struct Roots {
        let base: URL
        var dataHome: URL { base.appending(path: "home/.local/share") }
        var xdgData: URL { base.appending(path: "xdg") }
        var local: URL { base.appending(path: "usr/local/share") }
        var system: URL { base.appending(path: "usr/share") }
        var build: URL { base.appending(path: "build/release") }

        init() throws {
            base = FileManager.default.temporaryDirectory.appending(path: "default-model-\(UUID())")
            try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        }

        func folders(_ environment: [String: String]? = nil) -> [URL] {
            DefaultModel.searchFolders(
                environment: environment ?? ["HOME": base.appending(path: "home").path],
                systemData: [local.path, system.path], executableFolder: build)
        }

        /// Writes a model file into `folder` and returns its path.
        @discardableResult
        func install(in folder: URL) throws -> URL {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appending(path: DefaultModel.fileName)
            try Data("model".utf8).write(to: file)
            return file
        }

        func remove() { try? FileManager.default.removeItem(at: base) }
    }

    @Test func searchOrder_userData_thenLocal_thenSystem_thenBuildFolder() throws {
        let roots = try Roots()
        defer { roots.remove() }
        #expect(roots.folders().map(\.path) == [
            roots.dataHome.appending(path: "continuo").path,
            roots.local.appending(path: "continuo").path,
            roots.system.appending(path: "continuo").path,
            roots.build.appending(path: "Continuo_ContinuoApp.resources").path,
        ])
    }

    @Test func eachFolderWins_overTheOnesAfterIt() throws {
        let roots = try Roots()
        defer { roots.remove() }
        #expect(DefaultModel.find(in: roots.folders()) == nil)
        // Installed from the last folder to the first, each one takes over.
        for folder in roots.folders().reversed() {
            let file = try roots.install(in: folder)
            #expect(DefaultModel.find(in: roots.folders())?.path == file.path)
        }
    }

    @Test func xdgDataHome_replacesTheHomeDefault() throws {
        let roots = try Roots()
        defer { roots.remove() }
        try roots.install(in: roots.dataHome.appending(path: "continuo"))
        let file = try roots.install(in: roots.xdgData.appending(path: "continuo"))
        let environment = ["HOME": roots.base.appending(path: "home").path, "XDG_DATA_HOME": roots.xdgData.path]
        #expect(roots.folders(environment).first?.path == roots.xdgData.appending(path: "continuo").path)
        #expect(DefaultModel.find(in: roots.folders(environment))?.path == file.path)
    }

    @Test func relativeXdgDataHome_isIgnored_andNoHome_skipsTheUserFolder() throws {
        let roots = try Roots()
        defer { roots.remove() }
        let relative = roots.folders(["HOME": roots.base.appending(path: "home").path, "XDG_DATA_HOME": "data"])
        #expect(relative.first?.path == roots.dataHome.appending(path: "continuo").path)
        #expect(roots.folders([:]).first?.path == roots.local.appending(path: "continuo").path)
    }

    @Test func aFolderNamedLikeTheModel_isNotAModel() throws {
        let roots = try Roots()
        defer { roots.remove() }
        try FileManager.default.createDirectory(
            at: roots.dataHome.appending(path: "continuo/\(DefaultModel.fileName)"), withIntermediateDirectories: true)
        let file = try roots.install(in: roots.system.appending(path: "continuo"))
        #expect(DefaultModel.find(in: roots.folders())?.path == file.path)
    }
}
