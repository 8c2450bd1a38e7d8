/*
 * cff_opt — a smaller, equivalent CID-keyed CFF (cff_opt.h).  Stage: render.
 */
#include "cff_opt.h"

#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const unsigned char *p;
    size_t n;
} buf;

static long rd(const buf *b, size_t at, unsigned size)
{
    if (size < 1 || size > 4 || at > b->n || size > b->n - at)
        return -1;
    long v = 0;
    for (unsigned i = 0; i < size; i++)
        v = v << 8 | b->p[at + i];
    return v;
}

/* An INDEX at at: count, offset size, where its offsets and data start and
 * where it ends.  -1 if malformed. */
typedef struct {
    long count;
    unsigned off_size;
    size_t offs, data, end;
} cindex;

static int read_index(const buf *b, size_t at, cindex *ix)
{
    ix->count = rd(b, at, 2);
    if (ix->count < 0)
        return -1;
    if (ix->count == 0) {
        ix->off_size = 0;
        ix->offs = ix->data = ix->end = at + 2;
        return 0;
    }
    long os = rd(b, at + 2, 1);
    if (os < 1 || os > 4)
        return -1;
    ix->off_size = (unsigned)os;
    ix->offs = at + 3;
    if ((size_t)ix->count + 1 > (b->n - ix->offs) / ix->off_size)
        return -1;
    ix->data = ix->offs + ((size_t)ix->count + 1) * ix->off_size - 1;
    long last = rd(b, ix->offs + (size_t)ix->count * ix->off_size, ix->off_size);
    if (last < 1 || (size_t)last > b->n - ix->data)
        return -1;
    ix->end = ix->data + (size_t)last;
    return 0;
}

/* Item i of ix: [*s, *e). */
static int index_item(const buf *b, const cindex *ix, long i, size_t *s, size_t *e)
{
    long a = rd(b, ix->offs + (size_t)i * ix->off_size, ix->off_size);
    long z = rd(b, ix->offs + (size_t)(i + 1) * ix->off_size, ix->off_size);
    if (a < 1 || z < a || ix->data + (size_t)z > ix->end)
        return -1;
    *s = ix->data + (size_t)a;
    *e = ix->data + (size_t)z;
    return 0;
}

/* ---- DICTs ----------------------------------------------------------------- */

/* One DICT entry: the operator (12 x as 1200 + x), up to 4 operands' values
 * and where each starts; five-byte[i] when operand i is in the 29 form. */
typedef struct {
    int op, nargs;
    long val[4];
    size_t at[4];
    int five[4];
} dent;

/* The entry at *i (of a DICT ending at e): 1, 0 at the end, -1 if malformed. */
static int dict_next(const buf *b, size_t *i, size_t e, dent *d)
{
    d->nargs = 0;
    while (*i < e) {
        unsigned b0 = b->p[*i];
        size_t at = *i;
        long v = 0;
        int five = 0;
        if (b0 <= 21) {
            if (b0 == 12) {
                if (*i + 1 >= e)
                    return -1;
                d->op = 1200 + b->p[*i + 1];
                *i += 2;
            } else {
                d->op = (int)b0;
                *i += 1;
            }
            return 1;
        } else if (b0 == 28) {
            if (e - *i < 3)
                return -1;
            v = (int16_t)(uint16_t)(b->p[*i + 1] << 8 | b->p[*i + 2]);
            *i += 3;
        } else if (b0 == 29) {
            if (e - *i < 5)
                return -1;
            v = (int32_t)((uint32_t)b->p[*i + 1] << 24 | (uint32_t)b->p[*i + 2] << 16 |
                          (uint32_t)b->p[*i + 3] << 8 | b->p[*i + 4]);
            five = 1;
            *i += 5;
        } else if (b0 == 30) { /* real: nibbles up to an f */
            (*i)++;
            for (;;) {
                if (*i >= e)
                    return -1;
                unsigned c = b->p[(*i)++];
                if ((c & 0x0f) == 0x0f || (c >> 4) == 0x0f)
                    break;
            }
        } else if (b0 >= 32 && b0 <= 246) {
            v = (long)b0 - 139;
            *i += 1;
        } else if (b0 >= 247 && b0 <= 254) {
            if (e - *i < 2)
                return -1;
            long w = (long)(b0 - (b0 <= 250 ? 247 : 251)) * 256 + b->p[*i + 1] + 108;
            v = b0 <= 250 ? w : -w;
            *i += 2;
        } else {
            return -1;
        }
        if (d->nargs < 4) {
            d->val[d->nargs] = v;
            d->at[d->nargs] = at;
            d->five[d->nargs] = five;
        }
        d->nargs++;
    }
    return d->nargs ? -1 : 0;
}

/* An offset operand to move: where it is in the input, the offset it holds. */
typedef struct {
    size_t at;
    long off;
} patch;

/* ---- the font -------------------------------------------------------------- */

/* Where an input offset lands in the output, the charset [cs, ce) having
 * become new_len bytes at the same place: -1 inside the old charset. */
static long moved(size_t cs, size_t ce, size_t new_len, long off)
{
    if ((size_t)off <= cs)
        return off;
    if ((size_t)off < ce)
        return -1;
    return off - (long)(ce - cs) + (long)new_len;
}

int cff_optimize(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n)
{
    *out = NULL;
    *out_n = 0;
    buf b = {in, n};
    cindex names, top, strings, gsubrs, cs, fda;
    long hdr = rd(&b, 2, 1);
    size_t ts, te;
    if (rd(&b, 0, 1) != 1 || hdr < 4 || read_index(&b, (size_t)hdr, &names) != 0 ||
        names.count != 1 || read_index(&b, names.end, &top) != 0 || top.count != 1 ||
        read_index(&b, top.end, &strings) != 0 || read_index(&b, strings.end, &gsubrs) != 0 ||
        index_item(&b, &top, 0, &ts, &te) != 0)
        return -1;

    /* The Top DICT: CID-keyed (ROS), its four offsets in 5-byte form so they
     * are rewritten in place. */
    patch pt[4 + 256]; /* the Top DICT's, one per Font DICT (FDSelect: at most 256) */
    int np = 0, ros = 0;
    long charset = -1, cstr = -1, fdarray = -1, fdselect = -1, cid_count = 8720;
    dent d;
    size_t i = ts;
    int r;
    while ((r = dict_next(&b, &i, te, &d)) == 1) {
        if (d.op == 1230)
            ros = 1;
        else if (d.op == 1234 && d.nargs == 1)
            cid_count = d.val[0];
        else if (d.op == 18 || d.op == 16)
            return -1; /* a name-keyed font's Private, Encoding */
        else if (d.op == 15 || d.op == 17 || d.op == 1236 || d.op == 1237) {
            if (d.nargs != 1 || !d.five[0] || d.val[0] <= 0 || (size_t)d.val[0] >= n || np >= 4)
                return -1; /* (each once) */
            pt[np++] = (patch){d.at[0], d.val[0]};
            if (d.op == 15)
                charset = d.val[0];
            else if (d.op == 17)
                cstr = d.val[0];
            else if (d.op == 1236)
                fdarray = d.val[0];
            else
                fdselect = d.val[0];
        }
    }
    if (r < 0 || !ros || np != 4 || charset < 0 || cstr < 0 || fdarray < 0 || fdselect < 0 ||
        read_index(&b, (size_t)cstr, &cs) != 0 || cs.count < 1 || cs.count > cid_count ||
        cs.count > 65535 || read_index(&b, (size_t)fdarray, &fda) != 0 || fda.count < 1 ||
        fda.count > 256)
        return -1;

    /* The charset's extent: formats 0, 1, 2 for the glyphs after .notdef. */
    long ng = cs.count, fmt = rd(&b, (size_t)charset, 1);
    size_t ce = (size_t)charset + 1;
    if (fmt == 0) {
        ce += 2 * (size_t)(ng - 1);
    } else if (fmt == 1 || fmt == 2) {
        for (long left = ng - 1; left > 0;) {
            long nl = rd(&b, ce + 2, fmt == 1 ? 1 : 2);
            if (nl < 0)
                return -1;
            left -= nl + 1;
            ce += fmt == 1 ? 3 : 4;
        }
    } else {
        return -1;
    }
    /* format 2, one range: CIDs 1 .. ng-1 for glyphs 1 .. ng-1 */
    unsigned char cs2[5] = {2, 0, 1, (unsigned char)((ng - 2) >> 8), (unsigned char)(ng - 2)};
    size_t new_len = ng >= 2 ? sizeof cs2 : 1;
    if (ng < 2)
        cs2[0] = 0;
    if (ce > n || (size_t)charset < gsubrs.end || new_len > ce - (size_t)charset)
        return -1;

    /* Each Font DICT's Private (size offset, offset in 5-byte form); its
     * local subroutines, if any, must move with it. */
    for (long f = 0; f < fda.count; f++) {
        size_t fs, fe;
        if (index_item(&b, &fda, f, &fs, &fe) != 0)
            return -1;
        i = fs;
        while ((r = dict_next(&b, &i, fe, &d)) == 1) {
            if (d.op != 18)
                continue;
            if (d.nargs != 2 || !d.five[1] || d.val[0] < 0 || d.val[1] <= 0 ||
                (size_t)d.val[1] > n || (size_t)d.val[0] > n - (size_t)d.val[1] ||
                np >= (int)(sizeof pt / sizeof pt[0]))
                return -1;
            pt[np++] = (patch){d.at[1], d.val[1]};
            size_t j = (size_t)d.val[1];
            dent p;
            int pr;
            while ((pr = dict_next(&b, &j, (size_t)(d.val[1] + d.val[0]), &p)) == 1)
                if (p.op == 19 && (p.nargs != 1 || p.val[0] < 0 || p.val[0] > (long)n ||
                                   moved((size_t)charset, ce, new_len, d.val[1] + p.val[0]) -
                                           moved((size_t)charset, ce, new_len, d.val[1]) !=
                                       p.val[0]))
                    return -1;
            if (pr < 0)
                return -1;
        }
        if (r < 0)
            return -1;
    }

    /* The bytes before the charset, the new charset, the bytes after it;
     * then every offset moved. */
    size_t on = n - (ce - (size_t)charset) + new_len;
    unsigned char *o = xmalloc(on);
    memcpy(o, in, (size_t)charset);
    memcpy(o + charset, cs2, new_len);
    memcpy(o + charset + new_len, in + ce, n - ce);
    for (int k = 0; k < np; k++) {
        long to = moved((size_t)charset, ce, new_len, pt[k].off);
        long where = moved((size_t)charset, ce, new_len, (long)pt[k].at);
        if (to < 0 || where < 0 || (size_t)where + 5 > on) {
            free(o);
            return -1;
        }
        unsigned char *q = o + where + 1;
        q[0] = (unsigned char)((unsigned long)to >> 24);
        q[1] = (unsigned char)((unsigned long)to >> 16);
        q[2] = (unsigned char)((unsigned long)to >> 8);
        q[3] = (unsigned char)to;
    }
    *out = o;
    *out_n = on;
    return 0;
}
