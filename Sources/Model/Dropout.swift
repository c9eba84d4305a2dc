/// Inverted dropout between LSTM layers (as `nn.LSTM(dropout: p)` in training):
///
///     mask[n] ∈ {0, 1/(1−p)} drawn from `rng`;  y[n] = x ⊙ mask
func dropoutForward(
    _ x: UnsafePointer<Float>, count: Int, probability: Float, rng: inout SplitMix64,
    mask: UnsafeMutablePointer<Float>, into y: UnsafeMutablePointer<Float>
) {
    let keep = 1 / (1 - probability)
    for i in 0..<count {
        mask[i] = rng.nextUnitFloat() < probability ? 0 : keep
        y[i] = x[i] * mask[i]
    }
}

/// Backward of `dropoutForward`:  dx[n] = dy ⊙ mask.
func dropoutBackward(_ dy: UnsafePointer<Float>, mask: UnsafePointer<Float>, count: Int, into dx: UnsafeMutablePointer<Float>) {
    for i in 0..<count { dx[i] = dy[i] * mask[i] }
}
