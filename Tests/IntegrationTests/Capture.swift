import Foundation

/// A 16-bit PCM WAV as `arecord -f S16_LE` writes it, mixed down to mono samples in -1…1.
struct Capture {
    var sampleRate: Double
    var samples: [Double]

    init?(wav data: Data) {
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24 }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        guard bytes.count > 44, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WAVE".utf8) else { return nil }
        var offset = 12, channels = 0, rate = 0, bits = 0
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            // arecord stopped by a signal may leave the data size unset (0 or 0x7FFFFFFF): read to the end.
            let size = min(u32(offset + 4), bytes.count - offset - 8)
            let body = offset + 8
            if id == "fmt " { channels = u16(body + 2); rate = u32(body + 4); bits = u16(body + 14) }
            if id == "data" {
                guard bits == 16, channels > 0 else { return nil }
                let end = size > 0 ? body + size : bytes.count
                let frames = (end - body) / (2 * channels)
                samples = (0..<frames).map { frame in
                    (0..<channels).reduce(0.0) { sum, channel in
                        let at = body + 2 * (frame * channels + channel)
                        return sum + Double(Int16(bitPattern: UInt16(u16(at))))
                    } / (32768 * Double(channels))
                }
                sampleRate = Double(rate)
                return
            }
            offset = body + size + (size & 1)
        }
        return nil
    }

    /// Root-mean-square level of `count` samples from `start`.
    func rms(from start: Int, count: Int) -> Double {
        let window = samples[start..<min(samples.count, start + count)]
        return (window.reduce(0) { $0 + $1 * $1 } / Double(max(1, window.count))).squareRoot()
    }

    /// Where the loudest stretch of `count` samples starts (searched in quarter-window steps).
    func loudestWindow(count: Int) -> Int {
        stride(from: 0, through: max(0, samples.count - count), by: max(1, count / 4))
            .max { rms(from: $0, count: count) < rms(from: $1, count: count) } ?? 0
    }

    /// The strongest frequency between `low` and `high` Hz in `count` samples from `start`: a
    /// Hann-windowed DFT evaluated bin by bin (X[k] = Σ x[n]·e^(-2πikn/N), the phasor advanced by
    /// one rotation per sample), refined by a parabola through the log power of the peak's neighbours.
    func dominantFrequency(from start: Int, count: Int, low: Double = 100, high: Double = 2000) -> Double {
        let window = (0..<count).map { n in samples[start + n] * (0.5 - 0.5 * cos(2 * .pi * Double(n) / Double(count - 1))) }
        let binWidth = sampleRate / Double(count)
        let bins = Int(low / binWidth)...Int(high / binWidth)
        let power = bins.map { k -> Double in
            let step = 2 * Double.pi * Double(k) / Double(count)
            let (stepCos, stepSin) = (cos(step), -sin(step))
            var (phaseCos, phaseSin) = (1.0, 0.0)
            var (re, im) = (0.0, 0.0)
            for x in window {
                re += x * phaseCos
                im += x * phaseSin
                (phaseCos, phaseSin) = (phaseCos * stepCos - phaseSin * stepSin, phaseCos * stepSin + phaseSin * stepCos)
            }
            return re * re + im * im
        }
        let peak = power.indices.max { power[$0] < power[$1] }!
        guard peak > 0, peak < power.count - 1 else { return Double(bins.lowerBound + peak) * binWidth }
        let (a, b, c) = (log(power[peak - 1]), log(power[peak]), log(power[peak + 1]))
        let shift = 0.5 * (a - c) / (a - 2 * b + c)
        return (Double(bins.lowerBound + peak) + shift) * binWidth
    }
}
