/// `y[rows] += W[rows, cols] · x[cols]` for a row-major `W`, on the calling thread only.
///
/// Batch-1 inference is memory-bound (every weight is read once per step), so this streams
/// four rows at a time against one pass over `x` and never touches OpenBLAS's thread pool,
/// whose spinning workers would compete with the real-time MIDI threads.
func matrixVectorAccumulate(
    _ w: UnsafePointer<Float>, rows: Int, cols: Int, _ x: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>
) {
    let vectorCols = cols & ~7
    let raw = UnsafeRawPointer(w), xs = UnsafeRawPointer(x)
    var r = 0
    while r + 4 <= rows {
        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
        let r0 = r * cols * 4, stride = cols * 4
        var j = 0
        while j < vectorCols {
            let xv = xs.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            a0.addProduct(raw.loadUnaligned(fromByteOffset: r0 + j * 4, as: SIMD8<Float>.self), xv)
            a1.addProduct(raw.loadUnaligned(fromByteOffset: r0 + stride + j * 4, as: SIMD8<Float>.self), xv)
            a2.addProduct(raw.loadUnaligned(fromByteOffset: r0 + 2 * stride + j * 4, as: SIMD8<Float>.self), xv)
            a3.addProduct(raw.loadUnaligned(fromByteOffset: r0 + 3 * stride + j * 4, as: SIMD8<Float>.self), xv)
            j += 8
        }
        var s = SIMD4<Float>(a0.sum(), a1.sum(), a2.sum(), a3.sum())
        for t in vectorCols..<cols {
            s += SIMD4(w[r * cols + t], w[(r + 1) * cols + t], w[(r + 2) * cols + t], w[(r + 3) * cols + t]) * x[t]
        }
        for q in 0..<4 { y[r + q] += s[q] }
        r += 4
    }
    while r < rows {
        var s: Float = 0
        for t in 0..<cols { s += w[r * cols + t] * x[t] }
        y[r] += s
        r += 1
    }
}

private extension SIMD8<Float> {
    /// `self += a ⊙ b` as a multiply and an add: `addingProduct` would call libm's scalar `fmaf`
    /// per lane on the baseline x86-64 target, which has no FMA instruction.
    @inline(__always) mutating func addProduct(_ a: Self, _ b: Self) { self += a * b }
}
