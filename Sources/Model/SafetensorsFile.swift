import Foundation

/// Element types Continuo reads and writes. F32 for training checkpoints; F16 halves the shipped
/// model and is widened to F32 at load.
public enum SafetensorsDType: String, Sendable, Codable, CaseIterable {
    case f32 = "F32"
    case f16 = "F16"

    var byteCount: Int { self == .f32 ? 4 : 2 }
}

/// A bad or unwritable safetensors file: prints as one line saying which file and what is wrong.
public struct SafetensorsError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
    public var description: String { "\(path): \(reason)" }
}

/// One named tensor, widened to `Float`.
public struct NamedTensor: Sendable, Equatable {
    public var name: String
    public var shape: [Int]
    public var values: [Float]
    public init(name: String, shape: [Int], values: [Float]) {
        precondition(shape.reduce(1, *) == values.count, "tensor \(name): shape \(shape) does not hold \(values.count) values")
        self.name = name
        self.shape = shape
        self.values = values
    }
}

/// The contents of a safetensors file: an 8-byte little-endian header length, a JSON header
/// naming each tensor's dtype, shape and byte range, then the raw little-endian data. It holds
/// data only, so reading one can never run code.
public struct SafetensorsFile: Sendable, Equatable {
    /// Tensors in file order.
    public var tensors: [NamedTensor]
    /// The `__metadata__` string map.
    public var metadata: [String: String]

    public init(tensors: [NamedTensor], metadata: [String: String]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name`.
    public subscript(name: String) -> NamedTensor? { tensors.first { $0.name == name } }

    /// The largest file `read(contentsOf:)` accepts: 16× the shipped model, room for a 3×1024
    /// resume checkpoint (weights and both Adam moments in F32).
    public static let maximumFileSize = 512 << 20

    /// Reads and validates a file; any defect throws a `SafetensorsError`. The size is checked
    /// before anything is read, and the bytes are read once, straight into the parser's array.
    public static func read(contentsOf url: URL) throws -> SafetensorsFile {
        try SafetensorsParser(path: url.path, bytes: readBytes(url)).parse()
    }

    static func readBytes(_ url: URL) throws -> [UInt8] {
        func fail(_ why: String) -> SafetensorsError { SafetensorsError(path: url.path, reason: why) }
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw fail("cannot read: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw fail("cannot read: \(String(cString: strerror(errno)))") }
        guard status.st_mode & S_IFMT == S_IFREG else { throw fail("cannot read: not a regular file") }
        let size = Int(status.st_size)
        guard size <= maximumFileSize else {
            throw fail("file is \(size) bytes, more than the \(maximumFileSize >> 20) MiB a model file may be")
        }
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { failure = n < 0 ? errno : 0; break }
                count += n
            }
        }
        guard bytes.count == size else {
            throw fail(failure != 0 ? "cannot read: \(String(cString: strerror(failure)))" : "file shrank while being read")
        }
        return bytes
    }

    /// Writes the file atomically (temporary file in the same directory, then rename).
    public func write(to url: URL, dtype: SafetensorsDType) throws {
        let bytes = SafetensorsWriter.encode(self, dtype: dtype)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        do {
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw SafetensorsError(path: url.path, reason: "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        } catch let error as SafetensorsError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw SafetensorsError(path: url.path, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}
