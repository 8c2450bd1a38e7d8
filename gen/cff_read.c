/*
 * cff_read — a CFF table's INDEXes and DICTs (cff_read.h).  Stage: render.
 */
#include "cff_read.h"

#include <stdint.h>

long cff_rd(const cff_buf *b, size_t at, unsigned size)
{
    if (size < 1 || size > 4 || at > b->n || size > b->n - at)
        return -1;
    long v = 0;
    for (unsigned i = 0; i < size; i++)
        v = v << 8 | b->p[at + i];
    return v;
}

int cff_read_index(const cff_buf *b, size_t at, cff_index *ix)
{
    ix->count = cff_rd(b, at, 2);
    if (ix->count < 0)
        return -1;
    if (ix->count == 0) {
        ix->off_size = 0;
        ix->offs = ix->data = ix->end = at + 2;
        return 0;
    }
    long os = cff_rd(b, at + 2, 1);
    if (os < 1 || os > 4)
        return -1;
    ix->off_size = (unsigned)os;
    ix->offs = at + 3;
    if ((size_t)ix->count + 1 > (b->n - ix->offs) / ix->off_size)
        return -1;
    ix->data = ix->offs + ((size_t)ix->count + 1) * ix->off_size - 1;
    long last = cff_rd(b, ix->offs + (size_t)ix->count * ix->off_size, ix->off_size);
    if (last < 1 || (size_t)last > b->n - ix->data)
        return -1;
    ix->end = ix->data + (size_t)last;
    return 0;
}

int cff_index_item(const cff_buf *b, const cff_index *ix, long i, size_t *s, size_t *e)
{
    if (i < 0 || i >= ix->count)
        return -1;
    long a = cff_rd(b, ix->offs + (size_t)i * ix->off_size, ix->off_size);
    long z = cff_rd(b, ix->offs + (size_t)(i + 1) * ix->off_size, ix->off_size);
    if (a < 1 || z < a || ix->data + (size_t)z > ix->end)
        return -1;
    *s = ix->data + (size_t)a;
    *e = ix->data + (size_t)z;
    return 0;
}

/* ---- DICTs ----------------------------------------------------------------- */

int cff_dict_next(const cff_buf *b, size_t *i, size_t e, cff_dent *d)
{
    d->nargs = 0;
    d->last = 0;
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
        d->last = v;
        d->nargs++;
    }
    return d->nargs ? -1 : 0;
}
