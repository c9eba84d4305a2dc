// Batch-1 matrix-vector kernels. A step reads every weight once, so these are memory-bound:
// four rows share one pass over x, accumulators stay in registers, and binary16 weights
// halve the bytes read (widening to float costs one instruction per 16 or 8 weights).
#include "CKernels.h"
#include "dispatch.h"
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <string.h>

// MARK: portable C

/// The float a binary16 bit pattern denotes (normals, subnormals, zeros, infinities, NaN).
static float half_to_float(uint16_t h) {
    uint32_t sign = (uint32_t)(h & 0x8000) << 16, exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff, bits;
    if (exponent == 0x1f) {
        bits = sign | 0x7f800000u | (mantissa << 13);
    } else if (exponent != 0) {
        bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        bits = sign;
    } else {  // subnormal: value = mantissa · 2⁻²⁴; renormalise
        int shift = 0;
        while (!(mantissa & 0x400)) { mantissa <<= 1; shift++; }
        bits = sign | ((uint32_t)(113 - shift) << 23) | ((mantissa & 0x3ff) << 13);
    }
    float f;
    memcpy(&f, &bits, 4);
    return f;
}

static void matvec_f32_portable(const float *w, long rows, long cols, const float *x, float *y) {
    for (long r = 0; r < rows; r++) {
        const float *row = w + r * cols;
        float s = 0;
        for (long j = 0; j < cols; j++) s += row[j] * x[j];
        y[r] += s;
    }
}

static void matvec_f16_portable(const uint16_t *w, long rows, long cols, const float *x, float *y) {
    for (long r = 0; r < rows; r++) {
        const uint16_t *row = w + r * cols;
        float s = 0;
        for (long j = 0; j < cols; j++) s += half_to_float(row[j]) * x[j];
        y[r] += s;
    }
}

#if defined(__x86_64__)
// MARK: one kernel, two vector widths
//
// y[r] += Σ_j W[r, j] x[j]: four rows at a time share each load of x, LANES columns per FMA,
// scalar tails for the last cols % LANES columns and rows % 4 rows.
#define MATVEC(NAME, TARGET, T, VEC, LANES, ZERO, LOADX, LOADW, FMA, SUM, WIDEN)                \
    TARGET static void NAME(const T *w, long rows, long cols, const float *x, float *y) {        \
        long vc = cols & ~(long)(LANES - 1), r = 0;                                              \
        for (; r + 4 <= rows; r += 4) {                                                          \
            const T *w0 = w + r * cols, *w1 = w0 + cols, *w2 = w1 + cols, *w3 = w2 + cols;       \
            VEC a0 = ZERO(), a1 = a0, a2 = a0, a3 = a0;                                          \
            for (long j = 0; j < vc; j += LANES) {                                               \
                VEC xv = LOADX(x + j);                                                           \
                a0 = FMA(LOADW(w0 + j), xv, a0);                                                 \
                a1 = FMA(LOADW(w1 + j), xv, a1);                                                 \
                a2 = FMA(LOADW(w2 + j), xv, a2);                                                 \
                a3 = FMA(LOADW(w3 + j), xv, a3);                                                 \
            }                                                                                    \
            float s0 = SUM(a0), s1 = SUM(a1), s2 = SUM(a2), s3 = SUM(a3);                        \
            for (long j = vc; j < cols; j++) {                                                   \
                s0 += WIDEN(w0[j]) * x[j]; s1 += WIDEN(w1[j]) * x[j];                            \
                s2 += WIDEN(w2[j]) * x[j]; s3 += WIDEN(w3[j]) * x[j];                            \
            }                                                                                    \
            y[r] += s0; y[r + 1] += s1; y[r + 2] += s2; y[r + 3] += s3;                          \
        }                                                                                        \
        for (; r < rows; r++) {                                                                  \
            const T *row = w + r * cols;                                                         \
            VEC a = ZERO();                                                                      \
            for (long j = 0; j < vc; j += LANES) a = FMA(LOADW(row + j), LOADX(x + j), a);       \
            float s = SUM(a);                                                                    \
            for (long j = vc; j < cols; j++) s += WIDEN(row[j]) * x[j];                          \
            y[r] += s;                                                                           \
        }                                                                                        \
    }

#define AS_FLOAT(v) (v)

// MARK: AVX2 + FMA + F16C (8 lanes)

#define AVX2 __attribute__((target("avx2,fma,f16c")))

AVX2 static inline float sum8(__m256 v) {
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    return _mm_cvtss_f32(_mm_add_ss(s, _mm_movehdup_ps(s)));
}

AVX2 static inline __m256 load8_f32(const float *p) { return _mm256_loadu_ps(p); }
AVX2 static inline __m256 load8_f16(const uint16_t *p) { return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p)); }

MATVEC(matvec_f32_avx2, AVX2, float, __m256, 8, _mm256_setzero_ps, _mm256_loadu_ps, load8_f32, _mm256_fmadd_ps, sum8, AS_FLOAT)
MATVEC(matvec_f16_avx2, AVX2, uint16_t, __m256, 8, _mm256_setzero_ps, _mm256_loadu_ps, load8_f16, _mm256_fmadd_ps, sum8, half_to_float)

// MARK: AVX-512 (16 lanes)

#define AVX512 __attribute__((target("avx512f,fma,f16c")))

AVX512 static inline __m512 load16_f32(const float *p) { return _mm512_loadu_ps(p); }
AVX512 static inline __m512 load16_f16(const uint16_t *p) { return _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)p)); }

MATVEC(matvec_f32_avx512, AVX512, float, __m512, 16, _mm512_setzero_ps, _mm512_loadu_ps, load16_f32, _mm512_fmadd_ps, _mm512_reduce_add_ps, AS_FLOAT)
MATVEC(matvec_f16_avx512, AVX512, uint16_t, __m512, 16, _mm512_setzero_ps, _mm512_loadu_ps, load16_f16, _mm512_fmadd_ps, _mm512_reduce_add_ps, half_to_float)

#endif

// MARK: entry points

void ck_matvec_f32(const float *w, long rows, long cols, const float *x, float *y) {
    switch (ck_dispatch()) {
#if defined(__x86_64__)
    case ISA_AVX512: matvec_f32_avx512(w, rows, cols, x, y); break;
    case ISA_AVX2: matvec_f32_avx2(w, rows, cols, x, y); break;
#endif
    default: matvec_f32_portable(w, rows, cols, x, y);
    }
}

void ck_matvec_f16(const uint16_t *w, long rows, long cols, const float *x, float *y) {
    switch (ck_dispatch()) {
#if defined(__x86_64__)
    case ISA_AVX512: matvec_f16_avx512(w, rows, cols, x, y); break;
    case ISA_AVX2: matvec_f16_avx2(w, rows, cols, x, y); break;
#endif
    default: matvec_f16_portable(w, rows, cols, x, y);
    }
}
