/// Layer 0's input projection for one-hot(token) ++ one-hot(timing) inputs: a gather of two
/// columns of W_ih_l0, never a product with a one-hot matrix.
///
///     columns [in, 4H] = W_ih_l0ᵀ (column `i` of W_ih is row `i` here, contiguous)
///     gates[p, 4H] = columns[token_p] + columns[V + timing_p] + bias          p < P
func oneHotProjectionForward(
    columns: UnsafePointer<Float>, bias: UnsafePointer<Float>, tokens: UnsafePointer<Int32>,
    timings: UnsafePointer<Int32>, vocabularySize: Int, positions: Int, gateWidth g: Int,
    into gates: UnsafeMutablePointer<Float>
) {
    for p in 0..<positions {
        let a = columns + Int(tokens[p]) * g, b = columns + (vocabularySize + Int(timings[p])) * g
        let out = gates + p * g
        for r in 0..<g { out[r] = a[r] + b[r] + bias[r] }
    }
}

/// Backward of `oneHotProjectionForward` for the weights: scatter-adds each gate-gradient row
/// into the two columns it came from.  dColumns [in, 4H] += …, dGates [P, 4H].
func oneHotProjectionBackward(
    dGates: UnsafePointer<Float>, tokens: UnsafePointer<Int32>, timings: UnsafePointer<Int32>,
    vocabularySize: Int, positions: Int, gateWidth g: Int, into dColumns: UnsafeMutablePointer<Float>
) {
    for p in 0..<positions {
        let a = dColumns + Int(tokens[p]) * g, b = dColumns + (vocabularySize + Int(timings[p])) * g
        let d = dGates + p * g
        for r in 0..<g { a[r] += d[r] }
        for r in 0..<g { b[r] += d[r] }
    }
}
