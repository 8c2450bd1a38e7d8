/*
 * Unit tests for cff_opt.c on a CID-keyed CFF built here byte by byte (Adobe
 * TN 5176): five glyphs with CIDs 0, 0x1234, 0x0042, 0x5678, 0x0100 in a
 * format-0 charset (9 bytes), then FDSelect, FDArray, CharStrings and the
 * Private DICT.  The rewrite must give a 5-byte format-2 charset (CIDs 1..4
 * for glyphs 1..4), move every offset after the charset by 4 and keep what
 * they point to byte for byte; anything of another shape, and every
 * truncation of the font, is refused (-1), without reading out of bounds
 * (the ASan build runs this too).
 */
#include "harness.h"

#include "cff_opt.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
    unsigned char b[512];
    size_t n;
} font;

static void add(font *f, const unsigned char *p, size_t n)
{
    memcpy(f->b + f->n, p, n);
    f->n += n;
}

#define ADD(f, ...)                                                                                \
    do {                                                                                           \
        const unsigned char a_[] = {__VA_ARGS__};                                                  \
        add(f, a_, sizeof a_);                                                                     \
    } while (0)

static void set32(unsigned char *p, size_t v)
{
    p[0] = 29;
    p[1] = (unsigned char)(v >> 24);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 8);
    p[4] = (unsigned char)v;
}

static size_t get32(const unsigned char *p)
{
    return (size_t)p[1] << 24 | (size_t)p[2] << 16 | (size_t)p[3] << 8 | p[4];
}

/* Where the parts are, for the checks. */
typedef struct {
    size_t top_charset, top_cstr, top_fdarray, top_fdselect; /* 5-byte operands in the Top DICT */
    size_t charset, fdselect, fdarray, cstr, priv, priv_operand;
} layout;

/* five_offsets = 0 writes the FDSelect offset in the 3-byte form (28) */
static void build(font *f, layout *l, int five_offsets, int cid_keyed)
{
    memset(f, 0, sizeof *f);
    ADD(f, 1, 0, 4, 4);         /* header */
    ADD(f, 0, 1, 1, 1, 2, 'A'); /* Name INDEX: "A" */
    size_t top_len = (cid_keyed ? 9 : 0) + 6 + 6 + 7 + (five_offsets ? 7 : 5);
    ADD(f, 0, 1, 1, 1, (unsigned char)(1 + top_len)); /* Top DICT INDEX */
    size_t t = f->n;
    if (cid_keyed)
        ADD(f, 28, 1, 135, 28, 1, 136, 139, 12, 30); /* ROS 391 392 0 */
    l->top_charset = f->n;
    ADD(f, 29, 0, 0, 0, 0, 15);
    l->top_cstr = f->n;
    ADD(f, 29, 0, 0, 0, 0, 17);
    l->top_fdarray = f->n;
    ADD(f, 29, 0, 0, 0, 0, 12, 36);
    l->top_fdselect = f->n;
    if (five_offsets)
        ADD(f, 29, 0, 0, 0, 0, 12, 37);
    else
        ADD(f, 28, 0, 0, 12, 37);
    CHECK_INT(f->n - t, top_len);
    ADD(f, 0, 2, 1, 1, 6, 14, 'A', 'd', 'o', 'b', 'e', 'I', 'd', 'e', 'n', 't', 'i', 't', 'y');
    ADD(f, 0, 0); /* no global subroutines */
    l->charset = f->n;
    ADD(f, 0, 0x12, 0x34, 0x00, 0x42, 0x56, 0x78, 0x01, 0x00); /* format 0 */
    l->fdselect = f->n;
    ADD(f, 0, 0, 0, 0, 0, 0); /* format 0: every glyph in FD 0 */
    l->fdarray = f->n;
    ADD(f, 0, 1, 1, 1, 8); /* one Font DICT of 7 bytes: "2 off Private" */
    l->priv_operand = f->n + 1;
    ADD(f, 141, 29, 0, 0, 0, 0, 18);
    l->cstr = f->n;
    ADD(f, 0, 5, 1, 1, 2, 3, 4, 5, 9, 14, 14, 14, 14, 139, 139, 21, 14); /* 5 charstrings */
    l->priv = f->n;
    ADD(f, 139, 21); /* nominalWidthX 0 */
    set32(f->b + l->top_charset, l->charset);
    set32(f->b + l->top_cstr, l->cstr);
    set32(f->b + l->top_fdarray, l->fdarray);
    if (five_offsets)
        set32(f->b + l->top_fdselect, l->fdselect);
    else
        f->b[l->top_fdselect + 2] = (unsigned char)l->fdselect;
    set32(f->b + l->priv_operand, l->priv);
}

static void test_rewrite(void)
{
    font f;
    layout l;
    build(&f, &l, 1, 1);
    unsigned char *out = NULL;
    size_t n = 0;
    CHECK_INT(cff_optimize(f.b, f.n, &out, &n), 0);
    if (!out)
        return;
    CHECK_INT(n, f.n - 4);
    /* everything before the charset as it was, but for the moved offsets */
    CHECK(memcmp(out, f.b, l.top_charset) == 0);
    CHECK_INT(get32(out + l.top_charset), l.charset);
    CHECK_INT(get32(out + l.top_cstr), l.cstr - 4);
    CHECK_INT(get32(out + l.top_fdarray), l.fdarray - 4);
    CHECK_INT(get32(out + l.top_fdselect), l.fdselect - 4);
    /* format 2, first CID 1, 3 more */
    const unsigned char cs2[] = {2, 0, 1, 0, 3};
    CHECK(memcmp(out + l.charset, cs2, sizeof cs2) == 0);
    /* FDSelect, FDArray (but its Private offset), CharStrings, Private moved whole */
    CHECK(memcmp(out + l.fdselect - 4, f.b + l.fdselect, l.priv_operand - l.fdselect) == 0);
    CHECK_INT(get32(out + l.priv_operand - 4), l.priv - 4);
    CHECK(memcmp(out + l.priv_operand + 5 - 4, f.b + l.priv_operand + 5,
                 f.n - l.priv_operand - 5) == 0);
    /* the output is of the expected shape too, and stays as it is */
    unsigned char *again = NULL;
    size_t n2 = 0;
    CHECK_INT(cff_optimize(out, n, &again, &n2), 0);
    CHECK(again && n2 == n && memcmp(again, out, n) == 0);
    free(again);
    free(out);
}

static void test_refused(void)
{
    font f;
    layout l;
    unsigned char *out = NULL;
    size_t n = 0;
    build(&f, &l, 0, 1); /* an offset in 3-byte form */
    CHECK_INT(cff_optimize(f.b, f.n, &out, &n), -1);
    CHECK(out == NULL);
    build(&f, &l, 1, 0); /* name-keyed: no ROS */
    CHECK_INT(cff_optimize(f.b, f.n, &out, &n), -1);
    build(&f, &l, 1, 1);
    f.b[l.charset] = 3; /* no such charset format */
    CHECK_INT(cff_optimize(f.b, f.n, &out, &n), -1);
    build(&f, &l, 1, 1);
    set32(f.b + l.top_fdarray, l.charset + 2); /* an offset inside the charset */
    CHECK_INT(cff_optimize(f.b, f.n, &out, &n), -1);
    /* every truncation: refused, never read past the end (ASan) */
    build(&f, &l, 1, 1);
    int refused = 0;
    for (size_t k = 0; k < f.n; k++) {
        unsigned char *cut = malloc(k ? k : 1);
        memcpy(cut, f.b, k);
        if (cff_optimize(cut, k, &out, &n) == -1 && out == NULL)
            refused++;
        free(out);
        out = NULL;
        free(cut);
    }
    CHECK_INT(refused, (long long)f.n);
}

/* A Top DICT naming the charset 300 times: refused, no overrun (ASan). */
static void test_many_entries(void)
{
    static unsigned char b[4096];
    size_t n = 0;
    const unsigned char head[] = {1, 0, 4, 4, 0, 1, 1, 1, 2, 'A'};
    memcpy(b, head, sizeof head);
    n = sizeof head;
    size_t len = 300 * 6;
    const unsigned char top[] = {
        0, 1, 2, 0, 1, (unsigned char)((len + 1) >> 8), (unsigned char)(len + 1)};
    memcpy(b + n, top, sizeof top);
    n += sizeof top;
    for (int k = 0; k < 300; k++) {
        const unsigned char e[] = {29, 0, 0, 0, 10, 15};
        memcpy(b + n, e, sizeof e);
        n += sizeof e;
    }
    b[n++] = 0, b[n++] = 0; /* String INDEX */
    b[n++] = 0, b[n++] = 0; /* Global Subr INDEX */
    unsigned char *out = NULL;
    size_t on = 0;
    CHECK_INT(cff_optimize(b, n, &out, &on), -1);
    CHECK(out == NULL);
}

int main(void)
{
    RUN(test_rewrite);
    RUN(test_refused);
    RUN(test_many_entries);
    return harness_end();
}
