/*
 * utf8 — decoding per RFC 3629 (see utf8.h).
 */
#include "utf8.h"

#include <string.h>

int utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    if (n == 0)
        return 0;
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t utf8_invalid_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (k == 0)
            return i;
        i += (size_t)k;
    }
    return (size_t)-1;
}

uint32_t utf8_next(const char **s)
{
    uint32_t cp = 0;
    if (**s == '\0')
        return 0;
    int k = utf8_decode(*s, 4, &cp);
    if (k == 0) { /* cannot happen on validated text; step one byte */
        cp = 0xFFFD;
        k = 1;
    }
    *s += k;
    return cp;
}

int utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_length(const char *s)
{
    size_t n = 0;
    while (utf8_next(&s))
        n++;
    return n;
}

int utf8_column(const char *s, size_t off)
{
    const char *end = s + off;
    int col = 1;
    while (s < end && *s) {
        utf8_next(&s);
        col++;
    }
    return col;
}

int utf8_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == 0x3000 || cp == 0xA0;
}

const char *utf8_trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    const char *end = s + n;
    for (;;) {
        uint32_t cp;
        int k = utf8_decode(s, (size_t)(end - s), &cp);
        if (k == 0 || !utf8_is_space(cp))
            break;
        s += k;
    }
    /* Trim from the end: step back over one code point at a time. */
    while (end > s) {
        const char *q = end - 1;
        while (q > s && ((unsigned char)*q & 0xC0) == 0x80)
            q--;
        uint32_t cp;
        if (utf8_decode(q, (size_t)(end - q), &cp) == 0 || !utf8_is_space(cp))
            break;
        end = q;
    }
    *len = (size_t)(end - s);
    return s;
}

/* Full-width brackets as their ASCII forms: （）［］｛｝ → ()[]{}. */
static uint32_t name_fold(uint32_t cp)
{
    switch (cp) {
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0xFF3B: return '[';
    case 0xFF3D: return ']';
    case 0xFF5B: return '{';
    case 0xFF5D: return '}';
    default: return cp;
    }
}

/* The next code point of a name as compared: a run of spaces beside a
 * non-ASCII character (letter-spacing, "项 目") is skipped, and brackets
 * are folded.  *prev is the last code point returned (0 at the start). */
static uint32_t name_next(const char **s, uint32_t *prev)
{
    uint32_t cp = utf8_next(s);
    if (cp && utf8_is_space(cp)) {
        const char *t = *s;
        uint32_t next;
        do
            next = utf8_next(&t);
        while (next && utf8_is_space(next));
        if (*prev >= 0x80 || next >= 0x80 || *prev == 0 || next == 0) {
            /* letter-spacing (or padding): the spaces are not part of the name */
            *s = t;
            cp = next;
        } else {
            /* between ASCII words: one space, however many were typed */
            const char *u = *s;
            while (*u && utf8_is_space(utf8_next(&u)))
                *s = u;
            cp = ' ';
        }
    }
    *prev = cp;
    return name_fold(cp);
}

int utf8_name_eq(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return 1;
    uint32_t pa = 0, pb = 0;
    for (;;) {
        uint32_t x = name_next(&a, &pa), y = name_next(&b, &pb);
        if (x != y)
            return 0;
        if (!x)
            return 1;
    }
}
