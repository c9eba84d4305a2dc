import Foundation

/// The model shipped with Continuo: a 3×512 note LSTM trained with `continuo train` on the
/// chorales, songs and keyboard pieces in `Corpus/`, stored as F16 safetensors (widened to F32 at load). It is looked
/// for where Linux keeps a program's data, so a package (`/usr/share`), an admin
/// (`/usr/local/share`), a user (`~/.local/share`) and a development build all find one.
public enum DefaultModel {
    public static let fileName = "default-model.safetensors"

    /// SwiftPM's resource bundle of this target, beside the executable in a build folder
    /// (`.build/release/Continuo_ContinuoApp.resources`). Checked as a plain folder rather than
    /// through `Bundle.module`, which stops the process when the bundle is absent (an installed
    /// binary has none).
    static let resourceBundleName = "Continuo_ContinuoApp.resources"

    /// The system-wide data folders, the admin's before the distribution's (XDG_DATA_DIRS' default).
    public static let systemDataFolders = ["/usr/local/share", "/usr/share"]

    /// The folders searched for `fileName`, first found wins: `$XDG_DATA_HOME/continuo` (default
    /// `$HOME/.local/share/continuo`), then `continuo/` in each of `systemData`
    /// (`/usr/local/share`, `/usr/share`), then the resource bundle in `executableFolder`.
    /// An explicit `model.path` (`--model-path`) is used instead of all of these.
    public static func searchFolders(
        environment: [String: String],
        systemData: [String] = systemDataFolders,
        executableFolder: URL = Bundle.main.bundleURL
    ) -> [URL] {
        var user: URL?
        // XDG Base Directory: a relative $XDG_DATA_HOME is invalid and ignored.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            user = URL(fileURLWithPath: data)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            user = URL(fileURLWithPath: home).appending(path: ".local/share")
        }
        let named = ([user].compactMap { $0 } + systemData.map { URL(fileURLWithPath: $0) })
            .map { $0.appending(path: "continuo") }
        return named + [executableFolder.appending(path: resourceBundleName)]
    }

    /// The first regular file named `fileName` in `folders`, nil when there is none.
    public static func find(in folders: [URL]) -> URL? {
        folders.map { $0.appending(path: fileName) }.first { candidate in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }

    /// The folders this process searches.
    public static var searchFolders: [URL] { searchFolders(environment: ProcessInfo.processInfo.environment) }

    /// The default model this process uses, nil when none is installed.
    public static var url: URL? { find(in: searchFolders) }

    /// The search order, then (on a line of its own, starting with "Here:") the file this
    /// process would use: for `serve --help` (the man page drops that machine-specific line).
    public static var searchDescription: String {
        let folders = ["$XDG_DATA_HOME/continuo (default ~/.local/share/continuo)"]
            + systemDataFolders.map { "\($0)/continuo" } + ["the build folder (\(resourceBundleName) beside the binary)"]
        return "Model: model.path (--model-path FILE), else the first \(fileName) in "
            + folders.joined(separator: ", ") + ".\nHere: \(url?.path ?? "none found")."
    }
}
