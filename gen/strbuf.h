/*
 * strbuf — a growable byte string for building text (malloc-backed; copy the
 * result into the arena when it must live on).  Always NUL-terminated.
 */
#ifndef GEN_STRBUF_H
#define GEN_STRBUF_H

#include <stddef.h>

typedef struct strbuf {
    char *buf; /* NULL until something is appended; use sb_str() */
    size_t len;
    size_t cap;
} strbuf;

#define STRBUF_INIT {NULL, 0, 0}

void sb_append(strbuf *sb, const char *s);
void sb_appendn(strbuf *sb, const char *s, size_t n);
void sb_putc(strbuf *sb, char c);
/* Appends n bytes left for the caller to fill; returns where they start
 * (valid until the next append). */
char *sb_extend(strbuf *sb, size_t n);
void sb_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One CSV field (RFC 4180): quoted, with its quotes doubled, when it holds a
 * comma, quote or line end, or a semicolon or tab (the separator Excel
 * takes in some locales). */
void sb_csv_field(strbuf *sb, const char *s);

/* Appends s as HTML or XML text: & < > " ' escaped; a control character
 * other than tab and line feed (not text either may carry) as U+FFFD. */
void sb_markup_text(strbuf *sb, const char *s);
/* The contents; "" for an empty buffer.  Valid until the next append. */
const char *sb_str(const strbuf *sb);
void sb_reset(strbuf *sb);
void sb_free(strbuf *sb);

#endif
