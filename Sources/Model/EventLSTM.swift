import Synchronization

/// A stacked LSTM over (event token, timing class) pairs with two softmax heads: the next event
/// token and the next timing class. All weights live in one flat store, `parameters`, laid out
/// and named as PyTorch's `nn.LSTM` + `nn.Linear` state dict (see `ParameterLayout`).
///
/// Training mutates the store through `updateParameters`; inference (`step`) reads a packed
/// copy that is rebuilt after each mutation, so one model may serve several threads.
public final class EventLSTM: @unchecked Sendable {
    public let hyperparameters: LSTMHyperparameters
    public let layout: ParameterLayout
    /// The flat parameter store; mutate only through `updateParameters`.
    public let parameters: FloatStorage
    private let packed = Mutex<InferenceWeights?>(nil)

    /// A model initialised as PyTorch initialises `nn.LSTM` and `nn.Linear` with `in = hidden`:
    /// every parameter uniform in ±1/√hidden, drawn from `SplitMix64(seed:)`.
    public init(hyperparameters: LSTMHyperparameters, seed: UInt64 = 0) {
        self.hyperparameters = hyperparameters
        layout = ParameterLayout(hyperparameters)
        parameters = FloatStorage(count: layout.count)
        var rng = SplitMix64(seed: seed)
        let bound = 1 / Float(hyperparameters.hidden).squareRoot()
        for i in 0..<layout.count { parameters.base[i] = (2 * rng.nextUnitFloat() - 1) * bound }
    }

    /// Runs `body` with write access to the flat store, then invalidates the inference copy.
    public func updateParameters<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        defer { packed.withLock { $0 = nil } }
        return try body(parameters.buffer)
    }

    /// The packed inference weights, built on first use after a change.
    func inferenceWeights() -> InferenceWeights {
        packed.withLock { cached in
            if let cached { return cached }
            let fresh = InferenceWeights(self)
            cached = fresh
            return fresh
        }
    }

    /// Pointer to layer `k`'s views, for kernels.
    func view(_ offset: Int) -> UnsafeMutablePointer<Float> { parameters.base + offset }
}
