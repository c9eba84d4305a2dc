/// A linear head, as `nn.Linear`:  y[P, out] = x[P, in] · Wᵀ + b,  W [out, in], b [out].
func linearForward(
    _ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
    rows: Int, inputs: Int, outputs: Int, into y: UnsafeMutablePointer<Float>
) {
    for p in 0..<rows { (y + p * outputs).update(from: bias, count: outputs) }
    sgemm(false, true, m: rows, n: outputs, k: inputs, x, lda: inputs, weight, ldb: inputs, beta: 1, y, ldc: outputs)
}

/// Backward of `linearForward`:
///
///     dW [out, in] += dyᵀ · x,   db [out] += Σ_p dy[p],   dx [P, in] = dy · W  (+ dx when accumulating)
func linearBackward(
    _ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, weight: UnsafePointer<Float>,
    rows: Int, inputs: Int, outputs: Int, accumulateInput: Bool,
    dx: UnsafeMutablePointer<Float>, dWeight: UnsafeMutablePointer<Float>, dBias: UnsafeMutablePointer<Float>
) {
    sgemm(true, false, m: outputs, n: inputs, k: rows, dy, lda: outputs, x, ldb: inputs, beta: 1, dWeight, ldc: inputs)
    columnSums(dy, rows: rows, cols: outputs, into: dBias)
    sgemm(false, false, m: rows, n: inputs, k: outputs, dy, lda: outputs, weight, ldb: inputs,
          beta: accumulateInput ? 1 : 0, dx, ldc: inputs)
}
