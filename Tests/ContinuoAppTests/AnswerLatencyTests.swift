import ContinuoApp
import ContinuoTestKit
import Foundation
import Improviser
import Model
import Testing

@Suite struct AnswerLatencyTests {
    @Test func everyPhraseIsAnsweredOnce_andEachAnswerTimed() {
        let tiny = TinyModel.make()
        let report = AnswerLatency.measure(model: tiny.model, vocabulary: tiny.vocabulary, phrases: 6)
        #expect(report.answers == 6)
        #expect(report.warm.count == 6 && report.cold.count == 6)
    }

    /// `CONTINUO_LATENCY_REPORT=1 swift test -c release --filter AnswerLatencyTests` prints the
    /// figures for the shipped default model (3 × 512, F16) with 1 and 2 inference threads; the
    /// check is the same: every phrase answered.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CONTINUO_LATENCY_REPORT"] == "1"))
    func shippedModel_report() throws {
        let shipped = try ModelFile.open(path: nil)
        func ms(_ latency: LatencyRecorder) -> String {
            String(format: "p50 %.3f ms p99 %.3f ms", (latency.quantile(0.5) ?? .nan) * 1000, (latency.quantile(0.99) ?? .nan) * 1000)
        }
        for threads in [1, 2] {
            EventLSTM.inferenceThreads = threads
            let report = AnswerLatency.measure(model: shipped.model, vocabulary: shipped.vocabulary,
                                               representation: shipped.encoding.representation, phrases: 30)
            #expect(report.answers == 30)
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            print("LATENCY \(threads) thread(s): warm \(ms(report.warm)) | cold \(ms(report.cold)) | vocabulary \(shipped.vocabulary.count) | max RSS \(usage.ru_maxrss / 1024) MiB")
        }
        EventLSTM.inferenceThreads = 1
    }
}
