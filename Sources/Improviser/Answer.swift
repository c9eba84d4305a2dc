import MIDI

/// The continuation Continuo is playing now and where it stands in time.
struct Answer {
    /// The generator, forked from the warm seed.
    var continuation: Continuation
    /// `WarmSeed.generation` it was forked from; play-along re-forks when the seed moves on.
    var basis: Int
    /// When the first note sounds.
    let start: MonotonicTime
    /// Where the length limits count from: the start, or in play-along the musician's latest note.
    var budgetStart: MonotonicTime
    /// Events played since `budgetStart`.
    var played = 0
    /// Onset of the last event scheduled, nil before the first.
    var lastOnset: MonotonicTime?

    /// The generated timeline so far: nothing after this is queued.
    var horizon: MonotonicTime { lastOnset ?? start }
}
