/*
 * check — balancing rules (see check.h).  Each rule cites FORMAT.md §4.
 */
#include "check.h"

#include "strbuf.h"
#include "threshold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct checker {
    diag *d;
    const config *c;
    diag_level level; /* DIAG_ERROR for this year, DIAG_WARNING for last year */
} checker;

/* An amount as findings show it: every significant decimal, at least two
 * ("240.00", "0.125"), no thousands separators so it can be searched. */
static const char *fmt(const checker *k, money v, char *buf, size_t n)
{
    money_unit u = k->c->unit;
    money_format(v, u, money_unit_max_decimals(u), 0, 1, buf, n);
    const char *dot = strchr(buf, '.');
    size_t len = strlen(buf);
    if (!dot)
        snprintf(buf + len, n - len, ".00");
    else if (strlen(dot) == 2)
        snprintf(buf + len, n - len, "0");
    return buf;
}

#define A(v) fmt(k, (v), (char[48]){0}, 48)

static void report(const checker *k, diag_pos pos, const char *msg, money stated, money sum,
                   const char *what)
{
    diag_report(k->d, k->level, pos, "%s is %s but %s %s", msg, A(stated), what, A(sum));
}

/* Rule: a stated total equals the sum of its parts. */
static void expect_sum(const checker *k, const amount *stated, const char *name, money sum,
                       const char *what)
{
    if (stated->present && stated->v != sum)
        report(k, stated->pos, name, stated->v, sum, what);
}

/* ---- revenue and summary (收入总计 = Σ 来源, 支出总计 = 基本 + 项目) ---- */

static void check_totals(const checker *k, const budget *b)
{
    const amount *S = b->summary;
    if (b->has_revenue) {
        money sum = 0;
        for (int r = 0; r < REV_COUNT; r++)
            sum += b->revenue[r].v;
        expect_sum(k, &S[SUM_REVENUE_TOTAL], "收入总计", sum,
                   "the sources in revenue.csv sum to");
    }
    if (S[SUM_BASIC].present && S[SUM_PROJECT].present)
        expect_sum(k, &S[SUM_EXPENSE_TOTAL], "支出总计", S[SUM_BASIC].v + S[SUM_PROJECT].v,
                   "基本支出 + 项目支出 =");
    int f1, f2;
    money rev = budget_figure(b, SUM_REVENUE_TOTAL, &f1);
    money exp = budget_figure(b, SUM_EXPENSE_TOTAL, &f2);
    if (f1 && f2 && rev != exp) {
        const amount *at = S[SUM_EXPENSE_TOTAL].present ? &S[SUM_EXPENSE_TOTAL]
                                                        : &S[SUM_REVENUE_TOTAL];
        diag_report(k->d, k->level, at->pos, "收入总计 %s and 支出总计 %s differ: they must balance",
                    A(rev), A(exp));
    }
}

/* ---- expenditure by function and economic code ------------------------
 * The detail is entered once, at the most detailed level (load.c derives
 * 类 and 款, so 类 = Σ款 = Σ项 holds by construction); what can still
 * disagree is the detail and the figures stated elsewhere. */

static void check_func(const checker *k, const budget *b)
{
    if (!b->n_func)
        return;
    money basic = 0, project = 0, by_source[REV_COUNT] = {0};
    for (size_t i = 0; i < b->n_func; i++) {
        const func_line *f = &b->func[i];
        expect_sum(k, &f->total, "合计", f->basic.v + f->project.v, "基本支出 + 项目支出 =");
        basic += f->basic.v;
        project += f->project.v;
        by_source[f->source] += f->basic.v + f->project.v;
    }
    expect_sum(k, &b->summary[SUM_BASIC], "基本支出", basic, "expenditure.csv sums to");
    expect_sum(k, &b->summary[SUM_PROJECT], "项目支出", project, "expenditure.csv sums to");
    /* Each source's revenue is spent on the lines it funds (收支平衡). */
    if (b->has_revenue)
        for (int r = 0; r < REV_COUNT; r++)
            if (b->revenue[r].v != by_source[r]) {
                const amount *at = &b->revenue[r];
                diag_report(k->d, k->level, at->present ? at->pos : b->func[0].pos,
                            "%s is %s but the expenditure.csv lines funded by it sum to %s",
                            revenue_name((revenue_kind)r), A(at->v), A(by_source[r]));
            }
}

static void check_econ(const checker *k, const budget *b)
{
    if (!b->n_econ)
        return;
    money total = 0, office = 0;
    for (size_t i = 0; i < b->n_econ; i++) {
        const econ_line *e = &b->econ[i];
        expect_sum(k, &e->total, "合计", e->personnel.v + e->office.v, "人员经费 + 公用经费 =");
        total += e->personnel.v + e->office.v;
        office += e->office.v;
    }
    /* The economic breakdown covers 一般公共预算 basic expenditure. */
    if (b->n_func) {
        money general_basic = 0;
        for (size_t i = 0; i < b->n_func; i++)
            if (b->func[i].source == REV_GENERAL)
                general_basic += b->func[i].basic.v;
        if (general_basic != total)
            diag_report(k->d, k->level, b->econ[0].pos,
                        "basic_economic.csv sums to %s but the 一般公共预算 基本支出 of "
                        "expenditure.csv is %s: they must be equal",
                        A(total), A(general_basic));
    } else {
        int found;
        money basic = budget_figure(b, SUM_BASIC, &found);
        if (found && basic != total)
            diag_report(k->d, k->level, b->econ[0].pos,
                        "basic_economic.csv sums to %s but 基本支出 is %s", A(total), A(basic));
    }
    (void)office; /* 机关运行经费: check_operating_cost() */
}

/* ---- 机关运行经费: the 公用经费 of 行政单位 and 参照公务员法管理的事业单位 --
 * A department of administrative units only: it is all of the 公用经费.
 * With other units (schools, centres …) it cannot exceed the
 * administrative units' 公用经费: given per unit in institutions.csv (the
 * 公用经费 column, which then adds up to basic_economic.csv), else at most
 * all of the 公用经费. */

static void check_operating_cost(const checker *k, const budget *b)
{
    const amount *sum = &b->summary[SUM_OPERATING_COST];
    const tp_row *row = &b->tp[TP_OPERATING];
    if (sum->present && row->present && sum->v != row->total.v)
        diag_report(k->d, k->level, row->total.pos,
                    "%s is %s but 机关运行经费 in summary.csv is %s: they must be equal", row->label,
                    A(row->total.v), A(sum->v));
    const amount *st = sum->present ? sum : row->present ? &row->total : NULL;
    money office = 0;
    for (size_t i = 0; i < b->n_econ; i++)
        office += b->econ[i].office.v;
    if (b->inst_has_office && b->n_inst) {
        money all = 0, admin = 0;
        for (size_t i = 0; i < b->n_inst; i++) {
            all += b->inst[i].office.v;
            if (institution_is_administrative(&b->inst[i]))
                admin += b->inst[i].office.v;
        }
        if (b->n_econ && all != office)
            diag_report(k->d, k->level, b->inst[0].office.pos,
                        "公用经费 in institutions.csv sums to %s but in basic_economic.csv to %s: "
                        "they must be equal",
                        A(all), A(office));
        if (st && st->v > admin)
            diag_report(k->d, k->level, st->pos,
                        "机关运行经费 is %s but the 公用经费 of the administrative units (单位性质 "
                        "行政 or 参照公务员法管理) in institutions.csv sums to %s: it cannot be more",
                        A(st->v), A(admin));
    } else if (st && b->n_econ) {
        if (!budget_has_other_units(b))
            expect_sum(k, st, "机关运行经费", office, "公用经费 in basic_economic.csv sums to");
        else if (st->v > office)
            diag_report(k->d, k->level, st->pos,
                        "机关运行经费 is %s but 公用经费 in basic_economic.csv sums to %s: it "
                        "cannot be more",
                        A(st->v), A(office));
    }
}

/* ---- three public expenses: items sum to 合计, sources to each row ------- */

/* A cell of a 三公 row: s < 0 its 合计, else its source s. */
static money tp_cell(const tp_row *r, int s)
{
    return s < 0 ? r->total.v : r->source[s].v;
}

static const char *tp_column(int s)
{
    return s < 0 ? "合计" : tp_source_name((tp_source)s);
}

/* The items the 合计 row adds, in one column: 因公出国, 公务接待 and
 * 公务用车 — a 公务用车购置及运行费 row counted once, not with its 其中
 * parts; 会议费, 培训费 and 机关运行经费 are not part of it. */
static money tp_items_sum(const budget *b, int s)
{
    const tp_row *veh = &b->tp[TP_VEHICLE];
    money v = tp_cell(&b->tp[TP_ABROAD], s) + tp_cell(&b->tp[TP_RECEPTION], s);
    if (veh->present)
        return v + tp_cell(veh, s);
    return v + tp_cell(&b->tp[TP_VEHICLE_BUY], s) + tp_cell(&b->tp[TP_VEHICLE_RUN], s);
}

static void check_three_public(const checker *k, const budget *b)
{
    if (!b->has_tp)
        return;
    for (int t = 0; t < TP_COUNT; t++) {
        const tp_row *r = &b->tp[t];
        if (!r->present)
            continue;
        money src = 0;
        int any = 0;
        for (int s = 0; s < TPS_COUNT; s++) {
            src += r->source[s].v;
            any |= r->source[s].present;
        }
        if (any && src != r->total.v)
            diag_report(k->d, k->level, r->total.pos,
                        "%s: 合计 is %s but its sources (一般预算 + 基金预算 + 财政专户%s) sum to %s",
                        r->label, A(r->total.v), b->tp_has_state_capital ? " + 国有资本经营预算" : "",
                        A(src));
    }
    /* 公务用车购置及运行费 and its parts (其中：购置费, 运行费). */
    const tp_row *veh = &b->tp[TP_VEHICLE];
    const tp_row *part[2] = {&b->tp[TP_VEHICLE_BUY], &b->tp[TP_VEHICLE_RUN]};
    if (veh->present && (part[0]->present || part[1]->present)) {
        int over = 0;
        for (int i = 0; i < 2; i++)
            if (part[i]->present && part[i]->total.v > veh->total.v) {
                diag_report(k->d, k->level, part[i]->total.pos,
                            "%s is %s, more than the %s of %s it is part of", part[i]->label,
                            A(part[i]->total.v), A(veh->total.v), veh->label);
                over = 1;
            }
        for (int s = -1; s < TPS_COUNT && !over; s++) {
            money sum = tp_cell(part[0], s) + tp_cell(part[1], s);
            if (sum != tp_cell(veh, s))
                diag_report(k->d, k->level, s < 0 ? veh->total.pos : veh->source[s].pos,
                            "%s %s is %s but its parts (购置费 + 运行费) sum to %s", veh->label,
                            tp_column(s), A(tp_cell(veh, s)), A(sum));
        }
    }
    const tp_row *tot = &b->tp[TP_TOTAL];
    if (!tot->present)
        return;
    money sum = tp_items_sum(b, -1);
    if (sum != tot->total.v)
        diag_report(k->d, k->level, tot->total.pos, "合计 is %s but its items sum to %s",
                    A(tot->total.v), A(sum));
    for (int s = 0; s < TPS_COUNT; s++) {
        money ss = tp_items_sum(b, s);
        if (ss != tot->source[s].v)
            diag_report(k->d, k->level, tot->source[s].pos, "合计 %s is %s but its items sum to %s",
                        tp_source_name((tp_source)s), A(tot->source[s].v), A(ss));
    }
}

/* ---- performance table: duplicated rows, rows without grades ------------ */

/* Duplicated rows: two rows are the same when a reader sees the same line
 * twice — the same duty, the same activity (filled down) and the same
 * cells from 绩效目标 on.  Rows are sorted by that content (then by line),
 * so finding every duplicate takes O(n log n), not O(n²): a 5,000-row
 * table stays fast.  first[i] is the earliest row row i repeats, or -1. */
typedef struct dup_key {
    const perf_row *row;
    const char *activity;
    size_t index;
} dup_key;

static int cmp_dup(const void *x, const void *y)
{
    const dup_key *a = x, *b = y;
    if (a->row->duty != b->row->duty)
        return a->row->duty < b->row->duty ? -1 : 1;
    int c = strcmp(a->activity, b->activity);
    for (int f = PF_TARGET; !c && f < PF_COUNT; f++)
        c = strcmp(a->row->cell[f], b->row->cell[f]);
    if (c)
        return c;
    return a->index < b->index ? -1 : a->index > b->index;
}

static long *find_duplicates(const budget *b)
{
    long *first = xmalloc((b->n_perf + 1) * sizeof *first);
    dup_key *keys = xmalloc((b->n_perf + 1) * sizeof *keys);
    const char *activity = "";
    for (size_t i = 0; i < b->n_perf; i++) {
        if (b->perf[i].new_activity)
            activity = b->perf[i].cell[PF_ACTIVITY];
        keys[i] = (dup_key){&b->perf[i], activity, i};
        first[i] = -1;
    }
    qsort(keys, b->n_perf, sizeof *keys, cmp_dup);
    for (size_t i = 1; i < b->n_perf; i++) {
        dup_key probe = keys[i];
        probe.index = keys[i - 1].index; /* equal but for the index? */
        if (cmp_dup(&keys[i - 1], &probe) == 0)
            first[keys[i].index] = first[keys[i - 1].index] >= 0
                                       ? first[keys[i - 1].index]
                                       : (long)keys[i - 1].index;
    }
    free(keys);
    return first;
}

static const char *const PERF_GRADE_NAMES[4] = {"优", "良", "中", "差"};

static void check_performance(const checker *k, const budget *b)
{
    long *first = find_duplicates(b);
    for (size_t i = 0; i < b->n_perf; i++) {
        const perf_row *p = &b->perf[i];
        if (!*p->cell[PF_INDICATOR]) {
            diag_report(k->d, DIAG_WARNING, p->pos, "row has no 绩效指标 (performance indicator)");
            continue;
        }
        if (first[i] >= 0)
            diag_report(k->d, DIAG_WARNING, p->pos,
                        "row repeats line %d (绩效指标 \"%s\"): remove the duplicate",
                        b->perf[first[i]].pos.line, p->cell[PF_INDICATOR]);
        int graded = 0;
        for (int c = PF_EXCELLENT; c <= PF_POOR; c++)
            graded += *p->cell[c] != '\0';
        if (graded == 0) {
            diag_report(k->d, DIAG_WARNING, p->pos, "绩效指标 \"%s\" has no grade thresholds (优 良 中 差 are empty)",
                        p->cell[PF_INDICATOR]);
            continue;
        }
        /* Each threshold must be readable, and the four in order and in
         * one unit: a reader compares results against them. */
        threshold g[4];
        int readable = 1;
        for (int c = 0; c < 4; c++) {
            char why[200];
            const char *text = p->cell[PF_EXCELLENT + c];
            diag_pos at = p->pos;
            at.col = PF_EXCELLENT + c + 1;
            if (threshold_parse(text, &g[c], why, sizeof why) < 0) {
                diag_report(k->d, DIAG_WARNING, at, "%s \"%s\" is not a threshold: %s",
                            PERF_GRADE_NAMES[c], text, why);
                readable = 0;
            } else if (g[c].notes & THRESHOLD_NOTE_PUNCT) {
                diag_report(k->d, DIAG_WARNING, at,
                            "%s \"%s\" ends with stray punctuation", PERF_GRADE_NAMES[c], text);
            }
        }
        char why[200];
        if (readable && threshold_check_order(g, why, sizeof why) < 0)
            diag_report(k->d, DIAG_WARNING, p->pos, "the grades of 绩效指标 \"%s\" (%s | %s | %s | %s): %s",
                        p->cell[PF_INDICATOR], p->cell[PF_EXCELLENT], p->cell[PF_GOOD],
                        p->cell[PF_FAIR], p->cell[PF_POOR], why);
    }
    free(first);
}

/* ---- display precision ------------------------------------------------- */

/* An amount that the configured decimals cannot show exactly would make
 * printed sums disagree; say so once per file. */
static void check_precision(const checker *k, const amount *am, const char **warned_file)
{
    if (!am->present || !am->pos.file || *warned_file == am->pos.file)
        return;
    if (money_round(am->v, k->c->unit, k->c->decimals) != am->v) {
        diag_report(k->d, DIAG_WARNING, am->pos,
                    "%s has more decimals than the document shows (decimals = %d in [units]); "
                    "printed sums may not add up",
                    A(am->v), k->c->decimals);
        *warned_file = am->pos.file;
    }
}

static void check_all_precision(const checker *k, const budget *b)
{
    const char *w = NULL;
    for (int i = 0; i < REV_COUNT; i++)
        check_precision(k, &b->revenue[i], &w);
    for (int i = 0; i < SUM_COUNT; i++)
        check_precision(k, &b->summary[i], &w);
    for (size_t i = 0; i < b->n_func; i++) {
        check_precision(k, &b->func[i].basic, &w);
        check_precision(k, &b->func[i].project, &w);
    }
    for (size_t i = 0; i < b->n_econ; i++) {
        check_precision(k, &b->econ[i].personnel, &w);
        check_precision(k, &b->econ[i].office, &w);
    }
    for (int t = 0; t < TP_COUNT; t++)
        check_precision(k, &b->tp[t].total, &w);
}

/* A stated reason must belong to a figure, or it is silently never printed. */
static void check_reasons(const checker *k, const budget *b)
{
    for (size_t i = 0; i < b->n_reasons; i++) {
        figure_ref r;
        if (!data_figure_lookup(b->reasons[i].name, &r))
            diag_report(k->d, DIAG_WARNING, b->reasons[i].pos,
                        "项目 \"%s\" is not a figure name, so this reason is never printed; "
                        "expected e.g. 基本支出, 项目支出, 支出总计 or a “三公” item such as "
                        "因公出国经费",
                        b->reasons[i].name);
    }
}

static void check_one(const checker *k, const budget *b)
{
    check_reasons(k, b);
    check_totals(k, b);
    check_func(k, b);
    check_econ(k, b);
    check_three_public(k, b);
    check_operating_cost(k, b);
    check_performance(k, b);
    check_all_precision(k, b);
}

/* ---- changes that need a stated reason ----------------------------------
 * Readers look for the explanation of every large change; a change over
 * [check] reason_threshold percent without a line in reasons.csv is
 * reported so the department writes one before publishing. */

static void need_reason(const checker *k, const budget *cur, const budget *prev, const char *name,
                        figure_ref r)
{
    int fc, fp;
    diag_pos pos;
    money c = data_figure(cur, r, &fc, &pos);
    money p = data_figure(prev, r, &fp, NULL);
    if (!fc || !fp || p == 0 || c == p)
        return;
    money diff = c > p ? c - p : p - c;
    /* |diff| / p > threshold%, compared exactly: 100·|diff| > threshold·p. */
    __extension__ typedef __int128 i128;
    if ((i128)diff * 100 <= (i128)k->c->reason_threshold * p)
        return;
    for (size_t i = 0; i < cur->n_reasons; i++) {
        figure_ref rr;
        if (!data_figure_lookup(cur->reasons[i].name, &rr))
            continue;
        if (rr.kind == r.kind && rr.index == r.index)
            return;
        /* The total is explained by the reasons of its parts (the
         * disclosure words it "其中：基本支出…，项目支出…"). */
        if (r.kind == FIG_SUMMARY && r.index == SUM_EXPENSE_TOTAL && rr.kind == FIG_SUMMARY &&
            (rr.index == SUM_BASIC || rr.index == SUM_PROJECT))
            return;
    }
    char pct[32];
    money_format_percent(money_percent(diff, p, 1), 1, 1, pct, sizeof pct);
    diag_report(k->d, DIAG_WARNING, pos.file ? pos : diag_at(cur->dir, 0, 0),
                "%s changed by %s%% against last year (%s → %s), more than the %d%% of "
                "reason_threshold, but reasons.csv gives no reason for it",
                name, pct, A(p), A(c), k->c->reason_threshold);
}

static void check_reasons_given(const checker *k, const budget *cur, const budget *prev)
{
    if (!k->c->reason_threshold)
        return;
    static const summary_kind S[] = {SUM_EXPENSE_TOTAL, SUM_BASIC, SUM_PROJECT, SUM_OPERATING_COST};
    for (size_t i = 0; i < sizeof S / sizeof S[0]; i++)
        need_reason(k, cur, prev, summary_name(S[i]), (figure_ref){FIG_SUMMARY, (int)S[i]});
    if (cur->has_tp && prev->has_tp)
        for (int t = 0; t < TP_OPERATING; t++)
            if (t != TP_TOTAL && cur->tp[t].present && prev->tp[t].present)
                need_reason(k, cur, prev, cur->tp[t].label, (figure_ref){FIG_TP, t});
}

int check_budget(diag *d, const config *c, const budget *cur, const budget *prev)
{
    int before = d->errors;
    checker k = {d, c, DIAG_ERROR};
    check_one(&k, cur);
    if (prev) {
        checker kp = {d, c, DIAG_WARNING};
        check_one(&kp, prev);
        check_reasons_given(&k, cur, prev);
    }
    return d->errors - before;
}
