/*
 * render_data — open data files from the document model (see render_data.h
 * and docs/open-data.md).
 *
 * What each file holds, from the cells of doc.h:
 *   - a table's CSV: one column per table column, headed by its column
 *     heads joined top to bottom with "/" ("资金来源/一般预算"); one line
 *     per body row; an amount as printed, without thousands separators
 *     (尾差 included: the printed parts add up to the printed totals); a
 *     cell covered by a merged text cell repeats its text, one covered by
 *     a merged amount is empty (the amount is counted once);
 *   - facts.csv: one line per amount cell of every table, with the name
 *     of its row (the nearest text column left of it, so a table of two
 *     halves names each half's items) and its code (the code columns just
 *     before that name: 类, 款 and 项 joined), the printed amount and the
 *     exact amount in 分;
 *   - datapackage.json: the Tabular Data Package of these files.
 * Codes stay text (RFC 4180 has no types; the package's schema says
 * string).  Output is a function of the document alone: deterministic.
 */
#define _DEFAULT_SOURCE /* O_NOFOLLOW, fdopendir */

#include "render_data.h"

#include "money.h"
#include "strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The document's Fiscal Data Package phase: approved (预算), executed (决算). */
static const char *phase_of(const config *c)
{
    return c->kind == DOC_KIND_JUESUAN ? "executed" : "approved";
}

static const char BOM[] = "\xEF\xBB\xBF";

/* ---- cells ---------------------------------------------------------------- */

/* The anchor of the cell that covers (r, c) of the body or header grid. */
static const doc_cell *anchor_of(const doc_table *t, int body, int r, int c)
{
    const doc_cell *x = body ? doc_body_cell(t, r, c) : doc_head_cell(t, r, c);
    if (x->rowspan > 0 && x->colspan > 0)
        return x;
    for (int rr = r; rr >= 0; rr--)
        for (int cc = c; cc >= 0; cc--) {
            const doc_cell *y = body ? doc_body_cell(t, rr, cc) : doc_head_cell(t, rr, cc);
            if (y->rowspan > 0 && y->colspan > 0 && rr + y->rowspan > r && cc + y->colspan > c)
                return y;
        }
    return x;
}

/* The printed amount without thousands separators ("26,341.19" → "26341.19"),
 * into out.  Returns 0, or -1 when the text is not a plain decimal number. */
static int amount_plain(const char *text, char *out, size_t size)
{
    size_t o = 0;
    int digits = 0, point = 0;
    for (const char *p = text; *p; p++) {
        char ch = *p;
        if (ch == ',')
            continue;
        if (ch == '-' && o == 0) {
        } else if (ch == '.' && !point && digits) {
            point = 1;
        } else if (ch >= '0' && ch <= '9') {
            digits++;
        } else {
            return -1;
        }
        if (o + 1 >= size)
            return -1;
        out[o++] = ch;
    }
    out[o] = '\0';
    return digits && out[o - 1] != '.' ? 0 : -1;
}

/* A column's heads, top to bottom, joined with "/"; line breaks dropped. */
static const char *column_head(arena *a, const doc_table *t, int c)
{
    strbuf sb = STRBUF_INIT;
    const doc_cell *last = NULL;
    for (int r = 0; r < t->n_head; r++) {
        const doc_cell *x = anchor_of(t, 0, r, c);
        if (x == last || !x->text || !*x->text)
            continue;
        last = x;
        if (sb.len)
            sb_putc(&sb, '/');
        for (const char *p = x->text; *p; p++)
            if (*p != '\n' && *p != '\r')
                sb_putc(&sb, *p);
    }
    const char *res;
    if (sb.len)
        res = arena_strdup(a, sb_str(&sb));
    else
        res = t->cols[c].key && *t->cols[c].key ? t->cols[c].key
                                                 : arena_printf(a, "column %d", c + 1);
    sb_free(&sb);
    return res;
}

/* Whether every body cell of column c is an amount or empty: the column is
 * then typed number. */
static int column_is_number(const doc_table *t, int c)
{
    if (t->cols[c].kind != DOC_COL_AMOUNT)
        return 0;
    for (int r = 0; r < t->n_body; r++) {
        const doc_cell *x = anchor_of(t, 1, r, c);
        char buf[64];
        if (x->is_amount ? amount_plain(x->text, buf, sizeof buf) != 0 : x->text && *x->text)
            return 0;
    }
    return 1;
}

/* ---- the tables --------------------------------------------------------------- */

typedef struct tbl {
    const doc_table *t;
    int no;               /* 1, 2, … in document order */
    const char *name;     /* file name: table-01-comparison.csv */
    const char *resource; /* table-01-comparison */
    const char *title;
    const char **heads;   /* ncols field names, unique */
    int *number;          /* ncols: typed number */
} tbl;

static const char *table_title(const doc_table *t)
{
    if (t->title && *t->title)
        return t->title;
    if (t->sheet && *t->sheet)
        return t->sheet;
    return t->id ? t->id : "";
}

static void describe_table(arena *a, tbl *x, const doc_table *t, int no, int width)
{
    x->t = t;
    x->no = no;
    strbuf id = STRBUF_INIT;
    for (const char *p = t->id ? t->id : ""; *p; p++) {
        char ch = *p;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '-')
            sb_putc(&id, ch);
    }
    x->resource = id.len ? arena_printf(a, "table-%0*d-%s", width, no, sb_str(&id))
                         : arena_printf(a, "table-%0*d", width, no);
    sb_free(&id);
    x->name = arena_printf(a, "%s.csv", x->resource);
    x->title = table_title(t);
    x->heads = arena_alloc(a, (size_t)(t->ncols ? t->ncols : 1) * sizeof *x->heads);
    x->number = arena_alloc(a, (size_t)(t->ncols ? t->ncols : 1) * sizeof *x->number);
    const char **base = arena_alloc(a, (size_t)(t->ncols ? t->ncols : 1) * sizeof *base);
    for (int c = 0; c < t->ncols; c++) {
        const char *h = base[c] = column_head(a, t, c);
        /* Field names are unique in a schema: a repeated head gets (2), (3). */
        int dup = 1;
        for (int k = 0; k < c; k++)
            dup += strcmp(base[k], h) == 0;
        x->heads[c] = dup > 1 ? arena_printf(a, "%s (%d)", h, dup) : h;
        x->number[c] = column_is_number(t, c);
    }
}

static void csv_row_end(strbuf *sb)
{
    sb_append(sb, "\r\n");
}

static void table_csv(const tbl *x, strbuf *sb)
{
    const doc_table *t = x->t;
    sb_append(sb, BOM);
    for (int c = 0; c < t->ncols; c++) {
        if (c)
            sb_putc(sb, ',');
        sb_csv_field(sb, x->heads[c]);
    }
    csv_row_end(sb);
    for (int r = 0; r < t->n_body; r++) {
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                sb_putc(sb, ',');
            const doc_cell *self = doc_body_cell(t, r, c);
            const doc_cell *y = anchor_of(t, 1, r, c);
            int covered = self != y;
            char buf[64];
            if (y->is_amount) {
                if (!covered)
                    sb_csv_field(sb, amount_plain(y->text, buf, sizeof buf) == 0 ? buf : y->text);
            } else {
                sb_csv_field(sb, y->text ? y->text : "");
            }
        }
        csv_row_end(sb);
    }
}

/* ---- facts ------------------------------------------------------------------------ */

static const char *row_kind_name(doc_row_kind k)
{
    return k == DOC_ROW_TOTAL ? "total" : k == DOC_ROW_SUBTOTAL ? "subtotal" : "detail";
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* 类 (3 digits), 款 (5) or 项 (7) of a classification code; "" otherwise. */
static const char *code_level(const char *code)
{
    size_t n = strlen(code);
    if (!all_digits(code))
        return "";
    return n == 3 ? "类" : n == 5 ? "款" : n == 7 ? "项" : "";
}

/* The classification a code belongs to, by its first digit (the national
 * 政府收支分类科目): 1 revenue, 2 functional (支出功能分类), 3 and 5
 * economic (支出经济分类, 部门 and 政府). */
static const char *code_class(const char *code)
{
    if (!all_digits(code))
        return "";
    switch (code[0]) {
    case '1':
        return "revenue";
    case '2':
        return "functional";
    case '3':
    case '5':
        return "economic";
    default:
        return "";
    }
}

static void facts_of(const config *c, const tbl *x, strbuf *sb)
{
    const doc_table *t = x->t;
    char no[16];
    snprintf(no, sizeof no, "%d", x->no);
    for (int r = 0; r < t->n_body; r++) {
        for (int col = 0; col < t->ncols; col++) {
            const doc_cell *cell = doc_body_cell(t, r, col);
            char amount[64];
            if (cell->rowspan == 0 || cell->colspan == 0 || !cell->is_amount ||
                amount_plain(cell->text, amount, sizeof amount) != 0)
                continue;
            /* The row's name: the nearest text column to the left; its
             * code: the code columns just before that (类, 款, 项 joined). */
            int nc = col;
            for (int k = col - 1; k >= 0; k--)
                if (t->cols[k].kind == DOC_COL_TEXT) {
                    nc = k;
                    break;
                }
            const doc_cell *nm = nc < col ? anchor_of(t, 1, r, nc) : NULL;
            const char *name = nm && nm->text ? nm->text : "";
            int from = nc;
            while (from > 0 && t->cols[from - 1].kind == DOC_COL_CODE)
                from--;
            strbuf code = STRBUF_INIT;
            for (int k = from; k < nc; k++) {
                const doc_cell *y = anchor_of(t, 1, r, k);
                sb_append(&code, y->text ? y->text : "");
            }
            const char *cs = sb_str(&code);
            char year[16], rowno[16], fen[32];
            snprintf(year, sizeof year, "%d", c->year);
            snprintf(rowno, sizeof rowno, "%d", r + 1);
            snprintf(fen, sizeof fen, "%lld", (long long)cell->value);
            const char *f[] = {c->department, year, config_kind_name(c->kind), phase_of(c), no, x->title, rowno,
                               row_kind_name(t->row_kind[r]), cs, code_level(cs),
                               code_class(cs), name, x->heads[col], amount,
                               money_unit_name(t->unit), fen};
            size_t nf = sizeof f / sizeof f[0];
            for (size_t i = 0; i < nf; i++) {
                if (i)
                    sb_putc(sb, ',');
                sb_csv_field(sb, f[i]);
            }
            csv_row_end(sb);
            sb_free(&code);
        }
    }
}

/* ---- datapackage.json ---------------------------------------------------------------- */

static void json_str(strbuf *sb, const char *s)
{
    sb_putc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            sb_putc(sb, '\\');
            sb_putc(sb, (char)*p);
        } else if (*p < 0x20) {
            sb_printf(sb, "\\u%04x", *p);
        } else {
            sb_putc(sb, (char)*p);
        }
    }
    sb_putc(sb, '"');
}

typedef struct field {
    const char *name, *title, *type;
} field;

static const field FACT_FIELDS[] = {
    {"department", "部门", "string"},
    {"year", "年度", "integer"},
    {"kind", "类型", "string"},
    {"phase", "阶段", "string"},
    {"table_no", "表序号", "integer"},
    {"table", "表名", "string"},
    {"row", "行号", "integer"},
    {"row_kind", "行类型", "string"},
    {"code", "科目编码", "string"},
    {"level", "科目级次", "string"},
    {"classification", "分类", "string"},
    {"name", "项目", "string"},
    {"column", "栏目", "string"},
    {"amount", "金额（按公开单位）", "number"},
    {"unit", "单位", "string"},
    {"amount_fen", "金额（分）", "integer"},
};

static void resource_head(strbuf *sb, const char *name, const char *path, const char *title,
                          size_t bytes)
{
    sb_append(sb, "    {\n      \"name\": ");
    json_str(sb, name);
    sb_append(sb, ",\n      \"path\": ");
    json_str(sb, path);
    sb_append(sb, ",\n      \"title\": ");
    json_str(sb, title);
    sb_printf(sb, ",\n      \"profile\": \"tabular-data-resource\",\n"
                  "      \"format\": \"csv\",\n      \"mediatype\": \"text/csv\",\n"
                  "      \"encoding\": \"utf-8\",\n      \"bytes\": %zu,\n"
                  "      \"dialect\": {\"delimiter\": \",\", \"lineTerminator\": \"\\r\\n\", "
                  "\"header\": true},\n      \"schema\": {\n        \"fields\": [\n",
              bytes);
}

static void schema_field(strbuf *sb, const char *name, const char *title, const char *type,
                         int last)
{
    sb_append(sb, "          {\"name\": ");
    json_str(sb, name);
    if (title) {
        sb_append(sb, ", \"title\": ");
        json_str(sb, title);
    }
    sb_printf(sb, ", \"type\": \"%s\"}%s\n", type, last ? "" : ",");
}

/* A package name as the standard wants it (lower-case ASCII, digits, - _ .):
 * budget-YEAR-XXXXXXXX, the last part a hash of the department's name. */
static void package_name(strbuf *sb, const config *c)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)c->department; *p; p++)
        h = (h ^ *p) * 16777619u;
    sb_printf(sb, "\"budget-%d-%08x\"", c->year, h);
}

static void datapackage(const config *c, const doc *dm, const tbl *v, int n, size_t facts_bytes,
                        const size_t *bytes, strbuf *sb)
{
    sb_append(sb, "{\n  \"profile\": \"tabular-data-package\",\n  \"name\": ");
    package_name(sb, c);
    sb_append(sb, ",\n  \"title\": ");
    json_str(sb, dm->title && *dm->title ? dm->title : c->department);
    sb_append(sb, ",\n  \"department\": ");
    json_str(sb, c->department);
    sb_printf(sb, ",\n  \"year\": %d,\n  \"kind\": ", c->year);
    json_str(sb, config_kind_name(c->kind));
    sb_printf(sb, ",\n  \"fiscalPeriod\": {\"start\": \"%d-01-01\", \"end\": \"%d-12-31\"},\n",
              c->year, c->year);
    /* The Fiscal Data Package model of facts.csv (optional metadata). */
    sb_printf(sb,
              "  \"model\": {\n"
              "    \"measures\": {\n"
              "      \"amount\": {\"resource\": \"facts\", \"source\": \"amount_fen\", "
              "\"currency\": \"CNY\", \"factor\": 0.01, \"phase\": \"%s\"}\n"
              "    },\n"
              "    \"dimensions\": {\n"
              "      \"functional-classification\": {\"dimensionType\": \"classification\", "
              "\"classificationType\": \"functional\", \"attributes\": {"
              "\"code\": {\"source\": \"code\"}, \"name\": {\"source\": \"name\"}, "
              "\"level\": {\"source\": \"level\", \"values\": [\"类\", \"款\", \"项\"]}}, "
              "\"primaryKey\": [\"code\"], \"filter\": {\"classification\": \"functional\"}},\n"
              "      \"economic-classification\": {\"dimensionType\": \"classification\", "
              "\"classificationType\": \"economic\", \"attributes\": {"
              "\"code\": {\"source\": \"code\"}, \"name\": {\"source\": \"name\"}, "
              "\"level\": {\"source\": \"level\", \"values\": [\"类\", \"款\"]}}, "
              "\"primaryKey\": [\"code\"], \"filter\": {\"classification\": \"economic\"}},\n"
              "      \"phase\": {\"dimensionType\": \"other\", \"attributes\": {"
              "\"phase\": {\"source\": \"phase\", \"values\": [\"approved\", \"executed\"]}}, "
              "\"primaryKey\": [\"phase\"]},\n"
              "      \"date\": {\"dimensionType\": \"datetime\", \"attributes\": {"
              "\"year\": {\"source\": \"year\"}}, \"primaryKey\": [\"year\"]}\n"
              "    }\n"
              "  },\n",
              phase_of(c));
    sb_append(sb, "  \"resources\": [\n");
    resource_head(sb, "facts", "facts.csv", "全部金额（长表）", facts_bytes);
    size_t nf = sizeof FACT_FIELDS / sizeof FACT_FIELDS[0];
    for (size_t i = 0; i < nf; i++)
        schema_field(sb, FACT_FIELDS[i].name, FACT_FIELDS[i].title, FACT_FIELDS[i].type,
                     i + 1 == nf);
    sb_printf(sb, "        ]\n      }\n    }%s\n", n ? "," : "");
    for (int i = 0; i < n; i++) {
        const tbl *x = &v[i];
        resource_head(sb, x->resource, x->name, x->title, bytes[i]);
        for (int col = 0; col < x->t->ncols; col++)
            schema_field(sb, x->heads[col], NULL,
                         x->number[col] ? "number" : "string", col + 1 == x->t->ncols);
        sb_printf(sb, "        ]\n      }\n    }%s\n", i + 1 < n ? "," : "");
    }
    sb_append(sb, "  ]\n}\n");
}

/* ---- writing --------------------------------------------------------------------------- */

static int write_file(arena *a, diag *d, const outdir *sub, outfile *of, const char *name,
                      const strbuf *sb)
{
    outdir_remove_stale_file(sub->fd, name);
    FILE *fp = outfile_begin_at(a, d, of, sub, name);
    if (!fp)
        return -1;
    if (fwrite(sb_str(sb), 1, sb->len, fp) != sb->len) {
        int e = errno ? errno : EIO;
        if (ferror(fp)) {
            (void)outfile_finish(d, of, fp); /* reports what was full, removes */
            return -1;
        }
        diag_syserr(d, "cannot write", of->final_path, e);
        outfile_abort(of, fp);
        return -1;
    }
    if (outfile_finish(d, of, fp) != 0)
        return -1;
    /* Read back: the file holds every byte. */
    struct stat st;
    if (fstatat(of->dirfd, of->tmp_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        (size_t)st.st_size != sb->len) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot write '%s': the file written is not the %zu bytes of the data "
                    "(read back before publishing)",
                    of->final_path, sb->len);
        outfile_abort(of, NULL);
        return -1;
    }
    return 0;
}

static int cmp_attach(const void *pa, const void *pb)
{
    const doc_attachment *a = pa, *b = pb;
    return strcmp(a->name, b->name);
}

int render_data_tmp(arena *a, diag *d, const config *c, doc *dm, const outdir *od, data_set *ds)
{
    memset(ds, 0, sizeof *ds);
    ds->dirfd = -1;
    const char *sub = arena_printf(a, "%s%s", c->output_name, DATA_DIR_SUFFIX);
    ds->dir = arena_printf(a, "%s/%s", od->path, sub);
    ds->parentfd = od->fd;
    ds->sub = sub;
    if (mkdirat(od->fd, sub, 0777) == 0)
        ds->created = 1;
    else if (errno != EEXIST) {
        diag_syserr(d, "cannot create folder", ds->dir, errno);
        return -1;
    }
    ds->dirfd = openat(od->fd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (ds->dirfd < 0) {
        int e = errno;
        if (e == ELOOP || e == ENOTDIR)
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "cannot write the data files into '%s': it is not a folder (a file "
                        "or a symbolic link has that name); remove or rename it, then run "
                        "again (nothing was published)",
                        ds->dir);
        else
            diag_syserr(d, "cannot open folder", ds->dir, e);
        return -1;
    }
    outdir so = {ds->dirfd, ds->dir, -1, -1};

    int n = 0;
    for (size_t i = 0; i < dm->n; i++)
        if (dm->blocks[i].kind == DOC_TABLE && dm->blocks[i].table)
            n++;
    int width = 2;
    for (int k = n; k >= 100; k /= 10)
        width++;
    tbl *v = arena_alloc(a, (size_t)(n ? n : 1) * sizeof *v);
    size_t *bytes = arena_alloc(a, (size_t)(n ? n : 1) * sizeof *bytes);
    strbuf *csv = xcalloc((size_t)n + 1, sizeof *csv);
    strbuf facts = STRBUF_INIT, pkg = STRBUF_INIT;
    sb_append(&facts, BOM);
    sb_append(&facts, DATA_FACTS_HEADER "\r\n");
    int k = 0;
    for (size_t i = 0; i < dm->n; i++) {
        if (dm->blocks[i].kind != DOC_TABLE || !dm->blocks[i].table)
            continue;
        describe_table(a, &v[k], dm->blocks[i].table, k + 1, width);
        table_csv(&v[k], &csv[k]);
        bytes[k] = csv[k].len;
        facts_of(c, &v[k], &facts);
        k++;
    }
    datapackage(c, dm, v, n, facts.len, bytes, &pkg);

    /* Files in name order: datapackage.json, facts.csv, table-*.csv. */
    ds->n = (size_t)n + 2;
    ds->of = arena_alloc(a, ds->n * sizeof *ds->of);
    memset(ds->of, 0, ds->n * sizeof *ds->of);
    ds->names = arena_alloc(a, ds->n * sizeof *ds->names);
    doc_attachment *att = arena_alloc(a, ds->n * sizeof *att);
    int rc = 0;
    for (size_t i = 0; i < ds->n && rc == 0; i++) {
        const char *name = i == 0 ? "datapackage.json" : i == 1 ? "facts.csv" : v[i - 2].name;
        const strbuf *sb = i == 0 ? &pkg : i == 1 ? &facts : &csv[i - 2];
        ds->names[i] = name;
        rc = write_file(a, d, &so, &ds->of[i], name, sb);
        att[i].name = name;
        att[i].path = ds->of[i].open_path;
        att[i].desc = i == 0 ? "Tabular Data Package (Frictionless)"
                      : i == 1 ? "全部金额（长表）"
                               : v[i - 2].title;
    }
    for (int i = 0; i <= n; i++)
        sb_free(&csv[i]);
    free(csv);
    sb_free(&facts);
    sb_free(&pkg);
    if (rc != 0) {
        render_data_close(ds);
        return -1;
    }
    qsort(att, ds->n, sizeof *att, cmp_attach);
    dm->attach = att;
    dm->n_attach = ds->n;
    return 0;
}

void render_data_prune(data_set *ds)
{
    if (ds->dirfd < 0)
        return;
    int fd = dup(ds->dirfd);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        if (fd >= 0)
            close(fd);
        return;
    }
    rewinddir(dir); /* the offset is shared with dirfd, read before */
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (strncmp(e->d_name, "table-", 6) != 0 || len < 10 ||
            strcmp(e->d_name + len - 4, ".csv") != 0)
            continue;
        int listed = 0;
        for (size_t i = 0; i < ds->n && !listed; i++)
            listed = strcmp(ds->names[i], e->d_name) == 0;
        if (!listed)
            (void)unlinkat(ds->dirfd, e->d_name, 0);
    }
    closedir(dir);
}

void render_data_close(data_set *ds)
{
    for (size_t i = 0; i < ds->n; i++)
        outfile_abort(&ds->of[i], NULL);
    if (ds->dirfd >= 0)
        close(ds->dirfd);
    ds->dirfd = -1;
    /* A folder this run created goes again when nothing was published into
     * it (rmdir fails on a folder that is not empty), so a failed build
     * changes nothing. */
    if (ds->created && ds->sub)
        (void)unlinkat(ds->parentfd, ds->sub, AT_REMOVEDIR);
    ds->created = 0;
}
