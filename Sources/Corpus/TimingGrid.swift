import Foundation

/// Beat-relative timing classes: one class id combines an inter-onset class and a duration class.
///
/// Both axes are note values in quarter notes, so a piece played faster or slower gets the same classes:
/// - since (inter-onset): 0, 1/8, 1/4, 1/3, 1/2, 2/3, 3/4, 1, 3/2, 2, 3, 4, 8 (13 classes);
/// - duration: 1/8, 1/4, 1/3, 1/2, 2/3, 3/4, 1, 3/2, 2, 3, 4, 8 (12 classes).
/// These are the 32nd to the breve with dotted and triplet values in between. A value maps to the nearest
/// class on a log2 scale (ratios matter in rhythm, not differences); an inter-onset time under 1/16 is 0
/// (a chord that missed the onset window); values beyond the ends clamp to the ends.
/// `id = sinceClass * durationValues.count + durationClass`, 156 classes in all.
public enum TimingGrid {
    /// Inter-onset values, quarter notes.
    public static let sinceValues: [Double] = [0, 1.0 / 8, 1.0 / 4, 1.0 / 3, 1.0 / 2, 2.0 / 3, 3.0 / 4, 1, 3.0 / 2, 2, 3, 4, 8]
    /// Duration values, quarter notes.
    public static let durationValues: [Double] = [1.0 / 8, 1.0 / 4, 1.0 / 3, 1.0 / 2, 2.0 / 3, 3.0 / 4, 1, 3.0 / 2, 2, 3, 4, 8]
    /// Inter-onset times below this (quarter notes) are class 0.
    public static let simultaneousBelow = 1.0 / 16

    /// Number of timing classes.
    public static var count: Int { sinceValues.count * durationValues.count }

    /// The class of an event that comes `sinceBeats` after the previous one and lasts `durationBeats`.
    public static func classify(sinceBeats: Double, durationBeats: Double) -> Int32 {
        let since = sinceBeats < simultaneousBelow ? 0 : 1 + nearest(sinceBeats, in: sinceValues.dropFirst())
        return Int32(since * durationValues.count + nearest(durationBeats, in: durationValues[...]))
    }

    /// Representative values of class `id` (clamped into range).
    public static func beats(ofClass id: Int32) -> (since: Double, duration: Double) {
        let clamped = min(max(Int(id), 0), count - 1)
        return (sinceValues[clamped / durationValues.count], durationValues[clamped % durationValues.count])
    }

    /// The grid's definition, stored with a trained model so that a mismatched grid is refused at load.
    public struct Layout: Codable, Hashable, Sendable {
        public var sinceBeats: [Double]
        public var durationBeats: [Double]
        public var simultaneousBelowBeats: Double
        public var rule: String
    }

    public static var layout: Layout {
        Layout(sinceBeats: sinceValues, durationBeats: durationValues, simultaneousBelowBeats: simultaneousBelow,
               rule: "nearest on log2 scale; id = since * \(durationValues.count) + duration")
    }

    /// Index (from 0) within `values` of the value nearest to `x` on a log2 scale; non-positive → first.
    private static func nearest(_ x: Double, in values: ArraySlice<Double>) -> Int {
        guard x > 0 else { return 0 }
        let distances = values.map { abs(log2($0) - log2(x)) }
        return distances.indices.min { distances[$0] < distances[$1] } ?? 0
    }
}
