/// The recurrent state of an `EventLSTM` for one stream (batch 1): h and c of every layer.
public struct LSTMState: Sendable, Equatable {
    /// Hidden states, layer-major: `h[k * hidden + j]`.
    public var h: [Float]
    /// Cell states, same layout as `h`.
    public var c: [Float]

    /// The zero state the model starts from (and that training windows start from).
    public init(zeroFor model: EventLSTM) {
        let n = model.hyperparameters.layers * model.hyperparameters.hidden
        h = Array(repeating: 0, count: n)
        c = Array(repeating: 0, count: n)
    }
}
