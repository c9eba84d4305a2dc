import Foundation

extension EvaluationReport {
    /// The report as the two tables `continuo evaluate` prints.
    public var table: String {
        var lines = ["model \(model) (\(representation) steps), held out: \(heldOut), \(heldOutPieces) pieces"]
        lines.append("")
        lines.append("likelihood           nats/note  nats/event  token  timing  token top-1/top-5  timing top-1/top-5  unknown notes")
        for s in likelihood {
            let topK = { (h: HeadScore) in String(format: "%5.1f/%5.1f %%", 100 * h.top1Share, 100 * h.top5Share) }
            lines.append(pad(s.name, 20) + String(format: " %9.3f  %10.3f  %5.3f  %6.3f", s.natsPerNote, s.natsPerEvent,
                                                  s.token.natsPerStep, s.timing.natsPerStep)
                         + "  " + pad(topK(s.token), 17) + "  " + pad(topK(s.timing), 18) + String(format: "  %5.1f %%", 100 * s.unknownNoteShare))
        }
        lines.append("(\(likelihood.first?.token.positions ?? 0) predicted steps, \(likelihood.first?.notes ?? 0) notes; best baseline: \(bestBaseline))")
        lines.append("")
        lines.append("answers (T = \(String(format: "%.2f", temperature)), top-p \(String(format: "%.2f", topP)), \(samples) per seed; medians over pieces)")
        lines.append(pad("", 22) + answers.map { pad($0.source, 18) }.joined())
        let rows: [(String, (AnswerSummary) -> Double?, String)] = [
            ("in key", \.inKey, "%.3f"), ("follow", \.follow, "%+.3f"), ("register (semitones)", \.register, "%+.1f"),
            ("texture (ratio)", \.texture, "%.2f"), ("tempo (ratio)", \.tempo, "%.2f"), ("loops (share)", \.loopShare, "%.2f"),
            ("distinct chords", \.distinctChords, "%.1f"), ("distinct pitches", \.distinctPitches, "%.1f"),
        ]
        for (name, value, format) in rows {
            lines.append(pad(name, 22) + answers.map { pad(value($0).map { String(format: format, $0) } ?? "—", 18) }.joined())
        }
        lines.append(pad("pieces / answers", 22) + answers.map { pad("\($0.pieces) / \($0.answers)", 18) }.joined())
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
