/*
 * pdf_pack — the PDF libharu wrote, its dictionaries packed (pdf_pack.h).
 * Stage: render.
 */
#include "pdf_pack.h"

#include "arena.h"
#include "strbuf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0;
}

/* A decimal number of 1 to 10 digits at in[*i], *i past it; -1 if none or
 * longer. */
static long number(const unsigned char *in, size_t n, size_t *i)
{
    long v = 0;
    size_t s = *i;
    while (*i < n && in[*i] >= '0' && in[*i] <= '9' && *i - s <= 10)
        v = v * 10 + (in[(*i)++] - '0');
    return *i > s && *i - s <= 10 ? v : -1;
}

static void skip_ws(const unsigned char *in, size_t n, size_t *i)
{
    while (*i < n && is_ws(in[*i]))
        (*i)++;
}

static int starts(const unsigned char *in, size_t n, size_t i, const char *s)
{
    size_t k = strlen(s);
    return i <= n && n - i >= k && memcmp(in + i, s, k) == 0;
}

/* deflate p[0..n) onto o */
static int deflate_to(strbuf *o, const char *p, size_t n)
{
    uLongf zn = compressBound((uLong)n);
    unsigned char *z = xmalloc(zn);
    int ok = compress2(z, &zn, (const Bytef *)p, (uLong)n, Z_BEST_COMPRESSION) == Z_OK;
    if (ok)
        sb_appendn(o, (const char *)z, zn);
    free(z);
    return ok ? 0 : -1;
}

/* Objects as found: where each starts, ends (its "endobj" included) and
 * whether it is a stream. */
typedef struct {
    long num;
    size_t start, end;   /* the whole "N 0 obj ... endobj" */
    size_t vstart, vend; /* the value, for a dictionary or other object */
    int stream;
    unsigned long new_off; /* in the output (streams) */
    long in_objstm;        /* its index in the object stream, or -1 */
} obj;

static int by_start(const void *a, const void *b)
{
    const obj *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int by_num(const void *a, const void *b)
{
    const obj *x = a, *y = b;
    return x->num < y->num ? -1 : x->num > y->num;
}

/* The trailer's entries but /Size, as text for the cross-reference
 * stream's dictionary, into o; -1 for one we cannot carry over. */
static int trailer(const unsigned char *in, size_t n, size_t i, strbuf *o, int *root)
{
    skip_ws(in, n, &i);
    if (!starts(in, n, i, "<<"))
        return -1;
    i += 2;
    for (;;) {
        skip_ws(in, n, &i);
        if (starts(in, n, i, ">>"))
            return 0;
        if (i >= n || in[i] != '/')
            return -1;
        size_t k = i + 1;
        while (k < n && !is_ws(in[k]) && !strchr("/<>[]()", in[k]))
            k++;
        size_t key = i, key_end = k;
        i = k;
        skip_ws(in, n, &i);
        size_t v = i;
        if (i < n && in[i] == '[') { /* /ID [<..> <..>] */
            while (i < n && in[i] != ']')
                i++;
            if (i >= n)
                return -1;
            i++;
        } else { /* N G R */
            while (i < n && in[i] != '/' && in[i] != '>' && in[i] != '<' && in[i] != '(' &&
                   in[i] != '[')
                i++;
        }
        size_t klen = key_end - key;
        if (klen == 5 && memcmp(in + key, "/Size", 5) == 0)
            continue;
        if (!((klen == 5 &&
               (memcmp(in + key, "/Root", 5) == 0 || memcmp(in + key, "/Info", 5) == 0)) ||
              (klen == 3 && memcmp(in + key, "/ID", 3) == 0)))
            return -1; /* /Encrypt, /Prev, /XRefStm, anything else */
        if (klen == 5 && memcmp(in + key, "/Root", 5) == 0)
            *root = 1;
        sb_appendn(o, (const char *)in + key, klen);
        sb_append(o, " ");
        size_t ve = i;
        while (ve > v && is_ws(in[ve - 1]))
            ve--;
        sb_appendn(o, (const char *)in + v, ve - v);
        sb_append(o, " ");
    }
}

int pdf_pack(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n)
{
    *out = NULL;
    *out_n = 0;
    if (n < 64 || !starts(in, n, 0, "%PDF-1.") || in[7] < '0' || in[7] > '9')
        return -1;
    /* startxref, near the end */
    size_t sx = n - 1;
    while (sx > n - 64 && !starts(in, n, sx, "startxref"))
        sx--;
    if (!starts(in, n, sx, "startxref"))
        return -1;
    size_t i = sx + 9;
    skip_ws(in, n, &i);
    long xref = number(in, n, &i);
    skip_ws(in, n, &i);
    if (xref < 16 || (size_t)xref >= sx || !starts(in, n, (size_t)xref, "xref") ||
        !starts(in, n, i, "%%EOF"))
        return -1;
    i = (size_t)xref + 4;
    skip_ws(in, n, &i);
    long first = number(in, n, &i);
    skip_ws(in, n, &i);
    long count = number(in, n, &i);
    if (first != 0 || count < 2 || count > 8000000)
        return -1;
    while (i < n && (in[i] == ' ' || in[i] == '\r' || in[i] == '\n'))
        i++;
    if ((size_t)count > (n - i) / 20)
        return -1;
    size_t entries = i;
    i += 20 * (size_t)count;
    skip_ws(in, n, &i);
    if (!starts(in, n, i, "trailer"))
        return -1;
    strbuf tdict = STRBUF_INIT;
    int root = 0;
    if (trailer(in, n, i + 7, &tdict, &root) != 0 || !root) {
        sb_free(&tdict);
        return -1;
    }

    long nobj = count - 1;
    obj *ob = xcalloc((size_t)nobj, sizeof *ob);
    strbuf o = STRBUF_INIT, hdr = {0}, data = {0}, xs = {0};
    int rc = -1;
    for (long k = 0; k < nobj; k++) {
        const unsigned char *e = in + entries + 20 * (size_t)(k + 1);
        size_t j = 0;
        long off = number(e, 20, &j);
        size_t g = 11;
        long gen = number(e, 20, &g);
        if (off < 0 || j != 10 || gen != 0 || e[16] != ' ' || e[17] != 'n' || (size_t)off >= n)
            goto done;
        ob[k].num = k + 1;
        ob[k].start = (size_t)off;
        ob[k].in_objstm = -1;
    }
    qsort(ob, (size_t)nobj, sizeof *ob, by_start);
    for (long k = 0; k < nobj; k++) {
        size_t s = ob[k].start, e = k + 1 < nobj ? ob[k + 1].start : (size_t)xref;
        if ((k == 0 && s < 9) || e <= s)
            goto done;
        size_t j = s;
        if (number(in, e, &j) != ob[k].num || !starts(in, e, j, " 0 obj"))
            goto done;
        j += 6;
        skip_ws(in, e, &j);
        size_t t = e;
        while (t > j && is_ws(in[t - 1]))
            t--;
        if (t - j < 6 || memcmp(in + t - 6, "endobj", 6) != 0)
            goto done;
        ob[k].end = t;
        t -= 6;
        while (t > j && is_ws(in[t - 1]))
            t--;
        ob[k].vstart = j;
        ob[k].vend = t;
        ob[k].stream = t - j >= 9 && memcmp(in + t - 9, "endstream", 9) == 0;
        if (t == j)
            goto done;
    }

    /* The header (version 1.5), the streams as they were, then the object
     * stream of everything else, numbered count; the cross-reference
     * stream count + 1. */
    sb_appendn(&o, (const char *)in, ob[0].start);
    if (o.buf[7] < '5')
        o.buf[7] = '5';
    long nin = 0;
    for (long k = 0; k < nobj; k++) {
        if (ob[k].stream) {
            ob[k].new_off = o.len;
            sb_appendn(&o, (const char *)in + ob[k].start, ob[k].end - ob[k].start);
            sb_append(&o, "\n");
        } else {
            if (nin)
                sb_append(&hdr, " ");
            sb_printf(&hdr, "%ld %lu", ob[k].num, (unsigned long)data.len);
            sb_appendn(&data, (const char *)in + ob[k].vstart, ob[k].vend - ob[k].vstart);
            sb_append(&data, "\n");
            ob[k].in_objstm = nin++;
        }
    }
    sb_append(&hdr, "\n");
    unsigned long objstm_off = o.len;
    {
        size_t nums = hdr.len; /* the objects' numbers and offsets, then the objects */
        sb_appendn(&hdr, data.buf, data.len);
        strbuf z = STRBUF_INIT;
        if (deflate_to(&z, hdr.buf, hdr.len) != 0) {
            sb_free(&z);
            goto done;
        }
        sb_printf(&o,
                  "%ld 0 obj\n<< /Type /ObjStm /N %ld /First %lu /Filter /FlateDecode /Length "
                  "%lu >>\n",
                  count, nin, (unsigned long)nums, (unsigned long)z.len);
        sb_append(&o, "stream\n");
        sb_appendn(&o, z.buf, z.len);
        sb_append(&o, "\nendstream\nendobj\n");
        sb_free(&z);
    }
    /* the cross-reference stream: type, offset or object stream, generation
     * or index; W [1 4 2] */
    qsort(ob, (size_t)nobj, sizeof *ob, by_num);
    unsigned long xref_off = o.len;
    if (xref_off > 0xffffffffUL || nin > 0xffff)
        goto done;
    for (long k = -1; k <= nobj + 1; k++) {
        unsigned char e[7];
        unsigned long f2, f3;
        unsigned type;
        if (k < 0) {
            type = 0, f2 = 0, f3 = 65535;
        } else if (k == nobj) {
            type = 1, f2 = objstm_off, f3 = 0;
        } else if (k == nobj + 1) {
            type = 1, f2 = xref_off, f3 = 0;
        } else if (ob[k].stream) {
            type = 1, f2 = ob[k].new_off, f3 = 0;
        } else {
            type = 2, f2 = (unsigned long)count, f3 = (unsigned long)ob[k].in_objstm;
        }
        e[0] = (unsigned char)type;
        for (int b = 0; b < 4; b++)
            e[1 + b] = (unsigned char)(f2 >> (8 * (3 - b)));
        e[5] = (unsigned char)(f3 >> 8);
        e[6] = (unsigned char)f3;
        sb_appendn(&xs, (const char *)e, sizeof e);
    }
    {
        strbuf z = STRBUF_INIT;
        if (deflate_to(&z, xs.buf, xs.len) != 0) {
            sb_free(&z);
            goto done;
        }
        sb_printf(&o, "%ld 0 obj\n<< /Type /XRef /Size %ld /W [ 1 4 2 ] ", count + 1, count + 2);
        sb_appendn(&o, tdict.buf, tdict.len);
        sb_printf(&o, "/Filter /FlateDecode /Length %lu >>\nstream\n", (unsigned long)z.len);
        sb_appendn(&o, z.buf, z.len);
        sb_append(&o, "\nendstream\nendobj\n");
        sb_free(&z);
    }
    sb_printf(&o, "startxref\n%lu\n%%%%EOF\n", xref_off);
    *out = (unsigned char *)o.buf;
    *out_n = o.len;
    o.buf = NULL;
    rc = 0;
done:
    sb_free(&o);
    sb_free(&hdr);
    sb_free(&data);
    sb_free(&xs);
    sb_free(&tdict);
    free(ob);
    return rc;
}

char *pdf_pack_objects(const char *p, size_t n, size_t *len)
{
    const unsigned char *in = (const unsigned char *)p;
    strbuf o = STRBUF_INIT;
    for (size_t i = 0; i + 13 <= n; i++) {
        if (memcmp(in + i, "/Type /ObjStm", 13) != 0)
            continue;
        size_t d = i + 13, e = d;
        while (e + 1 < n && !(in[e] == '>' && in[e + 1] == '>'))
            e++;
        size_t l = d;
        while (l + 8 <= e && memcmp(in + l, "/Length ", 8) != 0)
            l++;
        size_t j = l + 8;
        long zn = l + 8 <= e ? number(in, e, &j) : -1;
        j = e + 2;
        skip_ws(in, n, &j);
        if (zn < 0 || !starts(in, n, j, "stream"))
            continue;
        j += 6;
        if (starts(in, n, j, "\r\n"))
            j += 2;
        else if (starts(in, n, j, "\n"))
            j += 1;
        if ((size_t)zn > n - j)
            continue;
        z_stream z;
        memset(&z, 0, sizeof z);
        if (inflateInit(&z) != Z_OK)
            continue;
        z.next_in = (Bytef *)(uintptr_t)(in + j);
        z.avail_in = (uInt)zn;
        unsigned char chunk[16384];
        int r;
        do {
            z.next_out = chunk;
            z.avail_out = sizeof chunk;
            r = inflate(&z, Z_NO_FLUSH);
            if (r != Z_OK && r != Z_STREAM_END)
                break;
            sb_appendn(&o, (const char *)chunk, sizeof chunk - z.avail_out);
        } while (r != Z_STREAM_END && o.len < (64u << 20));
        inflateEnd(&z);
        sb_putc(&o, '\n');
        i = j + (size_t)zn - 1;
    }
    if (!o.buf)
        return NULL;
    *len = o.len; /* a strbuf is NUL-terminated */
    return o.buf;
}
