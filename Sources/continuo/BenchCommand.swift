import ArgumentParser
import ContinuoApp
import Foundation
import Model

/// `continuo bench`: training throughput, batch-1 step latency and priming time; wiring only.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training tokens/s, one inference step and priming 50 events.",
        discussion: """
            OpenBLAS picks its kernels when it loads, from OPENBLAS_CORETYPE if set; to measure what this \
            CPU can do, run: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE continuo bench
            """)

    @Option(help: "LSTM layers.") var layers = 3
    @Option(help: "Hidden size.") var hidden = 512
    @Option(help: "Vocabulary size (the note representation: 128 pitches and <unk>).") var vocabulary = 129
    @Option(help: "Timing classes.") var timingClasses = 156
    @Option(help: "Training steps to time.") var trainingSteps = 12

    func run() async throws {
        var suite = BenchSuite(shape: LSTMHyperparameters(vocabularySize: vocabulary, timingClassCount: timingClasses,
                                                          layers: layers, hidden: hidden))
        suite.trainingSteps = trainingSteps
        suite.run { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
    }
}
