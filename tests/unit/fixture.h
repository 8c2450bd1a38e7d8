/*
 * Shared fixture code for the unit tests that read files: a temporary
 * directory (mkdtemp under /tmp) that becomes the working directory and is
 * removed at the end, files written into it, and per test an arena with a
 * diagnostics sink writing into memory (open_memstream) whose text the test
 * compares.  Include after harness.h; the test links gen/ (arena, diag).
 *
 *   fx_tmp_enter(tmpl)  mkdtemp(tmpl) and chdir into it (0, or -1 on failure)
 *   fx_write(n, b, len) writes len bytes to file n (relative to the cwd), and
 *                       remembers n for fx_tmp_leave; exits 2 on failure
 *   fx_tmp_leave()      unlinks the files fx_write made, leaves the directory
 *                       and removes it (0, or -1 on failure)
 *   fx_init/fx_msgs/fx_done   one test's arena and diagnostics
 */
#ifndef FIXTURE_H
#define FIXTURE_H

#include "arena.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* One test's arena and a diagnostics sink writing into memory. */
typedef struct fixture {
    arena *a;
    diag d;
    FILE *out;
    char *buf;
    size_t size;
} fixture;

static inline void fx_init(fixture *f)
{
    f->a = arena_new();
    f->buf = NULL;
    f->size = 0;
    f->out = open_memstream(&f->buf, &f->size);
    diag_init(&f->d, f->out);
}

/* Everything reported so far. */
static inline const char *fx_msgs(fixture *f)
{
    fflush(f->out);
    return f->buf ? f->buf : "";
}

static inline void fx_done(fixture *f)
{
    fclose(f->out);
    free(f->buf);
    arena_free_all(f->a);
}

static const char *fx_dir;
static char *fx_created[128];
static size_t fx_ncreated;

/* Creates the temporary directory from tmpl (".../name.XXXXXX", modified in
 * place) and makes it the working directory. */
static inline int fx_tmp_enter(char *tmpl)
{
    fx_dir = tmpl;
    if (!mkdtemp(tmpl) || chdir(tmpl) != 0)
        return -1;
    return 0;
}

/* Writes n bytes to name in the temporary directory (the cwd). */
static inline void fx_write(const char *name, const char *bytes, size_t n)
{
    FILE *fp = fopen(name, "wb");
    if (!fp || fwrite(bytes, 1, n, fp) != n || fclose(fp) != 0) {
        printf("cannot write %s\n", name);
        exit(2);
    }
    for (size_t i = 0; i < fx_ncreated; i++)
        if (strcmp(fx_created[i], name) == 0)
            return;
    if (fx_ncreated < sizeof fx_created / sizeof fx_created[0])
        fx_created[fx_ncreated++] = strdup(name);
}

/* Removes the files fx_write made, then the temporary directory. */
static inline int fx_tmp_leave(void)
{
    for (size_t i = 0; i < fx_ncreated; i++) {
        if (fx_created[i]) /* never NULL; says so to GCC when fx_write is unused */
            unlink(fx_created[i]);
        free(fx_created[i]);
    }
    fx_ncreated = 0;
    if (chdir("/") != 0 || rmdir(fx_dir) != 0)
        return -1;
    return 0;
}

#endif
