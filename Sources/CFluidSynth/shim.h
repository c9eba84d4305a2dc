#ifndef CONTINUO_CFLUIDSYNTH_SHIM_H
#define CONTINUO_CFLUIDSYNTH_SHIM_H
#include <fluidsynth.h>
#endif
