/// The recurrence of one LSTM layer over a window, for a batch; P = T·B rows, time-major.
///
///     gates [P, 4H]  in: x_t W_ihᵀ + b_ih + b_hh for every step (one sgemm or gather, done before)
///                    out: the activated gates i, f, g, o (kept for backward)
///     c, h  [P, H]   out: cell and hidden state of every step; the window starts from zero state
///     whh   [4H, H]  W_hh
///
///     z_t += h_{t-1} W_hhᵀ   (sgemm [B, H] × [H, 4H]), then the cell's elementwise update
func lstmLayerForward(
    gates: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>,
    whh: UnsafePointer<Float>, steps: Int, batch: Int, hidden: Int
) {
    let g = 4 * hidden, rows = batch * hidden
    for t in 0..<steps {
        let z = gates + t * batch * g
        if t > 0 {
            sgemm(false, true, m: batch, n: g, k: hidden, h + (t - 1) * rows, lda: hidden, whh, ldb: hidden,
                  beta: 1, z, ldc: g)
        }
        lstmCellForward(gates: z, cPrev: t > 0 ? UnsafePointer(c + (t - 1) * rows) : nil,
                        c: c + t * rows, h: h + t * rows, batch: batch, hidden: hidden)
    }
}

/// Backward of `lstmLayerForward` through time.
///
///     dH     [P, H]   in: gradient reaching each h_t from above; used as scratch (destroyed)
///     dGates [P, 4H]  out: gradient w.r.t. every step's gate pre-activations
///     dc     [B, H]   scratch
///
///     dh_t = dH_t + dz_{t+1} W_hh   (sgemm [B, 4H] × [4H, H]), then the cell's backward
func lstmLayerBackward(
    gates: UnsafePointer<Float>, c: UnsafePointer<Float>, dH: UnsafeMutablePointer<Float>,
    dGates: UnsafeMutablePointer<Float>, dc: UnsafeMutablePointer<Float>, whh: UnsafePointer<Float>,
    steps: Int, batch: Int, hidden: Int
) {
    let g = 4 * hidden, rows = batch * hidden
    dc.update(repeating: 0, count: rows)
    for t in stride(from: steps - 1, through: 0, by: -1) {
        let dh = dH + t * rows
        if t < steps - 1 {
            sgemm(false, false, m: batch, n: hidden, k: g, dGates + (t + 1) * batch * g, lda: g, whh, ldb: hidden,
                  beta: 1, dh, ldc: hidden)
        }
        lstmCellBackward(gates: gates + t * batch * g, c: c + t * rows, cPrev: t > 0 ? c + (t - 1) * rows : nil,
                         dh: dh, dc: dc, dGates: dGates + t * batch * g, batch: batch, hidden: hidden)
    }
}

/// Weight gradients of one LSTM layer from its gate gradients, each one sgemm over the window:
///
///     dW_hh [4H, H] += dZ[B.., 4H]ᵀ · h[..P-B, H]   (step t pairs with h_{t-1}; h_{-1} = 0)
///     db_ih, db_hh [4H] += Σ_p dZ[p]
/// (dW_ih is the caller's: a dense sgemm for layers > 0, a scatter for layer 0.)
func lstmRecurrentGradients(
    dGates: UnsafePointer<Float>, h: UnsafePointer<Float>, steps: Int, batch: Int, hidden: Int,
    dWhh: UnsafeMutablePointer<Float>, dBih: UnsafeMutablePointer<Float>, dBhh: UnsafeMutablePointer<Float>
) {
    let g = 4 * hidden, positions = steps * batch
    if steps > 1 {
        sgemm(true, false, m: g, n: hidden, k: positions - batch, dGates + batch * g, lda: g, h, ldb: hidden,
              beta: 1, dWhh, ldc: hidden)
    }
    var sums = [Float](repeating: 0, count: g)
    sums.withUnsafeMutableBufferPointer { columnSums(dGates, rows: positions, cols: g, into: $0.baseAddress!) }
    for r in 0..<g { dBih[r] += sums[r]; dBhh[r] += sums[r] }
}

/// `out[cols] += Σ_rows a[rows, cols]`.
func columnSums(_ a: UnsafePointer<Float>, rows: Int, cols: Int, into out: UnsafeMutablePointer<Float>) {
    for p in 0..<rows {
        let row = a + p * cols
        for j in 0..<cols { out[j] += row[j] }
    }
}
