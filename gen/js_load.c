/*
 * js_load — reads the 决算 input folder (docs/juesuan.md) into js_data:
 * js_expenditure.csv, js_income.csv, js_fiscal.csv, js_balance.csv,
 * js_basic_economic.csv, js_three_public.csv, js_other.csv; and, when
 * [input] budget names it, the year's 预算 folder with the 预算 loader
 * (load_budget), whose figures are the 年初预算.  Every file is read as
 * the 预算 files are (load_input_csv: encodings, the unit row, the project
 * folder), every amount by load_amount_cell; every problem of a file is
 * reported before loading stops.
 */
#include "js.h"
#include "i18n.h"

#include "codes.h"
#include "csv.h"
#include "load.h"
#include "utf8.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* An amount is at most JS_AMOUNT_MAX fen and a file has at most
 * JS_ROWS_MAX rows: no sum of a column overflows. */
#define JS_AMOUNT_MAX (INT64_MAX >> 20)
#define JS_ROWS_MAX 10000

const char *const js_src_names[JS_NSRC] = {"一般公共预算", "政府性基金", "国有资本经营",
                                           "其他资金"};
const char *const js_exp_names[JE_N] = {"基本支出", "项目支出", "上缴上级支出", "经营支出",
                                        "对附属单位补助支出"};
const char *const js_inc_names[JI_N] = {"财政拨款收入", "上级补助收入",     "事业收入",
                                        "经营收入",     "附属单位上缴收入", "其他收入"};
const char *const js_bal_names[JB_N] = {"使用非财政拨款结余", "年初结转和结余", "结余分配",
                                        "年末结转和结余"};
const char *const js_fis_names[JF_N] = {"年初结转和结余", "本年收入", "本年支出", "年末结转和结余"};
const char *const js_tp_names[JT_N] = {"因公出国（境）费", "公务用车购置费", "公务用车运行维护费",
                                       "公务接待费", "外宾接待费"};
const char *const js_count_names[JC_N] = {"团组数", "人次", "购置数", "保有量", "批次"};

static const char *const FACT_NAMES[JX_N] = {
    "机关运行经费",     "货物采购",         "工程采购",
    "服务采购",         "面向中小企业预留", "面向小微企业预留",
    "中小企业中标",     "小微企业中标",     "其他项目中小企业中标",
    "部级领导干部用车", "主要领导干部用车", "机要通信用车",
    "应急保障用车",     "执法执勤用车",     "特种专业技术用车",
    "离退休干部用车",   "其他用车",         "单价100万元以上设备",
    "绩效目标项目数",   "绩效目标金额",     "绩效跟踪项目数",
    "绩效跟踪金额",     "绩效自评项目数",   "绩效自评金额",
    "绩效自评平均得分", "评级优",           "评级良",
    "评级合格",         "评级不合格",       "发现问题",
    "已整改",           "正在整改"};

const char *js_fact_name(int k)
{
    return FACT_NAMES[k];
}

int js_fact_kind(int k)
{
    switch (k) {
    case JX_OPERATING_COST:
    case JX_PROC_GOODS:
    case JX_PROC_WORKS:
    case JX_PROC_SERVICES:
    case JX_SME_RESERVED:
    case JX_SMALL_RESERVED:
    case JX_SME_AWARDED:
    case JX_SMALL_AWARDED:
    case JX_SME_OTHER:
    case JX_PERF_TARGET_AMOUNT:
    case JX_PERF_TRACK_AMOUNT:
    case JX_PERF_SELF_AMOUNT:
        return JXK_AMOUNT;
    case JX_PERF_SCORE:
        return JXK_SCORE;
    default:
        return JXK_COUNT;
    }
}

typedef struct jloader {
    arena *a;
    diag *d;
    const config *c;
    const char *dir;
    csv_limits lim;
    int refused;
} jloader;

static csv_table *open_file(jloader *L, const char *file)
{
    int st;
    csv_table *t = load_input_csv(L->a, L->d, L->c, L->dir, file, &L->lim, &st);
    if (st == -2)
        L->refused = 1;
    if (t && t->nrows > JS_ROWS_MAX) {
        diag_report(L->d, DIAG_ERROR, diag_at(t->path, t->rows[JS_ROWS_MAX].line, 0),
                    "more than %d rows: a 决算 input file has one row per 项 or item", JS_ROWS_MAX);
        return NULL;
    }
    return t;
}

/* The smallest amount the tables and the text both print, in fen. */
static money print_step(const config *c)
{
    money t = money_unit_scale(c->unit), x = money_unit_scale(c->text_unit);
    for (int i = 0; i < c->decimals; i++)
        t /= 10;
    for (int i = 0; i < c->text_decimals; i++)
        x /= 10;
    return t > x ? t : x;
}

/* An amount cell; empty is 0 unless required. */
static amount amount_cell(jloader *L, const csv_table *t, const csv_row *r, int f, int required)
{
    amount am;
    money_status st = load_amount_cell(L->d, L->c, t, r, f, required, &am);
    if (f < 0)
        return am;
    if (st == MONEY_OK && am.v > JS_AMOUNT_MAX) {
        diag_report(L->d, DIAG_ERROR, am.pos,
                    "%s %s is too large to be a 决算 amount: check the figure and its unit",
                    t->header[f], r->fields[f]);
        am.v = 0;
    } else if (st == MONEY_OK && am.v % print_step(L->c)) {
        /* The 决算 tables print exact figures (no 尾差 correction), so
         * every printed total is the sum of its printed parts. */
        diag_report(L->d, DIAG_ERROR, am.pos,
                    "%s %s has more decimals than the 决算 prints (%s with [units] decimals and "
                    "text_decimals): give it at the precision published",
                    t->header[f], r->fields[f], money_unit_name(L->c->unit));
    } else if (st == MONEY_EMPTY && !required) {
        am.present = 1;
    }
    return am;
}

/* A count: a whole number ≥ 0 of at most 9 digits; empty is absent. */
static int count_cell(jloader *L, const csv_table *t, const csv_row *r, int f, long *out)
{
    *out = 0;
    if (f < 0 || !*r->fields[f])
        return 0;
    const char *s = r->fields[f];
    size_t len = strlen(s);
    if (strspn(s, "0123456789") != len || len > 9) {
        diag_report(L->d, DIAG_ERROR, csv_pos(t, r, f),
                    "%s \"%s\" is not a count: expected a whole number such as 3", t->header[f], s);
        return 0;
    }
    long v = 0;
    for (size_t i = 0; i < len; i++)
        v = v * 10 + (s[i] - '0');
    *out = v;
    return 1;
}

/* A classification code of `digits` digits. */
static int code_ok(jloader *L, const csv_table *t, const csv_row *r, int f, int digits,
                   const char *what)
{
    const char *s = r->fields[f];
    if ((int)strlen(s) != digits || strspn(s, "0123456789") != (size_t)digits) {
        diag_report(L->d, DIAG_ERROR, csv_pos(t, r, f),
                    digits == 7 ? N_("科目编码 \"%s\" is not a %s code: expected %d digits (a 项, "
                                     "e.g. 2010101)")
                                : N_("科目编码 \"%s\" is not a %s code: expected %d digits (a 款, "
                                     "e.g. 30101)"),
                    s, _(what), digits);
        return 0;
    }
    return 1;
}

static int name_index(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (utf8_name_eq(names[i], s))
            return i;
    return -1;
}

/* The list "A, B or C" of names, for messages. */
static const char *names_list(arena *a, const char *const *names, int n)
{
    const char *s = n ? names[0] : "";
    for (int i = 1; i < n; i++)
        /* TRANSLATORS: a list of names: "A, B" then "A, B or C" */
        s = i == n - 1 ? arena_printf(a, _("%s or %s"), s, names[i])
                       : arena_printf(a, _("%s, %s"), s, names[i]);
    return s;
}

/* ---- one line per code -------------------------------------------------- */

typedef struct dup_key {
    const char *code;
    int key2;   /* a second part of the key (资金来源), or 0 */
    size_t i;   /* the line's index: equal keys sort in file order */
} dup_key;

static int cmp_dup_key(const void *pa, const void *pb)
{
    const dup_key *a = pa, *b = pb;
    int c = strcmp(a->code, b->code);
    if (c)
        return c;
    if (a->key2 != b->key2)
        return a->key2 < b->key2 ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

#define AT(base, size, i, off) ((char *)(base) + (i) * (size) + (off))

/*
 * One line per key in a file of n lines of `size` bytes at base: a line's
 * key is its code (the const char * at code_off) and, when key2_names is
 * given, the int at key2_off (its 资金来源, named by key2_names).  A line
 * whose key an earlier line has is reported at its position (the diag_pos
 * at pos_off) and dropped; the others keep their order.  Sorted, so a file
 * of any length costs n log n.  Returns the count kept.
 */
static size_t keep_first(jloader *L, void *base, size_t n, size_t size, size_t code_off,
                         size_t key2_off, const char *const *key2_names, size_t pos_off)
{
    if (n < 2)
        return n;
    dup_key *k = arena_alloc(L->a, n * sizeof *k);
    size_t *first = arena_alloc(L->a, n * sizeof *first); /* n: not a repeat */
    for (size_t i = 0; i < n; i++) {
        k[i].code = *(const char **)AT(base, size, i, code_off);
        k[i].key2 = key2_names ? *(const int *)AT(base, size, i, key2_off) : 0;
        k[i].i = i;
        first[i] = n;
    }
    qsort(k, n, sizeof *k, cmp_dup_key);
    for (size_t a = 0, b = 1; b < n; b++) {
        if (strcmp(k[a].code, k[b].code) || k[a].key2 != k[b].key2)
            a = b;
        else
            first[k[b].i] = k[a].i;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (first[i] < n) {
            const diag_pos *pos = (const diag_pos *)AT(base, size, i, pos_off);
            int line = ((const diag_pos *)AT(base, size, first[i], pos_off))->line;
            const char *code = *(const char **)AT(base, size, i, code_off);
            if (key2_names)
                diag_report(L->d, DIAG_ERROR, *pos,
                            "%s with 资金来源 %s is given twice (first at line %d)", code,
                            key2_names[*(const int *)AT(base, size, i, key2_off)], line);
            else
                diag_report(L->d, DIAG_ERROR, *pos, "%s is given twice (first at line %d)", code,
                            line);
            continue;
        }
        if (kept != i)
            memmove(AT(base, size, kept, 0), AT(base, size, i, 0), size);
        kept++;
    }
    return kept;
}

static void load_expenditure(jloader *L, js_data *j)
{
    csv_table *t = open_file(L, "js_expenditure.csv");
    if (!t)
        return;
    static const csv_column cols[] = {
        {"科目编码", "code", 1},      {"科目名称", "name", 0},
        {"资金来源", "source", 1},    {"基本支出", "basic", 1},
        {"项目支出", "project", 1},   {"上缴上级支出", "upper", 0},
        {"经营支出", "operating", 0}, {"对附属单位补助支出", "subsidy", 0},
        {"年初预算", "plan", 0},      {"原因", "reason", 0},
        {"主要用于", "use", 0},
    };
    int ix[11];
    if (csv_map_columns(t, L->d, cols, 11, ix) < 0)
        return;
    j->exp = arena_alloc(L->a, (t->nrows + 1) * sizeof *j->exp);
    j->exp_has_plan_col = ix[8] >= 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        js_line *ln = &j->exp[j->n_exp];
        memset(ln, 0, sizeof *ln);
        ln->pos = csv_pos(t, r, ix[0]);
        if (!code_ok(L, t, r, ix[0], 7, N_("function (功能分类)")))
            continue;
        ln->code = r->fields[ix[0]];
        ln->name = ix[1] >= 0 ? r->fields[ix[1]] : "";
        ln->src = name_index(js_src_names, JS_NSRC, r->fields[ix[2]]);
        if (ln->src < 0) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[2]), "资金来源 \"%s\": expected %s",
                        r->fields[ix[2]], names_list(L->a, js_src_names, JS_NSRC));
            continue;
        }
        for (int k = 0; k < JE_N; k++) {
            ln->v[k] = amount_cell(L, t, r, ix[3 + k], 0);
            if (k >= JE_UPPER && ln->src != JS_OTHER && ln->v[k].v)
                diag_report(L->d, DIAG_ERROR, ln->v[k].pos,
                            "%s of %s money: a 财政拨款 is spent only as 基本支出 or 项目支出; "
                            "give it under 资金来源 其他资金",
                            js_exp_names[k], js_src_names[ln->src]);
        }
        if (ix[8] >= 0 && *r->fields[ix[8]]) {
            ln->plan = amount_cell(L, t, r, ix[8], 0);
            ln->has_plan = 1;
        }
        ln->reason = ix[9] >= 0 ? r->fields[ix[9]] : "";
        ln->reason_pos = ix[9] >= 0 ? csv_pos(t, r, ix[9]) : ln->pos;
        ln->use = ix[10] >= 0 ? r->fields[ix[10]] : "";
        ln->use_pos = ix[10] >= 0 ? csv_pos(t, r, ix[10]) : ln->pos;
        j->n_exp++;
    }
    j->n_exp = keep_first(L, j->exp, j->n_exp, sizeof *j->exp, offsetof(js_line, code),
                          offsetof(js_line, src), js_src_names, offsetof(js_line, pos));
    j->has_exp = 1;
}

static void load_income(jloader *L, js_data *j)
{
    csv_table *t = open_file(L, "js_income.csv");
    if (!t)
        return;
    static const csv_column cols[] = {
        {"科目编码", "code", 1},
        {"科目名称", "name", 0},
        {"财政拨款收入", "fiscal", 1},
        {"上级补助收入", "superior", 0},
        {"事业收入", "business", 0},
        {"经营收入", "operating", 0},
        {"附属单位上缴收入", "affiliated", 0},
        {"其他收入", "other", 0},
    };
    int ix[8];
    if (csv_map_columns(t, L->d, cols, 8, ix) < 0)
        return;
    j->inc = arena_alloc(L->a, (t->nrows + 1) * sizeof *j->inc);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        js_iline *ln = &j->inc[j->n_inc];
        memset(ln, 0, sizeof *ln);
        ln->pos = csv_pos(t, r, ix[0]);
        if (!code_ok(L, t, r, ix[0], 7, N_("function (功能分类)")))
            continue;
        ln->code = r->fields[ix[0]];
        ln->name = ix[1] >= 0 ? r->fields[ix[1]] : "";
        for (int k = 0; k < JI_N; k++)
            ln->v[k] = amount_cell(L, t, r, ix[2 + k], 0);
        j->n_inc++;
    }
    j->n_inc = keep_first(L, j->inc, j->n_inc, sizeof *j->inc, offsetof(js_iline, code), 0, NULL,
                          offsetof(js_iline, pos));
    j->has_inc = 1;
}

/* A file of named rows: column 0 the 项目 (one of names[n]), the rest
 * amounts.  Each name at most once. */
static csv_table *named_rows(jloader *L, const char *file, const csv_column *cols, int ncols,
                             int *ix, const char *const *names, int n, int *row_of)
{
    csv_table *t = open_file(L, file);
    if (!t || csv_map_columns(t, L->d, cols, (size_t)ncols, ix) < 0)
        return NULL;
    for (int k = 0; k < n; k++)
        row_of[k] = -1;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        int k = name_index(names, n, r->fields[ix[0]]);
        if (k < 0) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]), "%s \"%s\": expected %s",
                        t->header[ix[0]], r->fields[ix[0]], names_list(L->a, names, n));
            continue;
        }
        if (row_of[k] >= 0) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "%s is given twice (first at line %d)", names[k], t->rows[row_of[k]].line);
            continue;
        }
        row_of[k] = (int)i;
    }
    return t;
}

static void load_fiscal(jloader *L, js_data *j)
{
    static const csv_column cols[] = {
        {"资金来源", "source", 1}, {"年初结转和结余", "carry_in", 1},  {"本年收入", "income", 1},
        {"本年支出", "spend", 1},  {"年末结转和结余", "carry_out", 1},
    };
    int ix[5], row_of[3];
    csv_table *t = named_rows(L, "js_fiscal.csv", cols, 5, ix, js_src_names, 3, row_of);
    if (!t)
        return;
    for (int s = 0; s < 3; s++)
        for (int k = 0; k < JF_N; k++) {
            if (row_of[s] < 0) {
                j->fis[s][k].present = 1;
                continue;
            }
            j->fis[s][k] = amount_cell(L, t, &t->rows[row_of[s]], ix[1 + k], 1);
        }
    j->has_fis = 1;
}

static void load_balance(jloader *L, js_data *j)
{
    static const csv_column cols[] = {{"项目", "item", 1}, {"决算数", "amount", 1}};
    int ix[2], row_of[JB_N];
    csv_table *t = named_rows(L, "js_balance.csv", cols, 2, ix, js_bal_names, JB_N, row_of);
    if (!t)
        return;
    for (int k = 0; k < JB_N; k++)
        if (row_of[k] >= 0)
            j->bal[k] = amount_cell(L, t, &t->rows[row_of[k]], ix[1], 1);
        else
            j->bal[k].present = 1;
    j->has_bal = 1;
}

static void load_economic(jloader *L, js_data *j)
{
    csv_table *t = open_file(L, "js_basic_economic.csv");
    if (!t)
        return;
    static const csv_column cols[] = {
        {"科目编码", "code", 1}, {"科目名称", "name", 1}, {"决算数", "amount", 1}};
    int ix[3];
    if (csv_map_columns(t, L->d, cols, 3, ix) < 0)
        return;
    j->econ = arena_alloc(L->a, (t->nrows + 1) * sizeof *j->econ);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        js_eline *ln = &j->econ[j->n_econ];
        ln->pos = csv_pos(t, r, ix[0]);
        if (!code_ok(L, t, r, ix[0], 5, N_("economic (经济分类)")))
            continue;
        ln->code = r->fields[ix[0]];
        if (strncmp(ln->code, "301", 3) && strncmp(ln->code, "302", 3) &&
            strncmp(ln->code, "303", 3) && strncmp(ln->code, "310", 3)) {
            diag_report(L->d, DIAG_ERROR, ln->pos,
                        "科目编码 %s: 基本支出 is classed under 301, 302, 303 or 310", ln->code);
            continue;
        }
        ln->name = r->fields[ix[1]];
        ln->v = amount_cell(L, t, r, ix[2], 1);
        j->n_econ++;
    }
    j->n_econ = keep_first(L, j->econ, j->n_econ, sizeof *j->econ, offsetof(js_eline, code), 0,
                           NULL, offsetof(js_eline, pos));
    j->has_econ = 1;
}

static void load_three_public(jloader *L, js_data *j)
{
    static const csv_column cols[] = {
        {"项目", "item", 1},     {"预算数", "plan", 0},  {"决算数", "actual", 1},
        {"团组数", "groups", 0}, {"人次", "persons", 0}, {"购置数", "bought", 0},
        {"保有量", "held", 0},   {"批次", "batches", 0}, {"原因", "reason", 0},
    };
    int ix[9], row_of[JT_N];
    csv_table *t = named_rows(L, "js_three_public.csv", cols, 9, ix, js_tp_names, JT_N, row_of);
    if (!t)
        return;
    /* Which counts an item may give. */
    static const int ALLOWED[JT_N] = {1 << JC_GROUPS | 1 << JC_PERSONS, 1 << JC_BOUGHT,
                                      1 << JC_HELD, 1 << JC_BATCHES | 1 << JC_PERSONS,
                                      1 << JC_BATCHES | 1 << JC_PERSONS};
    for (int k = 0; k < JT_N; k++) {
        js_tp_row *tr = &j->tp[k];
        if (row_of[k] < 0) {
            tr->plan.present = tr->actual.present = 1;
            continue;
        }
        const csv_row *r = &t->rows[row_of[k]];
        tr->present = 1;
        tr->pos = csv_pos(t, r, ix[0]);
        tr->plan = amount_cell(L, t, r, ix[1], 0);
        if (ix[1] < 0)
            tr->plan.present = 0;
        tr->actual = amount_cell(L, t, r, ix[2], 1);
        for (int c = 0; c < JC_N; c++) {
            tr->has_count[c] = count_cell(L, t, r, ix[3 + c], &tr->count[c]);
            if (tr->has_count[c] && !(ALLOWED[k] & 1 << c))
                diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[3 + c]),
                            "%s is no count of %s: 因公出国（境）费 gives 团组数 and 人次, "
                            "公务用车购置费 购置数, 公务用车运行维护费 保有量, 公务接待费 and "
                            "外宾接待费 批次 and 人次",
                            js_count_names[c], js_tp_names[k]);
        }
        tr->reason = ix[8] >= 0 ? r->fields[ix[8]] : "";
        tr->reason_pos = ix[8] >= 0 ? csv_pos(t, r, ix[8]) : tr->pos;
    }
    j->has_tp = 1;
}

static void load_other(jloader *L, js_data *j)
{
    static const csv_column cols[] = {{"项目", "item", 1}, {"数值", "value", 1}};
    int ix[2], row_of[JX_N];
    csv_table *t = named_rows(L, "js_other.csv", cols, 2, ix, FACT_NAMES, JX_N, row_of);
    if (!t)
        return;
    for (int k = 0; k < JX_N; k++) {
        if (row_of[k] < 0)
            continue;
        const csv_row *r = &t->rows[row_of[k]];
        js_fact *f = &j->fact[k];
        f->pos = csv_pos(t, r, ix[1]);
        if (js_fact_kind(k) == JXK_COUNT) {
            long v;
            if (!count_cell(L, t, r, ix[1], &v)) {
                if (!*r->fields[ix[1]])
                    diag_report(L->d, DIAG_ERROR, f->pos, "数值 of %s is empty: expected a count",
                                FACT_NAMES[k]);
                continue;
            }
            f->v = v;
        } else if (js_fact_kind(k) == JXK_SCORE) {
            char why[160];
            /* A score is read as a plain number with at most 2 decimals. */
            if (money_parse(r->fields[ix[1]], MONEY_YUAN, &f->v, why, sizeof why) != MONEY_OK ||
                f->v < 0 || f->v > 10000) {
                diag_report(L->d, DIAG_ERROR, f->pos,
                            "%s \"%s\" is not a score: expected a number from 0 to 100 with at "
                            "most 2 decimals",
                            FACT_NAMES[k], r->fields[ix[1]]);
                continue;
            }
        } else {
            amount am = amount_cell(L, t, r, ix[1], 1);
            f->v = am.v;
        }
        f->present = 1;
    }
    j->has_other = 1;
}

/* js_reasons.csv: one reason per figure name ({决算:原因:NAME}). */
static void load_reasons(jloader *L, js_data *j)
{
    csv_table *t = open_file(L, "js_reasons.csv");
    if (!t)
        return;
    static const csv_column cols[] = {{"项目", "item", 1}, {"原因", "reason", 1}};
    int ix[2];
    if (csv_map_columns(t, L->d, cols, 2, ix) < 0)
        return;
    j->reasons = arena_alloc(L->a, (t->nrows + 1) * sizeof *j->reasons);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        named_text *nt = &j->reasons[j->n_reasons];
        nt->name = r->fields[ix[0]];
        nt->text = r->fields[ix[1]];
        nt->pos = csv_pos(t, r, ix[0]);
        nt->text_pos = csv_pos(t, r, ix[1]);
        money v;
        long k;
        if (!js_figure(j, nt->name, &v) && !js_count(j, nt->name, &k)) {
            diag_report(L->d, DIAG_ERROR, nt->pos,
                        "项目 \"%s\" is no 决算 figure: expected a name such as 收入总计, "
                        "财政拨款收入支出总计, 一般公共预算财政拨款支出, 三公决算 or 机关运行经费 "
                        "(docs/juesuan.md)",
                        nt->name);
            continue;
        }
        if (!*nt->text) {
            diag_report(L->d, DIAG_ERROR, nt->text_pos, "原因 of %s is empty", nt->name);
            continue;
        }
        j->n_reasons++;
    }
    j->has_reasons = 1;
}

const char *js_reason(const js_data *j, const char *name)
{
    for (size_t i = 0; i < j->n_reasons; i++)
        if (!strcmp(j->reasons[i].name, name))
            return j->reasons[i].text;
    return NULL;
}

int js_load(arena *a, diag *d, const config *c, const char *dir, int year, int with_plan, budget *b)
{
    /* The parts a 决算 shares with the 预算 (duties.txt, institutions.csv,
     * notes.txt …: the 部门概况) are read by the 预算 loader, every one of
     * them optional; the js_*.csv files are the 决算's own. */
    int before = d->errors;
    int common = load_budget(a, d, c, dir, year, b);
    js_data *j = arena_alloc(a, sizeof *j);
    memset(j, 0, sizeof *j);
    j->dir = dir;
    b->js = j;
    jloader L = {a, d, c, dir, {0, (size_t)c->max_rows, (size_t)c->max_cell}, 0};
    load_expenditure(&L, j);
    load_income(&L, j);
    load_fiscal(&L, j);
    load_balance(&L, j);
    load_economic(&L, j);
    load_three_public(&L, j);
    load_other(&L, j);
    load_reasons(&L, j);
    if (js_load_words(a, d, c, dir, j) == -2) /* js_text.csv: js_words.c */
        L.refused = 1;
    js_check_perf(d, j);
    if (!j->has_exp && !L.refused && d->errors == before)
        diag_report(d, DIAG_ERROR, diag_at(dir, 0, 0),
                    "a 决算 needs js_expenditure.csv (its spending by 项 and 资金来源; see "
                    "docs/juesuan.md)");
    if (with_plan && c->budget_dir) {
        budget *plan = arena_alloc(a, sizeof *plan);
        int st = load_budget(a, d, c, c->budget_dir, c->year, plan);
        if (st == -2)
            L.refused = 1;
        j->plan = plan;
    }
    if (L.refused || common == -2)
        return -2;
    return d->errors > before ? -1 : 0;
}
