// Continuo's hand-written batch-1 kernels: matrix-vector products for one inference step.
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

/// Restricts the kernels to one instruction set ("avx512", "avx2" or "portable") from now on,
/// for tests and for comparing them; returns 0 (and changes nothing) if this CPU lacks it.
int ck_use_instruction_set(const char *name);

#endif
