/*
 * check — balancing rules (see check.h).  Each rule cites FORMAT.md §4.
 */
#include "check.h"
#include "i18n.h"

#include "procure.h"

#include "strbuf.h"
#include "textio.h"
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
    money_format_finding(v, k->c->input_unit, buf, n); /* as the files are typed */
    if (i18n_current() == I18N_ZH) /* Chinese findings name the unit: 245.00万元 */
        strncat(buf, money_unit_name(k->c->input_unit), n - strlen(buf) - 1);
    return buf;
}

#define A(v) fmt(k, (v), (char[48]){0}, 48)

/* ---- 元 and 万元 mixed up (docs/input.md, "Units") ------------------------
 * A file typed in 元 while the others are in 万元 makes its figures 10,000
 * times their peers: exactly the ratio of the two units.  A ratio within a
 * factor of 5 of it (2,000 to 50,000) is taken as that mistake; real budget
 * figures of one department that should agree never differ so much. */

__extension__ typedef __int128 i128;

int check_unit_slip(money a, money b, long long *ratio)
{
    if (ratio)
        *ratio = 0;
    if (a <= 0 || b <= 0)
        return 0;
    money big = a > b ? a : b, small = a > b ? b : a;
    if (ratio)
        *ratio = (long long)(big / small);
    return (i128)big >= (i128)small * 2000 && (i128)big <= (i128)small * 50000;
}

/* The hint a finding about two figures ends with when they look like one
 * typed in 元 and the other in 万元 (empty otherwise). */
static const char *slip_hint(const checker *k, money a, money b, char *buf, size_t n)
{
    long long ratio;
    if (!check_unit_slip(a, b, &ratio))
        return "";
    snprintf(buf, n,
             _("; one is about %lld times the other: 元 and 万元 mixed up? (amounts are read in "
               "%s: %s)"),
             ratio, money_unit_name(k->c->input_unit), config_input_unit_key(k->c));
    return buf;
}

#define HINT(a, b) slip_hint(k, (a), (b), (char[160]){0}, 160)

static void report(const checker *k, diag_pos pos, const char *msg, money stated, money sum,
                   const char *what)
{
    diag_report(k->d, k->level, pos, "%s is %s but %s %s%s", msg, A(stated), _(what), A(sum),
                HINT(stated, sum));
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
                            "%s is %s but the expenditure.csv lines funded by it sum to %s%s",
                            revenue_name((revenue_kind)r), A(at->v), A(by_source[r]),
                            HINT(at->v, by_source[r]));
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
                        "expenditure.csv is %s: they must be equal%s",
                        A(total), A(general_basic), HINT(total, general_basic));
    } else {
        int found;
        money basic = budget_figure(b, SUM_BASIC, &found);
        /* Without expenditure.csv the 一般公共预算 part of 基本支出 (what
         * basic_economic.csv breaks down) is not known: say the file is
         * missing rather than only that the sums differ. */
        strbuf func_path = STRBUF_INIT;
        sb_printf(&func_path, "%s/expenditure.csv", b->dir);
        if (found && basic != total && !textio_exists(sb_str(&func_path)))
            diag_report(k->d, k->level, b->econ[0].pos,
                        "basic_economic.csv sums to %s but 基本支出 is %s, and %s is missing: "
                        "basic_economic.csv covers the 一般公共预算 基本支出 only, which "
                        "expenditure.csv tells apart from other funds; add expenditure.csv%s",
                        A(total), A(basic), sb_str(&func_path), HINT(total, basic));
        else if (found && basic != total)
            diag_report(k->d, k->level, b->econ[0].pos,
                        "basic_economic.csv sums to %s but 基本支出 is %s%s", A(total), A(basic),
                        HINT(total, basic));
        sb_free(&func_path);
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
        /* Above all the 公用经费, as summary.csv states it: check_parts
         * reports that (with the hint about 元 and 万元). */
        int reported = st == sum && st->v > office;
        if (!budget_has_other_units(b) && !reported)
            expect_sum(k, st, "机关运行经费", office, "公用经费 in basic_economic.csv sums to");
        else if (st->v > office && !reported)
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
                        "%s: 合计 is %s but its sources (一般预算 + 基金预算 + 财政专户%s) sum to %s%s",
                        r->label, A(r->total.v), b->tp_has_state_capital ? " + 国有资本经营预算" : "",
                        A(src), HINT(r->total.v, src));
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
        diag_report(k->d, k->level, tot->total.pos, "合计 is %s but its items sum to %s%s",
                    A(tot->total.v), A(sum), HINT(tot->total.v, sum));
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

/* ---- parts larger than their whole (point 10) ---------------------------
 * "三公" spending is part of 支出总计, 机关运行经费 part of 公用经费: a part
 * above its whole is almost always a file typed in the wrong unit. */

/* The slip hint, or else the reminder that every file is in one unit. */
static const char *part_hint(const checker *k, money part, money whole, char *buf, size_t n)
{
    if (*slip_hint(k, part, whole, buf, n))
        return buf;
    snprintf(buf, n, _(": check that both are in %s (%s; 1 万元 = 10,000 元)"),
             money_unit_name(k->c->input_unit), config_input_unit_key(k->c));
    return buf;
}

#define PART_HINT(a, b) part_hint(k, (a), (b), (char[160]){0}, 160)

static void check_parts(const checker *k, const budget *b)
{
    int f1, f2;
    diag_pos at;
    money tp = data_figure(b, (figure_ref){FIG_TP, TP_TOTAL}, &f1, &at);
    money total = budget_figure(b, SUM_EXPENSE_TOTAL, &f2);
    if (f1 && f2 && tp > total)
        diag_report(k->d, k->level, at.file ? at : diag_at(b->dir, 0, 0),
                    "“三公”经费 合计 %s exceeds 支出总计 %s, of which it is a part%s", A(tp),
                    A(total), PART_HINT(tp, total));
    const amount *op = &b->summary[SUM_OPERATING_COST];
    if (op->present && b->n_econ) {
        money office = 0;
        for (size_t i = 0; i < b->n_econ; i++)
            office += b->econ[i].office.v;
        if (op->v > office)
            diag_report(k->d, k->level, op->pos,
                        "机关运行经费 %s exceeds 公用经费 %s (the sum in basic_economic.csv), of "
                        "which it is a part%s",
                        A(op->v), A(office), PART_HINT(op->v, office));
    }
}

/* ---- repeated rows (point 11) ---------------------------------------------
 * A row entered twice is published twice (or summed twice): reported at the
 * repeat, naming the line it repeats.  Rows are sorted by their key (then by
 * line), so the check stays O(n log n) on large files. */

typedef struct row_key {
    const char *key; /* 科目编码, 单位名称, 名词 */
    int sub;         /* 资金来源 for expenditure.csv, else 0 */
    size_t index;
} row_key;

static int cmp_row_key(const void *x, const void *y)
{
    const row_key *a = x, *b = y;
    int c = strcmp(a->key, b->key);
    if (c)
        return c;
    if (a->sub != b->sub)
        return a->sub < b->sub ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Sorts keys[0..n) and sets first[i] to the earliest row row i repeats the
 * key of, or -1.  first has n entries. */
static void first_of_keys(row_key *keys, size_t n, long *first)
{
    for (size_t i = 0; i < n; i++)
        first[i] = -1;
    qsort(keys, n, sizeof *keys, cmp_row_key);
    for (size_t i = 1; i < n; i++)
        if (!strcmp(keys[i].key, keys[i - 1].key) && keys[i].sub == keys[i - 1].sub)
            first[keys[i].index] =
                first[keys[i - 1].index] >= 0 ? first[keys[i - 1].index] : (long)keys[i - 1].index;
}

static int same_amount(const amount *a, const amount *b)
{
    return a->present == b->present && a->v == b->v;
}

static void check_repeats(const checker *k, const budget *b)
{
    size_t most = b->n_func > b->n_inst ? b->n_func : b->n_inst;
    if (b->n_glossary > most)
        most = b->n_glossary;
    row_key *keys = xmalloc((most + 1) * sizeof *keys);
    long *first = xmalloc((most + 1) * sizeof *first);

    for (size_t i = 0; i < b->n_func; i++)
        keys[i] = (row_key){b->func[i].code, (int)b->func[i].source, i};
    first_of_keys(keys, b->n_func, first);
    for (size_t i = 0; i < b->n_func; i++) {
        if (first[i] < 0)
            continue;
        const func_line *f = &b->func[i], *o = &b->func[first[i]];
        if (!strcmp(f->name, o->name) && same_amount(&f->basic, &o->basic) &&
            same_amount(&f->project, &o->project) && same_amount(&f->total, &o->total))
            diag_report(k->d, k->level, f->pos,
                        "row repeats line %d (科目编码 %s, %s): remove the duplicate", o->pos.line,
                        f->code, revenue_name(f->source));
        else
            diag_report(k->d, k->level, f->pos,
                        "科目编码 %s with 资金来源 %s is given twice (first at line %d): enter "
                        "one line per code and funding source",
                        f->code, revenue_name(f->source), o->pos.line);
    }

    for (size_t i = 0; i < b->n_inst; i++)
        keys[i] = (row_key){b->inst[i].name, 0, i};
    first_of_keys(keys, b->n_inst, first);
    for (size_t i = 0; i < b->n_inst; i++) {
        if (first[i] < 0)
            continue;
        const institution *n = &b->inst[i], *o = &b->inst[first[i]];
        if (!strcmp(n->kind, o->kind) && !strcmp(n->rank, o->rank) &&
            !strcmp(n->funding, o->funding))
            diag_report(k->d, k->level, n->pos,
                        "row repeats line %d (单位名称 \"%s\"): remove the duplicate", o->pos.line,
                        n->name);
        else
            diag_report(k->d, k->level, n->pos,
                        "单位名称 \"%s\" is given twice (first at line %d): one line per unit",
                        n->name, o->pos.line);
    }

    for (size_t i = 0; i < b->n_glossary; i++)
        keys[i] = (row_key){b->glossary[i].name, 0, i};
    first_of_keys(keys, b->n_glossary, first);
    for (size_t i = 0; i < b->n_glossary; i++) {
        if (first[i] < 0)
            continue;
        const named_text *n = &b->glossary[i], *o = &b->glossary[first[i]];
        if (!strcmp(n->text, o->text))
            diag_report(k->d, k->level, n->pos,
                        "row repeats line %d (名词 \"%s\"): remove the duplicate", o->pos.line,
                        n->name);
        else
            diag_report(k->d, k->level, n->pos,
                        "名词 \"%s\" is given twice (first at line %d): one explanation per term",
                        n->name, o->pos.line);
    }
    free(keys);
    free(first);
}

static void check_one(const checker *k, const budget *b)
{
    check_repeats(k, b); /* first: the sums a repeated row breaks follow */
    check_reasons(k, b);
    check_totals(k, b);
    check_func(k, b);
    check_econ(k, b);
    check_three_public(k, b);
    check_operating_cost(k, b);
    check_parts(k, b);
    check_performance(k, b);
    check_all_precision(k, b);
    procure_check(k->d, k->c, k->level, b); /* procurement.csv, assets.csv */
}

/* ---- this year against last year in another unit (point 10) --------------
 * A figure about 10,000 times its value of the other year (check_unit_slip)
 * is an error whichever year holds it: the comparison would be published.
 * Reported at the larger figure, once per file (a whole folder in 元 is one
 * mistake, not one per figure). */

static int slipped(const budget *cur, const budget *prev, figure_ref r)
{
    int fc, fp;
    money c = data_figure(cur, r, &fc, NULL);
    money p = data_figure(prev, r, &fp, NULL);
    return fc && fp && check_unit_slip(c, p, NULL);
}

static void check_slips(const checker *k, const budget *cur, const budget *prev)
{
    /* The totals and the “三公” items, which a department carries from year to
     * year; not the sources of revenue.csv, where 上年结转 or 其他收入 can
     * truly grow from almost nothing (a whole revenue.csv in 元 shows in
     * 收入总计, which it gives when summary.csv does not). */
    static const figure_kind KINDS[] = {FIG_SUMMARY, FIG_TP};
    static const int COUNT[] = {SUM_COUNT, TP_COUNT};
    const char *done[16];
    size_t n_done = 0;
    for (size_t g = 0; g < sizeof KINDS / sizeof KINDS[0]; g++)
        for (int i = 0; i < COUNT[g]; i++) {
            figure_ref r = {KINDS[g], i};
            int fc, fp;
            diag_pos pc, pp;
            money c = data_figure(cur, r, &fc, &pc);
            money p = data_figure(prev, r, &fp, &pp);
            long long ratio;
            if (!fc || !fp || !check_unit_slip(c, p, &ratio))
                continue;
            int cur_big = c > p;
            diag_pos at = cur_big ? pc : pp, other = cur_big ? pp : pc;
            /* A “三公” figure no line states is the sum of its parts
             * (公务用车购置及运行费 = 购置费 + 运行费): the parts are checked. */
            if (!at.file && KINDS[g] == FIG_TP)
                continue;
            if (!at.file)
                at = diag_at(cur_big ? cur->dir : prev->dir, 0, 0);
            size_t j = 0;
            while (j < n_done && done[j] != at.file)
                j++;
            if (j < n_done)
                continue;
            if (n_done < sizeof done / sizeof done[0])
                done[n_done++] = at.file;
            char where[512] = "";
            if (other.file)
                snprintf(where, sizeof where, " (%s:%d:%d)", other.file, other.line, other.col);
            diag_report(k->d, DIAG_ERROR, at,
                        "%s%s is %s, about %lld times %s, its value %s%s: 元 and 万元 mixed up? "
                        "(amounts are read in %s: %s)",
                        data_figure_name(r), cur_big ? "" : _(" of last year"), A(cur_big ? c : p),
                        ratio, A(cur_big ? p : c), cur_big ? _("last year") : _("this year"), where,
                        money_unit_name(k->c->input_unit), config_input_unit_key(k->c));
        }
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
    if (!fc || !fp || p == 0 || c == p || slipped(cur, prev, r))
        return; /* a slip of unit is an error of its own (check_slips) */
    money diff = c > p ? c - p : p - c;
    /* |diff| / p > threshold%, compared exactly: 100·|diff| > threshold·p. */
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
        check_slips(&k, cur, prev);
        check_reasons_given(&k, cur, prev);
    }
    return d->errors - before;
}
