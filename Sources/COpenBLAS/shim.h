// OpenBLAS's CBLAS interface plus the two OpenBLAS extensions Continuo reports in benchmarks.
#ifndef CONTINUO_COPENBLAS_SHIM_H
#define CONTINUO_COPENBLAS_SHIM_H
#include <cblas.h>
char *openblas_get_corename(void);
int openblas_get_num_threads(void);
void openblas_set_num_threads(int num_threads);
#endif
