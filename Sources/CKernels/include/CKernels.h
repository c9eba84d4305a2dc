// Continuo's hand-written kernels: matrix-vector products for one inference step and the
// LSTM cell's elementwise part.
//
// Each kernel picks, once, the widest instruction set this CPU and kernel support
// (AVX-512, AVX2 + FMA + F16C, or portable C), so one binary runs well on a new server and
// still runs in a qemu guest without AVX.
#ifndef CONTINUO_CKERNELS_H
#define CONTINUO_CKERNELS_H
#include <stdint.h>

/// y[rows] += W[rows, cols] · x[cols] for a row-major single-precision W.
void ck_matvec_f32(const float *w, long rows, long cols, const float *x, float *y);

/// y[rows] += W[rows, cols] · x[cols] for a row-major W stored as IEEE 754 binary16,
/// widened to single precision as it is read; sums are single precision.
void ck_matvec_f16(const uint16_t *w, long rows, long cols, const float *x, float *y);

/// The instruction set the kernels use here: "avx512", "avx2" or "portable".
const char *ck_instruction_set(void);

/// The LSTM cell's elementwise part for a batch, after the gate pre-activations are summed:
///     gates[B, 4H]: in z (rows i | f | g | o), out σ(z_i), σ(z_f), tanh(z_g), σ(z_o)
///     c[B, H] = f ⊙ c₋₁ + i ⊙ g,   h[B, H] = o ⊙ tanh(c)
/// `c_prev` NULL means a zero state; `c` may be `c_prev` (updated in place).
void ck_lstm_cell_forward(float *gates, const float *c_prev, float *c, float *h, long batch, long hidden);

/// y[rows] += W[rows, cols] · x[cols] (binary16 W if `half`), split by blocks of rows between the
/// caller and a helper thread when two threads are enabled and the helper is free; otherwise on
/// the calling thread alone. Same result, bit for bit, either way.
void ck_matvec_split(const void *w, int half, long rows, long cols, const float *x, float *y);

/// Sets the threads a split product uses: 1 (the caller only, the default) or 2 (the caller and
/// one helper, started on first use). Returns 0 if `threads` is neither or the helper cannot start.
int ck_set_threads(int threads);

/// The threads a split product uses now: 1 or 2.
int ck_threads(void);

/// Restricts the kernels to one instruction set ("avx512", "avx2" or "portable") from now on,
/// for tests and for comparing them; returns 0 (and changes nothing) if this CPU lacks it.
int ck_use_instruction_set(const char *name);

#endif
