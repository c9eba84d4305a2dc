/// The header's division field: what one tick means.
public enum TimeDivision: Hashable, Sendable {
    /// Metrical time: this many ticks per quarter note (1…32767); the tempo says how long a quarter is.
    case ticksPerQuarter(UInt16)
    /// Time-code based time: frames per second (24, 25, 29 meaning 29.97 drop-frame, or 30) and ticks per frame.
    case smpte(framesPerSecond: UInt8, ticksPerFrame: UInt8)

    /// Seconds per tick for SMPTE divisions (independent of tempo); nil for metrical time.
    public var smpteSecondsPerTick: Double? {
        guard case let .smpte(fps, perFrame) = self else { return nil }
        let framesPerSecond = fps == 29 ? 30_000.0 / 1001.0 : Double(fps)
        return 1 / (framesPerSecond * Double(perFrame))
    }
}
