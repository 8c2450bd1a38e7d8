/*
 * cff_opt — a smaller, equivalent CID-keyed CFF (cff_opt.h).  Stage: render.
 */
#include "cff_opt.h"

#include "arena.h"
#include "cff_read.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    cff_buf b = {in, n};
    cff_index names, top, strings, gsubrs, cs, fda;
    long hdr = cff_rd(&b, 2, 1);
    size_t ts, te;
    if (cff_rd(&b, 0, 1) != 1 || hdr < 4 || cff_read_index(&b, (size_t)hdr, &names) != 0 ||
        names.count != 1 || cff_read_index(&b, names.end, &top) != 0 || top.count != 1 ||
        cff_read_index(&b, top.end, &strings) != 0 ||
        cff_read_index(&b, strings.end, &gsubrs) != 0 || cff_index_item(&b, &top, 0, &ts, &te) != 0)
        return -1;

    /* The Top DICT: CID-keyed (ROS), its four offsets in 5-byte form so they
     * are rewritten in place. */
    patch pt[4 + 256]; /* the Top DICT's, one per Font DICT (FDSelect: at most 256) */
    int np = 0, ros = 0;
    long charset = -1, cstr = -1, fdarray = -1, fdselect = -1, cid_count = 8720;
    cff_dent d;
    size_t i = ts;
    int r;
    while ((r = cff_dict_next(&b, &i, te, &d)) == 1) {
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
        cff_read_index(&b, (size_t)cstr, &cs) != 0 || cs.count < 1 || cs.count > cid_count ||
        cs.count > 65535 || cff_read_index(&b, (size_t)fdarray, &fda) != 0 || fda.count < 1 ||
        fda.count > 256)
        return -1;

    /* The charset's extent: formats 0, 1, 2 for the glyphs after .notdef. */
    long ng = cs.count, fmt = cff_rd(&b, (size_t)charset, 1);
    size_t ce = (size_t)charset + 1;
    if (fmt == 0) {
        ce += 2 * (size_t)(ng - 1);
    } else if (fmt == 1 || fmt == 2) {
        for (long left = ng - 1; left > 0;) {
            long nl = cff_rd(&b, ce + 2, fmt == 1 ? 1 : 2);
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
        if (cff_index_item(&b, &fda, f, &fs, &fe) != 0)
            return -1;
        i = fs;
        while ((r = cff_dict_next(&b, &i, fe, &d)) == 1) {
            if (d.op != 18)
                continue;
            if (d.nargs != 2 || !d.five[1] || d.val[0] < 0 || d.val[1] <= 0 ||
                (size_t)d.val[1] > n || (size_t)d.val[0] > n - (size_t)d.val[1] ||
                np >= (int)(sizeof pt / sizeof pt[0]))
                return -1;
            pt[np++] = (patch){d.at[1], d.val[1]};
            size_t j = (size_t)d.val[1];
            cff_dent p;
            int pr;
            while ((pr = cff_dict_next(&b, &j, (size_t)(d.val[1] + d.val[0]), &p)) == 1)
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
