/*
 * Helpers shared by the libFuzzer targets in tests/fuzz/ (built and run by
 * `make fuzz` and `make fuzz-smoke`, never by `make test`).  The loaders
 * read files by path, so each input is written to a file in a private
 * temporary folder (under /dev/shm when it exists: no disk I/O), created
 * once per process and removed at exit.  Diagnostics go to /dev/null: they
 * are formatted (so printf-style bugs still show) but not kept.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include "arena.h"
#include "diag.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fz_dir[64];
static FILE *fz_null;

/* A path inside the private folder (static buffer, valid until the next call). */
static inline const char *fz_path(const char *name)
{
    static char p[128];
    snprintf(p, sizeof p, "%s/%s", fz_dir, name);
    return p;
}

static inline void fz_cleanup(void)
{
    char cmd[96];
    /* The folder holds only files this process wrote. */
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fz_dir);
    if (fz_dir[0] && system(cmd) != 0)
        fprintf(stderr, "fuzz: cannot remove %s\n", fz_dir);
}

/* Creates the private folder and the /dev/null sink; call once. */
static inline void fz_setup(void)
{
    if (fz_dir[0])
        return;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    snprintf(fz_dir, sizeof fz_dir, "%s/budgetgen-fuzz.XXXXXX", base);
    if (!mkdtemp(fz_dir)) {
        perror("fuzz: mkdtemp");
        abort();
    }
    atexit(fz_cleanup);
    fz_null = fopen("/dev/null", "w");
    if (!fz_null) {
        perror("fuzz: /dev/null");
        abort();
    }
}

/* Writes the n bytes to name in the private folder; returns its path. */
static inline const char *fz_write(const char *name, const uint8_t *data, size_t n)
{
    const char *path = fz_path(name);
    FILE *fp = fopen(path, "wb");
    if (!fp || (n && fwrite(data, 1, n, fp) != n) || fclose(fp) != 0) {
        perror(path);
        abort();
    }
    return path;
}

/* An invariant the code under test must keep: a failure is a finding, so
 * it aborts (libFuzzer saves the input as a crash artifact). */
#define FZ_ASSERT(cond)                                                                            \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__);     \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

#endif
