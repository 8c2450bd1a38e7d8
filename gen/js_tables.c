/*
 * js_tables — the table sources of the nine 决算 tables (js_summary,
 * js_income, js_expenditure, js_fiscal_summary, js_general,
 * js_general_basic, js_three_public, js_fund, js_state_capital): their
 * fields (the template's col lines name them, templates/juesuan/) and
 * rows.  Totals are computed here from the rows they print, and each
 * total cell lists the rows it sums, so the workbook writes =SUM formulas.
 * Amounts are printed exactly (js_load refuses a figure finer than the
 * tables show), so every printed total is the sum of its printed parts.
 */
#include "build_priv.h"
#include "js.h"

#include <string.h>

#define NF 12 /* the most fields of a source */

static const char *const F_SUMMARY[] = {"收入项目", "收入决算数", "支出项目", "支出决算数"};
static const char *const F_INCOME[] = {"科目编码",     "科目名称",         "本年收入合计",
                                       "财政拨款收入", "上级补助收入",     "事业收入",
                                       "经营收入",     "附属单位上缴收入", "其他收入"};
static const char *const F_EXP[] = {"科目编码", "科目名称",          "本年支出合计",
                                    "基本支出", "项目支出",          "上缴上级支出",
                                    "经营支出", "对附属单位补助支出"};
static const char *const F_FISCAL[] = {"收入项目",
                                       "收入决算数",
                                       "支出项目",
                                       "合计",
                                       "一般公共预算财政拨款",
                                       "政府性基金预算财政拨款",
                                       "国有资本经营预算财政拨款"};
static const char *const F_GENERAL[] = {"科目编码", "科目名称", "合计", "基本支出", "项目支出"};
static const char *const F_BASIC[] = {"人员科目编码", "人员科目名称", "人员决算数",
                                      "公用科目编码", "公用科目名称", "公用决算数"};
static const char *const F_TP[] = {"合计预算数",       "合计决算数",         "因公出国预算数",
                                   "因公出国决算数",   "公务用车小计预算数", "公务用车小计决算数",
                                   "购置费预算数",     "购置费决算数",       "运行维护费预算数",
                                   "运行维护费决算数", "公务接待费预算数",   "公务接待费决算数"};
static const char *const F_FUND[] = {"科目编码", "科目名称",      "年初结转和结余",
                                     "本年收入", "本年支出合计",  "基本支出",
                                     "项目支出", "年末结转和结余"};

static const struct {
    const char *name;
    const char *const *f;
    int n;
} SRC[] = {
    {"js_summary", F_SUMMARY, 4},    {"js_income", F_INCOME, 9},
    {"js_expenditure", F_EXP, 8},    {"js_fiscal_summary", F_FISCAL, 7},
    {"js_general", F_GENERAL, 5},    {"js_general_basic", F_BASIC, 6},
    {"js_three_public", F_TP, 12},   {"js_fund", F_FUND, 8},
    {"js_state_capital", F_FUND, 8},
};

int js_table_fields(const char *source, const char *const **fields)
{
    for (size_t i = 0; i < sizeof SRC / sizeof SRC[0]; i++)
        if (!strcmp(SRC[i].name, source)) {
            if (fields)
                *fields = SRC[i].f;
            return SRC[i].n;
        }
    return 0;
}

/* One row being built: text or amount per field; the rows a total cell
 * sums, per field. */
typedef struct jrow {
    const char *text[NF];
    int is_amount[NF];
    money v[NF];
    const int *sum[NF];
    int n_sum[NF];
    const int *sumf[NF]; /* a sum across the row: the fields it adds */
    int n_sumf[NF];
    doc_row_kind kind;
} jrow;

/* A sum across the row: the template's columns of the fields it adds
 * (none when the template leaves one of them out: the workbook then
 * writes the number). */
static void across(builder *b, const doc_table *t, const int *fix, const int *fields, int n,
                   doc_cell *cell)
{
    int *cols = arena_alloc(b->a, (size_t)n * sizeof *cols);
    for (int i = 0; i < n; i++) {
        cols[i] = -1;
        for (int c = 0; c < t->ncols; c++)
            if (fix[c] == fields[i])
                cols[i] = c;
        if (cols[i] < 0)
            return;
    }
    cell->sum_cols = cols;
    cell->n_sum_cols = n;
}

static void emit(builder *b, doc_table *t, const tmpl_table *tt, const int *fix, const jrow *r)
{
    doc_cell *row = doc_table_add_body(b->a, t, r->kind);
    for (int c = 0; c < t->ncols; c++) {
        const tmpl_column *tc = &tt->cols[c];
        doc_cell *cell = &row[c];
        int f = fix[c];
        cell->align = tc->align;
        cell->text = "";
        if (tc->compare)
            continue;
        if (r->is_amount[f]) {
            if ((tc->flags & TC_BLANK_ZERO) && r->v[f] == 0)
                continue;
            cell->is_amount = 1;
            cell->value = r->v[f];
            cell->text = bld_fmt_amount(b, r->v[f]);
            cell->sum_rows = r->sum[f];
            cell->n_sum = r->n_sum[f];
            if (r->n_sumf[f])
                across(b, t, fix, r->sumf[f], r->n_sumf[f], cell);
        } else {
            cell->text = r->text[f] ? r->text[f] : "";
        }
    }
}

static void amt(jrow *r, int f, money v)
{
    r->is_amount[f] = 1;
    r->v[f] = v;
}

/* The body rows first..first+n-1 as a sum list. */
static const int *range(builder *b, int first, int n)
{
    int *v = arena_alloc(b->a, (size_t)(n > 0 ? n : 1) * sizeof *v);
    for (int i = 0; i < n; i++)
        v[i] = first + i;
    return v;
}

/* A 类/款/项 node's money of the sources in srcmask (col -1: all columns). */
static money node_sum(const js_node *nd, unsigned srcmask, int col)
{
    money v = 0;
    if (!nd)
        return 0; /* a listed 类 without money */
    for (int s = 0; s < JS_NSRC; s++)
        if (srcmask & 1u << s)
            for (int k = 0; k < JE_N; k++)
                if (col < 0 || col == k)
                    v += nd->v[s][k];
    return v;
}

/* "一" … for the 1-based n (build_chinese_number, up to 99). */
static const char *zh(builder *b, int n)
{
    char buf[32];
    build_chinese_number(n, buf, sizeof buf);
    return arena_strdup(b->a, buf);
}

/* The first js_expenditure.csv line with money of the sources in mask
 * under the 类 code (for a message); the 类 node's own position else. */
static diag_pos money_line(const js_data *j, const js_node *cls, unsigned mask)
{
    for (size_t i = 0; i < j->n_exp; i++) {
        const js_line *ln = &j->exp[i];
        if (strncmp(ln->code, cls->code, 3) || !(mask & 1u << ln->src))
            continue;
        for (int k = 0; k < JE_N; k++)
            if (ln->v[k].v)
                return ln->pos;
    }
    return cls->pos;
}

/* The 类 rows of the spending side: with classes=FILE on the column of
 * field rf, every 类 of the list in its order (node NULL where the data
 * has none: a blank row), and a 类 with money that the list lacks is an
 * error at its line; without it, the 类 with money.  Returns the count,
 * or -1 after reporting. */
static int class_rows(builder *b, const tmpl_table *tt, const int *fix, int rf, unsigned mask,
                      const js_node ***nodes, const char ***names)
{
    const js_data *j = b->cur->js;
    const tmpl_column *col = NULL;
    for (int c = 0; c < tt->ncols; c++)
        if (fix[c] == rf && tt->cols[c].classes)
            col = &tt->cols[c];
    js_class_list *l = NULL;
    if (col) {
        /* both summary tables name the list: read once */
        l = b->js_classes;
        if (!l || strcmp(l->path, col->classes)) {
            l = js_classes_load(b->a, b->d, col->classes, b->c->root,
                                template_pos(b->t, col->line, 0));
            b->js_classes = l;
        }
        if (!l) {
            b->failed = 1;
            return -1;
        }
    }
    size_t cap = j->n_nodes + (l ? l->n : 0) + 1;
    *nodes = arena_alloc(b->a, cap * sizeof **nodes);
    *names = arena_alloc(b->a, cap * sizeof **names);
    int n = 0;
    for (size_t i = 0; l && i < l->n; i++) {
        (*names)[n] = l->name[i];
        (*nodes)[n++] = NULL; /* blank unless the data has money under it */
    }
    int bad = 0;
    for (size_t i = 0; i < j->n_nodes; i++) {
        const js_node *nd = &j->nodes[i];
        if (nd->level != 1 || !node_sum(nd, mask, -1))
            continue;
        int at = l ? js_classes_index(l, nd->code) : -1;
        if (!l) {
            (*names)[n] = nd->name;
            (*nodes)[n++] = nd;
        } else if (at >= 0) {
            (*nodes)[at] = nd;
        } else {
            bad = 1;
            if (l->reported)
                continue; /* said at the first table with the list */
            diag_report(b->d, DIAG_ERROR, money_line(j, nd, mask),
                        "%s %s has %s of spending, but %s, the list of 类 that %s prints "
                        "(%s:%d), does not have it: add the line \"%s,%s\" to the list",
                        nd->code, nd->name, bld_fmt_amount(b, node_sum(nd, mask, -1)), l->path,
                        tt->title ? tt->title : tt->source, template_pos(b->t, col->line, 0).file,
                        template_pos(b->t, col->line, 0).line, nd->code, nd->name);
        }
    }
    if (bad) {
        l->reported = 1;
        b->failed = 1;
        return -1;
    }
    return n;
}

/* 收入支出决算总表 and 财政拨款收入支出决算总表: two sides. */
static void rows_two_sided(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                           int fiscal)
{
    const js_data *j = b->cur->js;
    const char *left[8];
    money lv[8];
    int nl = 0;
    static const char *const FIS[3] = {"一般公共预算财政拨款", "政府性基金预算财政拨款",
                                       "国有资本经营预算财政拨款"};
    for (int s = 0; s < 3; s++) {
        left[nl] = arena_printf(b->a, "%s、%s%s", zh(b, nl + 1), FIS[s], fiscal ? "" : "收入");
        lv[nl++] = j->fis[s][JF_INCOME].v;
    }
    for (int k = JI_SUPERIOR; !fiscal && k < JI_N; k++) {
        left[nl] = arena_printf(b->a, "%s、%s", zh(b, nl + 1), js_inc_names[k]);
        lv[nl++] = js_inc_total(j, k);
    }
    unsigned mask = fiscal ? 7u : 15u;
    const int lf = 0, lvf = 1, rf = 2, rvf = 3;
    const js_node **cls;
    const char **cname;
    int nc = class_rows(b, tt, fix, rf, mask, &cls, &cname);
    if (nc < 0)
        return;
    int body = nl > nc ? nl : nc;
    for (int i = 0; i < body; i++) {
        jrow r;
        memset(&r, 0, sizeof r);
        if (i < nl) {
            r.text[lf] = left[i];
            amt(&r, lvf, lv[i]);
        }
        if (i < nc)
            r.text[rf] = arena_printf(b->a, "%s、%s", zh(b, i + 1), cname[i]);
        if (i < nc && cls[i]) { /* a listed 类 without money stays blank */
            amt(&r, rvf, node_sum(cls[i], mask, -1));
            for (int s = 0; fiscal && s < 3; s++)
                amt(&r, 4 + s, node_sum(cls[i], 1u << s, -1));
        }
        emit(b, t, tt, fix, &r);
    }
    jrow r;
    memset(&r, 0, sizeof r);
    r.kind = DOC_ROW_TOTAL;
    r.text[lf] = "本年收入合计";
    r.text[rf] = "本年支出合计";
    money in = 0, out = 0;
    for (int i = 0; i < nl; i++)
        in += lv[i];
    for (int i = 0; i < nc; i++)
        out += node_sum(cls[i], mask, -1);
    amt(&r, lvf, in);
    r.sum[lvf] = range(b, 0, nl), r.n_sum[lvf] = nl;
    amt(&r, rvf, out);
    r.sum[rvf] = range(b, 0, nc), r.n_sum[rvf] = nc;
    for (int s = 0; fiscal && s < 3; s++) {
        money v = 0;
        for (int i = 0; i < nc; i++)
            v += node_sum(cls[i], 1u << s, -1);
        amt(&r, 4 + s, v);
        r.sum[4 + s] = range(b, 0, nc), r.n_sum[4 + s] = nc;
    }
    int total_row = body;
    emit(b, t, tt, fix, &r);
    if (!fiscal) {
        static const int L[2] = {JB_USE_BALANCE, JB_CARRY_IN},
                         R[2] = {JB_DISTRIBUTION, JB_CARRY_OUT};
        for (int i = 0; i < 2; i++) {
            memset(&r, 0, sizeof r);
            r.text[lf] = js_bal_names[L[i]];
            amt(&r, lvf, j->bal[L[i]].v);
            r.text[rf] = js_bal_names[R[i]];
            amt(&r, rvf, j->bal[R[i]].v);
            emit(b, t, tt, fix, &r);
        }
        memset(&r, 0, sizeof r);
        r.kind = DOC_ROW_TOTAL;
        r.text[lf] = r.text[rf] = "总计";
        amt(&r, lvf, js_revenue_grand_total(j));
        amt(&r, rvf, js_expense_grand_total(j));
        r.sum[lvf] = r.sum[rvf] = range(b, total_row, 3);
        r.n_sum[lvf] = r.n_sum[rvf] = 3;
        emit(b, t, tt, fix, &r);
        return;
    }
    /* 年初/年末财政拨款结转和结余, then per source, then 总计. */
    memset(&r, 0, sizeof r);
    r.kind = DOC_ROW_SUBTOTAL;
    r.text[lf] = "年初财政拨款结转和结余";
    r.text[rf] = "年末财政拨款结转和结余";
    money ci = 0, co = 0;
    for (int s = 0; s < 3; s++)
        ci += j->fis[s][JF_CARRY_IN].v, co += j->fis[s][JF_CARRY_OUT].v;
    amt(&r, lvf, ci);
    amt(&r, rvf, co);
    r.sum[lvf] = r.sum[rvf] = range(b, total_row + 2, 3);
    r.n_sum[lvf] = r.n_sum[rvf] = 3;
    for (int s = 0; s < 3; s++) {
        amt(&r, 4 + s, j->fis[s][JF_CARRY_OUT].v);
        r.sum[4 + s] = range(b, total_row + 2, 3), r.n_sum[4 + s] = 3;
    }
    amt(&r, 3, co);
    emit(b, t, tt, fix, &r);
    for (int s = 0; s < 3; s++) {
        memset(&r, 0, sizeof r);
        r.text[lf] = r.text[rf] = arena_printf(b->a, "%s、%s", zh(b, s + 1), FIS[s]);
        amt(&r, lvf, j->fis[s][JF_CARRY_IN].v);
        amt(&r, rvf, j->fis[s][JF_CARRY_OUT].v);
        amt(&r, 4 + s, j->fis[s][JF_CARRY_OUT].v);
        for (int k = 0; k < 3; k++)
            if (k != s)
                amt(&r, 4 + k, 0);
        emit(b, t, tt, fix, &r);
    }
    memset(&r, 0, sizeof r);
    r.kind = DOC_ROW_TOTAL;
    r.text[lf] = r.text[rf] = "总计";
    amt(&r, lvf, in + ci);
    amt(&r, rvf, out + co);
    amt(&r, 3, out + co);
    int *tw = arena_alloc(b->a, 2 * sizeof *tw);
    tw[0] = total_row, tw[1] = total_row + 1;
    for (int f = 1; f < 7; f += (f == 1 ? 2 : 1)) {
        r.sum[f] = tw, r.n_sum[f] = 2;
    }
    for (int s = 0; s < 3; s++) {
        money v = j->fis[s][JF_CARRY_OUT].v;
        for (int i = 0; i < nc; i++)
            v += node_sum(cls[i], 1u << s, -1);
        amt(&r, 4 + s, v);
    }
    emit(b, t, tt, fix, &r);
}

/* A classification table: a 合计 row (first or last) and the 类/款/项
 * rows with money in the table's columns. kind: 0 income, 1 expenditure,
 * 2 一般公共预算, 3 政府性基金, 4 国有资本经营. */
static void rows_class(builder *b, doc_table *t, const tmpl_table *tt, const int *fix, int kind)
{
    const js_data *j = b->cur->js;
    unsigned mask = kind == 1 ? 15u : kind == 2 ? 1u : kind == 3 ? 2u : 4u;
    int nf = kind == 0 ? 7 : kind == 1 ? 6 : kind == 2 ? 3 : 6; /* amount fields from 2 */
    int total_first = kind <= 1 || kind >= 3;
    jrow tot;
    memset(&tot, 0, sizeof tot);
    tot.kind = DOC_ROW_TOTAL;
    tot.text[0] = "";
    tot.text[1] = "合计";
    int n1 = 0, *ones = arena_alloc(b->a, (j->n_nodes + 1) * sizeof *ones);
    jrow *rows = arena_alloc(b->a, (j->n_nodes + 1) * sizeof *rows);
    int nr = 0;
    for (size_t i = 0; i < j->n_nodes; i++) {
        const js_node *nd = &j->nodes[i];
        jrow *r = &rows[nr];
        memset(r, 0, sizeof *r);
        r->kind = nd->level < 3 ? DOC_ROW_SUBTOTAL : DOC_ROW_NORMAL;
        r->text[0] = nd->code;
        r->text[1] = nd->name;
        money any = 0;
        if (kind == 0) {
            money s = 0;
            for (int k = 0; k < JI_N; k++) {
                amt(r, 3 + k, nd->inc[k]);
                s += nd->inc[k];
            }
            amt(r, 2, s);
            any = s;
            for (int k = 0; k < JI_N; k++)
                any |= nd->inc[k];
        } else if (kind <= 2) {
            int ncol = kind == 1 ? JE_N : 2;
            money s = 0;
            for (int k = 0; k < ncol; k++) {
                money v = node_sum(nd, mask, k);
                amt(r, 3 + k, v);
                s += v;
                any |= v;
            }
            amt(r, 2, s);
        } else {
            money bs = node_sum(nd, mask, JE_BASIC), pr = node_sum(nd, mask, JE_PROJECT);
            r->text[2] = r->text[3] = r->text[7] = "";
            amt(r, 4, bs + pr);
            amt(r, 5, bs);
            amt(r, 6, pr);
            any = bs | pr;
        }
        if (!any)
            continue;
        if (nd->level == 1)
            ones[n1++] = nr + (total_first ? 1 : 0);
        nr++;
    }
    for (int f = 2; f < 2 + nf; f++) {
        money s = 0;
        for (int i = 0; i < nr; i++)
            if (rows[i].kind == DOC_ROW_SUBTOTAL && strlen(rows[i].text[0]) == 3)
                s += rows[i].v[f];
        if (kind >= 3 && (f == 2 || f == 3 || f == 7))
            continue;
        amt(&tot, f, s);
        tot.sum[f] = ones;
        tot.n_sum[f] = n1;
    }
    if (kind >= 3) {
        const amount *fs = j->fis[kind - 2];
        amt(&tot, 2, fs[JF_CARRY_IN].v);
        amt(&tot, 3, fs[JF_INCOME].v);
        amt(&tot, 7, fs[JF_CARRY_OUT].v);
        if (!nr && !fs[JF_CARRY_IN].v && !fs[JF_INCOME].v && !fs[JF_CARRY_OUT].v)
            return; /* published empty, with its note */
    }
    if (!nr && kind == 2)
        return;
    /* A 类 row sums its 款 rows, a 款 row its 项 rows (formulas in the
     * workbook); the rows are in code order, children right after. */
    int off = total_first ? 1 : 0;
    for (int i = 0; i < nr; i++) {
        size_t len = strlen(rows[i].text[0]);
        if (len != 3 && len != 5)
            continue;
        int *kids = arena_alloc(b->a, (size_t)(nr + 1) * sizeof *kids), nk = 0;
        for (int k = i + 1; k < nr && !strncmp(rows[k].text[0], rows[i].text[0], len); k++)
            if (strlen(rows[k].text[0]) == len + 2)
                kids[nk++] = k + off;
        for (int f = 2; f < 2 + nf; f++)
            if (rows[i].is_amount[f] && (kind < 3 || (f >= 4 && f <= 6))) {
                rows[i].sum[f] = kids;
                rows[i].n_sum[f] = nk;
            }
    }
    if (total_first)
        emit(b, t, tt, fix, &tot);
    for (int i = 0; i < nr; i++)
        emit(b, t, tt, fix, &rows[i]);
    if (!total_first)
        emit(b, t, tt, fix, &tot);
}

/* 基本支出决算表: 301 and 303 on the left, 302 and 310 on the right. */
static void rows_basic(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    const js_data *j = b->cur->js;
    static const char *const SIDE[2][2] = {{"301", "303"}, {"302", "310"}};
    static const int CLASS_OF[2][2] = {{0, 2}, {1, 3}}; /* js_data.econ_class */
    /* Each side: its 类 rows, each followed by its 款, as the file gives them. */
    size_t cap = j->n_econ + 3;
    const char **code[2], **name[2];
    money *val[2];
    int n[2] = {0, 0};
    for (int s = 0; s < 2; s++) {
        code[s] = arena_alloc(b->a, cap * sizeof *code[s]);
        name[s] = arena_alloc(b->a, cap * sizeof *name[s]);
        val[s] = arena_alloc(b->a, cap * sizeof *val[s]);
        for (int c = 0; c < 2; c++) {
            money sum = 0;
            int have = 0;
            for (size_t i = 0; i < j->n_econ; i++)
                if (!strncmp(j->econ[i].code, SIDE[s][c], 3))
                    sum += j->econ[i].v.v, have = 1;
            if (!have)
                continue;
            code[s][n[s]] = SIDE[s][c];
            name[s][n[s]] = j->econ_class[CLASS_OF[s][c]];
            val[s][n[s]++] = sum;
            for (size_t i = 0; i < j->n_econ; i++)
                if (!strncmp(j->econ[i].code, SIDE[s][c], 3)) {
                    code[s][n[s]] = j->econ[i].code;
                    name[s][n[s]] = j->econ[i].name;
                    val[s][n[s]++] = j->econ[i].v.v;
                }
        }
    }
    int body = n[0] > n[1] ? n[0] : n[1];
    int *cls[2], ncls[2] = {0, 0};
    cls[0] = arena_alloc(b->a, 4 * sizeof(int));
    cls[1] = arena_alloc(b->a, 4 * sizeof(int));
    for (int i = 0; i < body; i++) {
        jrow r;
        memset(&r, 0, sizeof r);
        for (int s = 0; s < 2; s++)
            if (i < n[s]) {
                r.text[3 * s] = code[s][i];
                r.text[3 * s + 1] = name[s][i];
                amt(&r, 3 * s + 2, val[s][i]);
                if (strlen(code[s][i]) == 3 && ncls[s] < 4)
                    cls[s][ncls[s]++] = i;
            }
        emit(b, t, tt, fix, &r);
    }
    jrow r;
    memset(&r, 0, sizeof r);
    r.kind = DOC_ROW_TOTAL;
    r.text[0] = "人员经费合计";
    r.text[3] = "公用经费合计";
    r.text[1] = r.text[4] = "";
    amt(&r, 2, js_econ_total(j, 1));
    amt(&r, 5, js_econ_total(j, 0));
    for (int s = 0; s < 2; s++)
        r.sum[3 * s + 2] = cls[s], r.n_sum[3 * s + 2] = ncls[s];
    emit(b, t, tt, fix, &r);
}

static void rows_tp(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    const js_data *j = b->cur->js;
    jrow r;
    memset(&r, 0, sizeof r);
    static const int ROW[5] = {JT_ABROAD, -2, JT_VEH_BUY, JT_VEH_RUN, JT_RECEPTION};
    for (int k = 0; k < 5; k++)
        for (int a = 0; a < 2; a++) {
            money v;
            if (ROW[k] == -2)
                v = a ? js_tp_actual(j, JT_VEH_BUY) + js_tp_actual(j, JT_VEH_RUN)
                      : js_tp_plan(j, JT_VEH_BUY) + js_tp_plan(j, JT_VEH_RUN);
            else
                v = a ? js_tp_actual(j, ROW[k]) : js_tp_plan(j, ROW[k]);
            amt(&r, 2 + 2 * k + a, v);
        }
    amt(&r, 0, js_tp_plan(j, -1));
    amt(&r, 1, js_tp_actual(j, -1));
    /* 合计 = 因公出国 + 公务用车小计 + 公务接待费, 小计 = 购置费 + 运行维护费,
     * for 预算数 (even fields) and 决算数 (odd) alike: formulas in the
     * workbook, as the other tables' 合计. */
    static const int TOTAL[2][3] = {{2, 4, 10}, {3, 5, 11}}, VEH[2][2] = {{6, 8}, {7, 9}};
    for (int a = 0; a < 2; a++) {
        r.sumf[a] = TOTAL[a], r.n_sumf[a] = 3;
        r.sumf[4 + a] = VEH[a], r.n_sumf[4 + a] = 2;
    }
    if (!j->has_tp)
        return;
    emit(b, t, tt, fix, &r);
}

int js_table_rows(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                  const char *source)
{
    if (strncmp(source, "js_", 3))
        return 0;
    if (!b->cur->js) {
        bld_fail(b, "table %s is a table of the 决算: it needs kind = 决算 in [document]", source);
        return 1;
    }
    if (!strcmp(source, "js_summary"))
        rows_two_sided(b, t, tt, fix, 0);
    else if (!strcmp(source, "js_fiscal_summary"))
        rows_two_sided(b, t, tt, fix, 1);
    else if (!strcmp(source, "js_income"))
        rows_class(b, t, tt, fix, 0);
    else if (!strcmp(source, "js_expenditure"))
        rows_class(b, t, tt, fix, 1);
    else if (!strcmp(source, "js_general"))
        rows_class(b, t, tt, fix, 2);
    else if (!strcmp(source, "js_fund"))
        rows_class(b, t, tt, fix, 3);
    else if (!strcmp(source, "js_state_capital"))
        rows_class(b, t, tt, fix, 4);
    else if (!strcmp(source, "js_general_basic"))
        rows_basic(b, t, tt, fix);
    else if (!strcmp(source, "js_three_public"))
        rows_tp(b, t, tt, fix);
    return 1;
}
