import Foundation

/// An independent frequency probe for rendered audio: Goertzel magnitudes over a Hann window.
enum Spectrum {
    /// |X(f)|² of `signal` at frequency `f` (Hz) — the Goertzel recurrence
    /// s[n] = x[n] + 2cos(ω) s[n-1] - s[n-2], power = s1² + s2² - 2cos(ω) s1 s2.
    static func power(of signal: ArraySlice<Double>, at f: Double, sampleRate: Double) -> Double {
        let n = signal.count
        let coefficient = 2 * cos(2 * Double.pi * f / sampleRate)
        var s1 = 0.0, s2 = 0.0
        for (i, x) in signal.enumerated() {
            let hann = 0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(n - 1))
            let s = x * hann + coefficient * s1 - s2
            s2 = s1
            s1 = s
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2
    }

    /// The frequency with the most power between `low` and `high` Hz: a 4 Hz coarse scan on a short
    /// window, then a 0.25 Hz scan around the winner on the whole signal.
    static func dominantFrequency(of signal: [Double], sampleRate: Double, low: Double = 50, high: Double = 2000) -> Double {
        let short = signal.prefix(4096)
        let coarse = stride(from: low, through: high, by: 4.0).max {
            power(of: short, at: $0, sampleRate: sampleRate) < power(of: short, at: $1, sampleRate: sampleRate)
        }!
        let whole = signal[...]
        return stride(from: coarse - 6, through: coarse + 6, by: 0.25).max {
            power(of: whole, at: $0, sampleRate: sampleRate) < power(of: whole, at: $1, sampleRate: sampleRate)
        }!
    }

    /// The largest absolute sample value.
    static func peak(_ signal: ArraySlice<Double>) -> Double { signal.map(abs).max() ?? 0 }
}
