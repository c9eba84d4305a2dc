/// The share of each pitch class (C … B) in the seed and in the continuation, with each class's
/// frequency in Hz (in octave 4) under its name — shows whether the model keeps the seed's key.
public enum PitchClassChart {
    /// The chart as SVG: per part and pitch class a `<rect class="bar seed|continuation">` with
    /// `data-pitch-class` (0 = C) and `data-share` (fraction of that part's notes), height ∝ share.
    public static func svg(_ notes: [PlotNote], caption: PlotCaption) -> String {
        var shares: [Part: [Double]] = [:]
        for part in Part.allCases {
            let pitches = notes.filter { $0.part == part }.map(\.pitch)
            var counts = [Double](repeating: 0, count: 12)
            for p in pitches { counts[Int(p) % 12] += 1 }
            shares[part] = counts.map { pitches.isEmpty ? 0 : $0 / Double(pitches.count) }
        }
        let top = max(shares.values.flatMap { $0 }.max() ?? 0, 0.1)
        let frame = ChartFrame(x: -0.5...11.5, y: 0...(top * 1.1))
        var svg = frame.document(title: caption.title("Pitch-class frequency"),
                                 xLabel: "Pitch class (frequency in octave 4)", yLabel: "Share of notes (%)")
        for t in ChartFrame.ticks(0...top, count: 6) { frame.yTick(t, SVGValue.number(t * 100).text, in: &svg) }
        for pc in 0..<12 {
            let hz = NoteName.frequency(of: UInt8(60 + pc))
            frame.xTick(Double(pc), "\(NoteName.pitchClasses[pc]) \(Int(hz.rounded())) Hz", in: &svg)
        }
        let barWidth = 0.4
        for (i, part) in Part.allCases.enumerated() {
            for (pc, share) in (shares[part] ?? []).enumerated() where share > 0 {
                svg.add("rect", [
                    "class": .string("bar \(part.rawValue)"),
                    "data-pitch-class": .number(Double(pc)), "data-share": .string(String(share)),
                    "x": .number(frame.sx(Double(pc) - barWidth + Double(i) * barWidth)),
                    "y": .number(frame.sy(share)),
                    "width": .number(frame.dx(barWidth)), "height": .number(frame.dy(share)),
                    "fill": .string(part.colour),
                ])
            }
        }
        frame.legend(in: &svg)
        return svg.text
    }
}
