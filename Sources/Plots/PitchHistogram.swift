/// How often each MIDI pitch occurs, seed and continuation side by side, pitches named along the x axis.
public enum PitchHistogram {
    /// The chart as SVG: for each pitch in the range and each part with notes of it, a
    /// `<rect class="bar seed|continuation">` with `data-pitch` and `data-count`, height ∝ count.
    public static func svg(_ notes: [PlotNote], caption: PlotCaption) -> String {
        let low = Int(notes.map(\.pitch).min() ?? 60), high = Int(notes.map(\.pitch).max() ?? 72)
        var counts: [Part: [Int: Int]] = [:]
        for note in notes { counts[note.part, default: [:]][Int(note.pitch), default: 0] += 1 }
        let top = Double(counts.values.flatMap(\.values).max() ?? 1)
        let frame = ChartFrame(x: (Double(low) - 0.5)...(Double(high) + 0.5), y: 0...(top * 1.1))
        var svg = frame.document(title: caption.title("Pitch histogram"), xLabel: "Pitch", yLabel: "Notes")
        for t in ChartFrame.ticks(0...top, count: 6) where t == t.rounded() {
            frame.yTick(t, SVGValue.number(t).text, in: &svg)
        }
        for p in low...high { frame.xTick(Double(p), NoteName.of(UInt8(p)), rotated: true, in: &svg) }
        let barWidth = 0.4
        for (i, part) in Part.allCases.enumerated() {
            for (pitch, count) in (counts[part] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let x = Double(pitch) - barWidth + Double(i) * barWidth
                svg.add("rect", [
                    "class": .string("bar \(part.rawValue)"),
                    "data-pitch": .number(Double(pitch)), "data-count": .number(Double(count)),
                    "x": .number(frame.sx(x)), "y": .number(frame.sy(Double(count))),
                    "width": .number(frame.dx(barWidth)), "height": .number(frame.dy(Double(count))),
                    "fill": .string(part.colour),
                ])
            }
        }
        frame.legend(in: &svg)
        return svg.text
    }
}
