// CKernels' internal view of the instruction-set choice.
#ifndef CONTINUO_CKERNELS_DISPATCH_H
#define CONTINUO_CKERNELS_DISPATCH_H

enum instruction_set { ISA_UNKNOWN, ISA_PORTABLE, ISA_AVX2, ISA_AVX512 };

/// The instruction set to use now: the widest this CPU and OS support, unless a test chose another.
int ck_dispatch(void);

#endif
