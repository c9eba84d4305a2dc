// ALSA's snd_seq_ev_set_* helpers are C macros Swift cannot call; these static inline
// functions say the same thing as functions.
#ifndef CONTINUO_CALSA_SHIM_H
#define CONTINUO_CALSA_SHIM_H
#include <alsa/asoundlib.h>

static inline void continuo_seq_ev_clear(snd_seq_event_t *ev) { snd_seq_ev_clear(ev); }
static inline void continuo_seq_ev_set_source(snd_seq_event_t *ev, unsigned char port) { snd_seq_ev_set_source(ev, port); }
static inline void continuo_seq_ev_set_subs(snd_seq_event_t *ev) { snd_seq_ev_set_subs(ev); }
static inline void continuo_seq_ev_set_direct(snd_seq_event_t *ev) { snd_seq_ev_set_direct(ev); }
static inline void continuo_seq_ev_schedule_real(snd_seq_event_t *ev, int queue, unsigned int sec, unsigned int nsec) {
    snd_seq_real_time_t time = { sec, nsec };
    snd_seq_ev_schedule_real(ev, queue, 0, &time);
}
static inline void continuo_seq_ev_set_noteon(snd_seq_event_t *ev, int ch, int key, int vel) { snd_seq_ev_set_noteon(ev, ch, key, vel); }
static inline void continuo_seq_ev_set_noteoff(snd_seq_event_t *ev, int ch, int key, int vel) { snd_seq_ev_set_noteoff(ev, ch, key, vel); }
static inline void continuo_seq_ev_set_keypress(snd_seq_event_t *ev, int ch, int key, int vel) { snd_seq_ev_set_keypress(ev, ch, key, vel); }
static inline void continuo_seq_ev_set_controller(snd_seq_event_t *ev, int ch, unsigned int cc, int val) { snd_seq_ev_set_controller(ev, ch, cc, val); }
static inline void continuo_seq_ev_set_pgmchange(snd_seq_event_t *ev, int ch, int val) { snd_seq_ev_set_pgmchange(ev, ch, val); }
static inline void continuo_seq_ev_set_chanpress(snd_seq_event_t *ev, int ch, int val) { snd_seq_ev_set_chanpress(ev, ch, val); }
static inline void continuo_seq_ev_set_pitchbend(snd_seq_event_t *ev, int ch, int val) { snd_seq_ev_set_pitchbend(ev, ch, val); }
static inline void continuo_seq_ev_set_sysex(snd_seq_event_t *ev, unsigned int len, void *data) { snd_seq_ev_set_sysex(ev, len, data); }
static inline int continuo_seq_ev_is_variable(const snd_seq_event_t *ev) { return snd_seq_ev_is_variable(ev); }
/// alsa-lib prints its own message to stderr before returning an error code; Continuo throws a
/// one-line error carrying the same facts instead, so the library's printer is silenced.
static void continuo_alsa_silent_error(const char *file, int line, const char *function, int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}
static inline void continuo_alsa_silence_errors(void) { snd_lib_error_set_handler(continuo_alsa_silent_error); }
static inline int continuo_seq_start_queue(snd_seq_t *seq, int queue) { return snd_seq_start_queue(seq, queue, NULL); }
#endif
