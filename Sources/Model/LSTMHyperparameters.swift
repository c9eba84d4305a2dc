/// The shape of an `EventLSTM`: what it reads, how deep and wide it is, and how it is regularised.
///
/// Stored as JSON under `continuo.hyperparameters` in a checkpoint's `__metadata__`, so a file
/// says by itself which tensors it must hold.
public struct LSTMHyperparameters: Codable, Sendable, Equatable {
    /// Number of event tokens (notes and chords, including the unknown token).
    public var vocabularySize: Int
    /// Number of timing classes (inter-onset × duration).
    public var timingClassCount: Int
    /// Stacked LSTM layers.
    public var layers: Int
    /// Width of every LSTM layer's hidden and cell state.
    public var hidden: Int
    /// Dropout probability between LSTM layers while training (as `nn.LSTM(dropout:)`).
    public var dropout: Float

    public init(vocabularySize: Int, timingClassCount: Int, layers: Int = 3, hidden: Int = 512, dropout: Float = 0.3) {
        self.vocabularySize = vocabularySize
        self.timingClassCount = timingClassCount
        self.layers = layers
        self.hidden = hidden
        self.dropout = dropout
    }

    /// Width of layer 0's input: one-hot(token) ++ one-hot(timing).
    public var inputSize: Int { vocabularySize + timingClassCount }

    /// Width of layer `k`'s input.
    func inputSize(ofLayer k: Int) -> Int { k == 0 ? inputSize : hidden }
}
