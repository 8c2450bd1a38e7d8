/*
 * js_check — the identities of the nine 决算 tables (FORMATS.md §2),
 * checked on the input before anything is written; and every 项 of
 * 一般公共预算财政拨款 against its 年初预算.  What the tables compute
 * themselves (类 = Σ 款 = Σ 项, 合计 = Σ rows, 收入总计 as the sum of its
 * lines) holds by construction; what the department states twice (the
 * fiscal table's 本年收入 and 本年支出, the 结转和结余, the economic
 * detail) must agree here.
 */
#include "js.h"

#include "audit.h"
#include "csv.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 i128;

static diag_pos dir_pos(const js_data *j, const char *file)
{
    (void)j;
    return diag_at(file, 0, 0);
}

/* A file of the folder, for messages about a whole file. */
static const char *file_of(const js_data *j, const char *name)
{
    static char buf[2][512];
    static int k;
    k ^= 1;
    snprintf(buf[k], sizeof buf[k], "%s/%s", j->dir, name);
    return buf[k];
}

static void check_balance(diag *d, const config *c, const js_data *j)
{
    if (!j->has_inc && js_exp_total(j, -1, -1)) {
        diag_report(d, DIAG_ERROR, dir_pos(j, file_of(j, "js_income.csv")),
                    "the 决算 spends %s, so it needs js_income.csv (its revenue by 项 and source)",
                    js_fmt(c, js_exp_total(j, -1, -1)));
        return;
    }
    money rin = js_revenue_grand_total(j), rout = js_expense_grand_total(j);
    if (rin != rout)
        diag_report(d, DIAG_ERROR,
                    j->has_bal ? dir_pos(j, file_of(j, "js_balance.csv"))
                               : dir_pos(j, file_of(j, "js_expenditure.csv")),
                    "收入总计 %s (本年收入合计 %s + 使用非财政拨款结余 %s + 年初结转和结余 %s) "
                    "differs from 支出总计 %s (本年支出合计 %s + 结余分配 %s + 年末结转和结余 %s)",
                    js_fmt(c, rin), js_fmt(c, js_inc_total(j, -1)),
                    js_fmt(c, j->bal[JB_USE_BALANCE].v), js_fmt(c, j->bal[JB_CARRY_IN].v),
                    js_fmt(c, rout), js_fmt(c, js_exp_total(j, -1, -1)),
                    js_fmt(c, j->bal[JB_DISTRIBUTION].v), js_fmt(c, j->bal[JB_CARRY_OUT].v));
}

static void check_fiscal(diag *d, const config *c, const js_data *j)
{
    if (!j->has_fis) {
        if (js_inc_total(j, JI_FISCAL) || js_exp_total(j, JS_GENERAL, -1) ||
            js_exp_total(j, JS_FUND, -1) || js_exp_total(j, JS_STATE, -1))
            diag_report(d, DIAG_ERROR, dir_pos(j, file_of(j, "js_fiscal.csv")),
                        "the department has 财政拨款 money, so the 决算 needs js_fiscal.csv "
                        "(年初结转和结余, 本年收入, 本年支出, 年末结转和结余 per 资金来源)");
        return;
    }
    /* table 2 财政拨款收入 = table 4 本年收入 */
    money inc2 = js_inc_total(j, JI_FISCAL), inc4 = js_fiscal_income(j);
    if (inc2 != inc4)
        diag_report(d, DIAG_ERROR, j->fis[0][JF_INCOME].pos,
                    "财政拨款收入 of js_income.csv is %s but the 本年收入 of js_fiscal.csv add up "
                    "to %s (收入决算表 against 财政拨款收入支出决算总表)",
                    js_fmt(c, inc2), js_fmt(c, inc4));
    for (int s = 0; s < 3; s++) {
        const amount *f = j->fis[s];
        /* 本年支出 = the source's spending (table 4 against tables 5, 8, 9) */
        money spent = js_exp_total(j, s, JE_BASIC) + js_exp_total(j, s, JE_PROJECT);
        if (f[JF_SPEND].v != spent)
            diag_report(d, DIAG_ERROR, f[JF_SPEND].pos,
                        "本年支出 of %s is %s but js_expenditure.csv spends %s of it (基本支出 + "
                        "项目支出)",
                        js_src_names[s], js_fmt(c, f[JF_SPEND].v), js_fmt(c, spent));
        /* 年末 = 年初 + 收入 − 支出 */
        money want = f[JF_CARRY_IN].v + f[JF_INCOME].v - f[JF_SPEND].v;
        if (f[JF_CARRY_OUT].v != want)
            diag_report(d, DIAG_ERROR, f[JF_CARRY_OUT].pos,
                        "年末结转和结余 of %s is %s but 年初结转和结余 %s + 本年收入 %s − 本年支出 "
                        "%s = %s",
                        js_src_names[s], js_fmt(c, f[JF_CARRY_OUT].v), js_fmt(c, f[JF_CARRY_IN].v),
                        js_fmt(c, f[JF_INCOME].v), js_fmt(c, f[JF_SPEND].v), js_fmt(c, want));
    }
    /* The 财政拨款 结转和结余 are part of the department's. */
    money in = j->fis[0][JF_CARRY_IN].v + j->fis[1][JF_CARRY_IN].v + j->fis[2][JF_CARRY_IN].v;
    money out = j->fis[0][JF_CARRY_OUT].v + j->fis[1][JF_CARRY_OUT].v + j->fis[2][JF_CARRY_OUT].v;
    if (j->bal[JB_CARRY_IN].v < in)
        diag_report(
            d, DIAG_ERROR,
            j->has_bal ? j->bal[JB_CARRY_IN].pos : dir_pos(j, file_of(j, "js_balance.csv")),
            "年初结转和结余 is %s, less than the 财政拨款 年初结转和结余 %s of js_fiscal.csv "
            "it includes",
            js_fmt(c, j->bal[JB_CARRY_IN].v), js_fmt(c, in));
    if (j->bal[JB_CARRY_OUT].v < out)
        diag_report(
            d, DIAG_ERROR,
            j->has_bal ? j->bal[JB_CARRY_OUT].pos : dir_pos(j, file_of(j, "js_balance.csv")),
            "年末结转和结余 is %s, less than the 财政拨款 年末结转和结余 %s of js_fiscal.csv "
            "it includes",
            js_fmt(c, j->bal[JB_CARRY_OUT].v), js_fmt(c, out));
}

/* table 5 基本支出 = table 6 人员经费合计 + 公用经费合计 */
static void check_basic(diag *d, const config *c, const js_data *j)
{
    money basic = js_exp_total(j, JS_GENERAL, JE_BASIC);
    money econ = js_econ_total(j, 1) + js_econ_total(j, 0);
    if (!j->has_econ && basic)
        diag_report(d, DIAG_ERROR, dir_pos(j, file_of(j, "js_basic_economic.csv")),
                    "js_expenditure.csv gives a 一般公共预算 基本支出 of %s, so the 决算 needs "
                    "js_basic_economic.csv (its 经济分类)",
                    js_fmt(c, basic));
    else if (j->has_econ && basic != econ)
        diag_report(d, DIAG_ERROR, dir_pos(j, file_of(j, "js_basic_economic.csv")),
                    "js_basic_economic.csv adds up to %s (人员经费 %s + 公用经费 %s) but the "
                    "一般公共预算 基本支出 of js_expenditure.csv is %s",
                    js_fmt(c, econ), js_fmt(c, js_econ_total(j, 1)), js_fmt(c, js_econ_total(j, 0)),
                    js_fmt(c, basic));
}

static void check_three_public(diag *d, const config *c, const js_data *j)
{
    if (!j->has_tp)
        return;
    const js_tp_row *f = &j->tp[JT_FOREIGN], *r = &j->tp[JT_RECEPTION];
    if (f->actual.v > r->actual.v)
        diag_report(d, DIAG_ERROR, f->actual.pos,
                    "外宾接待费 %s is more than the 公务接待费 %s it is part of",
                    js_fmt(c, f->actual.v), js_fmt(c, r->actual.v));
    for (int k = 0; k < JT_FOREIGN; k++) {
        const js_tp_row *t = &j->tp[k];
        if (!t->present || !j->has_tp)
            continue;
        money p = t->plan.v, a = t->actual.v;
        money diff = a > p ? a - p : p - a;
        if (c->js_reason_threshold && diff && !*t->reason &&
            (p == 0 || (i128)diff * 100 > (i128)c->js_reason_threshold * p))
            diag_report(d, DIAG_WARNING, t->actual.pos,
                        "%s: 决算数 %s against 预算数 %s, more than the %d%% of "
                        "js_reason_threshold, but 原因 gives no reason",
                        js_tp_names[k], js_fmt(c, a), js_fmt(c, p), c->js_reason_threshold);
    }
}

/* Every 项 of the three appropriations against its 年初预算. */
static void check_items(diag *d, const config *c, const js_data *j)
{
    for (size_t i = 0; i < j->n_exp; i++) {
        const js_line *ln = &j->exp[i];
        if (ln->src == JS_OTHER)
            continue;
        if (!ln->has_plan) {
            diag_report(d, DIAG_ERROR, ln->pos,
                        "%s: no 年初预算 for this %s 项: give the column 年初预算 of "
                        "js_expenditure.csv, or [input] budget (the year's 预算 folder)",
                        ln->code, js_src_names[ln->src]);
            continue;
        }
        money a = ln->v[JE_BASIC].v + ln->v[JE_PROJECT].v, p = ln->plan.v;
        money diff = a > p ? a - p : p - a;
        if (!c->js_reason_threshold || !diff || *ln->reason)
            continue;
        if (p == 0 || (i128)diff * 100 > (i128)c->js_reason_threshold * p)
            diag_report(d, DIAG_WARNING, ln->reason_pos,
                        "%s: 决算 %s against 年初预算 %s, more than the %d%% of "
                        "js_reason_threshold, but 原因 gives no reason",
                        ln->code, js_fmt(c, a), js_fmt(c, p), c->js_reason_threshold);
    }
}

/* Against last year's 决算: a change of a figure the 情况说明 compares by
 * more than [check] reason_threshold percent needs a line of
 * js_reasons.csv (a warning). */
static void check_changes(diag *d, const config *c, const js_data *j, const js_data *p)
{
    static const char *const NAMES[] = {
        "收入总计",       "财政拨款收入支出总计", "一般公共预算财政拨款支出",
        "三公决算",       "因公出国（境）费决算", "公务用车购置及运行维护费决算",
        "公务接待费决算", "机关运行经费"};
    if (!c->reason_threshold)
        return;
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) {
        money v, w;
        if (!js_figure(j, NAMES[i], &v) || !js_figure(p, NAMES[i], &w) || w == 0 || v == w)
            continue;
        money diff = v > w ? v - w : w - v;
        if ((i128)diff * 100 <= (i128)c->reason_threshold * w || js_reason(j, NAMES[i]))
            continue;
        diag_report(d, DIAG_WARNING, diag_at(file_of(j, "js_reasons.csv"), 0, 0),
                    "%s changed from %s to %s against last year's 决算, more than the %d%% of "
                    "reason_threshold, but js_reasons.csv gives no reason for it",
                    NAMES[i], js_fmt(c, w), js_fmt(c, v), c->reason_threshold);
    }
}

void js_check(diag *d, const config *c, const js_data *j, int plan)
{
    check_balance(d, c, j);
    check_fiscal(d, c, j);
    check_basic(d, c, j);
    check_three_public(d, c, j);
    if (plan)
        check_items(d, c, j);
}

/* The rows `for csv:决算项:SOURCE` repeats: one per 项 of the source. */
static void js_item_tables(arena *a, js_data *j, budget *cur)
{
    cur->extra = arena_alloc(a, 3 * sizeof *cur->extra);
    j->items = arena_alloc(a, 3 * sizeof *j->items);
    static const char *const HEAD[3] = {"科目编码", "名称", "主要用于"};
    for (int s = 0; s < 3; s++) {
        js_item *v;
        int n = js_items(a, j, s, &v);
        j->items[s].v = v;
        j->items[s].n = n;
        csv_table *t = arena_alloc(a, sizeof *t);
        memset(t, 0, sizeof *t);
        t->a = a;
        t->path = arena_printf(a, "决算项:%s", js_src_names[s]);
        t->ncols = 3;
        t->header = (const char **)HEAD;
        t->nrows = (size_t)n;
        t->rows = arena_alloc(a, ((size_t)n + 1) * sizeof *t->rows);
        for (int i = 0; i < n; i++) {
            const char **f = arena_alloc(a, 3 * sizeof *f);
            f[0] = v[i].code;
            f[1] = v[i].path; /* 类（类）款（款）项（项） */
            f[2] = v[i].use;
            t->rows[i].fields = f;
            t->rows[i].line = v[i].pos.line;
        }
        cur->extra[cur->n_extra].file = t->path;
        cur->extra[cur->n_extra++].t = t;
    }
}

/* The self-audit of typed text (audit.h, as for a 预算): duties.txt and
 * notes.txt, and the 决算's own: 原因 and 主要用于 of js_expenditure.csv,
 * 原因 of js_three_public.csv and js_reasons.csv, js_text.csv.  -1: the word list is
 * wrong. */
static int js_audit(arena *a, diag *d, const config *c, const js_data *j, const budget *cur)
{
    size_t n = j->n_reasons + 2 * j->n_exp + JT_N + JW_N, k = 0;
    named_text *v = arena_alloc(a, (n + 1) * sizeof *v);
    for (size_t i = 0; i < j->n_reasons; i++)
        v[k++] = j->reasons[i];
    for (size_t i = 0; i < j->n_exp; i++) {
        const js_line *ln = &j->exp[i];
        if (ln->reason && *ln->reason && ln->reason_pos.file)
            v[k++] = (named_text){ln->code, ln->reason, ln->reason_pos, ln->reason_pos};
        if (ln->use && *ln->use)
            v[k++] = (named_text){ln->code, ln->use, ln->use_pos, ln->use_pos};
    }
    for (int t = 0; t < JT_N; t++)
        if (j->tp[t].present && *j->tp[t].reason)
            v[k++] = (named_text){js_tp_names[t], j->tp[t].reason, j->tp[t].reason_pos,
                                  j->tp[t].reason_pos};
    for (int w = 0; w < JW_N; w++) /* js_text.csv */
        if (j->words[w].text)
            v[k++] = j->words[w];
    budget aud = *cur;
    aud.reasons = v;
    aud.n_reasons = k;
    aud.extra = NULL;
    aud.n_extra = 0;
    return audit_budget(a, d, c, &aud) < 0 ? -1 : 0;
}

int js_load_and_check(arena *a, diag *d, const config *c, budget *cur, budget *prev, int *have_prev)
{
    int st = js_load(a, d, c, c->input_dir, c->year, 1, cur);
    /* [input] previous: last year's 决算 folder, for the comparisons. */
    if (c->previous_dir) {
        *have_prev = 1;
        int ps = js_load(a, d, c, c->previous_dir, c->previous_year, 0, prev);
        if (ps < st)
            st = ps;
    }
    if (st < 0)
        return st == -2 ? 2 : 1;
    js_data *j = (js_data *)cur->js, *p = *have_prev ? (js_data *)prev->js : NULL;
    int ds = js_derive(a, d, c, c->function_codes, j);
    if (ds == 0 && p)
        ds = js_derive(a, d, c, c->previous_function_codes, p);
    if (ds < 0)
        return ds == -2 ? 2 : 1;
    js_check(d, c, j, 1);
    if (p) {
        js_check(d, c, p, 0);
        check_changes(d, c, j, p);
    }
    if (js_audit(a, d, c, j, cur) < 0)
        return 2;
    js_item_tables(a, j, cur);
    return d->errors ? 1 : 0;
}
