/// A point on the daemon's monotonic clock, in seconds since that clock's origin.
///
/// Every scheduled MIDI event carries one, so the ALSA output queue and the synth play
/// the same schedule at the same moments. File times use `Seconds`/`Ticks` instead.
public struct MonotonicTime: Hashable, Comparable, Sendable {
    public var seconds: Double
    public init(seconds: Double) { self.seconds = seconds }
    public static func < (a: MonotonicTime, b: MonotonicTime) -> Bool { a.seconds < b.seconds }
    public static func + (t: MonotonicTime, d: Double) -> MonotonicTime { MonotonicTime(seconds: t.seconds + d) }
    public static func - (a: MonotonicTime, b: MonotonicTime) -> Double { a.seconds - b.seconds }
}

/// A source of monotonic time: the real clock in the daemon, a virtual clock in tests.
public protocol MonotonicClock: Sendable {
    /// The current time on this clock.
    func now() -> MonotonicTime
}
