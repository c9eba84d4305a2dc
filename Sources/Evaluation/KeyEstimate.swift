/// The key of a passage by the Krumhansl–Schmuckler algorithm, and how much of a passage lies in a key.
public enum KeyEstimate {
    /// Krumhansl & Kessler (1982) probe-tone ratings of the twelve pitch classes above a major tonic.
    static let majorProfile = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88]
    /// The same above a minor tonic.
    static let minorProfile = [6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17]

    /// Krumhansl–Schmuckler: the key whose Krumhansl–Kessler profile (rotated to the tonic) has the
    /// highest Pearson correlation with the duration-weighted pitch-class histogram. nil when there are
    /// no notes / total duration 0, and when every pitch class has the same weight (the correlation is
    /// then undefined for every key). Notes with a negative or non-finite duration weigh nothing; ties go
    /// to the key listed first in `Key.all`.
    public static func key(of notes: [(pitch: UInt8, duration: Double)]) -> Key? {
        var histogram = [Double](repeating: 0, count: 12)
        for note in notes where note.duration.isFinite && note.duration > 0 {
            histogram[Int(note.pitch) % 12] += note.duration
        }
        var best: (key: Key, r: Double)?
        for key in Key.all {
            guard let r = pearsonCorrelation(histogram, profile(of: key)) else { return nil }
            if r > best?.r ?? -.infinity { best = (key, r) }
        }
        return best?.key
    }

    /// The key's profile indexed by absolute pitch class: entry `pc` rates `pc` in this key.
    static func profile(of key: Key) -> [Double] {
        let ratings = key.mode == .major ? majorProfile : minorProfile
        return (0..<12).map { ratings[($0 - key.tonic + 12) % 12] }
    }

    /// r = Σ(x−x̄)(y−ȳ) / √(Σ(x−x̄)² Σ(y−ȳ)²); nil when either series is constant.
    static func pearsonCorrelation(_ x: [Double], _ y: [Double]) -> Double? {
        let n = Double(x.count)
        let meanX = x.reduce(0, +) / n, meanY = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - meanX) * (b - meanY)
            sxx += (a - meanX) * (a - meanX)
            syy += (b - meanY) * (b - meanY)
        }
        guard sxx > 0, syy > 0 else { return nil }
        return sxy / (sxx * syy).squareRoot()
    }

    /// Share (0...1) of notes (counted per note, not weighted) whose pitch is in `key`; 0 for no notes.
    public static func inKeyShare(_ pitches: [UInt8], key: Key) -> Double {
        guard !pitches.isEmpty else { return 0 }
        let inKey = pitches.filter { key.contains(pitch: $0) }.count
        return Double(inKey) / Double(pitches.count)
    }
}
