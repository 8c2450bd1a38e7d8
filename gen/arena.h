/*
 * arena — one allocator per run.  Configuration, data model, document model
 * and layout are allocated here and freed once at the end of main().  With
 * -DGEN_ARENA_MALLOC every allocation is its own malloc block, so ASan and
 * valgrind see overflows and use-after-free (the sanitizer builds use it).
 * Allocation failure ends the program with a message and exit status 2
 * (xalloc_failed()): callers never check for NULL.
 */
#ifndef GEN_ARENA_H
#define GEN_ARENA_H

#include <stddef.h>

typedef struct arena arena;

/* Creates an empty arena.  Free it with arena_free_all(). */
arena *arena_new(void);

/* Returns size zeroed bytes aligned for any type, owned by the arena. */
void *arena_alloc(arena *a, size_t size);

/* Copies a string (or its first n bytes, NUL-terminated) into the arena. */
char *arena_strdup(arena *a, const char *s);
char *arena_strndup(arena *a, const char *s, size_t n);

/* printf into a new arena string. */
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Frees every allocation and the arena itself.  NULL is allowed. */
void arena_free_all(arena *a);

/* Allocation that ends the program on failure (xalloc_failed()), for
 * buffers that grow (strbuf, vectors). */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);

/* What the program is doing, for the out-of-memory message ("reading the
 * input files"): a string that lives as long as the program. */
void xalloc_stage(const char *what);

/* Reports "budgetgen: out of memory while <stage>: raise the memory limit
 * (ulimit -v) or reduce the input …" and exits with status 2 (never
 * abort(): no core dump, and a batch sees an ordinary failure).  Also for
 * a library that reports an allocation failure (libcsv's csv_init). */
_Noreturn void xalloc_failed(void);

#endif
