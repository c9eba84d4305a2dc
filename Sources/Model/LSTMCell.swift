import CKernels
import Foundation

/// One LSTM time step's elementwise part for a batch, after the gate pre-activations are summed:
///
///     gates[B, 4H]: in  z = W_ih x + b_ih + W_hh h₋₁ + b_hh, rows [i | f | g | o]
///                   out σ(z_i), σ(z_f), tanh(z_g), σ(z_o)  (kept for the backward pass)
///     c[B, H] = f ⊙ c₋₁ + i ⊙ g,   h[B, H] = o ⊙ tanh(c)
///
/// `cPrev` nil means a zero state; `c` may alias `cPrev` (batch-1 inference updates in place).
/// Vectorised in CKernels (σ and tanh from an in-register exp within 2 ulp of libm's).
func lstmCellForward(
    gates: UnsafeMutablePointer<Float>, cPrev: UnsafePointer<Float>?,
    c: UnsafeMutablePointer<Float>, h: UnsafeMutablePointer<Float>, batch: Int, hidden: Int
) {
    ck_lstm_cell_forward(gates, cPrev, c, h, batch, hidden)
}

/// The elementwise backward of `lstmCellForward` for a batch:
///
///     dh[B, H]   gradient reaching h_t (from above and from step t+1)
///     dc[B, H]   in: gradient reaching c_t from step t+1; out: gradient for c_{t-1} (= dc_t ⊙ f)
///     dGates[B, 4H] out: gradient w.r.t. the pre-activations z (rows i, f, g, o)
///
///     dc_t = dc + dh ⊙ o ⊙ (1 − tanh²c);  dz_i = dc_t g i(1−i);  dz_f = dc_t c₋₁ f(1−f)
///     dz_g = dc_t i (1−g²);               dz_o = dh tanh(c) o(1−o)
func lstmCellBackward(
    gates: UnsafePointer<Float>, c: UnsafePointer<Float>, cPrev: UnsafePointer<Float>?,
    dh: UnsafePointer<Float>, dc: UnsafeMutablePointer<Float>, dGates: UnsafeMutablePointer<Float>,
    batch: Int, hidden: Int
) {
    for b in 0..<batch {
        let a = gates + b * 4 * hidden, dz = dGates + b * 4 * hidden
        let cb = c + b * hidden, dhb = dh + b * hidden, dcb = dc + b * hidden
        let cp = cPrev.map { $0 + b * hidden }
        for j in 0..<hidden {
            let i = a[j], f = a[hidden + j], g = a[2 * hidden + j], o = a[3 * hidden + j]
            let tc = tanhf(cb[j])
            let dct = dcb[j] + dhb[j] * o * (1 - tc * tc)
            dz[j] = dct * g * i * (1 - i)
            dz[hidden + j] = dct * (cp?[j] ?? 0) * f * (1 - f)
            dz[2 * hidden + j] = dct * i * (1 - g * g)
            dz[3 * hidden + j] = dhb[j] * tc * o * (1 - o)
            dcb[j] = dct * f
        }
    }
}
