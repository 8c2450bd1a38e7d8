/*
 * diag — diagnostics: every message about the user's input or about the
 * system goes through here, in the gcc form "file:line:col: level: text" so
 * editors can jump to it.  The sink counts errors and warnings; main() turns
 * the counts into the exit status (0 ok, 1 findings, 2 usage or I/O).
 */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

#include <stdarg.h>
#include <stdio.h>

/* A place in an input file.  line and col are 1-based; 0 means "unknown"
 * (the part is then left out of the message).  file is not owned. */
typedef struct diag_pos {
    const char *file;
    int line;
    int col;
} diag_pos;

typedef enum diag_level { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR } diag_level;

typedef struct diag {
    FILE *out;    /* where messages go (stderr in the program) */
    int strict;   /* --strict: warnings are reported and counted as errors */
    int quiet;    /* suppress notes */
    int errors;
    int warnings;
} diag;

/* Starts a sink writing to out, counts at zero. */
void diag_init(diag *d, FILE *out);

/* Reports one finding.  fmt is printf-like and UTF-8. */
void diag_report(diag *d, diag_level level, diag_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The same with a va_list, for wrappers that add context. */
void diag_vreport(diag *d, diag_level level, diag_pos pos, const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));

/* Shorthands for a position. */
diag_pos diag_at(const char *file, int line, int col);

/* Reports a system error (errno already saved by the caller) about a path:
 * "budgetgen: cannot write 'output/x.pdf': No space left on device". */
void diag_syserr(diag *d, const char *what, const char *path, int err);

#endif
