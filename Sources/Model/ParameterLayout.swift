/// Name, shape and position of one tensor inside a flat `FloatStorage`.
public struct TensorSpec: Sendable, Equatable {
    public var name: String
    public var shape: [Int]
    /// Index of the tensor's first element in the flat store.
    public var offset: Int
    public var count: Int { shape.reduce(1, *) }
}

/// Where each of an `EventLSTM`'s tensors lives in its flat store, named and shaped exactly as
/// PyTorch's `state_dict()` of `nn.LSTM(num_layers: L)` plus two `nn.Linear` heads would be.
public struct ParameterLayout: Sendable {
    /// Offsets of one LSTM layer's four tensors; gate rows are ordered i, f, g, o.
    struct LayerViews: Sendable {
        var inputWeights: Int   // lstm.weight_ih_lk [4H, in]
        var hiddenWeights: Int  // lstm.weight_hh_lk [4H, H]
        var inputBias: Int      // lstm.bias_ih_lk   [4H]
        var hiddenBias: Int     // lstm.bias_hh_lk   [4H]
    }
    /// Offsets of one linear head's tensors.
    struct HeadViews: Sendable {
        var weight: Int  // [out, H]
        var bias: Int    // [out]
        var outputs: Int
    }

    /// Every tensor, in PyTorch `state_dict()` order.
    public let tensors: [TensorSpec]
    /// Total number of parameters.
    public let count: Int
    let layers: [LayerViews]
    let tokenHead: HeadViews
    let timingHead: HeadViews

    init(_ p: LSTMHyperparameters) {
        var specs: [TensorSpec] = []
        var next = 0
        func add(_ name: String, _ shape: [Int]) -> Int {
            specs.append(TensorSpec(name: name, shape: shape, offset: next))
            defer { next += shape.reduce(1, *) }
            return next
        }
        let g = 4 * p.hidden
        layers = (0..<p.layers).map { k in
            LayerViews(
                inputWeights: add("lstm.weight_ih_l\(k)", [g, p.inputSize(ofLayer: k)]),
                hiddenWeights: add("lstm.weight_hh_l\(k)", [g, p.hidden]),
                inputBias: add("lstm.bias_ih_l\(k)", [g]),
                hiddenBias: add("lstm.bias_hh_l\(k)", [g]))
        }
        tokenHead = HeadViews(weight: add("token_head.weight", [p.vocabularySize, p.hidden]),
                              bias: add("token_head.bias", [p.vocabularySize]), outputs: p.vocabularySize)
        timingHead = HeadViews(weight: add("timing_head.weight", [p.timingClassCount, p.hidden]),
                               bias: add("timing_head.bias", [p.timingClassCount]), outputs: p.timingClassCount)
        tensors = specs
        count = next
    }

    /// The tensor called `name`, if the model has one.
    public func tensor(named name: String) -> TensorSpec? { tensors.first { $0.name == name } }
}
