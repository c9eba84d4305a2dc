import Foundation

/// Strict validation of a safetensors byte image: header length, JSON, dtypes, shapes, byte
/// ranges inside the data section and not overlapping, finite values.
struct SafetensorsParser {
    let path: String
    let bytes: [UInt8]
    /// The shipped model's header (tensor table, vocabulary, figures) is 18.5 KB; parsing JSON
    /// takes several times its size in memory, so the header is kept to 16 MiB.
    static let maxHeaderLength = 16 << 20

    func fail(_ reason: String) -> SafetensorsError { SafetensorsError(path: path, reason: reason) }

    func parse() throws -> SafetensorsFile {
        guard bytes.count >= 8 else { throw fail("file is \(bytes.count) bytes, too short for the 8-byte header length") }
        let length = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1)) }
        guard length <= UInt64(Self.maxHeaderLength) else {
            throw fail("header length \(length) at byte 0 is more than the \(Self.maxHeaderLength >> 20) MiB a header may be")
        }
        guard length <= UInt64(bytes.count - 8) else {
            throw fail("header length \(length) at byte 0 runs past the end of the \(bytes.count)-byte file")
        }
        let dataStart = 8 + Int(length)
        let json = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart]))
        guard let header = json as? [String: Any] else { throw fail("header at bytes 8..<\(dataStart) is not a JSON object") }
        var metadata: [String: String] = [:]
        var entries: [(name: String, dtype: SafetensorsDType, shape: [Int], begin: Int, end: Int)] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard let map = value as? [String: String] else { throw fail("__metadata__ is not a map of strings") }
                metadata = map
                continue
            }
            guard let entry = value as? [String: Any], let dtypeName = entry["dtype"] as? String,
                  let shape = entry["shape"] as? [Int], let offsets = entry["data_offsets"] as? [Int], offsets.count == 2
            else { throw fail("tensor \(name): header entry needs dtype, shape and two data_offsets") }
            guard let dtype = SafetensorsDType(rawValue: dtypeName) else { throw fail("tensor \(name): dtype \(dtypeName) is not F32 or F16") }
            guard shape.allSatisfy({ $0 >= 0 }) else { throw fail("tensor \(name): negative dimension in shape \(shape)") }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end, end <= bytes.count - dataStart else {
                throw fail("tensor \(name): data_offsets [\(begin), \(end)] outside the \(bytes.count - dataStart)-byte data section")
            }
            guard let size = Self.byteCount(shape, dtype), size == end - begin else {
                let needs = Self.byteCount(shape, dtype).map { "\($0) bytes" } ?? "more bytes than a file can hold"
                throw fail("tensor \(name): shape \(shape) needs \(needs), data_offsets span \(end - begin)")
            }
            entries.append((name, dtype, shape, begin, end))
        }
        entries.sort { $0.begin < $1.begin }
        for (a, b) in zip(entries, entries.dropFirst()) where b.begin < a.end {
            throw fail("tensors \(a.name) and \(b.name) overlap at data byte \(b.begin)")
        }
        let tensors = try entries.map { e in
            NamedTensor(name: e.name, shape: e.shape, values: try values(e.name, e.dtype, from: dataStart + e.begin, count: e.shape.reduce(1, *)))
        }
        return SafetensorsFile(tensors: tensors, metadata: metadata)
    }

    /// Bytes a tensor of `shape` takes, nil when the product overflows.
    static func byteCount(_ shape: [Int], _ dtype: SafetensorsDType) -> Int? {
        var total = dtype.byteCount
        for dimension in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            total = product
        }
        return total
    }

    /// Little-endian elements starting at file byte `start`, widened to Float; rejects NaN and ±∞.
    func values(_ name: String, _ dtype: SafetensorsDType, from start: Int, count: Int) throws -> [Float] {
        let out: [Float] = bytes.withUnsafeBytes { raw in
            (0..<count).map { i in
                switch dtype {
                case .f32: Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * i, as: UInt32.self)))
                case .f16: Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: start + 2 * i, as: UInt16.self))))
                }
            }
        }
        if let bad = out.firstIndex(where: { !$0.isFinite }) {
            throw fail("tensor \(name): element \(bad) is \(out[bad]) (file byte \(start + bad * dtype.byteCount))")
        }
        return out
    }
}

/// The byte image of a safetensors file: header padded with spaces to 8 bytes, tensors in order.
enum SafetensorsWriter {
    static func encode(_ file: SafetensorsFile, dtype: SafetensorsDType) -> [UInt8] {
        var entries: [String] = []
        var offset = 0
        for t in file.tensors {
            let size = t.values.count * dtype.byteCount
            entries.append("\(quoted(t.name)):{\"dtype\":\"\(dtype.rawValue)\",\"shape\":\(t.shape),\"data_offsets\":[\(offset),\(offset + size)]}")
            offset += size
        }
        let meta = file.metadata.keys.sorted().map { "\(quoted($0)):\(quoted(file.metadata[$0]!))" }
        entries.insert("\"__metadata__\":{\(meta.joined(separator: ","))}", at: 0)
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        header += Array(repeating: UInt8(ascii: " "), count: (8 - header.count % 8) % 8)
        var out = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(header.count) >> (8 * UInt64($0))) }
        out.reserveCapacity(8 + header.count + offset)
        out += header
        for t in file.tensors {
            for v in t.values {
                switch dtype {
                case .f32: withUnsafeBytes(of: v.bitPattern.littleEndian) { out += $0 }
                case .f16: withUnsafeBytes(of: Float16(v).bitPattern.littleEndian) { out += $0 }
                }
            }
        }
        return out
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        String(decoding: try! JSONEncoder().encode(s), as: UTF8.self)
    }
}
