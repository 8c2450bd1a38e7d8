/*
 * cff_read — reading a CFF table (Adobe TN 5176): its INDEXes and DICTs.
 * Stage: render.  Shared by pdf_font.c (the charset: each glyph's CID) and
 * cff_opt.c (the charset rewritten, the offsets after it moved).  Every
 * read is bounds-checked; a malformed table gives -1, never a read past n.
 */
#ifndef GEN_CFF_READ_H
#define GEN_CFF_READ_H

#include <stddef.h>

typedef struct cff_buf {
    const unsigned char *p;
    size_t n;
} cff_buf;

/* The big-endian number of size (1 to 4) bytes at at, or -1 past the end. */
long cff_rd(const cff_buf *b, size_t at, unsigned size);

/* An INDEX: count, offset size, where its offsets and data start and where
 * it ends. */
typedef struct cff_index {
    long count;
    unsigned off_size;
    size_t offs, data, end;
} cff_index;

/* The INDEX at at: 0, or -1 if malformed. */
int cff_read_index(const cff_buf *b, size_t at, cff_index *ix);

/* Item i of ix: [*s, *e); -1 if out of range or malformed. */
int cff_index_item(const cff_buf *b, const cff_index *ix, long i, size_t *s, size_t *e);

/* One DICT entry: the operator (12 x as 1200 + x), the number of operands,
 * the values of the first 4 and where each starts (five[i] when operand i
 * is in the 5-byte form, 29), and the value of the last (a real reads 0). */
typedef struct cff_dent {
    int op, nargs;
    long val[4];
    size_t at[4];
    int five[4];
    long last;
} cff_dent;

/* The entry at *i of a DICT ending at e, *i moved past it: 1, 0 at the
 * end, -1 if malformed (operands without an operator included). */
int cff_dict_next(const cff_buf *b, size_t *i, size_t e, cff_dent *d);

#endif
