/*
 * textio — whole-file reading with encoding detection (see textio.h).
 */
#include "textio.h"
#include "i18n.h"

#include "paths.h"
#include "utf8.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int textio_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* Line and column (1-based) of offset off.  The column counts characters
 * when the line up to off is valid UTF-8 (what an editor shows, and what
 * csv.c reports), else bytes: it was in bytes, so a bad byte after eleven
 * Chinese characters was reported at column 34 instead of 12. */
static void where(const char *s, size_t off, int *line, int *col)
{
    *line = 1;
    size_t ls = 0;
    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n') {
            (*line)++;
            ls = i + 1;
        }
    *col = 1;
    if (utf8_invalid_at(s + ls, off - ls) != (size_t)-1) {
        *col = (int)(off - ls) + 1;
        return;
    }
    for (size_t i = ls; i < off; i++)
        *col += ((unsigned char)s[i] & 0xC0) != 0x80;
}

/*
 * True if text that is not valid UTF-8 is UTF-8 with a few bad bytes (a
 * word pasted from a GBK file into a UTF-8 one) rather than GBK.  Such
 * text usually decodes as GB18030 without error, into mojibake that would
 * be published with only a note.  In real GBK text, bytes that happen to
 * form valid UTF-8 multi-byte sequences are at most 0.7 per invalid byte
 * (every sample file converted to GBK); in a UTF-8 file with a pasted GBK
 * word they are hundreds.  A wrong guess gives an error, never a silent
 * conversion.
 */
int textio_mostly_utf8(const char *s, size_t n)
{
    size_t good = 0, bad = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(s + i, n - i, &cp);
        if (k == 0) {
            bad++;
            i++;
        } else {
            good += k > 1 ? (size_t)k : 0;
            i += (size_t)k;
        }
    }
    return good >= 4 * bad;
}

/*
 * Converts n bytes of GB18030 (a superset of GBK and GB2312, so it covers
 * what Excel saves as "CSV" on a Chinese Windows) to a malloc'd UTF-8
 * string.  On invalid or truncated input returns NULL with *bad set to the
 * offset of the offending sequence; if iconv cannot convert at all, returns
 * NULL with *bad = (size_t)-1 and errno set.
 */
char *textio_from_gb18030(const char *in, size_t n, size_t *outlen, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) {
        *bad = (size_t)-1;
        return NULL;
    }
    /* A GBK pair becomes at most 3 UTF-8 bytes and a 4-byte sequence 4,
     * so 1.5 times the input always fits; E2BIG is handled anyway. */
    size_t cap = n + n / 2 + 16;
    char *out = xmalloc(cap);
    char *ip = (char *)in; /* iconv's prototype is not const-correct */
    size_t il = n;
    char *op = out;
    size_t ol = cap - 1;
    while (il > 0) {
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1)
            continue;
        if (errno == E2BIG) {
            size_t used = (size_t)(op - out);
            cap *= 2;
            out = xrealloc(out, cap);
            op = out + used;
            ol = cap - 1 - used;
            continue;
        }
        /* EILSEQ (invalid) or EINVAL (sequence cut off at the end). */
        *bad = (size_t)(ip - in);
        free(out);
        iconv_close(cd);
        return NULL;
    }
    iconv_close(cd);
    *op = '\0';
    *outlen = (size_t)(op - out);
    return out;
}

char *textio_read_utf8(arena *a, diag *d, const char *path, size_t max_bytes, size_t *len,
                       const char **encoding)
{
    int fd = paths_open(d, diag_at(path, 0, 0), NULL, NULL, path, 0, NULL);
    if (fd < 0)
        return NULL;
    return textio_read_utf8_fd(a, d, fd, path, max_bytes, len, encoding);
}

char *textio_read_utf8_fd(arena *a, diag *d, int fd, const char *path, size_t max_bytes,
                          size_t *len, const char **encoding)
{
    struct stat st;
    if (fstat(fd, &st) != 0) {
        diag_syserr(d, "cannot read", path, errno);
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) { /* paths_open() let only regular files through */
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "not a regular file");
        close(fd);
        return NULL;
    }
    if ((size_t)st.st_size > max_bytes) {
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                    "file is %lld bytes, more than the limit of %zu", (long long)st.st_size,
                    max_bytes);
        close(fd);
        return NULL;
    }
    /* One byte more than the size: a file that grew is noticed. */
    size_t want = (size_t)st.st_size + 1, n = 0;
    char *buf = xmalloc(want + 1);
    int err = 0;
    while (n < want) {
        ssize_t k = read(fd, buf + n, want - n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            err = errno;
        if (k <= 0)
            break;
        n += (size_t)k;
    }
    close(fd);
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
    int bom = tlen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        text += 3;
        tlen -= 3;
        *encoding = "UTF-8 with BOM";
    }
    size_t bad = utf8_invalid_at(text, tlen);
    char *result;
    /* A BOM promises UTF-8, and mostly-UTF-8 text is UTF-8 with bad bytes:
     * neither is converted from GB18030 (as csv.c does). */
    if (bad != (size_t)-1 && (bom || textio_mostly_utf8(text, tlen))) {
        where(text, bad, &line, &col);
        diag_report(d, DIAG_ERROR, diag_at(path, line, col),
                    bom ? N_("invalid byte 0x%02X: the file starts with a UTF-8 byte-order mark "
                             "but is not valid UTF-8: save it as UTF-8")
                        : N_("invalid byte 0x%02X: the rest of the file is UTF-8, but not this: "
                             "retype the characters here (pasted from a file saved as GBK?)"),
                    (unsigned char)text[bad]);
        free(buf);
        return NULL;
    }
    if (bad == (size_t)-1) {
        result = arena_strndup(a, text, tlen);
        *len = tlen;
    } else {
        size_t ulen, gbad;
        char *u = textio_from_gb18030(text, tlen, &ulen, &gbad);
        if (!u) {
            /* The decoding that got further is the one the author most
             * likely meant: show its first bad byte (as csv.c does). */
            if (gbad != (size_t)-1 && gbad > bad)
                bad = gbad;
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
