// ALSA's snd_seq_ev_set_* helpers are C macros Swift cannot call; these static inline
// functions say the same thing as functions.
#ifndef CONTINUO_CALSA_SHIM_H
#define CONTINUO_CALSA_SHIM_H
#include <alsa/asoundlib.h>
#endif
