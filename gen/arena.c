/*
 * arena — chunked bump allocator (see arena.h).
 */
#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN 16

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    _Alignas(ARENA_ALIGN) unsigned char data[];
} chunk;

struct arena {
    chunk *head;
};

static const char *stage = "starting";

void xalloc_stage(const char *what)
{
    stage = what;
}

void xalloc_failed(void)
{
    /* Nothing here may allocate: stdio on stderr is unbuffered, and the
     * message is built from constants.  exit() (not abort()) runs the
     * clean-up of temporary files; a batch worker's status tells its
     * parent. */
    fprintf(stderr,
            "budgetgen: out of memory while %s: raise the memory limit (ulimit -v) or reduce "
            "the input ([limits] max_rows, max_cell and max_pages of the config)\n",
            stage);
    exit(2);
}

static void oom(void)
{
    xalloc_failed();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

arena *arena_new(void)
{
    return xcalloc(1, sizeof(arena));
}

void *arena_alloc(arena *a, size_t size)
{
    /* A size that wraps when rounded up or added to the chunk header (a
     * count times a size gone wrong upstream) is as unsatisfiable as any. */
    if (size > SIZE_MAX / 2)
        oom();
#ifdef GEN_ARENA_MALLOC
    /* One block per allocation, chained so arena_free_all() finds it. */
    chunk *c = xcalloc(1, sizeof(chunk) + size);
    c->next = a->head;
    a->head = c;
    c->used = c->cap = size;
    return c->data;
#else
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    chunk *c = a->head;
    if (!c || c->cap - c->used < size) {
        size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;
        c = xmalloc(sizeof(chunk) + cap);
        c->cap = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += size;
    memset(p, 0, size);
    return p;
#endif
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        oom();
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_free_all(arena *a)
{
    if (!a)
        return;
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}
