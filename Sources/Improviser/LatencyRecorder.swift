/// The last few hundred phrase-end → first-note latencies, for the status line.
public struct LatencyRecorder: Sendable {
    private var samples: [Double] = []
    private var next = 0
    private static let capacity = 512

    public init() {}

    /// Number of samples held.
    public var count: Int { samples.count }

    /// Adds one latency, in seconds, replacing the oldest once full.
    public mutating func record(_ seconds: Double) {
        if samples.count < Self.capacity {
            samples.append(seconds)
        } else {
            samples[next] = seconds
        }
        next = (next + 1) % Self.capacity
    }

    /// The `q`-quantile (0…1) by nearest rank, nil when empty.
    public func quantile(_ q: Double) -> Double? {
        guard !samples.isEmpty else { return nil }
        let sorted = samples.sorted()
        let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
