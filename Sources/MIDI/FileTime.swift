/// A time in a MIDI file, counted in the file's own ticks from the start of the track.
///
/// Ticks become seconds or quarter notes only through a `TempoMap`, so a bare
/// number can never be read as the wrong unit.
public struct Ticks: Hashable, Comparable, Sendable, Codable, ExpressibleByIntegerLiteral {
    public var value: Int
    public init(_ value: Int) { self.value = value }
    public init(integerLiteral value: Int) { self.value = value }
    public static func < (a: Ticks, b: Ticks) -> Bool { a.value < b.value }
    public static func + (a: Ticks, b: Ticks) -> Ticks { Ticks(a.value + b.value) }
    public static func - (a: Ticks, b: Ticks) -> Ticks { Ticks(a.value - b.value) }
}

/// A time in seconds from the start of a MIDI file (not on the daemon's clock: see `MonotonicTime`).
public struct Seconds: Hashable, Comparable, Sendable, Codable {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public static func < (a: Seconds, b: Seconds) -> Bool { a.value < b.value }
    public static func + (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value + b.value) }
    public static func - (a: Seconds, b: Seconds) -> Seconds { Seconds(a.value - b.value) }
}
