/// Finds the mechanical repetition a sampler falls into: the same few onsets over and over.
public enum LoopDetector {
    /// Whether `onsets` contains an exact repeat of a pattern of period p ≤ maxPeriod covering at least
    /// minCovered consecutive onsets (i.e. a run where onsets[i] == onsets[i+p] for every i in a stretch
    /// such that the stretch plus its period spans ≥ minCovered onsets).
    ///
    /// A run of r matching positions i…i+r−1 at period p covers the onsets i…i+r−1+p, that is r + p of them.
    /// The run must also be at least p long, so the whole pattern has come round again: otherwise a single
    /// chord recurring 9–12 onsets later (a run of 1 at a long period) would already count as a loop.
    public static func containsLoop<T: Equatable>(_ onsets: [T], maxPeriod: Int = 12, minCovered: Int = 10) -> Bool {
        guard maxPeriod >= 1 else { return false }
        for period in 1...maxPeriod where period < onsets.count {
            var run = 0
            for i in 0..<(onsets.count - period) {
                run = onsets[i] == onsets[i + period] ? run + 1 : 0
                if run >= period && run + period >= minCovered { return true }
            }
        }
        return false
    }
}
