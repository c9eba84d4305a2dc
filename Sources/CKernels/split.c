// Two-thread matrix-vector products for batch-1 steps: the caller and one helper thread take
// blocks of rows from a shared counter, so each reads half the weights (and, on a machine whose
// cores have their own caches, keeps its half there). Rows are split, never sums, so the result
// is bit-for-bit the single-thread one.
//
// The helper spins briefly after each job (steps come in bursts while a phrase is answered),
// then sleeps on a futex; a caller never waits for it to wake: it takes the blocks itself, and
// waits at most for the one block the helper is working on.
#include "CKernels.h"
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

enum { BLOCK_ROWS = 128, SPIN_ROUNDS = 20000 };

/// A spin-wait hint to the core (x86 `pause`, Arm `yield`).
static inline void spin_pause(void) {
#if defined(__x86_64__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static struct {
    pthread_mutex_t owner;       // one caller at a time uses the helper; others run alone
    pthread_once_t started;
    _Atomic int enabled;
    _Atomic uint32_t generation; // bumped for each job; also the helper's futex word
    _Atomic int sleeping;
    _Atomic uint64_t ticket;     // generation << 32 | block count << 16 | next block to take
    _Atomic long blocks_done;
    // The job; written before `generation` is bumped, read only under a matching ticket.
    _Atomic(const void *) w;
    _Atomic(const float *) x;
    _Atomic(float *) y;
    _Atomic long rows, cols;
    _Atomic int half;
} job = { .owner = PTHREAD_MUTEX_INITIALIZER, .started = PTHREAD_ONCE_INIT };

static void run_block(const void *w, int half, long rows, long cols, const float *x, float *y, long b) {
    long lo = b * BLOCK_ROWS, n = rows - lo < BLOCK_ROWS ? rows - lo : BLOCK_ROWS;
    if (half) ck_matvec_f16((const uint16_t *)w + lo * cols, n, cols, x, y + lo);
    else ck_matvec_f32((const float *)w + lo * cols, n, cols, x, y + lo);
}

/// Takes and runs blocks of job `generation` until none are left or a newer job replaced it.
static void take_blocks(uint32_t generation) {
    const void *w = atomic_load_explicit(&job.w, memory_order_acquire);
    const float *x = job.x;
    float *y = job.y;
    long rows = job.rows, cols = job.cols;
    int half = job.half;
    uint64_t t = atomic_load(&job.ticket);
    for (;;) {
        // The count comes from the ticket, not `blocks`: a ticket of this generation with a block
        // left means its job is still running, so the fields read above are still its own.
        long next = (long)(t & 0xffff), count = (long)((t >> 16) & 0xffff);
        if ((uint32_t)(t >> 32) != generation || next >= count) return;
        if (!atomic_compare_exchange_weak(&job.ticket, &t, t + 1)) continue;
        run_block(w, half, rows, cols, x, y, next);
        atomic_fetch_add_explicit(&job.blocks_done, 1, memory_order_release);
        t = atomic_load(&job.ticket);
    }
}

static void *helper_main(void *unused) {
    (void)unused;
    uint32_t seen = 0;
    for (;;) {
        uint32_t g = atomic_load(&job.generation);
        for (int i = 0; i < SPIN_ROUNDS && g == seen; i++) {
            spin_pause();
            g = atomic_load(&job.generation);
        }
        if (g == seen) {
            atomic_store(&job.sleeping, 1);
            if (atomic_load(&job.generation) == seen)
                syscall(SYS_futex, &job.generation, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
            atomic_store(&job.sleeping, 0);
            continue;
        }
        seen = g;
        take_blocks(g);
    }
    return NULL;
}

static int helper_ok = 0;
static void start_helper(void) {
    pthread_t thread;
    if (pthread_create(&thread, NULL, helper_main, NULL) == 0) {
        pthread_detach(thread);
        helper_ok = 1;
    }
}

int ck_set_threads(int threads) {
    if (threads == 2) {
        pthread_once(&job.started, start_helper);
        if (!helper_ok) return 0;
    }
    atomic_store(&job.enabled, threads == 2);
    return threads == 1 || threads == 2;
}

int ck_threads(void) { return atomic_load(&job.enabled) ? 2 : 1; }

void ck_matvec_split(const void *w, int half, long rows, long cols, const float *x, float *y) {
    long blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    if (!atomic_load(&job.enabled) || blocks < 2 || blocks > 0xffff || pthread_mutex_trylock(&job.owner) != 0) {
        if (half) ck_matvec_f16(w, rows, cols, x, y);
        else ck_matvec_f32(w, rows, cols, x, y);
        return;
    }
    uint32_t g = atomic_load(&job.generation) + 1;
    job.x = x; job.y = y; job.rows = rows; job.cols = cols; job.half = half;
    atomic_store_explicit(&job.w, w, memory_order_release);
    atomic_store(&job.blocks_done, 0);
    atomic_store(&job.ticket, (uint64_t)g << 32 | (uint64_t)blocks << 16);
    atomic_store(&job.generation, g);
    if (atomic_load(&job.sleeping)) syscall(SYS_futex, &job.generation, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
    take_blocks(g);
    while (atomic_load_explicit(&job.blocks_done, memory_order_acquire) < blocks) spin_pause();
    pthread_mutex_unlock(&job.owner);
}
