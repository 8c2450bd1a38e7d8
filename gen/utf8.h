/*
 * utf8 — validation and iteration of UTF-8 text.  Every string in the data
 * and document models is valid UTF-8 (the loaders check it), so later stages
 * may iterate with utf8_next() without error handling.
 */
#ifndef GEN_UTF8_H
#define GEN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point from s (at most n bytes).  Returns the number of
 * bytes used (1–4), or 0 if the sequence is invalid, truncated, overlong, a
 * surrogate or above U+10FFFF. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Returns the byte offset of the first invalid sequence, or (size_t)-1 if
 * the n bytes are valid UTF-8. */
size_t utf8_invalid_at(const char *s, size_t n);

/* Decodes the code point at *s and advances *s past it.  For valid text only;
 * returns 0 at the terminating NUL. */
uint32_t utf8_next(const char **s);

/* Encodes cp into out (4 bytes room); returns the length. */
int utf8_encode(uint32_t cp, char *out);

/* Number of code points in a valid NUL-terminated string. */
size_t utf8_length(const char *s);

/* 1-based column (in code points) of byte offset off within s. */
int utf8_column(const char *s, size_t off);

/* True for whitespace that a cell may be padded with: ASCII space and tab,
 * U+3000 ideographic space, U+00A0 no-break space. */
int utf8_is_space(uint32_t cp);

/* Returns a pointer past leading spaces (utf8_is_space) and sets *len to the
 * length without trailing spaces. */
const char *utf8_trim(const char *s, size_t *len);

/* True when two names are the same as people type them (docs/input.md,
 * "Names as people type them"): spaces beside a Chinese character are
 * ignored ("项 目", "合　计" equal 项目, 合计), runs of spaces between ASCII
 * words count as one, and full-width brackets （）［］｛｝ equal ()[]{}.
 * Valid UTF-8 only. */
int utf8_name_eq(const char *a, const char *b);

#endif
