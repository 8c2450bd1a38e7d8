/*
 * textio — whole-file reading with encoding detection (see textio.h).
 */
#include "textio.h"

#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int textio_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Line and column (in bytes, 1-based) of offset off. */
static void where(const char *s, size_t off, int *line, int *col)
{
    *line = 1;
    size_t ls = 0;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n') {
            (*line)++;
            ls = i + 1;
        }
    *col = (int)(off - ls) + 1;
}

/* Converts n bytes of GB18030 to a malloc'd UTF-8 string; NULL if invalid. */
static char *from_gb18030(const char *in, size_t n, size_t *outlen)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = n * 2 + 16;
    char *out = xmalloc(cap);
    char *ip = (char *)in, *op = out;
    size_t il = n, ol = cap - 1;
    while (il > 0) {
        if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
            if (errno == E2BIG) {
                size_t used = (size_t)(op - out);
                cap *= 2;
                out = xrealloc(out, cap);
                op = out + used;
                ol = cap - used - 1;
                continue;
            }
            free(out);
            iconv_close(cd);
            return NULL;
        }
    }
    iconv_close(cd);
    *op = '\0';
    *outlen = (size_t)(op - out);
    return out;
}

char *textio_read_utf8(arena *a, diag *d, const char *path, size_t max_bytes, size_t *len,
                       const char **encoding)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_syserr(d, "cannot open", path, errno);
        return NULL;
    }
    if (S_ISDIR(st.st_mode)) {
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "is a directory, expected a file");
        return NULL;
    }
    if ((size_t)st.st_size > max_bytes) {
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                    "file is %lld bytes, more than the limit of %zu", (long long)st.st_size,
                    max_bytes);
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        diag_syserr(d, "cannot open", path, errno);
        return NULL;
    }
    char *buf = xmalloc((size_t)st.st_size + 1);
    size_t n = fread(buf, 1, (size_t)st.st_size + 1, fp);
    int err = ferror(fp) ? errno : 0;
    fclose(fp);
    if (err || n > (size_t)st.st_size) {
        free(buf);
        if (err)
            diag_syserr(d, "cannot read", path, err);
        else
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "file changed while being read");
        return NULL;
    }
    buf[n] = '\0';
    int line, col;
    char *nul = memchr(buf, '\0', n);
    if (nul) {
        where(buf, (size_t)(nul - buf), &line, &col);
        diag_report(d, DIAG_ERROR, diag_at(path, line, col),
                    "NUL byte: this is a binary file, not text");
        free(buf);
        return NULL;
    }
    const char *text = buf;
    size_t tlen = n;
    *encoding = "UTF-8";
    if (tlen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        tlen -= 3;
        *encoding = "UTF-8 with BOM";
    }
    size_t bad = utf8_invalid_at(text, tlen);
    char *result;
    if (bad == (size_t)-1) {
        result = arena_strndup(a, text, tlen);
        *len = tlen;
    } else {
        size_t ulen;
        char *u = from_gb18030(text, tlen, &ulen);
        if (!u) {
            where(text, bad, &line, &col);
            diag_report(d, DIAG_ERROR, diag_at(path, line, col),
                        "neither UTF-8 nor GBK/GB18030 (byte 0x%02X): save the file as UTF-8",
                        (unsigned char)text[bad]);
            free(buf);
            return NULL;
        }
        *encoding = "GB18030";
        diag_report(d, DIAG_NOTE, diag_at(path, 0, 0), "read as GB18030 (GBK), converted to UTF-8");
        result = arena_strndup(a, u, ulen);
        *len = ulen;
        free(u);
    }
    free(buf);
    return result;
}
