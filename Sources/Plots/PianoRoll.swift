/// A piano roll: one rectangle per note, time in seconds across, pitch up, seed and continuation in two colours.
public enum PianoRoll {
    /// The chart as an SVG document. Each note is a `<rect class="note seed|continuation">`
    /// carrying `data-pitch`; pitch rows are labelled with note names.
    public static func svg(_ notes: [PlotNote], caption: PlotCaption) -> String {
        let end = max(notes.map { $0.startSeconds + $0.durationSeconds }.max() ?? 1, 1)
        let low = Double(notes.map(\.pitch).min() ?? 60) - 1
        let high = Double(notes.map(\.pitch).max() ?? 72) + 1
        // One row per pitch: the pitch p fills p-0.5 … p+0.5.
        let frame = ChartFrame(x: 0...end, y: (low - 0.5)...(high + 0.5))
        var svg = frame.document(title: caption.title("Piano roll"), xLabel: "Time (s)", yLabel: "Pitch")
        for t in ChartFrame.ticks(0...end) { frame.xTick(t, SVGValue.number(t).text, in: &svg) }
        let rows = Int(high - low) + 1
        let every = rows <= 24 ? 1 : rows <= 48 ? 2 : 12
        for p in Int(low)...Int(high) where p >= 0 && p <= 127 && (every == 12 ? p % 12 == 0 : p % every == 0) {
            frame.yTick(Double(p), NoteName.of(UInt8(p)), in: &svg)
        }
        if let boundary = notes.filter({ $0.part == .continuation }).map(\.startSeconds).min() {
            let x = frame.sx(boundary)
            svg.add("line", ["class": "boundary", "x1": .number(x), "y1": .number(ChartFrame.top),
                             "x2": .number(x), "y2": .number(ChartFrame.top + frame.plotHeight),
                             "stroke": "#888888", "stroke-dasharray": "4 3"])
        }
        for note in notes {
            svg.add("rect", [
                "class": .string("note \(note.part.rawValue)"),
                "data-pitch": .number(Double(note.pitch)),
                "x": .number(frame.sx(note.startSeconds)),
                "y": .number(frame.sy(Double(note.pitch) + 0.5)),
                "width": .number(max(frame.dx(note.durationSeconds), 1)),
                "height": .number(frame.dy(1)),
                "fill": .string(note.part.colour), "stroke": "black", "stroke-width": 0.5,
            ])
        }
        frame.legend(in: &svg)
        return svg.text
    }
}
