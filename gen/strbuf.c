/*
 * strbuf — growable string (see strbuf.h).
 */
#include "strbuf.h"

#include "arena.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void grow(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    if (extra > SIZE_MAX / 4 - sb->len)
        xalloc_failed(); /* cannot be allocated; doubling would wrap */
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    sb->buf = xrealloc(sb->buf, cap);
    sb->cap = cap;
}

void sb_appendn(strbuf *sb, const char *s, size_t n)
{
    grow(sb, n);
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

char *sb_extend(strbuf *sb, size_t n)
{
    grow(sb, n);
    char *p = sb->buf + sb->len;
    sb->len += n;
    sb->buf[sb->len] = '\0';
    return p;
}

void sb_append(strbuf *sb, const char *s)
{
    sb_appendn(sb, s, strlen(s));
}

void sb_putc(strbuf *sb, char c)
{
    sb_appendn(sb, &c, 1);
}

void sb_csv_field(strbuf *sb, const char *s)
{
    if (!strpbrk(s, ",;\"\t\r\n")) {
        sb_append(sb, s);
        return;
    }
    sb_putc(sb, '"');
    for (; *s; s++) {
        if (*s == '"')
            sb_putc(sb, '"');
        sb_putc(sb, *s);
    }
    sb_putc(sb, '"');
}

void sb_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    grow(sb, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

const char *sb_str(const strbuf *sb)
{
    return sb->buf ? sb->buf : "";
}

void sb_reset(strbuf *sb)
{
    sb->len = 0;
    if (sb->buf)
        sb->buf[0] = '\0';
}

void sb_free(strbuf *sb)
{
    free(sb->buf);
    sb->buf = NULL;
    sb->len = sb->cap = 0;
}

void sb_markup_text(strbuf *sb, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '&':
            sb_append(sb, "&amp;");
            break;
        case '<':
            sb_append(sb, "&lt;");
            break;
        case '>':
            sb_append(sb, "&gt;");
            break;
        case '"':
            sb_append(sb, "&quot;");
            break;
        case '\'':
            sb_append(sb, "&#39;");
            break;
        default:
            /* ESC or CR in a department's name: shown as U+FFFD, never
             * passed on (XML 1.0 forbids most C0 controls outright). */
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
                sb_append(sb, "&#xFFFD;");
            else
                sb_putc(sb, (char)c);
        }
    }
}
