import Foundation
import Model
import Testing

/// Numbers written by Reference/make_reference.py with PyTorch 2.13 (float64) for the same
/// weights and input: nn.LSTM(num_layers: 2) over one-hot inputs plus two nn.Linear heads.
struct PyTorchReference: Decodable {
    struct LastStep: Decodable { var loss_token: Double; var loss_timing: Double; var gradients: [String: [Float]] }
    var vocabulary_size: Int, timing_class_count: Int, layers: Int, hidden: Int, length: Int, batch: Int
    var max_gradient_norm: Float
    var tokens: [Int32], timings: [Int32]
    var parameters: [String: [Float]]
    var logits_token: [Float], logits_timing: [Float]
    var loss_token: Double, loss_timing: Double
    var gradients: [String: [Float]]
    var last_step: LastStep
    var gradient_norms_before_clipping: [Float]
    var after_adam: [String: [Float]]

    static func load() throws -> PyTorchReference {
        let url = try #require(Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Reference"))
        return try JSONDecoder().decode(PyTorchReference.self, from: Data(contentsOf: url))
    }

    var hyperparameters: LSTMHyperparameters {
        LSTMHyperparameters(vocabularySize: vocabulary_size, timingClassCount: timing_class_count, layers: layers,
                            hidden: hidden, dropout: 0)
    }
    var batchOfWindows: EventBatch { EventBatch(length: length, batchSize: batch, tokens: tokens, timings: timings) }

    func model() -> EventLSTM {
        let model = EventLSTM(hyperparameters: hyperparameters)
        model.setParameters(parameters)
        return model
    }
}

@Suite struct ReferenceTests {
    let reference: PyTorchReference
    init() throws { reference = try PyTorchReference.load() }

    @Test func parameterNamesAndShapes_matchPyTorchStateDict() {
        let layout = reference.model().layout
        #expect(Set(layout.tensors.map(\.name)) == Set(reference.parameters.keys))
        for spec in layout.tensors { #expect(spec.count == reference.parameters[spec.name]?.count, "\(spec.name)") }
    }

    @Test func logits_matchPyTorch() {
        let logits = EventLSTMTrainer(model: reference.model()).logits(reference.batchOfWindows)
        checkTensor(logits.token, reference.logits_token, "logits_token")
        checkTensor(logits.timing, reference.logits_timing, "logits_timing")
    }

    @Test func lossAndEveryGradient_matchPyTorch() {
        let trainer = EventLSTMTrainer(model: reference.model())
        let loss = trainer.computeGradients(reference.batchOfWindows, loss: .every)
        #expect(abs(loss.token - reference.loss_token) < 1e-5)
        #expect(abs(loss.timing - reference.loss_timing) < 1e-5)
        let grads = trainer.model.named(trainer.gradients)
        for (name, expected) in reference.gradients { checkTensor(grads[name]!, expected, "d\(name)") }
    }

    @Test func lastStepOnlyLossAndGradients_matchPyTorch() {
        let trainer = EventLSTMTrainer(model: reference.model())
        let loss = trainer.computeGradients(reference.batchOfWindows, loss: .last)
        #expect(abs(loss.token - reference.last_step.loss_token) < 1e-5)
        #expect(abs(loss.timing - reference.last_step.loss_timing) < 1e-5)
        let grads = trainer.model.named(trainer.gradients)
        for (name, expected) in reference.last_step.gradients { checkTensor(grads[name]!, expected, "d\(name) (last step)") }
    }

    @Test func twoClippedAdamSteps_matchPyTorch() {
        let trainer = EventLSTMTrainer(model: reference.model(),
                                       settings: AdamSettings(learningRate: 1e-3, maxGradientNorm: reference.max_gradient_norm))
        var norms: [Float] = []
        for _ in 0..<2 {
            _ = trainer.computeGradients(reference.batchOfWindows)
            norms.append(trainer.applyGradients())
        }
        checkTensor(norms, reference.gradient_norms_before_clipping, "gradient norms")
        let after = trainer.model.named()
        for (name, expected) in reference.after_adam { checkTensor(after[name]!, expected, "\(name) after 2 Adam steps") }
    }

    /// Feeds each window of the reference input one event at a time and checks every step's
    /// logits against `expected` (rows in the batch forward pass's order: step-major).
    func checkSteps(_ model: EventLSTM, against expected: (token: [Float], timing: [Float]), _ what: String) {
        let r = reference
        for b in 0..<r.batch {
            var state = LSTMState(zeroFor: model)
            for t in 0..<r.length {
                let out = model.step(token: r.tokens[t * r.batch + b], timing: r.timings[t * r.batch + b], state: &state)
                let row = t * r.batch + b
                checkTensor(out.token, Array(expected.token[row * r.vocabulary_size ..< (row + 1) * r.vocabulary_size]),
                            "\(what) token logits, window \(b) step \(t)")
                checkTensor(out.timing, Array(expected.timing[row * r.timing_class_count ..< (row + 1) * r.timing_class_count]),
                            "\(what) timing logits, window \(b) step \(t)")
            }
        }
    }

    /// The batch-1 inference path (packed weights, own matrix-vector kernel) must give the same
    /// logits as PyTorch for each window fed one event at a time.
    @Test func inferenceSteps_matchPyTorchLogits() {
        checkSteps(reference.model(), against: (reference.logits_token, reference.logits_timing), "f32 step")
    }

    /// A model whose weights are all binary16 values (as loaded from an F16 file) steps with
    /// binary16 matrices; its logits must equal the batch forward pass (OpenBLAS, F32) of the
    /// same weights.
    @Test func inferenceSteps_inHalfPrecision_matchTheBatchForwardPass() {
        let model = reference.model()
        model.updateParameters { θ in for i in θ.indices { θ[i] = Float(Float16(θ[i])) } }
        #expect(model.inferencePrecision == "f16")
        #expect(reference.model().inferencePrecision == "f32")
        checkSteps(model, against: EventLSTMTrainer(model: model).logits(reference.batchOfWindows), "f16 step")
    }

    /// Priming a seed leaves the same state and logits as stepping through it.
    @Test func prime_equalsStepping() {
        let model = reference.model(), r = reference
        let events = (0..<r.length).map { t in (token: r.tokens[t * r.batch], timing: r.timings[t * r.batch]) }
        var state = LSTMState(zeroFor: model)
        var last: (token: [Float], timing: [Float])?
        for e in events { last = model.step(token: e.token, timing: e.timing, state: &state) }
        let primed = model.prime(events)
        #expect(primed.state == state)
        #expect(primed.logits?.token == last?.token && primed.logits?.timing == last?.timing)
        #expect(model.prime([]).logits == nil)
    }
}
