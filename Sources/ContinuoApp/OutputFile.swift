import Foundation

/// Where a command writes a file: checked before work starts, written under a temporary name
/// and renamed into place, so a failure never leaves a partial or half-updated output behind.
public struct OutputFileError: Error, CustomStringConvertible, Equatable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public enum OutputFile {
    /// Throws one line naming `option` and the path unless a new file can be created beside `url`
    /// (and `url` itself is not a folder).
    public static func checkWritable(_ url: URL, option: String) throws(OutputFileError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
            throw OutputFileError("\(option) \(url.path): is a folder, not a file")
        }
        let probe = temporaryURL(for: url, tag: "probe")
        let fd = open(probe.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw OutputFileError("\(option) \(url.path): cannot write in \(url.deletingLastPathComponent().path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        unlink(probe.path)
    }

    /// Creates the folder `url` will be written in (and its parents), as one line on failure.
    public static func createFolder(for url: URL, option: String) throws(OutputFileError) {
        let folder = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw OutputFileError("\(option) \(url.path): cannot create the folder \(folder.path): \(reason(error))")
        }
    }

    /// A hidden name beside `url` for writing before the rename: `dir/.NAME.TAG-PID`.
    public static func temporaryURL(for url: URL, tag: String = "tmp") -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(tag)-\(getpid())")
    }

    /// The one-line reason for a Foundation file error: the errno text when there is one.
    public static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsError.code))) }
        // On Linux the underlying error is stored as a Swift error: bridge it rather than cast it.
        if let underlying = (nsError.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }),
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription.split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}

extension OutputFile {
    /// Writes every `(url, bytes)` under a temporary name beside it, then renames them all into
    /// place; if any write fails, the temporary files are removed and nothing is replaced.
    public static func write(_ files: [(URL, Data)], option: String) throws(OutputFileError) {
        var written: [(temporary: URL, final: URL)] = []
        func removeTemporaries() { for file in written { unlink(file.temporary.path) } }
        for (url, bytes) in files {
            let temporary = temporaryURL(for: url)
            do { try bytes.write(to: temporary) } catch {
                removeTemporaries()
                throw OutputFileError("\(option): cannot write \(url.path): \(reason(error))")
            }
            written.append((temporary, url))
        }
        for file in written where rename(file.temporary.path, file.final.path) != 0 {
            let why = String(cString: strerror(errno))
            removeTemporaries()
            throw OutputFileError("\(option): cannot write \(file.final.path): \(why)")
        }
    }
}
