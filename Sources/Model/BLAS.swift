import COpenBLAS

/// Row-major `C[m, n] = alpha · op(A)[m, k] · op(B)[k, n] + beta · C`, where `op` transposes
/// when asked. Leading dimensions are the stored row lengths.
@inline(__always)
func sgemm(
    _ transposeA: Bool, _ transposeB: Bool, m: Int, n: Int, k: Int,
    alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
    beta: Float, _ c: UnsafeMutablePointer<Float>, ldc: Int
) {
    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
}

/// `b[cols, rows] = aᵀ` (or `+= aᵀ` when accumulating) for a row-major `a[rows, cols]`, in cache-sized tiles.
func transpose(_ a: UnsafePointer<Float>, rows: Int, cols: Int, into b: UnsafeMutablePointer<Float>, accumulate: Bool = false) {
    let tile = 32
    for r0 in stride(from: 0, to: rows, by: tile) {
        for c0 in stride(from: 0, to: cols, by: tile) {
            for r in r0..<min(r0 + tile, rows) {
                for c in c0..<min(c0 + tile, cols) { b[c * rows + r] = (accumulate ? b[c * rows + r] : 0) + a[r * cols + c] }
            }
        }
    }
}

/// The kernel set and thread count OpenBLAS chose when it loaded, for benchmark reports.
public enum BLASInfo {
    /// `openblas_get_corename()`, e.g. "Haswell" or "Cooperlake".
    public static var coreName: String { String(cString: openblas_get_corename()) }
    /// Threads OpenBLAS uses for level-3 calls.
    public static var threads: Int { Int(openblas_get_num_threads()) }
}
