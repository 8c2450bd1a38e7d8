/* xlsxread — see xlsxread.h. */
#include "xlsxread.h"

#include "strbuf.h"

#include <errno.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct part {
    char *data; /* malloc'd, NUL-terminated */
    size_t len;
} part;

/* Reads the part name of z: 0, 1 when missing, -1 after reporting. */
static int read_part(diag *d, const char *path, zip_t *z, const char *name, part *out)
{
    out->data = NULL;
    out->len = 0;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name, 0, &st) != 0)
        return 1;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > XL_MAX_PART) {
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                    "%s holds %llu bytes once unpacked, more than budgetgen reads (%zu MB): "
                    "save the workbook with only the budget tables",
                    name, (unsigned long long)st.size, XL_MAX_PART / (1024 * 1024));
        return -1;
    }
    zip_file_t *f = zip_fopen(z, name, 0);
    if (!f) {
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "cannot read %s in the workbook: %s",
                    name, zip_strerror(z));
        return -1;
    }
    strbuf sb = {0};
    char buf[65536];
    for (;;) {
        zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "cannot read %s in the workbook: %s (the file is damaged)", name,
                        zip_file_strerror(f));
            zip_fclose(f);
            sb_free(&sb);
            return -1;
        }
        if (n == 0)
            break;
        if (sb.len + (size_t)n > XL_MAX_PART) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "%s unpacks to more than %zu MB, more than budgetgen reads: save the "
                        "workbook with only the budget tables",
                        name, XL_MAX_PART / (1024 * 1024));
            zip_fclose(f);
            sb_free(&sb);
            return -1;
        }
        sb_appendn(&sb, buf, (size_t)n);
    }
    zip_fclose(f);
    out->len = sb.len;
    out->data = sb.len ? sb.buf : xcalloc(1, 1);
    return 0;
}

static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (!strcmp(local(atts[i]), name))
            return atts[i + 1];
    return NULL;
}

/* The parse state of every part (one kind at a time). */
typedef struct ctx {
    arena *a;
    /* text capture */
    int capture;
    int in_rph; /* inside a phonetic run: not the cell's text */
    strbuf text;
    /* shared strings */
    const char **sst;
    size_t n_sst, cap_sst;
    /* workbook */
    struct wsheet {
        const char *name, *rid;
        int hidden;
    } *ws;
    size_t n_ws, cap_ws;
    /* rels */
    struct rel {
        const char *id, *target;
    } *rels;
    size_t n_rels, cap_rels;
    /* sheet */
    xl_cell *cells;
    size_t n_cells, cap_cells;
    xl_merge *merges;
    size_t n_merges, cap_merges;
    uint32_t row, col;
    int in_c, has_f, has_v, in_is;
    const char *ctype;
    char ctype_buf[16];
    int bad_ref;
    char bad[64];
} ctx;

#define GROW(p, n, cap)                                                                       \
    do {                                                                                      \
        if ((n) == (cap)) {                                                                   \
            (cap) = (cap) ? (cap) * 2 : 64;                                                   \
            (p) = xrealloc((p), (cap) * sizeof *(p));                                         \
        }                                                                                     \
    } while (0)

static void on_text(void *ud, const XML_Char *s, int len)
{
    ctx *c = ud;
    if (c->capture && !c->in_rph)
        sb_appendn(&c->text, s, (size_t)len);
}

/* "C7" → row 6, col 2; returns 0 or -1. */
static int parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
    uint32_t cc = 0, rr = 0;
    int nc = 0, nr = 0;
    while (*s >= 'A' && *s <= 'Z' && nc < 3) {
        cc = cc * 26 + (uint32_t)(*s++ - 'A' + 1);
        nc++;
    }
    while (*s >= '0' && *s <= '9' && nr < 7) {
        rr = rr * 10 + (uint32_t)(*s++ - '0');
        nr++;
    }
    if (!nc || !nr || *s || rr == 0 || cc > 16384 || rr > 1048576)
        return -1;
    *row = rr - 1;
    *col = cc - 1;
    return 0;
}

static void sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    (void)atts;
    ctx *c = ud;
    const char *n = local(name);
    if (!strcmp(n, "si")) {
        sb_reset(&c->text);
        c->capture = 1;
    }
    else if (!strcmp(n, "rPh"))
        c->in_rph = 1;
}

static void sst_end(void *ud, const XML_Char *name)
{
    ctx *c = ud;
    const char *n = local(name);
    if (!strcmp(n, "si")) {
        GROW(c->sst, c->n_sst, c->cap_sst);
        c->sst[c->n_sst++] = arena_strndup(c->a, sb_str(&c->text), c->text.len);
        c->capture = 0;
    }
    else if (!strcmp(n, "rPh"))
        c->in_rph = 0;
}

static void wb_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    ctx *c = ud;
    if (strcmp(local(name), "sheet") != 0)
        return;
    const char *nm = attr(atts, "name"), *id = attr(atts, "id"), *state = attr(atts, "state");
    GROW(c->ws, c->n_ws, c->cap_ws);
    c->ws[c->n_ws].name = arena_strdup(c->a, nm ? nm : "");
    c->ws[c->n_ws].rid = arena_strdup(c->a, id ? id : "");
    c->ws[c->n_ws].hidden = state && strcmp(state, "visible") != 0;
    c->n_ws++;
}

static void rels_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    ctx *c = ud;
    if (strcmp(local(name), "Relationship") != 0)
        return;
    const char *id = attr(atts, "Id"), *t = attr(atts, "Target");
    if (!id || !t)
        return;
    GROW(c->rels, c->n_rels, c->cap_rels);
    c->rels[c->n_rels].id = arena_strdup(c->a, id);
    c->rels[c->n_rels].target = arena_strdup(c->a, t);
    c->n_rels++;
}

static void sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    ctx *c = ud;
    const char *n = local(name);
    if (!strcmp(n, "row")) {
        const char *r = attr(atts, "r");
        if (r) {
            char *end;
            unsigned long v = strtoul(r, &end, 10);
            if (*end || v == 0 || v > 1048576) {
                if (!c->bad_ref)
                    snprintf(c->bad, sizeof c->bad, "row r=\"%.40s\"", r);
                c->bad_ref = 1;
            }
            else
                c->row = (uint32_t)(v - 1);
        }
        else
            c->row++;
        c->col = 0;
    }
    else if (!strcmp(n, "c")) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t");
        if (r) {
            if (parse_ref(r, &c->row, &c->col) != 0) {
                if (!c->bad_ref)
                    snprintf(c->bad, sizeof c->bad, "cell r=\"%.40s\"", r);
                c->bad_ref = 1;
            }
        }
        snprintf(c->ctype_buf, sizeof c->ctype_buf, "%s", t ? t : "n");
        c->in_c = 1;
        c->has_f = c->has_v = 0;
        sb_reset(&c->text);
    }
    else if (c->in_c && (!strcmp(n, "v") || (c->in_is && !strcmp(n, "t")))) {
        c->capture = 1;
        c->has_v = 1;
    }
    else if (c->in_c && !strcmp(n, "is"))
        c->in_is = 1;
    else if (c->in_c && !strcmp(n, "rPh"))
        c->in_rph = 1;
    else if (c->in_c && !strcmp(n, "f"))
        c->has_f = 1;
    else if (!strcmp(n, "mergeCell")) {
        const char *ref = attr(atts, "ref");
        char a1[32], b1[32];
        const char *colon = ref ? strchr(ref, ':') : NULL;
        xl_merge m;
        if (!colon || (size_t)(colon - ref) >= sizeof a1 || strlen(colon + 1) >= sizeof b1) {
            if (!c->bad_ref)
                snprintf(c->bad, sizeof c->bad, "mergeCell ref=\"%.40s\"", ref ? ref : "");
            c->bad_ref = 1;
            return;
        }
        memcpy(a1, ref, (size_t)(colon - ref));
        a1[colon - ref] = '\0';
        strcpy(b1, colon + 1);
        if (parse_ref(a1, &m.r0, &m.c0) != 0 || parse_ref(b1, &m.r1, &m.c1) != 0 ||
            m.r1 < m.r0 || m.c1 < m.c0) {
            if (!c->bad_ref)
                snprintf(c->bad, sizeof c->bad, "mergeCell ref=\"%.40s\"", ref);
            c->bad_ref = 1;
            return;
        }
        GROW(c->merges, c->n_merges, c->cap_merges);
        c->merges[c->n_merges++] = m;
    }
}

static void sheet_end(void *ud, const XML_Char *name)
{
    ctx *c = ud;
    const char *n = local(name);
    if (!strcmp(n, "v") || (c->in_is && !strcmp(n, "t")))
        c->capture = 0;
    else if (!strcmp(n, "is"))
        c->in_is = 0;
    else if (!strcmp(n, "rPh"))
        c->in_rph = 0;
    else if (!strcmp(n, "c") && c->in_c) {
        c->in_c = 0;
        const char *t = c->ctype_buf;
        xl_cell cell = {c->row, c->col, XL_NUMBER, NULL};
        const char *v = sb_str(&c->text);
        if (!c->has_v) {
            if (c->has_f) {
                cell.type = XL_NOVALUE;
                cell.v = "";
            }
        }
        else if (!strcmp(t, "s")) {
            char *end;
            unsigned long i = strtoul(v, &end, 10);
            cell.type = XL_TEXT;
            if (*v && !*end && i < c->n_sst)
                cell.v = c->sst[i];
            else {
                if (!c->bad_ref)
                    snprintf(c->bad, sizeof c->bad, "shared string %.20s", v);
                c->bad_ref = 1;
            }
        }
        else if (!strcmp(t, "str") || !strcmp(t, "inlineStr")) {
            cell.type = XL_TEXT;
            cell.v = arena_strndup(c->a, v, c->text.len);
        }
        else if (!strcmp(t, "b")) {
            cell.type = XL_BOOL;
            cell.v = !strcmp(v, "1") ? "TRUE" : "FALSE";
        }
        else if (!strcmp(t, "e")) {
            cell.type = XL_ERROR;
            cell.v = arena_strndup(c->a, v, c->text.len);
        }
        else {
            cell.type = XL_NUMBER;
            cell.v = arena_strndup(c->a, v, c->text.len);
        }
        if (cell.v && (cell.type != XL_TEXT || *cell.v)) {
            GROW(c->cells, c->n_cells, c->cap_cells);
            c->cells[c->n_cells++] = cell;
        }
        c->col++;
    }
}

/* Parses data with the handlers; 0 or -1 after reporting. */
static int parse(diag *d, const char *path, const char *name, const part *p, ctx *c,
                 XML_StartElementHandler st, XML_EndElementHandler en)
{
    XML_Parser x = XML_ParserCreate("UTF-8");
    if (!x) {
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "out of memory reading %s", name);
        return -1;
    }
    XML_SetUserData(x, c);
    XML_SetElementHandler(x, st, en);
    XML_SetCharacterDataHandler(x, on_text);
    int rc = 0;
    if (p->len > (size_t)INT32_MAX ||
        XML_Parse(x, p->data, (int)p->len, 1) == XML_STATUS_ERROR) {
        diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                    "%s in the workbook is not well-formed XML (line %lu: %s): the file is "
                    "damaged; save it again from Excel",
                    name, (unsigned long)XML_GetCurrentLineNumber(x),
                    XML_ErrorString(XML_GetErrorCode(x)));
        rc = -1;
    }
    XML_ParserFree(x);
    return rc;
}

static int cell_cmp(const void *a, const void *b)
{
    const xl_cell *x = a, *y = b;
    if (x->row != y->row)
        return x->row < y->row ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return 0;
}

/* The part a relationship target names, relative to xl/. */
static const char *target_part(arena *a, const char *t)
{
    if (t[0] == '/')
        return arena_strdup(a, t + 1);
    return arena_printf(a, "xl/%s", t);
}

int xl_read(arena *a, diag *d, const char *path, xl_book *b)
{
    memset(b, 0, sizeof *b);
    b->path = path;
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        if (zerr == ZIP_ER_NOZIP || zerr == ZIP_ER_INCONS)
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "not an Excel workbook (.xlsx is a zip file; this is not one): save it "
                        "from Excel as \"Excel 工作簿 (*.xlsx)\"");
        else
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "cannot open the workbook: %s",
                        zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return -1;
    }
    ctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    int rc = -1;
    part p = {0};
    int r = read_part(d, path, z, "xl/workbook.xml", &p);
    if (r != 0) {
        if (r > 0)
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "not an Excel workbook: it has no xl/workbook.xml (an .xls or .ods "
                        "file renamed?): save it from Excel as \"Excel 工作簿 (*.xlsx)\"");
        goto out;
    }
    if (parse(d, path, "xl/workbook.xml", &p, &c, wb_start, NULL) != 0)
        goto out;
    free(p.data);
    p.data = NULL;
    if ((r = read_part(d, path, z, "xl/_rels/workbook.xml.rels", &p)) < 0)
        goto out;
    if (r == 0 && parse(d, path, "xl/_rels/workbook.xml.rels", &p, &c, rels_start, NULL) != 0)
        goto out;
    free(p.data);
    p.data = NULL;
    if ((r = read_part(d, path, z, "xl/sharedStrings.xml", &p)) < 0)
        goto out;
    if (r == 0 && parse(d, path, "xl/sharedStrings.xml", &p, &c, sst_start, sst_end) != 0)
        goto out;
    free(p.data);
    p.data = NULL;

    b->sheets = arena_alloc(a, (c.n_ws ? c.n_ws : 1) * sizeof *b->sheets);
    for (size_t i = 0; i < c.n_ws; i++) {
        const char *target = NULL;
        for (size_t k = 0; k < c.n_rels; k++)
            if (!strcmp(c.rels[k].id, c.ws[i].rid))
                target = c.rels[k].target;
        if (!target) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "sheet %s: the workbook does not say where its cells are (no "
                        "relationship %s): the file is damaged; save it again from Excel",
                        c.ws[i].name, c.ws[i].rid);
            goto out;
        }
        const char *pn = target_part(a, target);
        if ((r = read_part(d, path, z, pn, &p)) != 0) {
            if (r > 0)
                diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                            "sheet %s: its part %s is missing: the file is damaged; save it "
                            "again from Excel",
                            c.ws[i].name, pn);
            goto out;
        }
        c.n_cells = c.n_merges = 0;
        c.row = c.col = 0;
        c.row = (uint32_t)-1;
        c.bad_ref = 0;
        c.in_c = c.in_is = c.in_rph = c.capture = 0;
        if (parse(d, path, pn, &p, &c, sheet_start, sheet_end) != 0)
            goto out;
        free(p.data);
        p.data = NULL;
        if (c.bad_ref) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "sheet %s: cannot read %s: the file is damaged; save it again from "
                        "Excel",
                        c.ws[i].name, c.bad);
            goto out;
        }
        xl_sheet *s = &b->sheets[i];
        memset(s, 0, sizeof *s);
        s->name = c.ws[i].name;
        s->hidden = c.ws[i].hidden;
        s->n = c.n_cells;
        s->cells = arena_alloc(a, (c.n_cells ? c.n_cells : 1) * sizeof *s->cells);
        if (c.n_cells)
            memcpy(s->cells, c.cells, c.n_cells * sizeof *s->cells);
        qsort(s->cells, s->n, sizeof *s->cells, cell_cmp);
        s->n_merges = c.n_merges;
        s->merges = arena_alloc(a, (c.n_merges ? c.n_merges : 1) * sizeof *s->merges);
        if (c.n_merges)
            memcpy(s->merges, c.merges, c.n_merges * sizeof *s->merges);
        for (size_t k = 0; k < s->n; k++) {
            if (s->cells[k].row + 1 > s->nrows)
                s->nrows = s->cells[k].row + 1;
            if (s->cells[k].col + 1 > s->ncols)
                s->ncols = s->cells[k].col + 1;
        }
        b->n++;
    }
    rc = 0;
out:
    free(p.data);
    free(c.sst);
    free(c.ws);
    free(c.rels);
    free(c.cells);
    free(c.merges);
    sb_free(&c.text);
    zip_discard(z);
    return rc;
}

const xl_cell *xl_at(const xl_sheet *s, uint32_t row, uint32_t col)
{
    size_t lo = 0, hi = s->n;
    xl_cell key = {row, col, XL_TEXT, NULL};
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cell_cmp(&s->cells[mid], &key);
        if (c == 0)
            return &s->cells[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *xl_ref(uint32_t row, uint32_t col, char *buf)
{
    char letters[8];
    int n = 0;
    uint32_t c = col + 1;
    while (c && n < 7) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    int k = 0;
    while (n)
        buf[k++] = letters[--n];
    snprintf(buf + k, 16 - (size_t)k, "%u", (unsigned)row + 1);
    return buf;
}

const xl_sheet *xl_sheet_named(const xl_book *b, const char *name)
{
    for (size_t i = 0; i < b->n; i++)
        if (!strcmp(b->sheets[i].name, name))
            return &b->sheets[i];
    return NULL;
}
