#if canImport(Glibc)
import Glibc
#endif
import MIDI

/// The machine's monotonic clock (`CLOCK_MONOTONIC`), the clock the kernel's sequencer timer
/// also follows, so queue times and this clock stay aligned.
public struct SystemClock: MonotonicClock {
    public init() {}

    public func now() -> MonotonicTime {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return MonotonicTime(seconds: Double(time.tv_sec) + Double(time.tv_nsec) / 1e9)
    }
}
