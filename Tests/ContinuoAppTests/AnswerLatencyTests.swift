import ContinuoApp
import ContinuoTestKit
import Foundation
import Improviser
import Testing

@Suite struct AnswerLatencyTests {
    @Test func everyPhraseIsAnsweredOnce_andEachAnswerTimed() {
        let tiny = TinyModel.make()
        let report = AnswerLatency.measure(model: tiny.model, vocabulary: tiny.vocabulary, phrases: 6)
        #expect(report.answers == 6)
        #expect(report.warm.count == 6 && report.cold.count == 6)
    }

    /// `CONTINUO_LATENCY_REPORT=1 swift test -c release --filter AnswerLatencyTests` prints the
    /// figures for the shipped 3 × 512 shape; the check is the same: every phrase answered.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CONTINUO_LATENCY_REPORT"] == "1"))
    func shippedShape_report() {
        let shipped = AnswerLatency.shippedShape()
        let report = AnswerLatency.measure(model: shipped.model, vocabulary: shipped.vocabulary, phrases: 30)
        #expect(report.answers == 30)
        func ms(_ latency: LatencyRecorder) -> String {
            String(format: "p50 %.3f ms p99 %.3f ms", (latency.quantile(0.5) ?? .nan) * 1000, (latency.quantile(0.99) ?? .nan) * 1000)
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("LATENCY warm \(ms(report.warm)) | cold \(ms(report.cold)) | vocabulary \(shipped.vocabulary.count) | max RSS \(usage.ru_maxrss / 1024) MiB")
    }
}
