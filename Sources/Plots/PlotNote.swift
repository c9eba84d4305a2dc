/// Which part of a generation a note belongs to: the musician's seed or the model's continuation.
public enum Part: String, CaseIterable, Hashable, Sendable {
    case seed
    case continuation

    /// Fill colour: blue for the seed, orange for the continuation (distinguishable in colour-blind palettes).
    var colour: String { self == .seed ? "#1f77b4" : "#ff7f0e" }
    /// "Seed" or "Continuation", as legends and MIDI track names say.
    public var label: String { self == .seed ? "Seed" : "Continuation" }
}

/// One note to plot, with times in seconds from the start of the piece.
public struct PlotNote: Hashable, Sendable {
    public var pitch: UInt8
    public var startSeconds: Double
    public var durationSeconds: Double
    public var part: Part

    public init(pitch: UInt8, startSeconds: Double, durationSeconds: Double, part: Part) {
        self.pitch = pitch
        self.startSeconds = startSeconds
        self.durationSeconds = durationSeconds
        self.part = part
    }
}

/// What a plot's title says about the generation it shows.
public struct PlotCaption: Hashable, Sendable {
    public var model: String
    public var temperature: Double
    public var randomSeed: UInt64

    public init(model: String, temperature: Double, randomSeed: UInt64) {
        self.model = model
        self.temperature = temperature
        self.randomSeed = randomSeed
    }

    /// "<chart> — model M, temperature T, seed S".
    func title(_ chart: String) -> String {
        let t = (temperature * 1000).rounded() / 1000
        return "\(chart) — model \(model), temperature \(t), seed \(randomSeed)"
    }
}
