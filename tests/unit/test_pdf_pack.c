/*
 * Unit tests for pdf_pack.c on a PDF written here as libharu writes one
 * (PDF 1.3, a cross-reference table, a trailer with /Root and /Info): the
 * packed file must be PDF 1.5, keep the stream byte for byte, hold the
 * three dictionaries in a deflated object stream (inflated here: each at
 * the offset its header gives) and end with a cross-reference stream whose
 * entries point at them; a file of another shape, and every truncation, is
 * refused without reading out of bounds (the ASan build runs this too).
 * pdf_pack_objects gives the dictionaries back, from the whole file and
 * without overrun from any part of it.
 */
#include "harness.h"

#include "pdf_pack.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static const char *OBJ[] = {
    "<<\n/Type /Catalog\n/Pages 2 0 R\n>>",
    "<<\n/Type /Pages\n/Kids [ ]\n/Count 0\n>>",
    "<<\n/Producer (a \\(b\\) c)\n>>",
    "<<\n/Length 5\n>>\nstream\r\nABCDE\nendstream",
};

/* The file, into buf; its length. */
static size_t make(char *buf, size_t size, const char *trailer_extra)
{
    size_t off[4], n = 0;
    n += (size_t)snprintf(buf + n, size - n, "%%PDF-1.3\n%%\xb7\xbe\xad\xaa\n");
    for (int i = 0; i < 4; i++) {
        off[i] = n;
        n += (size_t)snprintf(buf + n, size - n, "%d 0 obj\n%s\nendobj\n", i + 1, OBJ[i]);
    }
    size_t x = n;
    n += (size_t)snprintf(buf + n, size - n, "xref\n0 5\n0000000000 65535 f\r\n");
    for (int i = 0; i < 4; i++)
        n += (size_t)snprintf(buf + n, size - n, "%010zu 00000 n\r\n", off[i]);
    n += (size_t)snprintf(
        buf + n, size - n,
        "trailer\n<<\n/Root 1 0 R\n/Info 3 0 R\n%s/Size 5\n>>\nstartxref\n%zu\n%%%%EOF\n",
        trailer_extra, x);
    return n;
}

static const unsigned char *find(const unsigned char *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(p + i, s, k) == 0)
            return p + i;
    return NULL;
}

/* The data of the stream whose dictionary starts at d, inflated. */
static unsigned char *inflated(const unsigned char *d, const unsigned char *end, size_t *len)
{
    const unsigned char *l = find(d, (size_t)(end - d), "/Length ");
    const unsigned char *s = find(d, (size_t)(end - d), "stream\n");
    if (!l || !s)
        return NULL;
    unsigned long zn = strtoul((const char *)l + 8, NULL, 10);
    uLongf out = 1 << 16;
    unsigned char *p = malloc(out);
    if (uncompress(p, &out, s + 7, zn) != Z_OK) {
        free(p);
        return NULL;
    }
    *len = out;
    return p;
}

static void test_pack(void)
{
    char in[4096];
    size_t n = make(in, sizeof in, "");
    unsigned char *out = NULL;
    size_t on = 0;
    CHECK_INT(pdf_pack((const unsigned char *)in, n, &out, &on), 0);
    if (!out)
        return;
    CHECK(memcmp(out, "%PDF-1.5\n%\xb7\xbe\xad\xaa\n", 14) == 0);
    /* the stream, as it was */
    const unsigned char *s4 = find(out, on, "4 0 obj\n");
    CHECK(s4 && memcmp(s4 + 8, OBJ[3], strlen(OBJ[3])) == 0);
    CHECK(find(out, on, "1 0 obj") == NULL); /* the dictionaries are not plain */
    /* the object stream: "1 0 2 o2 3 o3" then the three values */
    const unsigned char *os = find(out, on, "5 0 obj\n<< /Type /ObjStm /N 3 /First ");
    CHECK(os != NULL);
    size_t dn = 0;
    unsigned char *d = os ? inflated(os, out + on, &dn) : NULL;
    CHECK(d != NULL);
    if (d) {
        unsigned long first = strtoul((const char *)os + 37, NULL, 10);
        unsigned long num[3], at[3];
        const char *p = (const char *)d;
        for (int i = 0; i < 3; i++) {
            char *e;
            num[i] = strtoul(p, &e, 10);
            at[i] = strtoul(e, &e, 10);
            p = e;
        }
        for (int i = 0; i < 3; i++) {
            CHECK_INT(num[i], i + 1);
            CHECK(first + at[i] + strlen(OBJ[i]) <= dn &&
                  memcmp(d + first + at[i], OBJ[i], strlen(OBJ[i])) == 0);
        }
        free(d);
    }
    /* the cross-reference stream: 7 entries of 1 + 4 + 2 bytes */
    const unsigned char *xs = find(out, on, "6 0 obj\n<< /Type /XRef /Size 7 /W [ 1 4 2 ] ");
    CHECK(xs && find(xs, (size_t)(out + on - xs), "/Root 1 0 R /Info 3 0 R "));
    size_t xn = 0;
    unsigned char *x = xs ? inflated(xs, out + on, &xn) : NULL;
    CHECK_INT(xn, 7 * 7);
    if (x && xn == 49) {
        CHECK(x[0] == 0 && x[5] == 0xff && x[6] == 0xff); /* object 0: free */
        for (int i = 1; i <= 3; i++) /* in the object stream 5, at index i - 1 */
            CHECK(x[7 * i] == 2 && x[7 * i + 4] == 5 && x[7 * i + 6] == i - 1);
        unsigned long o4 = (unsigned long)x[29] << 24 | (unsigned long)x[30] << 16 |
                           (unsigned long)x[31] << 8 | x[32];
        CHECK(x[28] == 1 && out + o4 == s4);
        unsigned long o6 = (unsigned long)x[43] << 24 | (unsigned long)x[44] << 16 |
                           (unsigned long)x[45] << 8 | x[46];
        CHECK(x[42] == 1 && out + o6 == xs);
    }
    free(x);
    /* the objects read back, as batch.c reads the page count */
    size_t tn = 0;
    char *t = pdf_pack_objects((const char *)out, on, &tn);
    CHECK(t && strstr(t, "/Type /Pages\n/Kids [ ]\n/Count 0\n") && strlen(t) == tn);
    free(t);
    for (size_t k = 0; k < on; k++) { /* any cut: no overrun (ASan) */
        size_t cn = 0;
        char *c = pdf_pack_objects((const char *)out, k, &cn);
        free(c);
    }
    char tail[64];
    snprintf(tail, sizeof tail, "startxref\n%lu\n%%%%EOF\n", (unsigned long)(xs - out));
    CHECK(on > strlen(tail) && memcmp(out + on - strlen(tail), tail, strlen(tail)) == 0);
    free(out);
}

static void test_refused(void)
{
    char in[4096];
    unsigned char *out = NULL;
    size_t on = 0;
    size_t n = make(in, sizeof in, "/Encrypt 9 0 R\n");
    CHECK_INT(pdf_pack((const unsigned char *)in, n, &out, &on), -1);
    n = make(in, sizeof in, "/Prev 100\n");
    CHECK_INT(pdf_pack((const unsigned char *)in, n, &out, &on), -1);
    CHECK(out == NULL);
    n = make(in, sizeof in, "");
    int refused = 0;
    for (size_t k = 0; k + 1 < n; k++) { /* (without the last line end it is whole) */
        unsigned char *cut = malloc(k ? k : 1);
        memcpy(cut, in, k);
        if (pdf_pack(cut, k, &out, &on) == -1 && out == NULL)
            refused++;
        free(out);
        out = NULL;
        free(cut);
    }
    CHECK_INT(refused, (long long)n - 1);
}

int main(void)
{
    RUN(test_pack);
    RUN(test_refused);
    return harness_end();
}
