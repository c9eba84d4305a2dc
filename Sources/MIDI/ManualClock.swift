import Synchronization

/// A clock that moves only when its owner moves it: tests (so every timing rule runs the same
/// way on a busy machine as on an idle one) and `continuo bench`, which plays a musician
/// without waiting.
public final class ManualClock: MonotonicClock {
    private let seconds: Mutex<Double>

    public init(at start: Double = 0) { seconds = Mutex(start) }

    public func now() -> MonotonicTime { MonotonicTime(seconds: seconds.withLock { $0 }) }

    /// Moves the clock to `time` (never backwards).
    public func set(_ time: Double) {
        seconds.withLock { $0 = max($0, time) }
    }

    /// Moves the clock forward by `delta` seconds.
    public func advance(by delta: Double) {
        seconds.withLock { $0 += max(delta, 0) }
    }
}
