import Corpus

/// Statistics of a loaded corpus, and their text for `continuo corpus DIR`.
public struct CorpusReport: Sendable {
    public var corpus: LoadedCorpus
    /// Vocabulary over all pieces at the report's frequency threshold.
    public var vocabulary: Vocabulary
    public var minimumTokenCount: Int

    public init(corpus: LoadedCorpus, minimumTokenCount: Int = 2) {
        self.corpus = corpus
        self.minimumTokenCount = minimumTokenCount
        self.vocabulary = Vocabulary(counting: corpus.pieces.map(\.events), minimumCount: minimumTokenCount)
    }

    var events: [MusicEvent] { corpus.pieces.flatMap(\.events) }

    /// Token frequencies, most common first (ties by pitches).
    public var tokenCounts: [(pitches: [UInt8], count: Int)] {
        var counts: [[UInt8]: Int] = [:]
        for event in events { counts[event.pitches, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.pitches.lexicographicallyPrecedes($1.pitches)
        }
    }

    /// Events per timing class (index = class id).
    public var timingHistogram: [Int] {
        var histogram = [Int](repeating: 0, count: TimingGrid.count)
        for event in events {
            histogram[Int(TimingGrid.classify(sinceBeats: event.sinceBeats, durationBeats: event.durationBeats))] += 1
        }
        return histogram
    }

    /// The report as lines of text; `top` most common tokens are listed.
    public func text(top: Int = 15) -> String {
        let all = events
        let chords = all.filter { $0.pitches.count > 1 }.count
        let unknown = all.filter { vocabulary.id(of: $0.pitches) == Vocabulary.unknownID }.count
        var lines = ["files read: \(corpus.pieces.count + corpus.skipped.count)",
                     "files used: \(corpus.pieces.count)",
                     "files skipped: \(corpus.skipped.count)"]
        lines += corpus.skipped.map { "  skipped \($0.reason)" }
        for rule in SelectionRule.allCases {
            let pieces = corpus.pieces.filter { $0.rule == rule }
            lines.append("kept by rule \(rule.rawValue): \(pieces.count) files, \(pieces.map(\.keptNotes).reduce(0, +)) notes")
        }
        lines.append("notes dropped: \(sum(\.droppedDrumNotes)) drum (channel 10), \(sum(\.droppedOtherNotes)) other instruments")
        lines.append("events: \(all.count) (\(all.count - chords) single notes, \(chords) chords; \(sum(\.cappedChords)) chords capped at \(ChordRules.maxNotes) notes)")
        lines.append("chord sizes: " + (1...ChordRules.maxNotes).map { n in "\(n):\(all.filter { $0.pitches.count == n }.count)" }.joined(separator: " "))
        lines.append("vocabulary: \(vocabulary.count) ids (tokens seen ≥ \(minimumTokenCount) times + <unk>), \(tokenCounts.count) distinct tokens, \(percent(unknown, all.count)) of events unknown")
        lines.append("most common tokens:")
        lines += tokenCounts.prefix(max(0, top)).map { "  \(pad(Vocabulary.token(of: $0.pitches), 16)) \(pad(String($0.count), 8)) \(percent($0.count, all.count))" }
        lines += histogramLines(total: all.count)
        return lines.joined(separator: "\n")
    }

    private func histogramLines(total: Int) -> [String] {
        let histogram = timingHistogram
        let width = TimingGrid.durationValues.count
        func bar(_ count: Int) -> String { String(repeating: "#", count: total == 0 ? 0 : (count * 50 + total - 1) / total) }
        var lines = ["timing classes used: \(histogram.filter { $0 > 0 }.count) of \(TimingGrid.count)",
                     "inter-onset (quarter notes):"]
        for (index, value) in TimingGrid.sinceValues.enumerated() {
            let count = histogram[index * width..<(index + 1) * width].reduce(0, +)
            lines.append("  \(pad(beatsText(value), 6)) \(pad(String(count), 8)) \(bar(count))")
        }
        lines.append("duration (quarter notes):")
        for (index, value) in TimingGrid.durationValues.enumerated() {
            let count = stride(from: index, to: histogram.count, by: width).map { histogram[$0] }.reduce(0, +)
            lines.append("  \(pad(beatsText(value), 6)) \(pad(String(count), 8)) \(bar(count))")
        }
        lines.append("most common timing classes (since, duration):")
        lines += histogram.enumerated().sorted { $0.element > $1.element }.prefix(10).filter { $0.element > 0 }.map { item in
            let beats = TimingGrid.beats(ofClass: Int32(item.offset))
            return "  class \(pad(String(item.offset), 4)) (\(beatsText(beats.since)), \(beatsText(beats.duration))) \(pad(String(item.element), 8)) \(percent(item.element, total))"
        }
        return lines
    }

    private func sum(_ field: KeyPath<Piece, Int>) -> Int { corpus.pieces.map { $0[keyPath: field] }.reduce(0, +) }
}

/// "1/8", "2/3", "3/2", "4": a grid value as a fraction of a quarter note.
func beatsText(_ beats: Double) -> String {
    for denominator in [1, 2, 3, 4, 8] {
        let numerator = beats * Double(denominator)
        if abs(numerator - numerator.rounded()) < 1e-9 {
            return denominator == 1 ? String(Int(numerator.rounded())) : "\(Int(numerator.rounded()))/\(denominator)"
        }
    }
    return String(beats)
}

func percent(_ part: Int, _ whole: Int) -> String {
    guard whole > 0 else { return "0.0%" }
    let tenths = (part * 1000 + whole / 2) / whole
    return "\(tenths / 10).\(tenths % 10)%"
}

func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: max(width - text.count, 0)) }
