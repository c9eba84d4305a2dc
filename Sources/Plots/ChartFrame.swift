import Foundation

/// The common frame of every chart: a plot area inside margins, linear x and y scales,
/// axes with ticks and labels, a title and a legend of the two parts.
struct ChartFrame {
    static let width = 960.0, height = 540.0
    static let left = 70.0, right = 20.0, top = 64.0, bottom = 70.0

    /// Data ranges shown on each axis.
    var x: ClosedRange<Double>
    var y: ClosedRange<Double>

    var plotWidth: Double { Self.width - Self.left - Self.right }
    var plotHeight: Double { Self.height - Self.top - Self.bottom }

    /// Screen x of data value `v`.
    func sx(_ v: Double) -> Double { Self.left + (v - x.lowerBound) / span(x) * plotWidth }
    /// Screen y of data value `v` (up is larger).
    func sy(_ v: Double) -> Double { Self.top + plotHeight - (v - y.lowerBound) / span(y) * plotHeight }
    /// Screen width of a data length along x, and height along y.
    func dx(_ d: Double) -> Double { d / span(x) * plotWidth }
    func dy(_ d: Double) -> Double { d / span(y) * plotHeight }

    private func span(_ r: ClosedRange<Double>) -> Double { max(r.upperBound - r.lowerBound, 1e-9) }

    /// A new document with title, axis lines and axis labels drawn.
    func document(title: String, xLabel: String, yLabel: String) -> SVGDocument {
        var svg = SVGDocument(width: Self.width, height: Self.height)
        svg.add("text", ["class": "title", "x": .number(Self.width / 2), "y": 28, "text-anchor": "middle",
                         "font-size": 16], text: title)
        let x0 = Self.left, y0 = Self.top + plotHeight
        svg.add("line", ["class": "axis", "x1": .number(x0), "y1": .number(y0),
                         "x2": .number(x0 + plotWidth), "y2": .number(y0), "stroke": "black"])
        svg.add("line", ["class": "axis", "x1": .number(x0), "y1": .number(Self.top),
                         "x2": .number(x0), "y2": .number(y0), "stroke": "black"])
        svg.add("text", ["class": "axis-label", "x": .number(x0 + plotWidth / 2), "y": .number(Self.height - 12),
                         "text-anchor": "middle"], text: xLabel)
        let my = Self.top + plotHeight / 2
        svg.add("text", ["class": "axis-label", "x": 16, "y": .number(my), "text-anchor": "middle",
                         "transform": .string("rotate(-90 16 \(SVGValue.number(my).text))")], text: yLabel)
        return svg
    }

    /// A tick on the x axis at data value `v`, labelled `label` (rotated when labels are dense).
    func xTick(_ v: Double, _ label: String, rotated: Bool = false, in svg: inout SVGDocument) {
        let px = sx(v), y0 = Self.top + plotHeight
        svg.add("line", ["class": "tick", "x1": .number(px), "y1": .number(y0), "x2": .number(px),
                         "y2": .number(y0 + 5), "stroke": "black"])
        let ty = y0 + 18
        if rotated {
            svg.add("text", ["class": "tick-label", "x": .number(px), "y": .number(ty), "text-anchor": "end",
                             "font-size": 10,
                             "transform": .string("rotate(-60 \(SVGValue.number(px).text) \(SVGValue.number(ty).text))")],
                    text: label)
        } else {
            svg.add("text", ["class": "tick-label", "x": .number(px), "y": .number(ty), "text-anchor": "middle"],
                    text: label)
        }
    }

    /// A tick and a light grid line across the plot at y data value `v`.
    func yTick(_ v: Double, _ label: String, in svg: inout SVGDocument) {
        let py = sy(v)
        svg.add("line", ["class": "grid", "x1": .number(Self.left), "y1": .number(py),
                         "x2": .number(Self.left + plotWidth), "y2": .number(py), "stroke": "#dddddd"])
        svg.add("text", ["class": "tick-label", "x": .number(Self.left - 8), "y": .number(py + 4),
                         "text-anchor": "end"], text: label)
    }

    /// A legend of both parts in one row between the title and the plot, right-aligned, so it never hides data.
    func legend(in svg: inout SVGDocument) {
        for (i, part) in Part.allCases.enumerated() {
            let y = Self.top - 22
            let x = Self.left + plotWidth - 210 + Double(i) * 90
            svg.add("rect", ["class": "legend", "x": .number(x), "y": .number(y), "width": 12, "height": 12,
                             "fill": .string(part.colour)])
            svg.add("text", ["class": "legend-label", "x": .number(x + 18), "y": .number(y + 11)], text: part.label)
        }
    }

    /// Round tick values covering `range` with about `count` steps of 1, 2 or 5 × 10^k.
    static func ticks(_ range: ClosedRange<Double>, count: Int = 8) -> [Double] {
        let raw = (range.upperBound - range.lowerBound) / Double(max(count, 1))
        guard raw > 0, raw.isFinite, range.lowerBound.isFinite else { return [range.lowerBound] }
        let magnitude = pow(10, floor(log10(raw)))
        guard let step = [1.0, 2, 5, 10].map({ $0 * magnitude }).first(where: { $0 >= raw }) else { return [range.lowerBound] }
        let first = (range.lowerBound / step).rounded(.up) * step
        return stride(from: first, through: range.upperBound + step * 1e-9, by: step).map { $0 }
    }
}
