/*
 * csvshape — title, unit and two-row headers, and empty columns at the end,
 * as Excel saves a sheet of the budget system's workbook (see csvshape.h).
 */
#include "csvshape.h"
#include "i18n.h"

#include "arena.h"
#include "strbuf.h"
#include "utf8.h"

#include <stdio.h>
#include <string.h>

/* Column letters as Excel shows them: 1 → A, 27 → AA. */
static const char *col_letters(char *buf, size_t size, size_t col)
{
    char tmp[16];
    size_t k = 0;
    while (col > 0 && k < sizeof tmp) {
        tmp[k++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    size_t i = 0;
    while (k > 0 && i + 1 < size)
        buf[i++] = tmp[--k];
    buf[i] = '\0';
    return buf;
}

static size_t nonempty(const csv_row *r, size_t w, size_t *first)
{
    size_t c = 0;
    for (size_t i = 0; i < w; i++)
        if (r->fields[i][0]) {
            if (c++ == 0 && first)
                *first = i;
        }
    return c;
}

/* s without spaces (as utf8_name_eq ignores them beside Chinese), into buf. */
static const char *squeeze(char *buf, size_t size, const char *s)
{
    size_t k = 0;
    while (*s && k + 1 < size) {
        if (*s == ' ' || *s == '\t')
            s++;
        else if (!strncmp(s, "\xE3\x80\x80", 3)) /* U+3000 */
            s += 3;
        else
            buf[k++] = *s++;
    }
    buf[k] = '\0';
    return buf;
}

/* What a unit cell says: 0 元, 1 万元, -1 another unit, -2 not a unit
 * cell.  "单位：元", "单位:万元", "金额单位：万元", "单位（万元）", "（单位：元）". */
static int unit_cell(const char *cell)
{
    char b[256];
    const char *s = squeeze(b, sizeof b, cell);
    static const char *const OPEN[] = {"（", "(", ""};
    for (size_t o = 0; o < 3; o++) {
        size_t n = strlen(OPEN[o]);
        if (strncmp(s, OPEN[o], n))
            continue;
        const char *p = s + n;
        if (!strncmp(p, "金额", 6))
            p += 6;
        if (strncmp(p, "单位", 6))
            continue;
        p += 6;
        if (!strncmp(p, "：", 3) || !strncmp(p, "（", 3))
            p += 3;
        else if (*p == ':' || *p == '(')
            p++;
        else
            continue; /* 单位名称 */
        char u[64];
        size_t k = 0;
        while (*p && strncmp(p, "）", 3) && *p != ')' && k + 1 < sizeof u)
            u[k++] = *p++;
        u[k] = '\0';
        if (!strcmp(u, "元") || !strcmp(u, "人民币元"))
            return 0;
        if (!strcmp(u, "万元") || !strcmp(u, "人民币万元"))
            return 1;
        /* 千元, 亿元: a unit, not read; 单位：某局: not a unit */
        return k > 3 && !strcmp(u + k - 3, "元") ? -1 : -2;
    }
    return -2;
}

/* True for a cell that reads as a number (an amount or a code): then the
 * row holding it is data, not a second header row. */
static int numeric(const char *s)
{
    int digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digits++;
        else if (!strchr(" ,.-+%", *s))
            return 0;
    }
    return digits > 0;
}

/* True when a record after rec[h] (within the rows that may stand above
 * a header) has two cells or more: then a one-cell rec[h] is a title, not
 * the header of a one-column file. */
static int wider_below(const csv_row *rec, const size_t *width, size_t n, size_t h)
{
    for (size_t j = h + 1; j < n && j <= h + CSVSHAPE_MAX_ABOVE; j++)
        if (nonempty(&rec[j], width[j], NULL) >= 2)
            return 1;
    return 0;
}

size_t csvshape_header(diag *d, csv_table *t, const csv_row *rec, const size_t *width, size_t n,
                       int *errors)
{
    size_t h = 0;
    strbuf skipped = STRBUF_INIT;
    while (h + 1 < n && h < CSVSHAPE_MAX_ABOVE) {
        const csv_row *r = &rec[h];
        size_t first = 0, c = nonempty(r, width[h], &first);
        int unit = -2;
        size_t ucol = 0;
        for (size_t i = 0; i < width[h] && unit == -2; i++)
            if (r->fields[i][0] && (unit = unit_cell(r->fields[i])) != -2)
                ucol = i;
        /* A unit row holds the unit, and at most a 编制单位：… beside it: a
         * header may have a column named 单位（元）. */
        if (unit != -2 && c > 1) {
            int other = c == 2;
            for (size_t i = 0; i < width[h] && other; i++)
                if (i != ucol && r->fields[i][0] && strncmp(r->fields[i], "编制", 6))
                    other = 0;
            if (!other)
                unit = -2;
        }
        if (unit != -2) {
            t->unit_line = r->line;
            t->unit_col = (int)ucol + 1;
            t->unit = unit;
            t->unit_text = r->fields[ucol];
            sb_printf(&skipped, _("%sline %d (the unit: %s)"), skipped.len ? ", " : "", r->line,
                      r->fields[ucol]);
        } else if (c == 1 && wider_below(rec, width, n, h)) {
            sb_printf(&skipped, _("%sline %d (a title: \"%s\")"), skipped.len ? ", " : "", r->line,
                      r->fields[first]);
        } else {
            break;
        }
        h++;
    }
    if (skipped.len)
        diag_report(d, DIAG_NOTE, diag_at(t->path, rec[0].line, 0),
                    "%s above the header row (line %d) skipped", sb_str(&skipped), rec[h].line);
    sb_free(&skipped);

    const csv_row *hr = &rec[h];
    size_t w = width[h];
    while (w > 1 && hr->fields[w - 1][0] == '\0')
        w--;
    t->header_line = hr->line;
    t->ncols = w;
    t->header = hr->fields;
    size_t start = h + 1;

    /* A header with empty cells inside (or at its end), over a row of
     * names that fills them: merged cells (科目编码 over 类, 款, 项; 支出
     * over 基本支出, 项目支出).  csv_map_columns() joins the two when it
     * knows the names to expect. */
    if (start < n) {
        const csv_row *s = &rec[start];
        size_t ws = width[start] < width[h] ? width[start] : width[h];
        while (ws > 0 && s->fields[ws - 1][0] == '\0')
            ws--;
        size_t W = ws > w ? ws : w;
        int sub = 1, gap = 0;
        for (size_t f = 0; f < W && sub; f++) {
            const char *c = f < width[start] ? s->fields[f] : "";
            if (*c && numeric(c))
                sub = 0;
            if (!hr->fields[f][0]) {
                gap |= f < w; /* merged cells inside the header */
                if (!*c)
                    sub = 0;
            }
        }
        if (sub && gap) {
            const char **cells = arena_alloc(t->a, W * sizeof *cells);
            for (size_t f = 0; f < W; f++)
                cells[f] = f < width[start] ? s->fields[f] : "";
            t->ncols = W;
            t->sub = cells;
            t->sub_line = s->line;
            return start + 1;
        }
    }
    for (size_t f = 0; f < w; f++)
        if (!hr->fields[f][0]) {
            char col[16];
            diag_report(d, DIAG_ERROR, diag_at(t->path, hr->line, (int)f + 1),
                        "empty column name in the header row: type the name of column %s, or "
                        "delete the column",
                        col_letters(col, sizeof col, f + 1));
            (*errors)++;
        }
    return start;
}

void csvshape_note_trailing(diag *d, const csv_table *t, size_t hwidth, size_t widest)
{
    size_t end = hwidth > widest ? hwidth : widest;
    if (end <= t->ncols)
        return;
    char a[16], b[16];
    col_letters(a, sizeof a, t->ncols + 1);
    col_letters(b, sizeof b, end);
    if (end == t->ncols + 1)
        diag_report(d, DIAG_NOTE, diag_at(t->path, t->header_line, (int)t->ncols + 1),
                    "column %s has no name and no content: ignored", a);
    else
        diag_report(d, DIAG_NOTE, diag_at(t->path, t->header_line, (int)t->ncols + 1),
                    "columns %s–%s have no name and no content: ignored", a, b);
}

/* ---- a header of two rows ---------------------------------------------- */

static int is_code_part(const char *s)
{
    return utf8_name_eq(s, "类") || utf8_name_eq(s, "款") || utf8_name_eq(s, "项");
}

static int find_col(const csv_column *cols, size_t ncols, const char *name)
{
    for (size_t i = 0; i < ncols; i++)
        if (utf8_name_eq(name, cols[i].name) || (cols[i].alias && utf8_name_eq(name, cols[i].alias)))
            return (int)i;
    return -1;
}

/* A code from its parts: 201 | 01 | 02 → 2010102; a part that already
 * holds the whole code (20101 under 款) replaces the ones before it; a
 * 款 or 项 of one digit (Excel drops a leading zero) is padded to two. */
static const char *join_code(arena *a, const csv_row *r, size_t from, size_t to)
{
    strbuf sb = STRBUF_INIT;
    for (size_t f = from; f < to; f++) {
        const char *p = r->fields[f];
        if (!*p)
            continue;
        if (sb.len && !strncmp(p, sb_str(&sb), sb.len) && strlen(p) > sb.len) {
            sb_reset(&sb);
            sb_printf(&sb, "%s", p);
        } else if (sb.len && strlen(p) == 1 && *p >= '0' && *p <= '9') {
            sb_printf(&sb, "0%s", p);
        } else {
            sb_printf(&sb, "%s", p);
        }
    }
    const char *s = arena_strdup(a, sb_str(&sb));
    sb_free(&sb);
    return s;
}

int csvshape_join(csv_table *t, diag *d, const csv_column *cols, size_t ncols)
{
    size_t w = t->ncols;
    const char **name = arena_alloc(t->a, (w + 1) * sizeof *name);
    size_t *from = arena_alloc(t->a, (w + 1) * sizeof *from);
    size_t *to = arena_alloc(t->a, (w + 1) * sizeof *to);
    size_t k = 0;
    int ok = 1, codes = 0;
    for (size_t f = 0; f < w && ok;) {
        const char *group = t->header[f];
        size_t end = f + 1;
        while (end < w && !t->header[end][0])
            end++;
        if (!group[0]) {
            ok = 0; /* a part with no group over it */
            break;
        }
        int parts = 1;
        for (size_t g = f; g < end; g++)
            parts &= t->sub[g][0] && is_code_part(t->sub[g]);
        if (end == f + 1 && !t->sub[f][0]) {
            name[k] = group, from[k] = f, to[k] = f + 1, k++;
        } else if (parts) {
            name[k] = group, from[k] = f, to[k] = end, k++;
            codes++;
        } else {
            for (size_t g = f; g < end && ok; g++) {
                const char *part = t->sub[g];
                if (!part[0]) {
                    ok = 0;
                    break;
                }
                const char *both = arena_printf(t->a, "%s%s", group, part);
                name[k] = find_col(cols, ncols, part) < 0 && find_col(cols, ncols, both) >= 0
                              ? both
                              : part;
                from[k] = g, to[k] = g + 1, k++;
            }
        }
        f = end;
    }
    /* Every joined name must be a column of the file, once. */
    int seen[64] = {0};
    for (size_t i = 0; i < k && ok; i++) {
        int c = find_col(cols, ncols, name[i]);
        if (c < 0 || c >= 64 || seen[c]++)
            ok = 0;
    }
    for (size_t i = 0; i < ncols && ok && i < 64; i++)
        if (cols[i].required && !seen[i])
            ok = 0;
    if (!ok) {
        strbuf sb = STRBUF_INIT;
        for (size_t i = 0; i < ncols; i++)
            sb_printf(&sb, "%s%s", i ? ", " : "", cols[i].name);
        diag_report(d, DIAG_ERROR, diag_at(t->path, t->header_line, 0),
                    "lines %d and %d look like a header of two rows (merged cells), but they do "
                    "not give this file's columns: expected %s (科目编码 may be split into 类, 款, "
                    "项 under it); make one header row with these names",
                    t->header_line, t->sub_line, sb_str(&sb));
        sb_free(&sb);
        return -1;
    }
    /* The joined table: one header, each field's column in the file kept
     * for messages, the code parts joined in every row. */
    int *colno = arena_alloc(t->a, (k + 1) * sizeof *colno);
    strbuf what = STRBUF_INIT;
    for (size_t i = 0; i < k; i++) {
        colno[i] = (int)from[i] + 1;
        if (to[i] > from[i] + 1) {
            char a[16], b[16];
            sb_printf(&what, "%s%s = %s", i ? ", " : "", name[i], t->sub[from[i]]);
            for (size_t g = from[i] + 1; g < to[i]; g++)
                sb_printf(&what, " + %s", t->sub[g]);
            sb_printf(&what, " (columns %s–%s)", col_letters(a, sizeof a, from[i] + 1),
                      col_letters(b, sizeof b, to[i]));
        } else {
            sb_printf(&what, "%s%s", i ? ", " : "", name[i]);
        }
    }
    if (codes)
        for (size_t r = 0; r < t->nrows; r++) {
            const char **v = arena_alloc(t->a, (k + 1) * sizeof *v);
            for (size_t i = 0; i < k; i++)
                v[i] = to[i] > from[i] + 1 ? join_code(t->a, &t->rows[r], from[i], to[i])
                                           : t->rows[r].fields[from[i]];
            t->rows[r].fields = v;
        }
    else
        for (size_t r = 0; r < t->nrows; r++) {
            const char **v = arena_alloc(t->a, (k + 1) * sizeof *v);
            for (size_t i = 0; i < k; i++)
                v[i] = t->rows[r].fields[from[i]];
            t->rows[r].fields = v;
        }
    diag_report(d, DIAG_NOTE, diag_at(t->path, t->header_line, 0),
                "lines %d and %d are a header of two rows (merged cells), read as one: %s",
                t->header_line, t->sub_line, sb_str(&what));
    sb_free(&what);
    t->header = name;
    t->ncols = k;
    t->colno = colno;
    t->sub_line = 0;
    return 0;
}

int csvshape_one_header(diag *d, const csv_table *t)
{
    if (!t->sub_line)
        return 0;
    diag_report(d, DIAG_ERROR, diag_at(t->path, t->header_line, 0),
                "lines %d and %d look like a header of two rows (merged cells), but a csv: table "
                "has one header row: make one row of names (one per column) and delete the other",
                t->header_line, t->sub_line);
    return -1;
}

int csvshape_check_unit(diag *d, const csv_table *t, int unit, int unit_set)
{
    if (!t || !t->unit_line || t->unit == unit)
        return 0;
    const char *in = unit ? "万元" : "元";
    diag_pos pos = diag_at(t->path, t->unit_line, t->unit_col);
    if (t->unit < 0)
        diag_report(d, DIAG_ERROR, pos,
                    "line %d says %s but amounts are read in %s: convert the file to %s (or to "
                    "%s, with [input] unit = %s in the config)",
                    t->unit_line, t->unit_text, in, in, unit ? "元" : "万元",
                    unit ? "元" : "万元");
    else
        diag_report(d, DIAG_ERROR, pos,
                    "line %d says %s but amounts are read in %s%s: set [input] unit = %s in the "
                    "config, or convert the file",
                    t->unit_line, t->unit_text, in,
                    unit_set ? _(" ([input] unit)") : _(" ([units] unit)"), t->unit ? "万元" : "元");
    return -1;
}
