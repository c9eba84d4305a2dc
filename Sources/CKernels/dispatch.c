// Which instruction set the kernels use: detected once, or chosen by a test.
#include "CKernels.h"
#include "dispatch.h"
#include <string.h>

static _Atomic int detected = ISA_UNKNOWN;

/// The widest set both the CPU and the OS (saved register state) support.
static int widest_supported(void) {
    int isa = ISA_PORTABLE;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c"))
        isa = ISA_AVX512;
    else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") && __builtin_cpu_supports("f16c"))
        isa = ISA_AVX2;
#endif
    return isa;
}

int ck_dispatch(void) {
    int isa = detected;
    if (isa == ISA_UNKNOWN) detected = isa = widest_supported();
    return isa;
}

const char *ck_instruction_set(void) {
    switch (ck_dispatch()) {
    case ISA_AVX512: return "avx512";
    case ISA_AVX2: return "avx2";
    default: return "portable";
    }
}

int ck_use_instruction_set(const char *name) {
    int wanted = !strcmp(name, "avx512") ? ISA_AVX512 : !strcmp(name, "avx2") ? ISA_AVX2
               : !strcmp(name, "portable") ? ISA_PORTABLE : ISA_UNKNOWN;
    if (wanted == ISA_UNKNOWN || wanted > widest_supported()) return 0;
    detected = wanted;
    return 1;
}
