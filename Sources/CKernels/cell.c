// The LSTM cell's elementwise part, vectorised: σ and tanh through one exp evaluated in
// registers (Cephes' single-precision expf: range reduction by ln 2, degree-5 polynomial,
// ≤ 2 ulp), instead of one libm call per gate value.
//
//     gates[B, 4H]: in z (rows i | f | g | o), out σ(z_i), σ(z_f), tanh(z_g), σ(z_o)
//     c[B, H] = f ⊙ c₋₁ + i ⊙ g,   h[B, H] = o ⊙ tanh(c)
#include "CKernels.h"
#include "dispatch.h"
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <math.h>

static inline float sigmoid1(float x) { return 1 / (1 + expf(-x)); }

/// The cell for columns [from, to) of one batch row, with libm.
static void cell_scalar(float *z, const float *cp, float *c, float *h, long hidden, long from, long to) {
    for (long j = from; j < to; j++) {
        float i = sigmoid1(z[j]), f = sigmoid1(z[hidden + j]), g = tanhf(z[2 * hidden + j]), o = sigmoid1(z[3 * hidden + j]);
        z[j] = i; z[hidden + j] = f; z[2 * hidden + j] = g; z[3 * hidden + j] = o;
        float cn = i * g + (cp ? f * cp[j] : 0);
        c[j] = cn;
        h[j] = o * tanhf(cn);
    }
}

#if defined(__x86_64__)
// exp(x) = 2ⁿ · exp(r), n = round(x / ln 2), r = x − n ln 2 (ln 2 in two parts for exactness),
// exp(r) ≈ 1 + r + r² P(r); then σ(x) = 1 / (1 + e⁻ˣ), tanh(x) = sign(x) (1 − e⁻²|ˣ|) / (1 + e⁻²|ˣ|).
#define EXP_POLY(V, SET1, MUL, ADD, FMA, MIN, MAX, ROUND, POW2, X)                                 \
    ({                                                                                           \
        V x_ = MAX(MIN(X, SET1(88.3762626647949f)), SET1(-87.3365478515625f));                   \
        V n_ = ROUND(MUL(x_, SET1(1.44269504088896341f)));                                       \
        V r_ = FMA(n_, SET1(2.12194440e-4f), FMA(n_, SET1(-0.693359375f), x_));                  \
        V p_ = SET1(1.9875691500e-4f);                                                           \
        p_ = FMA(p_, r_, SET1(1.3981999507e-3f)); p_ = FMA(p_, r_, SET1(8.3334519073e-3f));      \
        p_ = FMA(p_, r_, SET1(4.1665795894e-2f)); p_ = FMA(p_, r_, SET1(1.6666665459e-1f));      \
        p_ = FMA(p_, r_, SET1(5.0000001201e-1f));                                                \
        V e_ = ADD(FMA(p_, MUL(r_, r_), r_), SET1(1));                                           \
        MUL(e_, POW2(n_));                                                                       \
    })

#define CELL(NAME, TARGET, V, LANES, SET1, LOAD, STORE, MUL, ADD, SUB, DIV, FMA, MIN, MAX, ROUND, \
             POW2, ABS, COPYSIGN)                                                                \
    TARGET static inline V NAME##_exp(V x) {                                                     \
        return EXP_POLY(V, SET1, MUL, ADD, FMA, MIN, MAX, ROUND, POW2, x);                       \
    }                                                                                            \
    TARGET static inline V NAME##_sigmoid(V x) {                                                 \
        return DIV(SET1(1), ADD(SET1(1), NAME##_exp(SUB(SET1(0), x))));                          \
    }                                                                                            \
    TARGET static inline V NAME##_tanh(V x) {                                                    \
        V t = NAME##_exp(MUL(SET1(-2), ABS(x)));                                                 \
        return COPYSIGN(DIV(SUB(SET1(1), t), ADD(SET1(1), t)), x);                               \
    }                                                                                            \
    TARGET static void NAME(float *gates, const float *c_prev, float *c, float *h, long batch, long hidden) { \
        long vh = hidden & ~(long)(LANES - 1);                                                   \
        for (long b = 0; b < batch; b++) {                                                       \
            float *z = gates + b * 4 * hidden, *cb = c + b * hidden, *hb = h + b * hidden;       \
            const float *cp = c_prev ? c_prev + b * hidden : 0;                                  \
            for (long j = 0; j < vh; j += LANES) {                                               \
                V i = NAME##_sigmoid(LOAD(z + j)), f = NAME##_sigmoid(LOAD(z + hidden + j));     \
                V g = NAME##_tanh(LOAD(z + 2 * hidden + j)), o = NAME##_sigmoid(LOAD(z + 3 * hidden + j)); \
                STORE(z + j, i); STORE(z + hidden + j, f); STORE(z + 2 * hidden + j, g); STORE(z + 3 * hidden + j, o); \
                V cn = MUL(i, g);                                                                \
                if (cp) cn = FMA(f, LOAD(cp + j), cn);                                           \
                STORE(cb + j, cn);                                                               \
                STORE(hb + j, MUL(o, NAME##_tanh(cn)));                                          \
            }                                                                                    \
            cell_scalar(z, cp, cb, hb, hidden, vh, hidden);                                      \
        }                                                                                        \
    }

#define AVX2 __attribute__((target("avx2,fma,f16c")))
#define AVX512 __attribute__((target("avx512f,fma,f16c")))

AVX2 static inline __m256 round256(__m256 v) { return _mm256_round_ps(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
/// 2ⁿ for integral n in [-126, 127], built in the exponent field.
AVX2 static inline __m256 pow2_256(__m256 n) {
    return _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23));
}
AVX2 static inline __m256 abs256(__m256 v) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), v); }
AVX2 static inline __m256 copysign256(__m256 m, __m256 s) {
    return _mm256_or_ps(abs256(m), _mm256_and_ps(_mm256_set1_ps(-0.0f), s));
}
AVX512 static inline __m512 round512(__m512 v) { return _mm512_roundscale_ps(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
AVX512 static inline __m512 pow2_512(__m512 n) {
    return _mm512_castsi512_ps(_mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(n), _mm512_set1_epi32(127)), 23));
}
AVX512 static inline __m512 abs512(__m512 v) { return _mm512_abs_ps(v); }
AVX512 static inline __m512 copysign512(__m512 m, __m512 s) {
    return _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(abs512(m)),
                                               _mm512_and_si512(_mm512_castps_si512(s), _mm512_set1_epi32((int)0x80000000))));
}

CELL(cell_avx2, AVX2, __m256, 8, _mm256_set1_ps, _mm256_loadu_ps, _mm256_storeu_ps, _mm256_mul_ps, _mm256_add_ps,
     _mm256_sub_ps, _mm256_div_ps, _mm256_fmadd_ps, _mm256_min_ps, _mm256_max_ps, round256, pow2_256, abs256,
     copysign256)
CELL(cell_avx512, AVX512, __m512, 16, _mm512_set1_ps, _mm512_loadu_ps, _mm512_storeu_ps, _mm512_mul_ps, _mm512_add_ps,
     _mm512_sub_ps, _mm512_div_ps, _mm512_fmadd_ps, _mm512_min_ps, _mm512_max_ps, round512, pow2_512, abs512,
     copysign512)

#endif

void ck_lstm_cell_forward(float *gates, const float *c_prev, float *c, float *h, long batch, long hidden) {
    switch (ck_dispatch()) {
#if defined(__x86_64__)
    case ISA_AVX512: cell_avx512(gates, c_prev, c, h, batch, hidden); break;
    case ISA_AVX2: cell_avx2(gates, c_prev, c, h, batch, hidden); break;
#endif
    default:
        for (long b = 0; b < batch; b++)
            cell_scalar(gates + b * 4 * hidden, c_prev ? c_prev + b * hidden : 0, c + b * hidden, h + b * hidden, hidden, 0, hidden);
    }
}
