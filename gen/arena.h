/*
 * arena — one allocator per run.  Configuration, data model, document model
 * and layout are allocated here and freed once at the end of main().  With
 * -DGEN_ARENA_MALLOC every allocation is its own malloc block, so ASan and
 * valgrind see overflows and use-after-free (the sanitizer builds use it).
 * Allocation failure aborts: callers never check for NULL.
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

/* Allocation that aborts on failure, for buffers that grow (strbuf, vectors). */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);

#endif
