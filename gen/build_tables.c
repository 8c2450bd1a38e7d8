/*
 * build_tables — the tables of the document (see build.h): one function per
 * data source fills the rows of a template table (三公, institutions,
 * performance, the national standard classification tables, the two-sided
 * summaries, the comparison, CSV tables, the grade summary), then
 * bld_table() lays out the table with its head, spans and notes.
 */
#include "build_priv.h"
#include "i18n.h"
#include "procure.h"

#include "strbuf.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- tables ------------------------------------------------------------------- */

/* One body row from a data source: its fields by column (as many as the
 * source has fields: rf_clear() gives the table's one, cleared). */
typedef struct row_fields {
    int nfields;
    const char **text;
    const item *amount_item; /* for compare columns */
    money *amount;
    int *is_amount;
    diag_pos *pos;
    money *shown;        /* the value printed, after 尾差 correction */
    int *has_shown;
    const int *sum_rows; /* a computed row: the body rows it sums (doc_cell) */
    int n_sum;
    doc_row_kind kind;
} row_fields;

/* The row of the table being built, cleared. */
static row_fields *rf_clear(builder *b)
{
    row_fields *rf = b->rf;
    size_t n = (size_t)rf->nfields;
    memset(rf->text, 0, n * sizeof *rf->text);
    memset(rf->amount, 0, n * sizeof *rf->amount);
    memset(rf->is_amount, 0, n * sizeof *rf->is_amount);
    memset(rf->pos, 0, n * sizeof *rf->pos);
    memset(rf->shown, 0, n * sizeof *rf->shown);
    memset(rf->has_shown, 0, n * sizeof *rf->has_shown);
    rf->amount_item = NULL;
    rf->sum_rows = NULL;
    rf->n_sum = 0;
    rf->kind = DOC_ROW_NORMAL;
    return rf;
}

static row_fields *rf_new(arena *a, int nfields)
{
    row_fields *rf = arena_alloc(a, sizeof *rf);
    size_t n = (size_t)(nfields > 0 ? nfields : 1);
    rf->nfields = (int)n;
    rf->text = arena_alloc(a, n * sizeof *rf->text);
    rf->amount = arena_alloc(a, n * sizeof *rf->amount);
    rf->is_amount = arena_alloc(a, n * sizeof *rf->is_amount);
    rf->pos = arena_alloc(a, n * sizeof *rf->pos);
    rf->shown = arena_alloc(a, n * sizeof *rf->shown);
    rf->has_shown = arena_alloc(a, n * sizeof *rf->has_shown);
    return rf;
}

/* Parses one header line "A^2 | B>3 | C" into row r of the header grid,
 * skipping positions covered by spans from rows above. */
static void build_head_row(builder *b, doc_table *t, const char *line, int r, int *occupied)
{
    int col = 0;
    char *copy = arena_strdup(b->a, line);
    char *save = NULL;
    for (char *cellp = strtok_r(copy, "|", &save); cellp; cellp = strtok_r(NULL, "|", &save)) {
        size_t len;
        const char *txt = utf8_trim(cellp, &len);
        char *c = arena_strndup(b->a, txt, len);
        int rs = 1, cs = 1;
        /* Suffixes ^N (rows) and >N (columns), in either order. */
        for (int pass = 0; pass < 2; pass++) {
            char *caret = strrchr(c, '^'), *gt = strrchr(c, '>');
            char *mark = caret > gt ? caret : gt;
            if (!mark || !mark[1] || strspn(mark + 1, "0123456789") != strlen(mark + 1))
                break;
            int v = atoi(mark + 1);
            if (*mark == '^')
                rs = v;
            else
                cs = v;
            *mark = '\0';
            size_t l2;
            const char *tt = utf8_trim(c, &l2);
            c = arena_strndup(b->a, tt, l2);
        }
        while (col < t->ncols && occupied[r * t->ncols + col])
            col++;
        if (col + cs > t->ncols || r + rs > t->n_head || rs < 1 || cs < 1) {
            bld_fail(b,
                     "header cell \"%s\" does not fit: the table has %d columns and %d header rows",
                     c, t->ncols, t->n_head);
            return;
        }
        for (int i = r; i < r + rs; i++)
            for (int j = col; j < col + cs; j++) {
                if (occupied[i * t->ncols + j])
                    bld_fail(b, "header cell \"%s\" overlaps another cell's span", c);
                occupied[i * t->ncols + j] = 1;
            }
        doc_cell *cell = doc_head_cell(t, r, col);
        cell->text = bld_expand(b, c, NULL);
        cell->align = DOC_CENTER;
        if (rs > 1 || cs > 1)
            doc_table_span(t, 0, r, col, rs, cs);
        col += cs;
    }
    for (int j = 0; j < t->ncols; j++)
        if (!occupied[r * t->ncols + j]) {
            bld_fail(b, "header row %d leaves column %d empty: give one cell per column (or spans)",
                     r + 1, j + 1);
            return;
        }
}

/* Field lookup by column key. */
static int field_index(const char *const *names, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], key))
            return i;
    for (int i = 0; i < n; i++) /* a CSV header as typed: "项 目", full-width brackets */
        if (utf8_name_eq(names[i], key))
            return i;
    return -1;
}

static const char *const INST_FIELDS[] = {"单位名称", "单位性质", "单位规格", "经费保障形式"};
static const char *const TP_FIELDS[] = {"项目", "合计", "一般预算", "基金预算", "财政专户",
                                        "上年", "增减额", "国有资本经营预算"};
/* The field of a 资金来源 of the three_public table. */
static int tp_src_field(int s) { return s < TPS_STATE_CAPITAL ? 2 + s : 7; }
/* The twelve columns, then the self-evaluation: 实际值 and 评价等级. */
enum { PF_ACTUAL = PF_COUNT, PF_GRADE, PF_FIELDS_N };
static const char *const GRADE_NAMES[4] = {"优", "良", "中", "差"};
static const char *const PERF_FIELDS[PF_FIELDS_N] = {
    "职责名称", "职责描述", "职责目标", "活动名称", "活动描述", "绩效目标",
    "绩效指标", "指标描述", "优",       "良",       "中",       "差",
    "实际值",   "评价等级"};

/* Fills one doc row from row_fields according to the template columns. */
static void emit_row(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                     const row_fields *rf)
{
    doc_cell *row = doc_table_add_body(b->a, t, rf->kind);
    for (int c = 0; c < t->ncols; c++) {
        const tmpl_column *tc = &tt->cols[c];
        doc_cell *cell = &row[c];
        cell->align = tc->align;
        if (tc->compare) {
            if (!rf->amount_item)
                continue;
            long long pct = 0;
            int kase = 0;
            int save = b->line;
            b->line = tc->line;
            b->in_cell = 1;
            cell->text = bld_compare_phrase(b, tc->compare, rf->amount_item, &pct, &kase);
            b->in_cell = 0;
            b->line = save;
            cell->is_percent = rf->amount_item->prev != 0;
            cell->percent = pct;
            cell->pos = rf->pos[0];
            continue;
        }
        int f = fix[c];
        cell->pos = rf->pos[f];
        if (rf->is_amount[f]) {
            cell->is_amount = 1;
            cell->value = rf->amount[f];
            cell->text = (tc->flags & TC_BLANK_ZERO) && rf->amount[f] == 0
                             ? ""
                             : bld_fmt_amount(b, rf->has_shown[f] ? rf->shown[f] : rf->amount[f]);
            if (!*cell->text)
                cell->is_amount = 0;
            cell->sum_rows = rf->sum_rows;
            cell->n_sum = rf->n_sum;
        } else {
            cell->text = rf->text[f] ? rf->text[f] : "";
        }
    }
}

static void set_amount(row_fields *rf, int f, const amount *am)
{
    rf->is_amount[f] = 1;
    rf->amount[f] = am->v;
    rf->pos[f] = am->pos;
}

static void set_shown(row_fields *rf, int f, money v)
{
    rf->shown[f] = v;
    rf->has_shown[f] = 1;
}

/* The rows of three_public.csv in the file's order (合计 first or last, as
 * the region's table has it; without a 合计 row, the sum of the items
 * last).  A 其中 row prints as written. */
static void rows_three_public(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    if (!b->cur->has_tp)
        return; /* published empty, with the template's empty-note */
    const year_figures *y = figures_year(b->tab, b->cur);
    int kinds[TP_COUNT + 1], n = 0;
    for (int k = 0; k < TP_COUNT; k++)
        if (b->cur->tp[k].present)
            kinds[n++] = k;
    for (int i = 1; i < n; i++) /* by the file's order */
        for (int j = i; j > 0 && b->cur->tp[kinds[j - 1]].order > b->cur->tp[kinds[j]].order; j--) {
            int x = kinds[j];
            kinds[j] = kinds[j - 1];
            kinds[j - 1] = x;
        }
    if (!b->cur->tp[TP_TOTAL].present)
        kinds[n++] = TP_TOTAL;
    for (int i = 0; i < n; i++) {
        int kind = kinds[i];
        const tp_row *tr = &b->cur->tp[kind];
        row_fields *rf = rf_clear(b);
        item *it = arena_alloc(b->a, sizeof *it);
        bld_figure_item(b, kind == TP_TOTAL       ? "三公合计"
                           : kind == TP_OPERATING ? "机关运行经费"
                                                  : tp_name((tp_kind)kind),
                        it);
        it->name = tr->present ? tr->label : "合计";
        rf->amount_item = it;
        rf->text[0] = it->name;
        rf->pos[0] = tr->pos;
        if (tr->present) {
            set_amount(rf, 1, &tr->total);
            for (int s = 0; s < TPS_COUNT; s++)
                set_amount(rf, tp_src_field(s), &tr->source[s]);
        } else {
            /* The total row without a 合计 row: the sum of the items. */
            rf->is_amount[1] = 1;
            rf->amount[1] = it->cur;
            for (int s = 0; s < TPS_COUNT; s++) {
                const tp_row *T = b->cur->tp;
                rf->is_amount[tp_src_field(s)] = 1;
                rf->amount[tp_src_field(s)] =
                    T[TP_ABROAD].source[s].v + T[TP_RECEPTION].source[s].v +
                    (T[TP_VEHICLE].present
                         ? T[TP_VEHICLE].source[s].v
                         : T[TP_VEHICLE_BUY].source[s].v + T[TP_VEHICLE_RUN].source[s].v);
            }
        }
        if (kind == TP_TOTAL)
            rf->kind = DOC_ROW_TOTAL;
        /* As printed everywhere (figures.c): items and sources add up to
         * 合计, 增减额 is 合计 less 上年 as printed. */
        set_shown(rf, 1, y->tp[kind]);
        for (int s = 0; s < TPS_COUNT; s++)
            set_shown(rf, tp_src_field(s), y->tp_src[kind][s]);
        rf->is_amount[5] = 1;
        rf->amount[5] = it->prev;
        set_shown(rf, 5, it->prev_shown);
        rf->is_amount[6] = 1;
        rf->amount[6] = it->cur - it->prev;
        set_shown(rf, 6, y->tp[kind] - it->prev_shown);
        emit_row(b, t, tt, fix, rf);
    }
}

static void rows_institutions(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    for (size_t i = 0; i < b->cur->n_inst; i++) {
        const institution *in = &b->cur->inst[i];
        row_fields *rf = rf_clear(b);
        const char *v[4] = {in->name, in->kind, in->rank, in->funding};
        for (int f = 0; f < 4; f++) {
            rf->text[f] = v[f];
            rf->pos[f] = in->pos;
            rf->pos[f].col = f + 1;
        }
        emit_row(b, t, tt, fix, rf);
    }
}

static void rows_performance(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    for (size_t i = 0; i < b->cur->n_perf; i++) {
        const perf_row *p = &b->cur->perf[i];
        row_fields *rf = rf_clear(b);
        for (int f = 0; f < PF_COUNT; f++) {
            rf->text[f] = p->cell[f];
            rf->pos[f] = p->pos;
            rf->pos[f].col = f + 1;
        }
        rf->text[PF_ACTUAL] = p->actual ? p->actual : "";
        rf->pos[PF_ACTUAL] = rf->pos[PF_GRADE] = p->actual ? p->actual_pos : p->pos;
        rf->text[PF_GRADE] = p->grade >= 0 ? GRADE_NAMES[p->grade] : p->actual ? "未评价" : "";
        emit_row(b, t, tt, fix, rf);
    }
    /* Merge the duty and activity cells over their rows: a blank cell, or
     * one equal to the cell it would join, continues the cell above. */
    for (int c = 0; c < t->ncols; c++) {
        int g = tt->cols[c].merge;
        if (!g)
            continue;
        int start = 0;
        for (int r = 1; r <= t->n_body; r++) {
            int same = 0;
            if (r < t->n_body) {
                const perf_row *p0 = &b->cur->perf[start], *p1 = &b->cur->perf[r];
                int same_group = g == 1 ? p0->duty == p1->duty : p0->activity == p1->activity;
                const char *x = doc_body_cell(t, r, c)->text;
                same = same_group && (!*x || !strcmp(x, doc_body_cell(t, start, c)->text));
            }
            if (same)
                continue;
            if (r - start > 1)
                doc_table_span(t, 1, start, c, r - start, 1);
            start = r;
        }
    }
}

/* ---- the national standard tables ------------------------------------------
 * Classification tables list a 合计 row, then every 类, 款 and 项 in code
 * order; 类 and 款 are computed (load.c) and marked as subtotals, so the
 * workbook writes them as formulas.  Printed figures add up: when the
 * document shows fewer decimals than the data has, the rounding differences
 * (尾差) of each set of children are corrected against their parent's
 * printed value (money_round_to_total), and each row's 合计 is the sum of
 * its printed parts.  The exact values stay in the cells (and the XLSX). */

/* Field layout of the function tables: code parts, name, then amounts. */
enum { FF_CODE, FF_LEI, FF_KUAN, FF_XIANG, FF_NAME, FF_TOTAL, FF_BASIC, FF_PROJECT, FF_SRC };
static const char *const FUNC_FIELDS[FF_SRC + REV_COUNT] = {
    "科目编码", "类", "款", "项", "科目名称", "合计", "基本支出", "项目支出",
    /* FF_SRC + revenue_kind, in data.h order */
    "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
    "财政专户管理资金收入", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入",
    "其他收入", "使用非财政拨款结余", "上年结转"};
enum { EF_CODE, EF_LEI, EF_KUAN, EF_NAME, EF_TOTAL, EF_PERSONNEL, EF_OFFICE, EF_COUNT };
static const char *const ECON_FIELDS[EF_COUNT] = {"科目编码", "类", "款", "科目名称",
                                                  "合计", "人员经费", "公用经费"};

/* One row of a classification table before it becomes doc cells. */
typedef struct class_row {
    const char *code, *name;
    int level; /* 0 total, 1 类, 2 款, 3 项 */
    money v[FF_SRC + REV_COUNT];
    money shown[FF_SRC + REV_COUNT];
    int parent; /* row index of the parent, -1 for the total row */
    diag_pos pos;
} class_row;

/* The children of every row, in row order, found in one pass: those of
 * row p are kids[start[p]] … kids[start[p + 1] - 1] (arena arrays). */
static void children_index(builder *b, const class_row *rows, int n, int **start, int **kids)
{
    int *st = arena_alloc(b->a, ((size_t)n + 2) * sizeof *st);
    int *kd = arena_alloc(b->a, ((size_t)n + 1) * sizeof *kd);
    int *fill = xcalloc((size_t)n + 1, sizeof *fill);
    for (int r = 1; r < n; r++) /* st[p + 1]: how many children p has */
        st[rows[r].parent + 1]++;
    for (int p = 1; p <= n; p++) /* st[p]: where p's children start */
        st[p] += st[p - 1];
    for (int r = 1; r < n; r++) {
        int p = rows[r].parent;
        kd[st[p] + fill[p]++] = r;
    }
    free(fill);
    *start = st;
    *kids = kd;
}

/* Corrects the 尾差 of column f: top-down, each row's children (in row
 * order) are made to add up to the row's printed value. */
static void fix_rounding(builder *b, class_row *rows, int n, int f, const int *start,
                         const int *kids)
{
    rows[0].shown[f] = money_round(rows[0].v[f], b->tab->unit, b->tab->decimals);
    money *ex = xcalloc((size_t)n, sizeof *ex);
    money *sh = xcalloc((size_t)n, sizeof *sh);
    for (int p = 0; p < n; p++) {
        int k = start[p + 1] - start[p];
        if (!k)
            continue;
        for (int i = 0; i < k; i++)
            ex[i] = rows[kids[start[p] + i]].v[f];
        figures_round_parts(b->tab, ex, sh, k, rows[p].shown[f]);
        for (int i = 0; i < k; i++)
            rows[kids[start[p] + i]].shown[f] = sh[i];
    }
    free(ex);
    free(sh);
}

/* Splits a code into its 类 (3), 款 (2) and 项 (2) parts. */
static void code_parts(builder *b, const char *code, const char **lei, const char **kuan,
                       const char **xiang)
{
    size_t n = strlen(code);
    *lei = arena_strndup(b->a, code, n < 3 ? n : 3);
    *kuan = n >= 5 ? arena_strndup(b->a, code + 3, 2) : "";
    *xiang = n >= 7 ? arena_strndup(b->a, code + 5, 2) : "";
}

static void emit_class_rows(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                            class_row *rows, int n, const int *amount_fields, int n_amount,
                            int total_field, const int *part_fields, int n_parts, int nfields,
                            const money *root_parts)
{
    /* The 合计 column is rounded down the tree first (尾差 corrected
     * against each parent), so the same figure prints the same in every
     * table. */
    int *start, *kids;
    children_index(b, rows, n, &start, &kids);
    fix_rounding(b, rows, n, total_field, start, kids);
    /* Every part of every row, rounded as one flow (money_round_tree):
     * parents' parts are the sums of their children's, each row's 合计
     * the sum of its parts, every printed figure within one step of the
     * exact one.  First keeping every 合计 as rounded above (so the same
     * class prints the same in every table); where that admits no
     * rounding, keeping only the 合计 row's (always possible). */
    money *x = xcalloc((size_t)n * (size_t)n_parts + 1, sizeof *x);
    money *sh2 = xcalloc((size_t)n * (size_t)n_parts + 1, sizeof *sh2);
    money *pin = xcalloc((size_t)n + 1, sizeof *pin);
    int *par = xcalloc((size_t)n + 1, sizeof *par);
    for (int r = 0; r < n; r++) {
        par[r] = rows[r].parent;
        pin[r] = rows[r].shown[total_field];
        for (int j = 0; j < n_parts; j++)
            x[(size_t)r * n_parts + j] = rows[r].v[part_fields[j]];
    }
    money step = money_step(b->tab->unit, b->tab->decimals);
    /* 合计's parts as the text and the other tables print them, where
     * they are the same figures; dropped first when they admit no
     * rounding, then the other rows' 合计. */
    int ok = 0;
    for (int attempt = 0; attempt < 5 && !ok; attempt++) {
        /* 0: every 合计 and 合计's parts; 1: the 类 rows' 合计 and 合计's
         * parts; 2: 合计's total and parts; 3: every 合计; 4: 合计's */
        const money *parts = attempt < 3 ? root_parts : NULL;
        if (attempt < 3 && !root_parts)
            continue;
        for (int r = 1; r < n; r++)
            pin[r] = attempt == 0 || attempt == 3 || (attempt == 1 && rows[r].parent == 0)
                         ? rows[r].shown[total_field]
                         : MONEY_FREE;
        ok = money_round_tree(x, sh2, n, n_parts, par, pin, parts, step) == 0;
    }
    if (ok)
        for (int r = 0; r < n; r++) {
            money across = 0;
            for (int j = 0; j < n_parts; j++) {
                rows[r].shown[part_fields[j]] = sh2[(size_t)r * n_parts + j];
                across += sh2[(size_t)r * n_parts + j];
            }
            rows[r].shown[total_field] = across;
        }
    else /* only when memory runs out: plain rounding */
        for (int r = 0; r < n; r++)
            for (int j = 0; j < n_parts; j++)
                rows[r].shown[part_fields[j]] =
                    money_round(x[(size_t)r * n_parts + j], b->tab->unit, b->tab->decimals);
    free(x);
    free(sh2);
    free(pin);
    free(par);
    for (int r = 0; r < n; r++) {
        const class_row *cr = &rows[r];
        row_fields *rf = rf_clear(b);
        rf->kind = cr->level == 0 ? DOC_ROW_TOTAL : cr->level < 3 && r + 1 < n &&
                                                          rows[r + 1].parent == r
                                                      ? DOC_ROW_SUBTOTAL
                                                      : DOC_ROW_NORMAL;
        rf->text[0] = cr->code;
        const char *xiang = "";
        if (cr->level > 0) /* economic codes have no 项 part: EF_NAME follows 款 */
            code_parts(b, cr->code, &rf->text[1], &rf->text[2],
                       nfields == EF_COUNT ? &xiang : &rf->text[3]);
        rf->text[nfields == EF_COUNT ? EF_NAME : FF_NAME] = cr->name;
        for (int f = 0; f < nfields; f++)
            rf->pos[f] = cr->pos;
        for (int i = 0; i < n_amount; i++) {
            int f = amount_fields[i];
            rf->is_amount[f] = 1;
            rf->amount[f] = cr->v[f];
            rf->shown[f] = cr->shown[f];
            rf->has_shown[f] = 1;
        }
        rf->n_sum = start[r + 1] - start[r];
        rf->sum_rows = rf->n_sum ? kids + start[r] : NULL;
        emit_row(b, t, tt, fix, rf);
    }
}

/* 上级补助收入, 附属单位上缴收入 and 使用非财政拨款结余 are printed in a
 * table's 其他收入 column when the table has that column but not their own
 * (the national 部门收入总表 of tables/income.tpl): the mask of those to fold. */
static unsigned folded_sources(const tmpl_table *tt, const int *fix)
{
    static const revenue_kind FOLD[] = {REV_SUPERIOR, REV_AFFILIATED, REV_BALANCE};
    unsigned has = 0, fold = 0;
    for (int c = 0; c < tt->ncols; c++)
        if (fix[c] >= FF_SRC && fix[c] < FF_SRC + REV_COUNT)
            has |= 1u << (fix[c] - FF_SRC);
    if (!(has & (1u << REV_OTHER)))
        return 0;
    for (size_t i = 0; i < sizeof FOLD / sizeof FOLD[0]; i++)
        if (!(has & (1u << FOLD[i])))
            fold |= 1u << FOLD[i];
    return fold;
}

static void fold_sources(money *v, unsigned fold)
{
    for (int k = 0; k < REV_COUNT; k++)
        if (fold & (1u << k)) {
            v[FF_SRC + REV_OTHER] += v[FF_SRC + k];
            v[FF_SRC + k] = 0;
        }
}

/* Function-classification tables: mask selects the funding sources. */
static void rows_function(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                          unsigned mask)
{
    const budget *bg = b->cur;
    class_row *rows = arena_alloc(b->a, (bg->n_fnodes + 1) * sizeof *rows);
    int n = 0, last[4] = {0, -1, -1, -1};
    rows[n].name = "合计";
    rows[n].code = "";
    rows[n].parent = -1;
    n++;
    unsigned fold = folded_sources(tt, fix);
    for (size_t i = 0; i < bg->n_fnodes; i++) {
        const func_node *nd = &bg->fnodes[i];
        class_row cr;
        memset(&cr, 0, sizeof cr);
        money any = 0;
        for (int k = 0; k < REV_COUNT; k++) {
            if (!(mask & (1u << k)))
                continue;
            cr.v[FF_BASIC] += mask >> 31 ? 0 : nd->basic[k]; /* general_project: 项目支出 only */
            cr.v[FF_PROJECT] += nd->project[k];
            cr.v[FF_SRC + k] = (mask >> 31 ? 0 : nd->basic[k]) + nd->project[k];
            any |= (mask >> 31 ? 0 : nd->basic[k]) | nd->project[k];
        }
        fold_sources(cr.v, fold);
        if (!any)
            continue; /* nothing of these sources under this code */
        cr.v[FF_TOTAL] = cr.v[FF_BASIC] + cr.v[FF_PROJECT];
        cr.code = nd->code;
        cr.name = nd->name;
        cr.level = nd->level;
        cr.pos = nd->pos;
        cr.parent = nd->level == 1 ? 0 : last[nd->level - 1];
        last[nd->level] = n;
        for (int f = FF_TOTAL; f < FF_SRC + REV_COUNT; f++)
            rows[0].v[f] += nd->level == 1 ? cr.v[f] : 0;
        rows[n++] = cr;
    }
    int amounts[3 + REV_COUNT], na = 0, parts[2 + REV_COUNT], np = 0;
    amounts[na++] = FF_TOTAL;
    amounts[na++] = FF_BASIC;
    amounts[na++] = FF_PROJECT;
    parts[np++] = FF_BASIC;
    parts[np++] = FF_PROJECT;
    for (int k = 0; k < REV_COUNT; k++) {
        amounts[na++] = FF_SRC + k;
        parts[np++] = FF_SRC + k;
    }
    /* The parts whose printed values must add up to 合计: the funding
     * sources where the table shows them (部门收入总表), else 基本支出 and
     * 项目支出. */
    int by_source = 0;
    for (int c = 0; c < tt->ncols; c++)
        by_source |= fix[c] >= FF_SRC && fix[c] < FF_SRC + REV_COUNT;
    /* With every source, 合计's parts are figures the text names: the
     * sources (收入来源) or 基本支出 and 项目支出; printed alike where the
     * amounts are the same. */
    const year_figures *y = figures_year(b->tab, bg);
    money root[REV_COUNT];
    int same = mask == (1u << REV_COUNT) - 1;
    if (by_source) {
        for (int k = 0; k < REV_COUNT; k++) {
            same &= rows[0].v[FF_SRC + k] == figures_source_amount(bg, (revenue_kind)k);
            root[k] = y->revenue[k];
        }
        emit_class_rows(b, t, tt, fix, rows, n, amounts, na, FF_TOTAL, parts + 2, np - 2,
                        FF_SRC + REV_COUNT, same ? root : NULL);
    } else {
        int found;
        same &= rows[0].v[FF_BASIC] == budget_figure(bg, SUM_BASIC, &found) &&
                rows[0].v[FF_PROJECT] == budget_figure(bg, SUM_PROJECT, &found);
        root[0] = y->summary[SUM_BASIC];
        root[1] = y->summary[SUM_PROJECT];
        emit_class_rows(b, t, tt, fix, rows, n, amounts, na, FF_TOTAL, parts, 2,
                        FF_SRC + REV_COUNT, same ? root : NULL);
    }
}

/* 一般公共预算基本支出表: basic expenditure by economic code. */
static void rows_economic(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    const budget *bg = b->cur;
    class_row *rows = arena_alloc(b->a, (bg->n_enodes + 1) * sizeof *rows);
    int n = 0, last[3] = {0, -1, -1};
    rows[n].name = "合计";
    rows[n].code = "";
    rows[n].parent = -1;
    n++;
    for (size_t i = 0; i < bg->n_enodes; i++) {
        const econ_node *nd = &bg->enodes[i];
        class_row cr;
        memset(&cr, 0, sizeof cr);
        cr.v[EF_PERSONNEL] = nd->personnel;
        cr.v[EF_OFFICE] = nd->office;
        cr.v[EF_TOTAL] = nd->personnel + nd->office;
        cr.code = nd->code;
        cr.name = nd->name;
        cr.level = nd->level;
        cr.pos = nd->pos;
        cr.parent = nd->level == 1 ? 0 : last[nd->level - 1];
        last[nd->level] = n;
        if (nd->level == 1)
            for (int f = EF_TOTAL; f < EF_COUNT; f++)
                rows[0].v[f] += cr.v[f];
        rows[n++] = cr;
    }
    static const int amounts[] = {EF_TOTAL, EF_PERSONNEL, EF_OFFICE};
    static const int parts[] = {EF_PERSONNEL, EF_OFFICE};
    /* 合计's 人员经费 and 公用经费 as the text prints them ({人员经费}) */
    const year_figures *y = figures_year(b->tab, bg);
    emit_class_rows(b, t, tt, fix, rows, n, amounts, 3, EF_TOTAL, parts, 2, EF_COUNT, y->econ);
}

/* ---- two-sided summary tables: 部门收支总表, 财政拨款收支总表 ------------ */

enum { SF_IN_ITEM, SF_IN_AMOUNT, SF_OUT_ITEM, SF_OUT_TOTAL, SF_OUT_GENERAL, SF_OUT_FUND,
       SF_OUT_STATE, SF_COUNT };
static const char *const SUMMARY_FIELDS[SF_COUNT] = {
    "收入项目", "收入预算数", "支出项目", "支出预算数", "一般公共预算", "政府性基金预算",
    "国有资本经营预算"};

static money source_amount(const budget *bg, revenue_kind k)
{
    return figures_source_amount(bg, k);
}

static void set_money(row_fields *rf, int f, money v)
{
    rf->is_amount[f] = 1;
    rf->amount[f] = v;
}

static void set_money_shown(row_fields *rf, int f, money v, money shown)
{
    set_money(rf, f, v);
    set_shown(rf, f, shown);
}

/* Printed values: the left side from the revenue tree (figures.c), the
 * right side's 类 from the function tree (部门收支总表) or, for 财政拨款收支
 * 总表, rounded here as a block of 类 × appropriation whose margins are
 * the printed appropriations; every total is the sum of its printed rows,
 * and 结转下年 is what makes 支出总计 print as 收入总计. */
static void rows_two_sided(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                           int fiscal)
{
    const budget *bg = b->cur;
    const year_figures *y = figures_year(b->tab, bg);
    const unsigned fiscal_mask = (1u << REV_GENERAL) | (1u << REV_FUND) | (1u << REV_STATE_CAPITAL);
    /* Left side: the sources (all but 使用非财政拨款结余 and 上年结转, which
     * follow 本年收入合计). */
    const char *in_label[REV_COUNT];
    money in_v[REV_COUNT], in_sh[REV_COUNT];
    int nin = 0;
    money in_total = 0, in_total_sh = 0;
    for (int k = 0; k < REV_BALANCE; k++) {
        if (fiscal && !(fiscal_mask & (1u << k)))
            continue;
        /* 上级补助收入 and 附属单位上缴收入: a row only where there is some */
        if ((k == REV_SUPERIOR || k == REV_AFFILIATED) && !source_amount(bg, (revenue_kind)k))
            continue;
        char num[32];
        build_chinese_number(nin + 1, num, sizeof num);
        const char *name = revenue_name((revenue_kind)k);
        if (fiscal) /* 财政拨款收支总表 names the appropriations without 收入 */
            name = arena_strndup(b->a, name, strlen(name) - strlen("收入"));
        in_label[nin] = arena_printf(b->a, fiscal ? "（%s）%s" : "%s、%s", num, name);
        in_v[nin] = source_amount(bg, (revenue_kind)k);
        in_sh[nin] = y->revenue[k];
        in_total += in_v[nin];
        in_total_sh += in_sh[nin];
        nin++;
    }
    /* Right side: expenditure by 类 (only fiscal money for the fiscal table). */
    static const revenue_kind SRC3[3] = {REV_GENERAL, REV_FUND, REV_STATE_CAPITAL};
    int nout = 0;
    const func_node **out = arena_alloc(b->a, (bg->n_fnodes + 1) * sizeof *out);
    money *out_v = arena_alloc(b->a, (bg->n_fnodes + 1) * sizeof *out_v);
    money *out_sh = arena_alloc(b->a, (bg->n_fnodes + 1) * sizeof *out_sh);
    money *src_v = arena_alloc(b->a, (bg->n_fnodes + 1) * 3 * sizeof *src_v);
    money *src_sh = arena_alloc(b->a, (bg->n_fnodes + 1) * 3 * sizeof *src_sh);
    money out_total = 0, out_src[3] = {0, 0, 0};
    for (size_t i = 0; i < bg->n_fnodes; i++) {
        const func_node *nd = &bg->fnodes[i];
        money v = 0;
        for (int k = 0; k < REV_COUNT; k++)
            if (!fiscal || (fiscal_mask & (1u << k)))
                v += nd->basic[k] + nd->project[k];
        if (nd->level != 1 || !v)
            continue;
        out[nout] = nd;
        out_v[nout] = v;
        out_sh[nout] = y->fnode[i];
        for (int j = 0; j < 3; j++) {
            money sv = nd->basic[SRC3[j]] + nd->project[SRC3[j]];
            src_v[nout * 3 + j] = sv;
            src_sh[nout * 3 + j] = money_round(sv, b->tab->unit, b->tab->decimals);
            out_src[j] += sv;
        }
        out_total += v;
        nout++;
    }
    money out_src_sh[3];
    if (fiscal) {
        /* the appropriations as printed on the left, when they are what
         * the right side spends (check.c: each source against its
         * spending); else rounded on their own */
        money tot_sh = out_total == in_total
                           ? in_total_sh
                           : money_round(out_total, b->tab->unit, b->tab->decimals);
        int same = 1;
        for (int j = 0; j < 3; j++)
            same &= out_src[j] == source_amount(bg, SRC3[j]);
        if (same && out_total == in_total)
            for (int j = 0; j < 3; j++)
                out_src_sh[j] = y->revenue[SRC3[j]];
        else
            figures_round_parts(b->tab, out_src, out_src_sh, 3, tot_sh);
        figures_round_parts(b->tab, out_v, out_sh, nout, tot_sh);
        figures_round_block(b->tab, src_v, src_sh, nout, 3, out_sh, out_src_sh);
    } else {
        for (int j = 0; j < 3; j++)
            out_src_sh[j] = money_round(out_src[j], b->tab->unit, b->tab->decimals);
    }
    money out_total_sh = 0;
    for (int r = 0; r < nout; r++)
        out_total_sh += out_sh[r];
    int nrows = nin > nout ? nin : nout;
    int first = t->n_body;
    for (int r = 0; r < nrows; r++) {
        row_fields *rf = rf_clear(b);
        if (r < nin) {
            rf->text[SF_IN_ITEM] = in_label[r];
            set_money_shown(rf, SF_IN_AMOUNT, in_v[r], in_sh[r]);
        }
        if (r < nout) {
            const func_node *nd = out[r];
            rf->text[SF_OUT_ITEM] = nd->name;
            rf->pos[SF_OUT_ITEM] = nd->pos;
            set_money_shown(rf, SF_OUT_TOTAL, out_v[r], out_sh[r]);
            for (int i = 0; i < 3; i++)
                set_money_shown(rf, SF_OUT_GENERAL + i, src_v[r * 3 + i], src_sh[r * 3 + i]);
        }
        emit_row(b, t, tt, fix, rf);
    }
    int *in_rows = arena_alloc(b->a, (size_t)(nrows + 1) * sizeof(int));
    for (int r = 0; r < nrows; r++)
        in_rows[r] = first + r;
    /* 本年收入合计 / 本年支出合计, then 上年结转 / 结转下年, then 总计. */
    money carry_in = fiscal ? 0 : source_amount(bg, REV_CARRYOVER);
    money carry_in_sh = fiscal ? 0 : y->revenue[REV_CARRYOVER];
    money balance = fiscal ? 0 : source_amount(bg, REV_BALANCE);
    money balance_sh = fiscal ? 0 : y->revenue[REV_BALANCE];
    carry_in += balance; /* 收入总计 and 结转下年 count it with 上年结转 */
    carry_in_sh += balance_sh;
    money carry_out = in_total + carry_in - out_total;
    money carry_out_sh = in_total_sh + carry_in_sh - out_total_sh;
    const char *labels[3][2] = {{"本年收入合计", "本年支出合计"},
                                {"上年结转", "结转下年"},
                                {"收入总计", "支出总计"}};
    money lv[3] = {in_total, carry_in, in_total + carry_in};
    money rv[3] = {out_total, carry_out, out_total + carry_out};
    money ls[3] = {in_total_sh, carry_in_sh, in_total_sh + carry_in_sh};
    money rs[3] = {out_total_sh, carry_out_sh, out_total_sh + carry_out_sh};
    for (int i = 0; i < 3; i++) {
        if (i == 1 && fiscal)
            continue; /* appropriations carry nothing over in this sample layout */
        if (i == 1 && balance) {
            /* 使用非财政拨款结余 between 本年收入合计 and 上年结转 (a row only
             * where there is some: the national layout) */
            row_fields *rb = rf_clear(b);
            rb->text[SF_IN_ITEM] = revenue_name(REV_BALANCE);
            set_money_shown(rb, SF_IN_AMOUNT, balance, balance_sh);
            emit_row(b, t, tt, fix, rb);
            lv[1] -= balance;
            ls[1] -= balance_sh;
        }
        row_fields *rf = rf_clear(b);
        rf->kind = i == 1 ? DOC_ROW_NORMAL : DOC_ROW_TOTAL;
        rf->text[SF_IN_ITEM] = labels[i][0];
        rf->text[SF_OUT_ITEM] = labels[i][1];
        set_money_shown(rf, SF_IN_AMOUNT, lv[i], ls[i]);
        set_money_shown(rf, SF_OUT_TOTAL, rv[i], rs[i]);
        for (int k = 0; k < 3; k++)
            set_money_shown(rf, SF_OUT_GENERAL + k, i == 1 ? 0 : out_src[k],
                            i == 1 ? 0 : out_src_sh[k]);
        if (i == 0) {
            rf->sum_rows = in_rows;
            rf->n_sum = nrows;
        }
        emit_row(b, t, tt, fix, rf);
    }
}

/* ---- 一般公共预算“三公”经费支出表 ------------------------------------------ */

enum {
    GT_YEAR,
    GT_TOTAL,
    GT_ABROAD,
    GT_VEHICLE,
    GT_VEHICLE_BUY,
    GT_VEHICLE_RUN,
    GT_RECEPTION,
    GT_OPERATING,
    GT_COUNT
};
/* 机关运行经费: the year's summary figure, beside the “三公” (not in 合计),
 * for the regions that print one table of both. */
static const char *const GT_FIELDS[GT_COUNT] = {
    "项目",           "合计",           "因公出国（境）费", "公务用车购置及运行费",
    "公务用车购置费", "公务用车运行费", "公务接待费",       "机关运行经费"};

/* The 一般公共预算 part of an item: its 一般预算 source where sources are
 * given, else its 合计. */
static money tp_general(const tp_row *r)
{
    for (int s = 0; s < TPS_COUNT; s++)
        if (r->source[s].present)
            return r->source[TPS_GENERAL].v;
    return r->total.v;
}

static void rows_general_three_public(builder *b, doc_table *t, const tmpl_table *tt,
                                      const int *fix)
{
    const budget *years[2] = {b->prev, b->cur};
    const char *labels[2] = {"上年预算", "本年预算"};
    for (int y = 0; y < 2; y++) {
        const budget *bg = years[y];
        if (!bg || !bg->has_tp)
            continue;
        row_fields *rf = rf_clear(b);
        rf->text[GT_YEAR] = arena_printf(b->a, "%d年%s", bg->year, labels[y]);
        money abroad = tp_general(&bg->tp[TP_ABROAD]), buy = tp_general(&bg->tp[TP_VEHICLE_BUY]),
              run = tp_general(&bg->tp[TP_VEHICLE_RUN]), rec = tp_general(&bg->tp[TP_RECEPTION]);
        /* printed values (figures.c): the items add up to 合计, 购置 and
         * 运行 to their 小计 */
        const money *g = figures_year(b->tab, bg)->tp_general;
        set_money_shown(rf, GT_ABROAD, abroad, g[TP_ABROAD]);
        set_money_shown(rf, GT_VEHICLE_BUY, buy, g[TP_VEHICLE_BUY]);
        set_money_shown(rf, GT_VEHICLE_RUN, run, g[TP_VEHICLE_RUN]);
        /* a 公务用车购置及运行费 row without parts: 公务用车 as a whole */
        money veh = bg->tp[TP_VEHICLE].present && !bg->tp[TP_VEHICLE_BUY].present &&
                            !bg->tp[TP_VEHICLE_RUN].present
                        ? tp_general(&bg->tp[TP_VEHICLE])
                        : buy + run;
        set_money_shown(rf, GT_VEHICLE, veh, g[TP_VEHICLE]);
        set_money_shown(rf, GT_RECEPTION, rec, g[TP_RECEPTION]);
        set_money_shown(rf, GT_TOTAL, abroad + veh + rec, g[TP_TOTAL]);
        int found;
        money op = budget_figure(bg, SUM_OPERATING_COST, &found);
        if (found)
            set_money_shown(rf, GT_OPERATING, op,
                            figures_year(b->tab, bg)->summary[SUM_OPERATING_COST]);
        for (int f = 0; f < GT_COUNT; f++)
            rf->pos[f] = bg->tp[TP_TOTAL].pos;
        emit_row(b, t, tt, fix, rf);
    }
}

/* The 类 (function classes) of this year and last, matched by code and
 * sorted by code: a class present in one year only is still listed.
 * Returns the count; codes and names in arena arrays. */
int bld_class_union(builder *b, const char ***codes, const char ***names)
{
    const budget *yrs[2] = {b->cur, b->prev};
    size_t cap = b->cur->n_fnodes + (b->prev ? b->prev->n_fnodes : 0) + 1;
    const char **c = arena_alloc(b->a, cap * sizeof *c), **nm = arena_alloc(b->a, cap * sizeof *nm);
    int n = 0;
    for (int y = 0; y < 2; y++)
        for (size_t i = 0; yrs[y] && i < yrs[y]->n_fnodes; i++) {
            const func_node *nd = &yrs[y]->fnodes[i];
            int at = 0;
            while (at < n && strcmp(c[at], nd->code) < 0)
                at++;
            if (nd->level != 1 || (at < n && !strcmp(c[at], nd->code)))
                continue;
            memmove(&c[at + 1], &c[at], (size_t)(n - at) * sizeof *c);
            memmove(&nm[at + 1], &nm[at], (size_t)(n - at) * sizeof *nm);
            c[at] = nd->code;
            nm[at] = nd->name;
            n++;
        }
    *codes = c;
    *names = nm;
    return n;
}

/* Total expenditure (every source) of a function code in one year; *found
 * is 0 when the year does not have the code.  *shown (may be NULL) gets
 * its printed value (figures.c). */
money bld_class_total_shown(builder *b, const budget *bg, const char *code, int *found,
                            money *shown)
{
    *found = 0;
    if (shown)
        *shown = 0;
    for (size_t j = 0; bg && j < bg->n_fnodes; j++)
        if (!strcmp(bg->fnodes[j].code, code)) {
            money v = 0;
            for (int src = 0; src < REV_COUNT; src++)
                v += bg->fnodes[j].basic[src] + bg->fnodes[j].project[src];
            *found = 1;
            if (shown)
                *shown = figures_year(b->tab, bg)->fnode[j];
            return v;
        }
    return 0;
}

/* ---- 预算对比表: last year, this year, change, rate ----------------------- */

enum { CF_ITEM, CF_PREV, CF_CUR, CF_DIFF, CF_COUNT };
static const char *const CMP_FIELDS[CF_COUNT] = {"项目", "上年预算数", "本年预算数", "增减额"};

/* One row: the item's name, last year, this year, the change, and (via
 * the template's compare= column) the worded rate. */
static void emit_compare_row(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                             const item *it, doc_row_kind kind)
{
    row_fields *rf = rf_clear(b);
    rf->amount_item = it;
    rf->kind = kind;
    rf->text[CF_ITEM] = it->name;
    /* printed as everywhere else; 增减额 is their printed difference */
    set_money_shown(rf, CF_PREV, it->prev, it->prev_shown);
    set_money_shown(rf, CF_CUR, it->cur, it->cur_shown);
    set_money_shown(rf, CF_DIFF, it->cur - it->prev, it->cur_shown - it->prev_shown);
    emit_row(b, t, tt, fix, rf);
}

static void rows_comparison(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    static const char *const KEYS[] = {"收入总计", "支出总计", "基本支出",
                                       "项目支出", "机关运行经费", "三公合计"};
    for (size_t k = 0; k < sizeof KEYS / sizeof KEYS[0]; k++) {
        item *it = arena_alloc(b->a, sizeof *it);
        bld_figure_item(b, KEYS[k], it);
        if (!it->has_cur && !it->has_prev)
            continue;
        if (!strcmp(KEYS[k], "三公合计"))
            it->name = "“三公”经费";
        emit_compare_row(b, t, tt, fix, it, k < 2 ? DOC_ROW_TOTAL : DOC_ROW_NORMAL);
    }
    /* Expenditure by function 类, matched by code, when both years have it. */
    if (!b->prev || !b->prev->n_fnodes || !b->cur->n_fnodes)
        return;
    const char **codes, **names;
    int n = bld_class_union(b, &codes, &names);
    for (int i = 0; i < n; i++) {
        item *it = arena_alloc(b->a, sizeof *it);
        it->name = names[i];
        it->cur = bld_class_total_shown(b, b->cur, codes[i], &it->has_cur, &it->cur_shown);
        it->prev = bld_class_total_shown(b, b->prev, codes[i], &it->has_prev, &it->prev_shown);
        it->has_shown = 1;
        emit_compare_row(b, t, tt, fix, it, DOC_ROW_NORMAL);
    }
}

/* The sum of the points written "（N分）" in a text. */
/* The points written "（N分）" or "(N分)" in a text, summed exactly (points
 * may have up to two decimals: parsed as an amount in 元, i.e. in
 * hundredths).  *found counts the marks.  A text that opens with a heading
 * carrying points, "分季度（9分）：item（1分）；item（3分）…", is worth the
 * heading's points; *items_off is then what its items add up to when that
 * differs (else -1). */
static money text_points(const char *s, int *found, money *items_off)
{
    money sum = 0, head = -1;
    *found = 0;
    *items_off = -1;
    for (const char *p = strstr(s, "分"); p; p = strstr(p + 1, "分")) {
        const char *close = p + strlen("分");
        int full = !strncmp(close, "）", strlen("）")), half = *close == ')';
        if (!full && !half)
            continue;
        const char *q = p;
        while (q > s && ((q[-1] >= '0' && q[-1] <= '9') || q[-1] == '.'))
            q--;
        int open_full = q - s >= 3 && !strncmp(q - 3, "（", 3);
        int open_half = q > s && q[-1] == '(';
        if (q == p || !(open_full || open_half))
            continue;
        money v;
        char num[32];
        size_t n = (size_t)(p - q);
        if (n >= sizeof num)
            continue;
        memcpy(num, q, n);
        num[n] = '\0';
        if (money_parse(num, MONEY_YUAN, &v, NULL, 0) != MONEY_OK)
            continue;
        const char *after = close + (full ? strlen("）") : 1);
        if (*found == 0 && (!strncmp(after, "：", strlen("：")) || *after == ':'))
            head = v; /* a heading: its items follow */
        else
            sum += v;
        (*found)++;
    }
    if (head < 0)
        return sum;
    if (sum != 0 && sum != head)
        *items_off = sum; /* what the items add up to, for the message */
    return head;
}

/* Items under a heading with points that do not add up to them. */
static void report_heading(builder *b, diag_pos pos, const char *column, money items, money head)
{
    char i[32], h[32];
    money_format(items, MONEY_YUAN, 2, 0, 1, i, sizeof i);
    money_format(head, MONEY_YUAN, 2, 0, 1, h, sizeof h);
    diag_report(b->d, DIAG_ERROR, pos,
                "%s: the （N分） items after its heading add up to %s, but the heading says %s",
                column, i, h);
    b->failed = 1;
}

/* A CSV laid out as it is (table csv:FILE): one row per record; amount
 * columns parsed exactly; merge=blank columns continue the cell above when
 * blank; points-of=COL columns must carry (with the row's points-shared
 * columns) as many points as COL says. */
static void rows_csv(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                     const csv_table *ct)
{
    int first = t->n_body;
    for (size_t i = 0; i < ct->nrows; i++) {
        const csv_row *r = &ct->rows[i];
        row_fields *rf = rf_clear(b);
        for (size_t f = 0; f < ct->ncols; f++) {
            rf->text[f] = r->fields[f];
            rf->pos[f] = csv_pos(ct, r, (int)f);
        }
        if (utf8_name_eq(r->fields[0], "合计"))
            rf->kind = DOC_ROW_TOTAL;
        int bad_points = 0, shared_reported = 0;
        for (int c = 0; c < tt->ncols; c++) {
            const tmpl_column *tc = &tt->cols[c];
            int f = fix[c];
            if (tc->kind == DOC_COL_AMOUNT && *r->fields[f]) {
                char why[160];
                money v;
                if (money_parse(r->fields[f], b->c->input_unit, &v, why, sizeof why) != MONEY_OK) {
                    diag_report(b->d, DIAG_ERROR, rf->pos[f], "%s \"%s\" is not an amount: %s",
                                ct->header[f], r->fields[f], why);
                    b->failed = 1;
                    continue;
                }
                set_money(rf, f, v);
            }
            int pf = tc->points_of ? field_index(ct->header, (int)ct->ncols, tc->points_of) : -1;
            if (pf < 0 || !*r->fields[pf])
                continue; /* no points to check on this row */
            money want;
            if (money_parse(r->fields[pf], MONEY_YUAN, &want, NULL, 0) != MONEY_OK) {
                if (!bad_points) /* once per row, not once per quarter */
                    diag_report(b->d, DIAG_ERROR, rf->pos[pf],
                                "%s \"%s\" is not a number of points", tc->points_of,
                                r->fields[pf]);
                bad_points = 1;
                b->failed = 1;
                continue;
            }
            /* A part shared by every quarter (e.g. "分季度（9分）") counts
             * with each of them: points-with=COLUMN. */
            money shared = 0, shared_off = -1, off;
            int wf = tc->points_with ? field_index(ct->header, (int)ct->ncols, tc->points_with)
                                     : -1,
                found;
            if (wf >= 0)
                shared = text_points(r->fields[wf], &found, &shared_off);
            money have = text_points(r->fields[f], &found, &off);
            if (shared_off >= 0 && !shared_reported) {
                /* The shared text is checked once per row, not per quarter. */
                report_heading(b, rf->pos[wf], ct->header[wf], shared_off, shared);
                shared_reported = 1;
            }
            /* A blank cell or one that names no points claims nothing. */
            if (!found)
                continue;
            have += shared;
            if (off >= 0) {
                money head = have - shared;
                report_heading(b, rf->pos[f], ct->header[f], off, head);
            } else if (have != want) {
                char h[32], w[32];
                money_format(have, MONEY_YUAN, 2, 0, 1, h, sizeof h);
                money_format(want, MONEY_YUAN, 2, 0, 1, w, sizeof w);
                diag_report(b->d, DIAG_ERROR, rf->pos[f],
                            "%s carries %s points (（N分） in the text%s) but %s is %s",
                            ct->header[f], h, shared ? _(", with the shared points of its row") : "",
                            tc->points_of, w);
                b->failed = 1;
            }
        }
        emit_row(b, t, tt, fix, rf);
    }
    /* merge=blank: a blank cell (in the data, not as shown) continues the
     * cell above it, never across a 合计 row, and never across the start
     * of a new merged cell in the merge=blank column to its left. */
    int prev_merge = -1;
    for (int c = 0; c < t->ncols; c++) {
        if (tt->cols[c].merge != 3)
            continue;
        int start = first;
        for (int r = first + 1; r <= t->n_body; r++) {
            int cont = 0;
            if (r < t->n_body) {
                const csv_row *row = &ct->rows[r - first];
                cont = !*row->fields[fix[c]] && t->row_kind[r] != DOC_ROW_TOTAL &&
                       t->row_kind[r - 1] != DOC_ROW_TOTAL &&
                       (prev_merge < 0 || doc_body_cell(t, r, prev_merge)->rowspan == 0);
            }
            if (cont)
                continue;
            if (r - start > 1)
                doc_table_span(t, 1, start, c, r - start, 1);
            start = r;
        }
        prev_merge = c;
    }
    /* span-into=NEXT: a non-blank cell whose right neighbour is blank in the
     * data spans it (seed 000: a task without sub-tasks fills both columns
     * of 工作任务).  Only cells of one row each, so vertical merges stay. */
    for (int c = 0; c + 1 < t->ncols; c++) {
        if (!tt->cols[c].span_into)
            continue;
        for (int r = first; r < t->n_body; r++) {
            const csv_row *row = &ct->rows[r - first];
            const doc_cell *a = doc_body_cell(t, r, c), *n = doc_body_cell(t, r, c + 1);
            if (*row->fields[fix[c]] && !*row->fields[fix[c + 1]] && a->rowspan == 1 &&
                a->colspan == 1 && n->rowspan == 1 && n->colspan == 1)
                doc_table_span(t, 1, r, c, 1, 2);
        }
    }
}

/* ---- 绩效自评汇总: grades counted per duty --------------------------------- */

enum { GS_DUTY, GS_INDICATORS, GS_EXCELLENT, GS_GOOD, GS_FAIR, GS_POOR, GS_UNGRADED,
       GS_NO_ACTUAL, GS_COUNT };
static const char *const GS_FIELDS[GS_COUNT] = {"职责名称", "指标数", "优", "良",
                                                "中",       "差",     "未评价", "无实际值"};

static void rows_grade_summary(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    const budget *bg = b->cur;
    /* One row per duty, then 合计 (d == n_duties counts every row). */
    for (int d = 0; d <= bg->n_duties; d++) {
        long n[GS_COUNT] = {0};
        const char *name = "合计";
        diag_pos pos = {0};
        for (size_t i = 0; i < bg->n_perf; i++) {
            const perf_row *p = &bg->perf[i];
            if (d < bg->n_duties && p->duty != d)
                continue;
            if (p->new_duty && d < bg->n_duties) {
                name = p->cell[PF_DUTY];
                pos = p->pos;
            }
            if (!*p->cell[PF_INDICATOR])
                continue;
            n[GS_INDICATORS]++;
            if (!p->actual)
                n[GS_NO_ACTUAL]++;
            else if (p->grade < 0)
                n[GS_UNGRADED]++;
            else
                n[GS_EXCELLENT + p->grade]++;
        }
        row_fields *rf = rf_clear(b);
        rf->text[GS_DUTY] = name;
        rf->pos[GS_DUTY] = pos;
        rf->kind = d == bg->n_duties ? DOC_ROW_TOTAL : DOC_ROW_NORMAL;
        for (int f = GS_INDICATORS; f < GS_COUNT; f++)
            rf->text[f] = arena_printf(b->a, "%ld", n[f]);
        emit_row(b, t, tt, fix, rf);
    }
}

typedef struct source_def {
    const char *name;
    const char *const *fields;
    int nfields;
} source_def;

static const source_def SOURCE_DEFS[] = {
    {"institutions", INST_FIELDS, 4},
    {"three_public", TP_FIELDS, 8},
    {"performance", PERF_FIELDS, PF_FIELDS_N},
    {"grade_summary", GS_FIELDS, GS_COUNT},
    {"income_expense_summary", SUMMARY_FIELDS, SF_COUNT},
    {"income", FUNC_FIELDS, FF_SRC + REV_COUNT},
    {"expenditure", FUNC_FIELDS, FF_SRC + REV_COUNT},
    {"fiscal_summary", SUMMARY_FIELDS, SF_COUNT},
    {"general_expenditure", FUNC_FIELDS, FF_SRC + REV_COUNT},
    {"general_project", FUNC_FIELDS, FF_SRC + REV_COUNT},
    {"general_basic", ECON_FIELDS, EF_COUNT},
    {"general_three_public", GT_FIELDS, GT_COUNT},
    {"fund_expenditure", FUNC_FIELDS, FF_SRC + REV_COUNT},
    {"state_capital_expenditure", FUNC_FIELDS, FF_SRC + REV_COUNT},
    {"comparison", CMP_FIELDS, CF_COUNT},
};

/* The table as the data has it: the head and col lines whose if blocks
 * (inside the table block) hold.  A table without such blocks is itself. */
static const tmpl_table *table_for_data(builder *b, const tmpl_table *tt)
{
    if (!tt->conditional)
        return tt;
    int save = b->line;
    tmpl_table *f = arena_alloc(b->a, sizeof *f);
    *f = *tt;
    f->conditional = 0;
    f->head = arena_alloc(b->a, (size_t)tt->n_head * sizeof *f->head + 1);
    f->head_line = arena_alloc(b->a, (size_t)tt->n_head * sizeof *f->head_line + 1);
    f->head_cond = NULL;
    f->cols = arena_alloc(b->a, (size_t)tt->ncols * sizeof *f->cols + 1);
    f->n_head = f->ncols = 0;
    for (int r = 0; r < tt->n_head; r++) {
        int ok = 1;
        b->line = tt->head_line[r];
        for (int k = 0; ok && k < tt->head_cond[r].n; k++)
            ok = bld_condition(b, tt->head_cond[r].c[k]);
        if (ok) {
            f->head[f->n_head] = tt->head[r];
            f->head_line[f->n_head++] = tt->head_line[r];
        }
    }
    for (int c = 0; c < tt->ncols; c++) {
        int ok = 1;
        b->line = tt->cols[c].line;
        for (int k = 0; ok && k < tt->cols[c].cond.n; k++)
            ok = bld_condition(b, tt->cols[c].cond.c[k]);
        if (ok)
            f->cols[f->ncols++] = tt->cols[c];
    }
    b->line = save;
    return f;
}

void bld_table(builder *b, const tmpl_stmt *st)
{
    const tmpl_table *tt = table_for_data(b, st->table);
    const source_def *src = NULL;
    source_def csv_src;
    const csv_table *ct = NULL;
    if (!strncmp(tt->source, "csv:", 4)) {
        /* A CSV laid out as it is: its fields are its header's names. */
        ct = budget_extra(b->cur, tt->source + 4);
        if (!ct)
            return; /* load_extra() reported it */
        csv_src.name = tt->source;
        csv_src.fields = ct->header;
        csv_src.nfields = (int)ct->ncols;
        src = &csv_src;
    }
    for (size_t i = 0; !src && i < sizeof SOURCE_DEFS / sizeof SOURCE_DEFS[0]; i++)
        if (!strcmp(SOURCE_DEFS[i].name, tt->source))
            src = &SOURCE_DEFS[i];
    if (!src && (csv_src.nfields = procure_table_fields(tt->source, &csv_src.fields)) > 0)
        csv_src.name = tt->source, src = &csv_src; /* procurement, assets */
    if (!src && (csv_src.nfields = js_table_fields(tt->source, &csv_src.fields)) > 0)
        csv_src.name = tt->source, src = &csv_src; /* the 决算's (js_tables.c) */
    if (!src)
        return; /* the parser reported it */
    b->col_base = 0; /* table lines carry no column */
    doc_table *t = doc_table_new(b->a, tt->ncols);
    t->id = tt->source;
    t->unit = b->tab->unit;
    t->landscape = tt->landscape;
    int *fix = arena_alloc(b->a, ((size_t)tt->ncols + 1) * sizeof *fix);
    b->rf = rf_new(b->a, src->nfields);
    for (int c = 0; c < tt->ncols; c++) {
        const tmpl_column *tc = &tt->cols[c];
        t->cols[c].key = tc->key;
        t->cols[c].kind = tc->kind;
        t->cols[c].align = tc->align;
        t->cols[c].min_chars = tc->min_chars;
        t->cols[c].weight = tc->weight;
        fix[c] = field_index(src->fields, src->nfields, tc->key);
        const char *pcols[2] = {tc->points_of, tc->points_with};
        for (int k = 0; k < 2; k++)
            if (pcols[k] && field_index(src->fields, src->nfields, pcols[k]) < 0) {
                int save = b->line;
                b->line = tc->line;
                bld_fail(b, "%s=%s: table %s has no such column", k ? "points-with" : "points-of",
                         pcols[k], tt->source);
                b->line = save;
            }
        if (fix[c] < 0 && !tc->compare) {
            strbuf sb = STRBUF_INIT;
            for (int i = 0; i < src->nfields; i++)
                sb_printf(&sb, "%s%s", i ? ", " : "", src->fields[i]);
            int save = b->line;
            b->line = tc->line;
            bld_fail(b, "table %s has no field \"%s\"; expected one of: %s (or a compare= column)",
                     tt->source, tc->key, sb_str(&sb));
            b->line = save;
            sb_free(&sb);
            fix[c] = 0;
        }
    }
    /* The file each source needs; a table without its data is an error
     * unless the template says how to publish it empty. */
    const char *need = NULL;
    const char *sn = src->name;
    if (!strcmp(sn, "institutions") && !b->cur->n_inst)
        need = "institutions.csv";
    else if ((!strcmp(sn, "three_public") || !strcmp(sn, "general_three_public")) &&
             !b->cur->has_tp)
        need = "three_public.csv";
    else if ((!strcmp(sn, "performance") || !strcmp(sn, "grade_summary")) && !b->cur->perf)
        need = "performance.csv";
    else if (!strcmp(sn, "general_basic") && !b->cur->n_econ)
        need = "basic_economic.csv";
    else if ((!strcmp(sn, "income") || !strcmp(sn, "expenditure") ||
              !strcmp(sn, "income_expense_summary") || !strcmp(sn, "fiscal_summary")) &&
             !b->cur->n_func)
        need = "expenditure.csv";
    if (!need)
        need = procure_table_need(b->cur, sn);
    /* The region's wording of the empty table, given once for the whole
     * template (empty-note TABLE TEXT), wins over the table block's. */
    const char *empty_note = tt->empty_note;
    int empty_line = b->line;
    for (int i = 0; i < b->t->n_empty_note; i++)
        if (!strcmp(b->t->empty_notes[i].source, sn)) {
            empty_note = b->t->empty_notes[i].text;
            empty_line = b->t->empty_notes[i].line;
        }
    /* Never "no basic expenditure" beside a 一般公共预算 basic expenditure
     * that expenditure.csv gives: the empty table would be a false
     * statement, so the file is still needed. */
    if (need && empty_note && !strcmp(sn, "general_basic")) {
        money basic = 0;
        for (size_t i = 0; i < b->cur->n_func; i++)
            if (b->cur->func[i].source == REV_GENERAL && b->cur->func[i].basic.present)
                basic += b->cur->func[i].basic.v;
        if (basic != 0) {
            bld_fail(b, "table %s needs the file %s/%s: expenditure.csv gives a 一般公共预算 "
                        "基本支出 of %s, so the table cannot be published empty",
                     tt->source, b->cur->dir, need, bld_fmt_amount(b, basic));
            return;
        }
    }
    if (need && !empty_note) {
        bld_fail(b, "table %s needs the file %s/%s (or an empty-note line, to publish it empty)",
                 tt->source, b->cur->dir, need);
        return;
    }
    if (b->failed)
        return;
    int save = b->line;
    if (tt->title)
        t->title = bld_expand(b, tt->title, NULL);
    if (tt->unit)
        t->unit_line = bld_expand(b, tt->unit, NULL);
    if (tt->unit_left)
        t->unit_left = bld_expand(b, tt->unit_left, NULL);
    if (tt->note)
        t->note = bld_expand(b, tt->note, NULL);
    else if (b->table_note)
        t->note = bld_expand(b, b->table_note, NULL);
    t->sheet = tt->sheet ? bld_expand(b, tt->sheet, NULL) : t->title;
    int *occupied = xcalloc((size_t)(tt->n_head * tt->ncols) + 1, sizeof(int));
    for (int r = 0; r < tt->n_head; r++)
        doc_table_add_head(b->a, t);
    for (int r = 0; r < tt->n_head && !b->failed; r++) {
        b->line = tt->head_line[r];
        build_head_row(b, t, tt->head[r], r, occupied);
    }
    free(occupied);
    b->line = save;
    const unsigned all = (1u << REV_COUNT) - 1;
    if (need)
        ; /* published empty, with its note */
    else if (ct)
        rows_csv(b, t, tt, fix, ct);
    else if (!strcmp(sn, "institutions"))
        rows_institutions(b, t, tt, fix);
    else if (!strcmp(sn, "three_public"))
        rows_three_public(b, t, tt, fix);
    else if (!strcmp(sn, "performance"))
        rows_performance(b, t, tt, fix);
    else if (!strcmp(sn, "grade_summary"))
        rows_grade_summary(b, t, tt, fix);
    else if (!strcmp(sn, "income") || !strcmp(sn, "expenditure"))
        rows_function(b, t, tt, fix, all);
    else if (!strcmp(sn, "general_expenditure") || !strcmp(sn, "general_project"))
        rows_function(b, t, tt, fix, 1u << REV_GENERAL | (unsigned)!strcmp(sn, "general_project") << 31);
    else if (!strcmp(sn, "fund_expenditure"))
        rows_function(b, t, tt, fix, 1u << REV_FUND);
    else if (!strcmp(sn, "state_capital_expenditure"))
        rows_function(b, t, tt, fix, 1u << REV_STATE_CAPITAL);
    else if (!strcmp(sn, "general_basic"))
        rows_economic(b, t, tt, fix);
    else if (!strcmp(sn, "general_three_public"))
        rows_general_three_public(b, t, tt, fix);
    else if (!strcmp(sn, "income_expense_summary"))
        rows_two_sided(b, t, tt, fix, 0);
    else if (!strcmp(sn, "fiscal_summary"))
        rows_two_sided(b, t, tt, fix, 1);
    else if (!strcmp(sn, "comparison")) {
        if (!b->prev) {
            bld_fail(b, "table comparison needs last year's figures: set previous in [input], or "
                        "put it inside \"if previous\"");
            return;
        }
        rows_comparison(b, t, tt, fix);
    } else if (!js_table_rows(b, t, tt, fix, sn))
        procure_table_rows(b, t, tt, fix, sn);
    /* A classification table with only its 合计 row has no data: publish
     * it empty, with the note (e.g. no 国有资本经营预算 this year). */
    if (t->n_body == 1 && t->row_kind[0] == DOC_ROW_TOTAL && doc_body_cell(t, 0, 0)->text &&
        (strstr(sn, "_expenditure") || !strcmp(sn, "general_project")) && empty_note) {
        t->n_body = 0;
    }
    if (t->n_body == 0 && empty_note) {
        b->line = empty_line;
        t->note = bld_expand(b, empty_note, NULL);
        b->line = save;
    }
    doc_block *blk = doc_add(b->a, b->doc, DOC_TABLE);
    blk->table = t;
    blk->bookmark = t->title != NULL;
    blk->src = template_pos(b->t, st->line, 0);
}
