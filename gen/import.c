/* import — see import.h. */
#include "import.h"
#include "i18n.h"

#include "arena.h"
#include "datasheet.h"
#include "outfile.h"
#include "strbuf.h"
#include "xlsxread.h"

#include <stdlib.h>
#include <string.h>

/* ---- which table a sheet is -------------------------------------------
 * A sheet is the first kind one of whose names its sheet name or title
 * contains (national and regional names; 部门/单位 prefixes and the
 * 情况表/总表/明细表 variants are covered by containment).  Order matters:
 * 财政拨款收支总表 before 收支总表, 基本支出 before 支出表. */
typedef enum kind {
    K_NONE,
    K_FISCAL,   /* 财政拨款收支总表: not needed (its figures are in the others) */
    K_SUMMARY,  /* 收支总表 → summary.csv (收入总计, 支出总计) */
    K_REVENUE,  /* 收入总表 → revenue.csv, and the sources of expenditure.csv */
    K_ECON,     /* 基本支出表 → basic_economic.csv */
    K_THREE,    /* “三公”经费 */
    K_PROJECT,  /* 项目支出表: not needed */
    K_GF,       /* 一般公共预算支出表 (功能分类) */
    K_FUND,     /* 政府性基金预算支出表 */
    K_SOE,      /* 国有资本经营预算支出表 */
    K_EXP,      /* 部门支出总表 → expenditure.csv */
    K_INST,     /* 机构设置 → institutions.csv */
    K_COUNT
} kind;

static const struct {
    kind k;
    const char *name;
} import_kinds[] = {
    {K_FISCAL, "财政拨款收支"},     {K_SUMMARY, "收支总表"},     {K_SUMMARY, "财务收支预算总表"},
    {K_REVENUE, "收入总表"},        {K_REVENUE, "收入预算总表"}, {K_ECON, "基本支出"},
    {K_ECON, "经济分类预算表"},     {K_THREE, "三公"},           {K_PROJECT, "项目支出"},
    {K_FUND, "政府性基金"},         {K_SOE, "国有资本经营"},     {K_GF, "一般公共预算支出表"},
    {K_GF, "功能分类预算表"},       {K_EXP, "支出总表"},         {K_EXP, "支出预算总表"},
    {K_INST, "机构设置"},
};

static const char *const kind_label[K_COUNT] = {
    "", "财政拨款收支总表", "收支总表", "收入总表", "基本支出表", "“三公”经费表",
    "项目支出表", "一般公共预算支出表", "政府性基金预算支出表", "国有资本经营预算支出表",
    "支出总表", "机构设置表",
};

/* The three 财政拨款 sources and the function tables that split them. */
static const struct {
    kind k;
    const char *source;
} fiscal_sources[] = {
    {K_GF, "一般公共预算拨款收入"},
    {K_FUND, "政府性基金预算拨款收入"},
    {K_SOE, "国有资本经营预算拨款收入"},
};

typedef struct imp {
    arena *a;
    diag *d;
    FILE *out;
    const xl_book *b;
    money_unit unit;
    int errors;
} imp;

static const char *cell_text(const xl_sheet *s, uint32_t r, uint32_t c)
{
    const xl_cell *x = xl_at(s, r, c);
    return x ? x->v : NULL;
}

/* The text of (r, c), or of the merged range covering it. */
static const char *merged_text(const xl_sheet *s, uint32_t r, uint32_t c)
{
    for (size_t i = 0; i < s->n_merges; i++) {
        const xl_merge *m = &s->merges[i];
        if (r >= m->r0 && r <= m->r1 && c >= m->c0 && c <= m->c1)
            return cell_text(s, m->r0, m->c0);
    }
    return cell_text(s, r, c);
}

static void error_at(imp *im, const xl_sheet *s, uint32_t r, uint32_t c, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void error_at(imp *im, const xl_sheet *s, uint32_t r, uint32_t c, const char *fmt, ...)
{
    char ref[16];
    va_list ap;
    va_start(ap, fmt);
    char *msg = arena_printf(im->a, "%s!%s", s->name, xl_ref(r, c, ref));
    diag_vreport(im->d, DIAG_ERROR, diag_at(im->b->path, 0, 0),
                 arena_printf(im->a, "%s: %s", msg, _(fmt)), ap);
    va_end(ap);
    im->errors++;
}

/* The text without spaces (also U+3000). */
static const char *squeeze(arena *a, const char *s)
{
    char *o = arena_alloc(a, strlen(s) + 1), *p = o;
    while (*s) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        else if (!strncmp(s, "\xe3\x80\x80", 3))
            s += 3;
        else
            *p++ = *s++;
    }
    *p = '\0';
    return o;
}

static kind kind_of(const char *text)
{
    for (size_t i = 0; i < sizeof import_kinds / sizeof import_kinds[0]; i++)
        if (strstr(text, import_kinds[i].name))
            return import_kinds[i].k;
    return K_NONE;
}

/* ---- a table: header, columns, rows ----------------------------------- */

typedef struct trow {
    uint32_t r;       /* sheet row */
    const char *code; /* joined code, "" for none */
    const char *name;
    money *v; /* per amount column */
    int total;        /* 合计 / 总计 row */
} trow;

typedef struct table {
    const xl_sheet *s;
    kind k;
    money_unit unit; /* the sheet's */
    uint32_t first;  /* first data row */
    /* columns */
    int c_lei, c_kuan, c_xiang, c_code, c_name;
    uint32_t *amt;      /* amount columns */
    const char **amt_name;
    size_t n_amt;
    trow *rows;
    size_t n;
} table;

static int is_total(const char *t)
{
    return !strcmp(t, "合计") || !strcmp(t, "总计") || !strcmp(t, "总计（合计）");
}

/* Reads the unit row text ("单位：万元", "金额单位：元"): 0, 1 when the
 * row names a unit it cannot read, -1 when it is not a unit row. */
static int unit_of(const char *t, money_unit *u)
{
    const char *p = strstr(t, "单位");
    if (!p)
        return -1;
    p += strlen("单位");
    if (!strncmp(p, "：", strlen("：")))
        p += strlen("：");
    else if (*p == ':')
        p++;
    else
        return -1;
    if (!strcmp(p, "元")) {
        *u = MONEY_YUAN;
        return 0;
    }
    if (!strcmp(p, "万元")) {
        *u = MONEY_WAN;
        return 0;
    }
    return 1;
}

/* A cell's amount in fen (empty: 0); 0 or -1 after reporting. */
static int amount(imp *im, const table *t, uint32_t r, uint32_t c, money *out)
{
    const xl_cell *x = xl_at(t->s, r, c);
    *out = 0;
    if (!x)
        return 0;
    if (x->type == XL_NOVALUE) {
        error_at(im, t->s, r, c,
                 "a formula without a saved value: open the workbook in Excel and save it "
                 "again (Excel saves each formula's value)");
        return -1;
    }
    if (x->type != XL_NUMBER && x->type != XL_TEXT) {
        error_at(im, t->s, r, c, "\"%s\" is not an amount", x->v);
        return -1;
    }
    const char *v = squeeze(im->a, x->v);
    if (!*v)
        return 0;
    char why[128];
    money_status st = money_parse(v, t->unit, out, why, sizeof why);
    if (st == MONEY_PRECISION && x->type == XL_NUMBER) {
        /* a binary float as Excel wrote it (1737.2600000000002): its
         * shortest decimal form to 15 digits */
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", strtod(v, NULL));
        st = money_parse(buf, t->unit, out, why, sizeof why);
    }
    if (st != MONEY_OK) {
        error_at(im, t->s, r, c, "\"%s\" is not an amount in %s: %s", x->v,
                 money_unit_name(t->unit), why);
        return -1;
    }
    return 0;
}

/* The amount v (fen) exactly in unit u, trailing zeros dropped. */
static const char *fmt_amount(arena *a, money v, money_unit u)
{
    money scale = money_unit_scale(u);
    int digits = money_unit_max_decimals(u);
    unsigned long long m = v < 0 ? (unsigned long long)-(v + 1) + 1 : (unsigned long long)v;
    unsigned long long ip = m / (unsigned long long)scale, fp = m % (unsigned long long)scale;
    char frac[16] = "";
    if (fp) {
        snprintf(frac, sizeof frac, ".%0*llu", digits, fp);
        size_t n = strlen(frac);
        while (frac[n - 1] == '0')
            frac[--n] = '\0';
    }
    return arena_printf(a, "%s%llu%s", v < 0 ? "-" : "", ip, frac);
}

static const char *fmt_money_disp(arena *a, money v, money_unit u)
{
    return arena_printf(a, "%s %s", fmt_amount(a, v, u), money_unit_name(u));
}

static int header_word(const char *t)
{
    static const char *const words[] = {"科目编码", "科目名称", "项目", "收入项目", "单位名称",
                                        "功能分类科目编码", "经济分类科目编码", "类", "收入",
                                        "支出"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (!strcmp(t, words[i]))
            return 1;
    return 0;
}

/* Finds the unit row and the header of t->s; reads the columns and the
 * rows.  money_cols: 1 when the table has amounts. */
static int read_table(imp *im, table *t, int money_cols, int parse_amounts)
{
    const xl_sheet *s = t->s;
    int unit_found = 0;
    uint32_t h = UINT32_MAX;
    for (uint32_t r = 0; r < s->nrows && r < 8 && h == UINT32_MAX; r++) {
        for (uint32_t c = 0; c < s->ncols; c++) {
            const char *v = cell_text(s, r, c);
            if (!v)
                continue;
            v = squeeze(im->a, v);
            money_unit u;
            int ur = unit_of(v, &u);
            if (ur == 0) {
                t->unit = u;
                unit_found = 1;
            }
            else if (ur == 1) {
                error_at(im, s, r, c,
                         "the unit row \"%s\" names a unit budgetgen cannot read: expected "
                         "单位：元 or 单位：万元",
                         cell_text(s, r, c));
                return -1;
            }
            else if (header_word(v)) {
                h = r;
                break;
            }
        }
    }
    if (h == UINT32_MAX) {
        error_at(im, s, 0, 0,
                 "no header row (科目编码, 科目名称, 项目 …) in the first 8 rows: the table "
                 "cannot be read");
        return -1;
    }
    if (money_cols && !unit_found) {
        error_at(im, s, h, 0,
                 "no unit row (单位：元 or 单位：万元) above the header: add one saying what the "
                 "amounts are in");
        return -1;
    }
    /* a second header row: a merged group over its parts, or 类/款/项 */
    int two = 0;
    for (size_t i = 0; i < s->n_merges; i++)
        if (s->merges[i].r0 == h && s->merges[i].r1 == h && s->merges[i].c1 > s->merges[i].c0)
            two = 1;
    for (uint32_t c = 0; c < s->ncols; c++) {
        const char *v = cell_text(s, h + 1, c);
        if (v && (!strcmp(v, "类") || !strcmp(v, "款") || !strcmp(v, "项")))
            two = 1;
    }
    t->first = h + (two ? 2 : 1);
    t->c_lei = t->c_kuan = t->c_xiang = t->c_code = t->c_name = -1;
    t->amt = arena_alloc(im->a, (s->ncols + 1) * sizeof *t->amt);
    t->amt_name = arena_alloc(im->a, (s->ncols + 1) * sizeof *t->amt_name);
    for (uint32_t c = 0; c < s->ncols; c++) {
        const char *top = merged_text(s, h, c);
        const char *sub = two ? merged_text(s, h + 1, c) : NULL;
        const char *nm = sub && *sub ? sub : top;
        if (!nm)
            continue;
        nm = squeeze(im->a, nm);
        if (!strcmp(nm, "类"))
            t->c_lei = (int)c;
        else if (!strcmp(nm, "款"))
            t->c_kuan = (int)c;
        else if (!strcmp(nm, "项"))
            t->c_xiang = (int)c;
        else if (strstr(nm, "科目编码"))
            t->c_code = (int)c;
        else if (t->c_name < 0 && (strstr(nm, "科目名称") || !strcmp(nm, "项目") ||
                                   !strcmp(nm, "收入项目") || !strcmp(nm, "单位名称")))
            t->c_name = (int)c;
        else {
            t->amt[t->n_amt] = c;
            t->amt_name[t->n_amt++] = nm;
        }
    }
    /* rows */
    t->rows = arena_alloc(im->a, (s->nrows + 1) * sizeof *t->rows);
    for (uint32_t r = t->first; r < s->nrows; r++) {
        int any = 0;
        for (uint32_t c = 0; c < s->ncols; c++)
            if (xl_at(s, r, c))
                any = 1;
        if (!any)
            continue;
        trow *w = &t->rows[t->n];
        memset(w, 0, sizeof *w);
        w->r = r;
        strbuf code = {0};
        if (t->c_code >= 0 && cell_text(s, r, (uint32_t)t->c_code))
            sb_append(&code, squeeze(im->a, cell_text(s, r, (uint32_t)t->c_code)));
        int parts[3] = {t->c_lei, t->c_kuan, t->c_xiang};
        for (int i = 0; i < 3; i++) {
            const char *v = parts[i] >= 0 ? cell_text(s, r, (uint32_t)parts[i]) : NULL;
            if (!v)
                continue;
            v = squeeze(im->a, v);
            size_t want = i == 0 ? 3 : 2;
            if (strlen(v) > want && i > 0 && !strncmp(v, sb_str(&code), code.len))
                v += code.len; /* the whole code repeated in 款/项 */
            if (i > 0 && strlen(v) == 1)
                sb_putc(&code, '0');
            sb_append(&code, v);
        }
        w->code = arena_strdup(im->a, sb_str(&code));
        sb_free(&code);
        const char *nm = t->c_name >= 0 ? cell_text(s, r, (uint32_t)t->c_name) : NULL;
        w->name = nm ? squeeze(im->a, nm) : "";
        for (uint32_t c = 0; c < s->ncols; c++) {
            const char *v = cell_text(s, r, c);
            if (v && is_total(squeeze(im->a, v)))
                w->total = 1;
        }
        if (w->total)
            w->code = "";
        if (!*w->code && !w->total && t->c_name >= 0 && (t->c_code >= 0 || t->c_lei >= 0)) {
            error_at(im, s, r, (uint32_t)t->c_name,
                     "row \"%s\" has no 科目编码 and is not a 合计 row: cannot place it", w->name);
            continue;
        }
        w->v = arena_alloc(im->a, (t->n_amt + 1) * sizeof *w->v);
        for (size_t k = 0; k < t->n_amt; k++)
            if (parse_amounts && amount(im, t, r, t->amt[k], &w->v[k]) != 0)
                return -1;
        t->n++;
    }
    return 0;
}

/* Checks every 合计 and 类/款 subtotal against the leaf rows under it and
 * marks the leaves; returns the number of subtotals checked. */
static size_t check_subtotals(imp *im, table *t, size_t *leaves)
{
    size_t leaf_len = 0, checked = 0;
    for (size_t i = 0; i < t->n; i++)
        if (strlen(t->rows[i].code) > leaf_len)
            leaf_len = strlen(t->rows[i].code);
    *leaves = 0;
    for (size_t i = 0; i < t->n; i++)
        if (!t->rows[i].total && strlen(t->rows[i].code) == leaf_len)
            (*leaves)++;
    for (size_t i = 0; i < t->n; i++) {
        trow *w = &t->rows[i];
        if (!w->total && strlen(w->code) == leaf_len)
            continue;
        size_t pl = w->total ? 0 : strlen(w->code);
        for (size_t k = 0; k < t->n_amt; k++) {
            money sum = 0;
            for (size_t j = 0; j < t->n; j++) {
                const trow *x = &t->rows[j];
                if (!x->total && strlen(x->code) == leaf_len && !strncmp(x->code, w->code, pl))
                    sum += x->v[k];
            }
            if (sum != w->v[k]) {
                const char *label =
                    w->total ? "合计" : arena_printf(im->a, "%s %s", w->code, w->name);
                error_at(im, t->s, w->r, t->amt[k], "%s is %s but its rows sum to %s", label,
                         fmt_money_disp(im->a, w->v[k], t->unit),
                         fmt_money_disp(im->a, sum, t->unit));
                return checked;
            }
        }
        checked++;
    }
    return checked;
}

static int is_leaf(const table *t, const trow *w)
{
    size_t leaf_len = 0;
    for (size_t i = 0; i < t->n; i++)
        if (strlen(t->rows[i].code) > leaf_len)
            leaf_len = strlen(t->rows[i].code);
    return !w->total && strlen(w->code) == leaf_len;
}

/* The amount column named name, or -1. */
static int col_named(const table *t, const char *name)
{
    for (size_t k = 0; k < t->n_amt; k++)
        if (!strcmp(t->amt_name[k], name))
            return (int)k;
    return -1;
}

static const char *amt_or_blank(imp *im, money v)
{
    return v ? fmt_amount(im->a, v, im->unit) : "";
}

/* ---- the output files -------------------------------------------------- */

typedef struct ofile {
    const char *name;
    strbuf text;
    const char *from; /* for the report */
    size_t rows;
} ofile;

static int write_all(imp *im, const char *dir, ofile *f, size_t n)
{
    outdir od;
    if (outdir_open(im->d, &od, diag_at(NULL, 0, 0), arena_printf(im->a, "-o \"%s\"", dir), dir,
                    NULL) < 0)
        return -1;
    if (outdir_lock(im->d, &od) < 0) {
        outdir_close(&od);
        return -1;
    }
    outfile *of = arena_alloc(im->a, (n + 1) * sizeof *of);
    size_t made = 0;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        FILE *fp = outfile_begin_at(im->a, im->d, &of[i], &od, f[i].name);
        if (!fp) {
            rc = -1;
            break;
        }
        made++;
        if (f[i].text.len && fwrite(f[i].text.buf, 1, f[i].text.len, fp) != f[i].text.len) {
            outfile_abort(&of[i], fp);
            diag_report(im->d, DIAG_ERROR, diag_at(of[i].final_path, 0, 0), "cannot write");
            rc = -1;
            break;
        }
        if (outfile_finish(im->d, &of[i], fp) != 0)
            rc = -1;
    }
    for (size_t i = 0; i < made; i++) {
        if (rc == 0)
            rc = outfile_publish(im->d, &of[i]);
        else if (!of[i].done)
            outfile_abort(&of[i], NULL);
    }
    outdir_close(&od);
    return rc;
}

/* budgetgen's own workbook: the input rows as they were. */
static int from_datasheet(imp *im, const xl_sheet *s, ofile *f, size_t *nf, int unit_set)
{
    const char *u = cell_text(s, 0, 1);
    money_unit su = MONEY_WAN;
    if (!u || unit_of(arena_printf(im->a, "单位：%s", u), &su) != 0) {
        error_at(im, s, 0, 1, "the unit of budgetgen's data sheet is not 元 or 万元");
        return -1;
    }
    if (unit_set && su != im->unit) {
        error_at(im, s, 0, 1,
                 "budgetgen's data sheet holds the files as typed, in %s: import without "
                 "--unit, or with --unit=%s",
                 money_unit_name(su), money_unit_name(su));
        return -1;
    }
    im->unit = su;
    for (uint32_t r = 1; r < s->nrows; r++) {
        const char *file = cell_text(s, r, 0);
        int known = 0;
        for (int i = 0; file && DATASHEET_FILES[i]; i++)
            if (!strcmp(file, DATASHEET_FILES[i]))
                known = 1;
        if (!known) {
            error_at(im, s, r, 0, "\"%s\" is not a file budgetgen's data sheet holds",
                     file ? file : "");
            return -1;
        }
        size_t k = 0;
        while (k < *nf && strcmp(f[k].name, file))
            k++;
        if (k == *nf) {
            f[k].name = file;
            f[k].from = arena_printf(im->a, "%s (budgetgen's data sheet, hidden)", s->name);
            (*nf)++;
        }
        const char *line = cell_text(s, r, 1);
        sb_append(&f[k].text, line ? line : "");
        sb_putc(&f[k].text, '\n');
        f[k].rows++;
    }
    return 0;
}

/* ---- the national tables ------------------------------------------------ */

static const trow *row_of(const table *t, const char *code)
{
    for (size_t i = 0; i < t->n; i++)
        if (!t->rows[i].total && !strcmp(t->rows[i].code, code))
            return &t->rows[i];
    return NULL;
}

static const trow *total_row(const table *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].total)
            return &t->rows[i];
    return NULL;
}

static void report_table(imp *im, const table *t, size_t leaves, size_t checked)
{
    fprintf(im->out, _("  %s: data from row %u, amounts in %s, %zu row%s kept, %zu 合计/subtotal "
                       "row%s verified and dropped\n"),
            t->s->name, (unsigned)t->first + 1, money_unit_name(t->unit), leaves,
            leaves == 1 ? "" : "s", checked, checked == 1 ? "" : "s");
}

/* The 一般公共预算“三公”经费支出表 (national table 7): one row per year
 * (上年预算, 本年预算) and the items as columns — 合计, 因公出国（境）费,
 * 公务用车购置及运行费 (小计, 购置费, 运行费), 公务接待费.  This year's row
 * (the one saying 本年, or the only row) becomes three_public.csv, each
 * item with its 一般预算 column: the national table holds the 一般公共预算
 * part only, and the report says so.  Its sums are checked first. */
static int three_public(imp *im, const table *t, ofile *o)
{
    const trow *w = NULL;
    size_t n_rows = 0;
    for (size_t i = 0; i < t->n; i++) {
        n_rows++;
        if (strstr(t->rows[i].name, "本年"))
            w = &t->rows[i];
    }
    if (!w && n_rows == 1)
        w = &t->rows[0];
    if (!w) {
        error_at(im, t->s, t->first, (uint32_t)(t->c_name >= 0 ? t->c_name : 0),
                 "the “三公” table has %zu rows and none says 本年 (本年预算): name this year's "
                 "row so, or delete the others",
                 n_rows);
        return -1;
    }
    int c_total = col_named(t, "合计"), c_abroad = col_named(t, "因公出国（境）费"),
        c_sub = col_named(t, "小计"), c_buy = col_named(t, "购置费"),
        c_run = col_named(t, "运行费"), c_rec = col_named(t, "公务接待费");
    if (c_sub < 0)
        c_sub = col_named(t, "公务用车购置及运行费");
    if (c_total < 0 || c_abroad < 0 || c_sub < 0 || c_rec < 0) {
        error_at(im, t->s, t->first ? t->first - 1 : 0, 0,
                 "the “三公” table lacks one of the columns 合计, 因公出国（境）费, "
                 "公务用车购置及运行费 (or 小计), 公务接待费: cannot read it");
        return -1;
    }
    money v_sub = w->v[c_sub];
    if (c_buy >= 0 && c_run >= 0 && w->v[c_buy] + w->v[c_run] != v_sub) {
        error_at(im, t->s, w->r, t->amt[c_sub],
                 "公务用车购置及运行费 is %s but 购置费 + 运行费 = %s",
                 fmt_money_disp(im->a, v_sub, t->unit),
                 fmt_money_disp(im->a, w->v[c_buy] + w->v[c_run], t->unit));
        return -1;
    }
    money sum = w->v[c_abroad] + v_sub + w->v[c_rec];
    if (sum != w->v[c_total]) {
        error_at(im, t->s, w->r, t->amt[c_total],
                 "合计 is %s but its items sum to %s", fmt_money_disp(im->a, w->v[c_total], t->unit),
                 fmt_money_disp(im->a, sum, t->unit));
        return -1;
    }
    o->name = "three_public.csv";
    o->from = t->s->name;
    sb_append(&o->text, "项目,合计,一般预算\n");
    struct {
        const char *name;
        money v;
    } items[5] = {{"公务用车运行费", c_run >= 0 ? w->v[c_run] : 0},
                  {"公务用车购置费", c_buy >= 0 ? w->v[c_buy] : 0},
                  {"公务接待费", w->v[c_rec]},
                  {"因公出国（境）费", w->v[c_abroad]},
                  {"合计", w->v[c_total]}};
    if (c_buy < 0 || c_run < 0) { /* no split: the vehicle row as a whole */
        items[0].name = "公务用车购置及运行费";
        items[0].v = v_sub;
    }
    for (size_t i = 0; i < 5; i++) {
        if (i == 1 && (c_buy < 0 || c_run < 0))
            continue;
        const char *a = fmt_amount(im->a, items[i].v, im->unit);
        sb_printf(&o->text, "%s,%s,%s\n", items[i].name, a, a);
        o->rows++;
    }
    fprintf(im->out,
            _("  %s: three_public.csv from the row \"%s\": the 一般公共预算 part of each item (the "
              "national table holds no other source; add 基金预算 or 财政专户 columns by hand if "
              "the department pays “三公” from them)\n"),
            t->s->name, w->name);
    return 0;
}

static int national(imp *im, table *tabs, ofile *f, size_t *nf)
{
    table *T[K_COUNT] = {0};
    for (size_t i = 0; i < im->b->n; i++)
        if (tabs[i].k != K_NONE && !T[tabs[i].k])
            T[tabs[i].k] = &tabs[i];
    /* basic_economic.csv */
    if (T[K_ECON]) {
        table *t = T[K_ECON];
        int cp = col_named(t, "人员经费"), cg = col_named(t, "公用经费");
        if (cp < 0 || cg < 0) {
            error_at(im, t->s, t->first ? t->first - 1 : 0, 0,
                     "the 基本支出 table has no 人员经费 and 公用经费 columns: cannot place it");
            return -1;
        }
        ofile *o = &f[(*nf)++];
        o->name = "basic_economic.csv";
        o->from = t->s->name;
        sb_append(&o->text, "科目编码,科目名称,人员经费,公用经费\n");
        for (size_t i = 0; i < t->n; i++) {
            const trow *w = &t->rows[i];
            if (!is_leaf(t, w))
                continue;
            sb_csv_field(&o->text, w->code);
            sb_putc(&o->text, ',');
            sb_csv_field(&o->text, w->name);
            sb_printf(&o->text, ",%s,%s\n", amt_or_blank(im, w->v[cp]),
                      amt_or_blank(im, w->v[cg]));
            o->rows++;
        }
    }
    /* revenue.csv: the 收入总表's 合计 row, one line a source */
    if (T[K_REVENUE]) {
        table *t = T[K_REVENUE];
        const trow *tot = total_row(t);
        if (!tot) {
            error_at(im, t->s, t->first, 0, "the 收入总表 has no 合计 row: cannot read the "
                                            "sources");
            return -1;
        }
        ofile *o = &f[(*nf)++];
        o->name = "revenue.csv";
        o->from = t->s->name;
        sb_append(&o->text, "收入项目,预算数\n");
        for (size_t k = 0; k < t->n_amt; k++) {
            if (is_total(t->amt_name[k]) || !tot->v[k])
                continue;
            sb_csv_field(&o->text, t->amt_name[k]);
            sb_printf(&o->text, ",%s\n", fmt_amount(im->a, tot->v[k], im->unit));
            o->rows++;
        }
    }
    /* expenditure.csv: 支出总表's 基本/项目 per code, 收入总表's sources */
    if (T[K_EXP] && T[K_REVENUE]) {
        table *e = T[K_EXP], *rv = T[K_REVENUE];
        int cb = col_named(e, "基本支出"), cp = col_named(e, "项目支出");
        if (cb < 0 || cp < 0) {
            error_at(im, e->s, e->first ? e->first - 1 : 0, 0,
                     "the 支出总表 has no 基本支出 and 项目支出 columns: cannot place it");
            return -1;
        }
        ofile *o = &f[(*nf)++];
        o->name = "expenditure.csv";
        o->from = arena_printf(im->a, "%s + %s", e->s->name, rv->s->name);
        sb_append(&o->text, "科目编码,科目名称,资金来源,基本支出,项目支出\n");
        for (size_t i = 0; i < e->n; i++) {
            const trow *w = &e->rows[i];
            if (!is_leaf(e, w))
                continue;
            const trow *src = row_of(rv, w->code);
            if (!src) {
                error_at(im, e->s, w->r, (uint32_t)(e->c_name >= 0 ? e->c_name : 0),
                         "%s %s is not in %s: its sources are unknown", w->code, w->name,
                         rv->s->name);
                return -1;
            }
            money rb = w->v[cb], rp = w->v[cp];
            size_t n_other = 0;
            int other = -1;
            money *b = arena_alloc(im->a, (rv->n_amt + 1) * sizeof *b);
            money *p = arena_alloc(im->a, (rv->n_amt + 1) * sizeof *p);
            for (size_t k = 0; k < rv->n_amt; k++) {
                b[k] = p[k] = 0;
                if (is_total(rv->amt_name[k]) || !src->v[k])
                    continue;
                int fiscal = 0;
                for (size_t q = 0; q < 3; q++) {
                    if (strcmp(rv->amt_name[k], fiscal_sources[q].source) != 0 ||
                        !T[fiscal_sources[q].k])
                        continue;
                    const table *ft = T[fiscal_sources[q].k];
                    const trow *fr = row_of(ft, w->code);
                    int fb = col_named(ft, "基本支出"), fp = col_named(ft, "项目支出");
                    if (fr && fb >= 0 && fp >= 0) {
                        b[k] = fr->v[fb];
                        p[k] = fr->v[fp];
                        rb -= b[k];
                        rp -= p[k];
                        fiscal = 1;
                    }
                }
                if (!fiscal) {
                    n_other++;
                    other = (int)k;
                }
            }
            if (n_other == 1) {
                b[other] = rb;
                p[other] = rp;
            }
            else if (n_other > 1) {
                if (rb && rp) {
                    error_at(im, rv->s, src->r, rv->amt[other],
                             "%s %s has %zu sources besides the 财政拨款 and both 基本支出 "
                             "and 项目支出: the national tables do not say how they split; "
                             "type expenditure.csv by hand (docs/input.md)",
                             w->code, w->name, n_other);
                    return -1;
                }
                for (size_t k = 0; k < rv->n_amt; k++)
                    if (!is_total(rv->amt_name[k]) && src->v[k] && !b[k] && !p[k]) {
                        b[k] = rb ? src->v[k] : 0;
                        p[k] = rb ? 0 : src->v[k];
                    }
            }
            for (size_t k = 0; k < rv->n_amt; k++) {
                if (!b[k] && !p[k])
                    continue;
                sb_csv_field(&o->text, w->code);
                sb_putc(&o->text, ',');
                sb_csv_field(&o->text, w->name);
                sb_putc(&o->text, ',');
                sb_csv_field(&o->text, rv->amt_name[k]);
                sb_printf(&o->text, ",%s,%s\n", amt_or_blank(im, b[k]), amt_or_blank(im, p[k]));
                o->rows++;
            }
        }
    }
    /* three_public.csv: the year's row of the 一般公共预算“三公”经费支出表 */
    if (T[K_THREE] && three_public(im, T[K_THREE], &f[*nf]) == 0)
        (*nf)++;
    else if (T[K_THREE])
        return -1;
    /* summary.csv: the totals */
    if (T[K_SUMMARY] && T[K_EXP]) {
        const table *s = T[K_SUMMARY], *e = T[K_EXP];
        money in = 0, out = 0;
        int has_in = 0, has_out = 0;
        for (uint32_t r = s->first; r < s->s->nrows; r++)
            for (uint32_t c = 0; c + 1 < s->s->ncols; c++) {
                const char *v = cell_text(s->s, r, c);
                if (!v)
                    continue;
                v = squeeze(im->a, v);
                if (!strcmp(v, "收入总计") && amount(im, s, r, c + 1, &in) == 0)
                    has_in = 1;
                if (!strcmp(v, "支出总计") && amount(im, s, r, c + 1, &out) == 0)
                    has_out = 1;
            }
        const trow *tot = total_row(e);
        int cb = col_named(e, "基本支出"), cp = col_named(e, "项目支出");
        if (has_in && has_out && tot && cb >= 0 && cp >= 0) {
            ofile *o = &f[(*nf)++];
            o->name = "summary.csv";
            o->from = arena_printf(im->a, "%s + %s", s->s->name, e->s->name);
            sb_printf(&o->text, "项目,金额\n收入总计,%s\n支出总计,%s\n基本支出,%s\n项目支出,%s\n",
                      fmt_amount(im->a, in, im->unit), fmt_amount(im->a, out, im->unit),
                      fmt_amount(im->a, tot->v[cb], im->unit),
                      fmt_amount(im->a, tot->v[cp], im->unit));
            o->rows = 4;
            fputs(_("  summary.csv: 机关运行经费 is not in the national tables: add "
                    "its line by hand\n"),
                  im->out);
        }
    }
    /* institutions.csv: the table as it is */
    if (T[K_INST]) {
        const table *t = T[K_INST];
        const xl_sheet *s = t->s;
        ofile *o = &f[(*nf)++];
        o->name = "institutions.csv";
        o->from = s->name;
        for (uint32_t r = t->first - 1; r < s->nrows; r++) {
            int any = 0;
            for (uint32_t c = 0; c < s->ncols; c++)
                any |= xl_at(s, r, c) != NULL;
            if (!any)
                continue;
            for (uint32_t c = 0; c < s->ncols; c++) {
                if (c)
                    sb_putc(&o->text, ',');
                const char *v = cell_text(s, r, c);
                sb_csv_field(&o->text, v ? v : "");
            }
            sb_putc(&o->text, '\n');
            if (r >= t->first)
                o->rows++;
        }
    }
    return 0;
}

int import_run(diag *d, FILE *out, const char *workbook, const char *dir, money_unit unit,
               int unit_set)
{
    arena *a = arena_new();
    xl_book b;
    if (xl_read(a, d, workbook, &b) != 0) {
        arena_free_all(a);
        return 2;
    }
    imp im = {a, d, out, &b, unit_set ? unit : MONEY_WAN, 0};
    ofile *f = arena_alloc(a, (size_t)(K_COUNT + 8) * sizeof *f);
    memset(f, 0, (size_t)(K_COUNT + 8) * sizeof *f);
    size_t nf = 0;
    int rc = 0;
    fprintf(out, "budgetgen import %s → %s\n", workbook, dir);
    const xl_sheet *ds = xl_sheet_named(&b, DATASHEET_NAME);
    if (ds) {
        fprintf(out, _("  sheet %s: budgetgen's own workbook; the input rows are read from it "
                       "and the other sheets are not needed\n"),
                ds->name);
        rc = from_datasheet(&im, ds, f, &nf, unit_set);
    }
    else {
        table *tabs = arena_alloc(a, (b.n + 1) * sizeof *tabs);
        memset(tabs, 0, (b.n + 1) * sizeof *tabs);
        for (size_t i = 0; i < b.n && rc == 0; i++) {
            table *t = &tabs[i];
            t->s = &b.sheets[i];
            t->k = kind_of(squeeze(a, t->s->name));
            const char *title = NULL;
            if (t->k == K_NONE)
                for (uint32_t r = 0; r < 3 && r < t->s->nrows && t->k == K_NONE; r++)
                    for (uint32_t c = 0; c < t->s->ncols && t->k == K_NONE; c++) {
                        const char *v = cell_text(t->s, r, c);
                        if (v && (t->k = kind_of(squeeze(a, v))) != K_NONE)
                            title = v;
                    }
            if (t->k == K_NONE) {
                if (t->s->n == 0) {
                    fprintf(out, _("  sheet %s: empty, ignored\n"), t->s->name);
                    continue;
                }
                error_at(&im, t->s, 0, 0,
                         "cannot place this sheet: neither its name nor its title names a "
                         "budget table (部门收支总表, 部门收入总表, 部门支出总表, "
                         "一般公共预算基本支出表 …); delete the sheet or rename it");
                rc = -1;
                break;
            }
            fprintf(out, _("  sheet %s: %s (by its %s)\n"), t->s->name, kind_label[t->k],
                    title ? _("title") : _("name"));
            if (t->k == K_FISCAL || t->k == K_PROJECT) {
                fputs(_("    not read: its figures are those of the other tables\n"), out);
                t->k = K_NONE;
                continue;
            }
            int money_cols = t->k != K_INST;
            if (read_table(&im, t, money_cols, money_cols && t->k != K_SUMMARY) != 0) {
                rc = -1;
                break;
            }
            if (money_cols && t->k != K_SUMMARY && t->k != K_THREE) {
                size_t leaves, checked;
                int before = im.errors;
                checked = check_subtotals(&im, t, &leaves);
                if (im.errors != before) {
                    rc = -1;
                    break;
                }
                report_table(&im, t, leaves, checked);
            }
        }
        if (rc == 0 && im.errors == 0)
            rc = national(&im, tabs, f, &nf);
    }
    if (rc == 0 && im.errors == 0 && nf == 0) {
        diag_report(d, DIAG_ERROR, diag_at(workbook, 0, 0),
                    "no budget table found: nothing to import");
        rc = -1;
    }
    int status = 0;
    if (rc != 0 || im.errors || d->errors) {
        fputs(_("nothing written\n"), out);
        status = 1;
    }
    else {
        for (size_t i = 0; i < nf; i++)
            fprintf(out, _("  %s ← %s: %zu line%s, amounts in %s\n"), f[i].name, f[i].from,
                    f[i].rows, f[i].rows == 1 ? "" : "s", money_unit_name(im.unit));
        if (write_all(&im, dir, f, nf) != 0)
            status = 2;
        else
            fprintf(out, _("wrote %zu file%s into %s\n"), nf, nf == 1 ? "" : "s", dir);
    }
    for (size_t i = 0; i < nf; i++)
        sb_free(&f[i].text);
    arena_free_all(a);
    return status;
}
