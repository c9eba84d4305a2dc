import Foundation
import Testing
@testable import Plots

let caption = PlotCaption(model: "bach-3x512", temperature: 0.8, randomSeed: 42)

/// A seed of C4 E4 G4 (0.5 s each) and a continuation of C4 A4 (1 s each), starting at 1.5 s.
let phrase = [
    PlotNote(pitch: 60, startSeconds: 0.0, durationSeconds: 0.5, part: .seed),
    PlotNote(pitch: 64, startSeconds: 0.5, durationSeconds: 0.5, part: .seed),
    PlotNote(pitch: 67, startSeconds: 1.0, durationSeconds: 0.5, part: .seed),
    PlotNote(pitch: 60, startSeconds: 1.5, durationSeconds: 1.0, part: .continuation),
    PlotNote(pitch: 69, startSeconds: 2.5, durationSeconds: 1.0, part: .continuation),
]

@Suite struct NoteNameTests {
    @Test func scientificPitchNames() {
        #expect(NoteName.of(60) == "C4")
        #expect(NoteName.of(61) == "C#4")
        #expect(NoteName.of(69) == "A4")
        #expect(NoteName.of(21) == "A0")     // lowest piano key
        #expect(NoteName.of(108) == "C8")    // highest piano key
    }

    @Test func equalTemperedFrequencies() {
        #expect(NoteName.frequency(of: 69) == 440)
        #expect(NoteName.frequency(of: 81) == 880)
        #expect(abs(NoteName.frequency(of: 60) - 261.6256) < 1e-3)   // middle C
    }
}

@Suite struct PianoRollTests {
    let probe = SVGProbe(PianoRoll.svg(phrase, caption: caption))

    @Test func isWellFormedSVG() { #expect(probe.isWellFormed, "\(String(describing: probe.error))") }

    @Test func oneRectanglePerNote_inTwoColours() {
        let seed = probe.elements(classed: "seed").filter { $0.name == "rect" && $0.attributes["class"]!.contains("note") }
        let continuation = probe.elements(classed: "continuation").filter { $0.name == "rect" }
        #expect(probe.elements(classed: "note").count == 5)
        #expect(seed.count == 3 && continuation.count == 2)
        #expect(Set(seed.map { $0.attributes["fill"]! }).count == 1)
        #expect(seed[0].attributes["fill"] != continuation[0].attributes["fill"])
    }

    @Test func rectanglesAreProportionalToTime_andOrderedByPitch() {
        let notes = probe.elements(classed: "note")
        let w = notes.map { probe.number($0, "width") }, x = notes.map { probe.number($0, "x") }
        #expect(abs(w[3] - 2 * w[0]) < 0.02)                      // 1 s is twice 0.5 s
        #expect(abs(x[1] - (x[0] + w[0])) < 0.02)                 // E4 starts where C4 ends
        #expect(abs(x[3] - x[0] - 3 * w[0]) < 0.02)               // continuation at 1.5 s
        let y = notes.map { probe.number($0, "y") }
        #expect(y[0] > y[1] && y[1] > y[2])                       // higher pitch is higher up
        #expect(y[0] == y[3])                                     // both C4s share a row
    }

    @Test func titleAndAxesSayWhatIsShown() {
        let title = probe.elements(classed: "title").first?.text ?? ""
        #expect(title.contains("bach-3x512") && title.contains("0.8") && title.contains("42"))
        let labels = probe.elements(classed: "axis-label").map(\.text)
        #expect(labels.contains("Time (s)") && labels.contains("Pitch"))
        let ticks = Set(probe.elements(classed: "tick-label").map(\.text))
        #expect(ticks.isSuperset(of: ["C4", "E4", "A4"]))
    }

    @Test func markupInModelNames_isEscaped() {
        let odd = PlotCaption(model: "a<b & \"c\"", temperature: 1, randomSeed: 1)
        let probe = SVGProbe(PianoRoll.svg(phrase, caption: odd))
        #expect(probe.isWellFormed)
        #expect(probe.elements(classed: "title").first?.text.contains("a<b & \"c\"") == true)
    }

    @Test func noNotes_stillAReadableEmptyChart() {
        let probe = SVGProbe(PianoRoll.svg([], caption: caption))
        #expect(probe.isWellFormed)
        #expect(probe.elements(classed: "note").isEmpty)
    }
}

@Suite struct PitchChartTests {
    @Test func histogramBarHeights_areProportionalToCounts() {
        let probe = SVGProbe(PitchHistogram.svg(phrase, caption: caption))
        #expect(probe.isWellFormed)
        let bars = probe.elements(classed: "bar")
        // Seed: C4 E4 G4 once each; continuation: C4 and A4 once each → five bars of equal height.
        #expect(bars.count == 5)
        #expect(Set(bars.map { probe.number($0, "height") }).count == 1)
        let doubled = SVGProbe(PitchHistogram.svg(phrase + [phrase[0]], caption: caption))
        let c4seed = doubled.elements(classed: "seed").first { $0.attributes["data-pitch"] == "60" }!
        let e4seed = doubled.elements(classed: "seed").first { $0.attributes["data-pitch"] == "64" }!
        #expect(abs(doubled.number(c4seed, "height") - 2 * doubled.number(e4seed, "height")) < 0.02)
        #expect(Set(doubled.elements(classed: "tick-label").map(\.text)).isSuperset(of: ["C4", "C#4", "A4"]))
    }

    @Test func pitchClassShares_perPart() {
        let probe = SVGProbe(PitchClassChart.svg(phrase, caption: caption))
        #expect(probe.isWellFormed)
        func share(_ part: String, _ pc: Int) -> Double? {
            probe.elements(classed: part).first { $0.attributes["data-pitch-class"] == "\(pc)" }
                .map { probe.number($0, "data-share") }
        }
        #expect(share("seed", 0) == 1.0 / 3)          // C is one of three seed notes
        #expect(share("continuation", 0) == 0.5)      // and one of two continuation notes
        #expect(share("continuation", 9) == 0.5)      // A
        #expect(share("seed", 9) == nil)
        let ticks = probe.elements(classed: "tick-label").map(\.text)
        #expect(ticks.contains("A 440 Hz") && ticks.contains("C 262 Hz"))
    }
}

/// Axis ticks of a range a hostile file could produce (infinite or NaN ends) do not trap.
@Test(arguments: [0...Double.infinity, -Double.infinity...0, 0...Double.greatestFiniteMagnitude])
func axisTicks_ofAnUnboundedRange_doNotTrap(range: ClosedRange<Double>) {
    #expect(!ChartFrame.ticks(range).isEmpty)
}
