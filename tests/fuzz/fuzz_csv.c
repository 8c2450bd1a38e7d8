/*
 * libFuzzer target for csv_read (gen/csv.c): the bytes of one input are a
 * CSV file.  Besides crashes and sanitizer reports, it checks what a caller
 * relies on:
 *   - NULL is returned exactly when an error was reported;
 *   - every row has ncols cells, each valid UTF-8, trimmed, within the cell
 *     limit; no row is all empty; lines increase and follow the header;
 *   - the same file with CRLF line ends (Windows Excel), or with a UTF-8
 *     BOM in front, gives exactly the same table: a figure must never
 *     change with the way the file was saved;
 *   - small limits (rows, cell, file size) stop with an error, not a crash.
 */
#include "fuzz_common.h"

#include "csv.h"
#include "utf8.h"

/* Checks the structural contract of a table returned by csv_read. */
static void check_table(const csv_table *t, const csv_limits *lim)
{
    FZ_ASSERT(t->ncols > 0 && t->header);
    FZ_ASSERT(t->header_line >= 1);
    FZ_ASSERT(lim == NULL || lim->max_rows == 0 || t->nrows <= lim->max_rows);
    /* Every column has a name: in the header row, or, for a header of two
     * rows (merged cells, csvshape.c), in the row below it, which
     * csv_map_columns() joins or refuses. */
    for (size_t f = 0; f < t->ncols; f++)
        FZ_ASSERT((t->header[f] && t->header[f][0] != '\0') ||
                  (t->sub && t->sub[f] && t->sub[f][0] != '\0'));
    int last = t->header_line;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        FZ_ASSERT(r->line > last);
        last = r->line;
        int any = 0;
        for (size_t f = 0; f < t->ncols; f++) {
            const char *s = r->fields[f];
            FZ_ASSERT(s != NULL);
            size_t n = strlen(s), tl;
            FZ_ASSERT(utf8_invalid_at(s, n) == (size_t)-1);
            const char *tr = utf8_trim(s, &tl);
            FZ_ASSERT(tr == s && tl == n); /* already trimmed */
            FZ_ASSERT(lim == NULL || lim->max_cell_bytes == 0 || n <= lim->max_cell_bytes);
            any |= n > 0;
            diag_pos p = csv_pos(t, r, (int)f);
            FZ_ASSERT(p.line == r->line && p.col == (int)f + 1);
        }
        FZ_ASSERT(any);
    }
}

/* Reads the file at path; checks that NULL means "an error was reported". */
static csv_table *read_checked(arena *a, const char *path, const csv_limits *lim)
{
    diag d;
    diag_init(&d, fz_null);
    csv_table *t = csv_read(a, &d, path, lim);
    FZ_ASSERT((t == NULL) == (d.errors > 0));
    if (t)
        check_table(t, lim);
    return t;
}

/* Two readings of the same content must give the same table. */
static void check_same(const csv_table *x, const csv_table *y)
{
    FZ_ASSERT((x == NULL) == (y == NULL));
    if (!x)
        return;
    FZ_ASSERT(x->ncols == y->ncols && x->nrows == y->nrows);
    FZ_ASSERT(x->header_line == y->header_line);
    for (size_t f = 0; f < x->ncols; f++)
        FZ_ASSERT(strcmp(x->header[f], y->header[f]) == 0);
    for (size_t i = 0; i < x->nrows; i++) {
        FZ_ASSERT(x->rows[i].line == y->rows[i].line);
        for (size_t f = 0; f < x->ncols; f++)
            FZ_ASSERT(strcmp(x->rows[i].fields[f], y->rows[i].fields[f]) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_setup();
    arena *a = arena_new();
    const char *path = arena_strdup(a, fz_write("in.csv", data, size));
    csv_table *t = read_checked(a, path, NULL);

    /* Column mapping never indexes outside the header. */
    if (t) {
        static const csv_column cols[] = {
            {"项目", "item", 1},     {"合计", "total", 1},       {"一般预算", "general", 0},
            {"基金预算", "fund", 0}, {"财政专户", "special", 0},
        };
        int ix[5];
        diag d;
        diag_init(&d, fz_null);
        int rc = csv_map_columns(t, &d, cols, 5, ix);
        FZ_ASSERT((rc == 0) == (d.errors == 0));
        for (int i = 0; i < 5; i++)
            FZ_ASSERT(ix[i] >= -1 && ix[i] < (int)t->ncols);
    }

    /* CRLF instead of LF: same table (only when the file has no CR of its
     * own, so the conversion is exact). */
    if (size > 0 && !memchr(data, '\r', size) && memchr(data, '\n', size)) {
        uint8_t *crlf = xmalloc(2 * size);
        size_t n = 0;
        for (size_t i = 0; i < size; i++) {
            if (data[i] == '\n')
                crlf[n++] = '\r';
            crlf[n++] = data[i];
        }
        const char *p2 = arena_strdup(a, fz_write("crlf.csv", crlf, n));
        free(crlf);
        check_same(t, read_checked(a, p2, NULL));
    }

    /* A UTF-8 BOM in front of valid UTF-8: same table. */
    if (utf8_invalid_at((const char *)data, size) == (size_t)-1 &&
        !(size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)) {
        uint8_t *bom = xmalloc(size + 3);
        memcpy(bom, "\xEF\xBB\xBF", 3);
        if (size)
            memcpy(bom + 3, data, size);
        const char *p3 = arena_strdup(a, fz_write("bom.csv", bom, size + 3));
        free(bom);
        check_same(t, read_checked(a, p3, NULL));
    }

    /* Tiny limits: the limit paths must stop cleanly. */
    csv_limits tiny = {256, 3, 8};
    read_checked(a, path, &tiny);

    arena_free_all(a);
    return 0;
}
