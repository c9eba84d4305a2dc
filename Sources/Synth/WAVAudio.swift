import Foundation

/// Interleaved 16-bit PCM audio, and its RIFF/WAVE encoding (format tag 1, little-endian).
public struct WAVAudio: Equatable, Sendable {
    public var sampleRate: Int
    public var channels: Int
    /// Interleaved samples: frame 0 left, frame 0 right, frame 1 left, …
    public var samples: [Int16]

    public init(sampleRate: Int, channels: Int, samples: [Int16]) {
        self.sampleRate = sampleRate
        self.channels = channels
        self.samples = samples
    }

    /// Number of frames (one sample per channel each).
    public var frameCount: Int { samples.count / max(channels, 1) }
    /// Length in seconds.
    public var duration: Double { Double(frameCount) / Double(sampleRate) }

    /// One channel's samples as Doubles in -1…1 (for analysis).
    public func channel(_ index: Int) -> [Double] {
        stride(from: index, to: samples.count, by: channels).map { Double(samples[$0]) / 32768 }
    }

    /// The file's bytes: a 44-byte header (RIFF, fmt, data chunks) followed by the samples.
    public func encoded() -> Data {
        let dataBytes = samples.count * 2
        var out = Data(capacity: 44 + dataBytes)
        out.append(contentsOf: Array("RIFF".utf8)); out.appendLE(UInt32(36 + dataBytes))
        out.append(contentsOf: Array("WAVE".utf8))
        out.append(contentsOf: Array("fmt ".utf8)); out.appendLE(UInt32(16))
        out.appendLE(UInt16(1))                                   // PCM
        out.appendLE(UInt16(channels))
        out.appendLE(UInt32(sampleRate))
        out.appendLE(UInt32(sampleRate * channels * 2))           // byte rate
        out.appendLE(UInt16(channels * 2))                        // block align
        out.appendLE(UInt16(16))                                  // bits per sample
        out.append(contentsOf: Array("data".utf8)); out.appendLE(UInt32(dataBytes))
        samples.map(\.littleEndian).withUnsafeBytes { out.append(contentsOf: $0) }
        return out
    }

    /// Writes the file atomically (temporary file in the same folder, then rename).
    public func write(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// Parses a 16-bit PCM WAVE file, skipping chunks other than `fmt ` and `data`.
    public init(decoding bytes: Data) throws(WAVError) {
        let b = [UInt8](bytes)
        guard b.count >= 12, b[0..<4].elementsEqual("RIFF".utf8), b[8..<12].elementsEqual("WAVE".utf8) else {
            throw WAVError(offset: 0, problem: "not a RIFF/WAVE file")
        }
        var offset = 12
        var format: (channels: Int, rate: Int, bits: Int)?
        while offset + 8 <= b.count {
            let id = String(decoding: b[offset..<offset + 4], as: UTF8.self)
            let size = Int(b.le32(at: offset + 4))
            let body = offset + 8
            guard body + size <= b.count else { throw WAVError(offset: offset, problem: "chunk '\(id)' runs past the end") }
            if id == "fmt " {
                guard size >= 16, b.le16(at: body) == 1 else { throw WAVError(offset: body, problem: "not integer PCM") }
                format = (Int(b.le16(at: body + 2)), Int(b.le32(at: body + 4)), Int(b.le16(at: body + 14)))
            } else if id == "data" {
                guard let format else { throw WAVError(offset: offset, problem: "data chunk before fmt chunk") }
                guard format.bits == 16 else { throw WAVError(offset: offset, problem: "\(format.bits)-bit samples, expected 16") }
                let samples = stride(from: body, to: body + size - 1, by: 2).map { Int16(bitPattern: b.le16(at: $0)) }
                self.init(sampleRate: format.rate, channels: format.channels, samples: samples)
                return
            }
            offset = body + size + (size & 1)          // chunks are padded to even length
        }
        throw WAVError(offset: offset, problem: "no data chunk")
    }
}

/// A malformed WAV file: what is wrong and at which byte.
public struct WAVError: Error, Equatable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var problem: String
    public var description: String { "WAV byte \(offset): \(problem)" }
}

private extension Data {
    mutating func appendLE<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}

private extension [UInt8] {
    func le16(at i: Int) -> UInt16 { UInt16(self[i]) | UInt16(self[i + 1]) << 8 }
    func le32(at i: Int) -> UInt32 { UInt32(le16(at: i)) | UInt32(le16(at: i + 2)) << 16 }
}
