import Foundation
import Model

/// `continuo bench`: the three speed figures of the model task, for a synthetic model of a given
/// shape (weights and inputs from a fixed seed; speed does not depend on their values).
public struct BenchSuite {
    public var shape: LSTMHyperparameters
    public var batchSize = 64
    public var windowLength = 50
    public var trainingSteps = 12
    public var inferenceSteps = 3000
    public var primings = 200

    public init(shape: LSTMHyperparameters) { self.shape = shape }

    /// Runs every figure, writing one line per figure through `write`.
    public func run(write: (String) -> Void) {
        let blas = "OpenBLAS \(BLASInfo.coreName), \(BLASInfo.threads) threads"
        write("model \(shape.layers)×\(shape.hidden), vocabulary \(shape.vocabularySize), \(shape.timingClassCount) timing classes")
        let model = EventLSTM(hyperparameters: shape, seed: 1)
        let training = trainingTokensPerSecond(model)
        write("training  batch \(batchSize)×\(windowLength): median \(Int(training.median)) tokens/s "
              + "(\(String(format: "%.1f", training.median / Double(windowLength))) sequences/s, min \(Int(training.min)))  [\(blas)]")
        // The shipped model is F16, which steps read as binary16; a trained F32 checkpoint steps in F32.
        let halfModel = EventLSTM(hyperparameters: shape, seed: 1)
        halfModel.updateParameters { θ in for i in θ.indices { θ[i] = Float(Float16(θ[i])) } }
        for m in [halfModel, model] { for threads in [1, 2] {
            EventLSTM.inferenceThreads = threads
            let kernel = "own kernel \(EventLSTM.kernelInstructionSet) \(m.inferencePrecision), \(threads) thread\(threads == 1 ? "" : "s")"
            let step = stepTimes(m)
            write("inference step, batch 1, warm: median \(ms(step.median)) p99 \(ms(step.p99))  [\(kernel)]")
            let priming = primingTimes(m)
            write("priming \(windowLength) events from zero state: median \(ms(priming.median)) p99 \(ms(priming.p99))  [\(kernel)]")
        } }
        EventLSTM.inferenceThreads = 1
    }

    func trainingTokensPerSecond(_ model: EventLSTM) -> (median: Double, min: Double) {
        let trainer = EventLSTMTrainer(model: model)
        var rng = SplitMix64(seed: 2)
        let n = (windowLength + 1) * batchSize
        let batch = EventBatch(length: windowLength, batchSize: batchSize,
                               tokens: (0..<n).map { _ in Int32(rng.next() % UInt64(shape.vocabularySize)) },
                               timings: (0..<n).map { _ in Int32(rng.next() % UInt64(shape.timingClassCount)) })
        trainer.train(batch)   // warm-up: allocates the activations
        let rates = (0..<trainingSteps).map { _ in Double(batch.positions) / Self.seconds { trainer.train(batch) } }.sorted()
        return (rates[rates.count / 2], rates[0])
    }

    func stepTimes(_ model: EventLSTM) -> (median: Double, p99: Double) {
        var state = LSTMState(zeroFor: model)
        for t in 0..<windowLength { _ = model.step(token: Int32(t % shape.vocabularySize), timing: 3, state: &state) }
        let times = (0..<inferenceSteps).map { i in
            Self.seconds { _ = model.step(token: Int32(i % shape.vocabularySize), timing: Int32(i % shape.timingClassCount), state: &state) }
        }
        return Self.quantiles(times)
    }

    func primingTimes(_ model: EventLSTM) -> (median: Double, p99: Double) {
        let events = (0..<windowLength).map { t in (token: Int32(t % shape.vocabularySize), timing: Int32(t % 7)) }
        let times = (0..<primings).map { _ in
            Self.seconds { _ = model.prime(events) }
        }
        return Self.quantiles(times)
    }

    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let d = clock.measure(body)
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    static func quantiles(_ xs: [Double]) -> (median: Double, p99: Double) {
        let s = xs.sorted()
        return (s[s.count / 2], s[min(s.count - 1, s.count * 99 / 100)])
    }

    func ms(_ seconds: Double) -> String { String(format: "%.3f ms", seconds * 1000) }
}
