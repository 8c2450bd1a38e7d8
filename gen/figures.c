/*
 * figures — printed values computed once and shared (see figures.h).
 */
#include "figures.h"

#include "procure.h"

#include <stdlib.h>
#include <string.h>

void figures_init(figures *f, arena *a, money_unit unit, int decimals)
{
    memset(f, 0, sizeof *f);
    f->a = a;
    f->unit = unit;
    f->decimals = decimals;
}

money figures_source_amount(const budget *bg, revenue_kind k)
{
    int found;
    return budget_source_revenue(bg, k, &found);
}

static money rnd(const figures *f, money v)
{
    return money_round(v, f->unit, f->decimals);
}

void figures_round_parts(const figures *f, const money *exact, money *shown, int n, money total)
{
    if (n <= 0)
        return;
    if (money_round_to_total(exact, shown, n, total, f->unit, f->decimals) < 0)
        for (int i = 0; i < n; i++) /* the parts do not add up to it: plain rounding */
            shown[i] = rnd(f, exact[i]);
}

/* Parts that add up exactly to a whole are corrected against its printed
 * value; parts of a whole they do not add up to (data with an error,
 * which check.c reports) are rounded plainly. */
static void parts_of(const figures *f, money whole, money whole_shown, const money *exact,
                     money *shown, int n)
{
    money s = 0;
    for (int i = 0; i < n; i++)
        s += exact[i];
    if (s == whole)
        figures_round_parts(f, exact, shown, n, whole_shown);
    else
        for (int i = 0; i < n; i++)
            shown[i] = rnd(f, exact[i]);
}

int figures_round_block(const figures *f, const money *x, money *shown, int m, int k, money *row,
                        const money *col)
{
    if (m <= 0 || k <= 0)
        return 0;
    money step = money_step(f->unit, f->decimals);
    size_t cells = (size_t)m * (size_t)k;
    if (step == 1) { /* every digit shown: exact values add up */
        memcpy(shown, x, cells * sizeof *shown);
        return 0;
    }
    if (money_round_block(x, shown, m, k, row, col, step) == 0)
        return 0;
    /* No rounding fits both margins: the rows' totals give way (each
     * still its exact total rounded down or up) and become the sums of
     * their printed parts; the columns add up to their printed totals. */
    if (money_round_block_rows_free(x, shown, m, k, col, step) == 0) {
        for (int i = 0; i < m; i++) {
            money across = 0;
            for (int j = 0; j < k; j++)
                across += shown[(size_t)i * k + j];
            row[i] = across;
        }
        return 1;
    }
    /* Last resort (not seen in practice): each column adds up on its own
     * and each row's total is the sum of its printed parts. */
    money *ex = xcalloc((size_t)m, sizeof *ex), *sh = xcalloc((size_t)m, sizeof *sh);
    for (int j = 0; j < k; j++) {
        for (int i = 0; i < m; i++)
            ex[i] = x[(size_t)i * k + j];
        figures_round_parts(f, ex, sh, m, col[j]);
        for (int i = 0; i < m; i++)
            shown[(size_t)i * k + j] = sh[i];
    }
    for (int i = 0; i < m; i++) {
        money across = 0;
        for (int j = 0; j < k; j++)
            across += shown[(size_t)i * k + j];
        row[i] = across;
    }
    free(ex);
    free(sh);
    return 2;
}

/* 收入总计 → 本年收入合计 · 上年结转; 本年收入合计 → 财政拨款收入 and the
 * other sources; 财政拨款收入 → the three appropriations. */
static void revenue_tree(const figures *f, year_figures *y, const budget *bg)
{
    int found;
    money ex[REV_COUNT], total = budget_revenue_total(bg, &found);
    for (int k = 0; k < REV_COUNT; k++)
        ex[k] = figures_source_amount(bg, (revenue_kind)k);
    money fiscal = ex[REV_GENERAL] + ex[REV_FUND] + ex[REV_STATE_CAPITAL];
    money in_year = fiscal;
    for (int k = REV_SPECIAL_ACCOUNT; k < REV_BALANCE; k++)
        in_year += ex[k];
    y->summary[SUM_REVENUE_TOTAL] = rnd(f, total);
    /* 使用非财政拨款结余 and 上年结转 stand beside 本年收入合计 */
    money top[3] = {in_year, ex[REV_BALANCE], ex[REV_CARRYOVER]}, top_sh[3];
    parts_of(f, total, y->summary[SUM_REVENUE_TOTAL], top, top_sh, 3);
    y->in_year = top_sh[0];
    y->revenue[REV_BALANCE] = top_sh[1];
    y->revenue[REV_CARRYOVER] = top_sh[2];
    /* 财政拨款收入, 财政专户, 事业, 经营, 上级补助, 附属单位上缴, 其他 */
    money mid[1 + REV_BALANCE - REV_SPECIAL_ACCOUNT], mid_sh[1 + REV_BALANCE - REV_SPECIAL_ACCOUNT];
    int n = 0;
    mid[n++] = fiscal;
    for (int k = REV_SPECIAL_ACCOUNT; k < REV_BALANCE; k++)
        mid[n++] = ex[k];
    parts_of(f, in_year, y->in_year, mid, mid_sh, n);
    y->fiscal = mid_sh[0];
    for (int k = REV_SPECIAL_ACCOUNT; k < REV_BALANCE; k++)
        y->revenue[k] = mid_sh[1 + k - REV_SPECIAL_ACCOUNT];
    money ap[3] = {ex[REV_GENERAL], ex[REV_FUND], ex[REV_STATE_CAPITAL]}, ap_sh[3];
    parts_of(f, fiscal, y->fiscal, ap, ap_sh, 3);
    y->revenue[REV_GENERAL] = ap_sh[0];
    y->revenue[REV_FUND] = ap_sh[1];
    y->revenue[REV_STATE_CAPITAL] = ap_sh[2];
}

/* basic_economic.csv: its 合计 (rounded half-up, as the 合计 row of
 * 一般公共预算基本支出表) → 人员经费 · 公用经费. */
static void econ_tree(const figures *f, year_figures *y, const budget *bg)
{
    money ex[2] = {0, 0};
    for (size_t i = 0; i < bg->n_econ; i++) {
        ex[0] += bg->econ[i].personnel.v;
        ex[1] += bg->econ[i].office.v;
    }
    parts_of(f, ex[0] + ex[1], rnd(f, ex[0] + ex[1]), ex, y->econ, 2);
}

/* 支出总计 → 基本支出 · 项目支出 (收入总计 and 支出总计 print alike when
 * they are equal); 机关运行经费 stands alone. */
static void expense_tree(const figures *f, year_figures *y, const budget *bg)
{
    int found;
    money rev = budget_figure(bg, SUM_REVENUE_TOTAL, &found);
    money total = budget_figure(bg, SUM_EXPENSE_TOTAL, &found);
    y->summary[SUM_EXPENSE_TOTAL] = total == rev ? y->summary[SUM_REVENUE_TOTAL] : rnd(f, total);
    money bp[2] = {budget_figure(bg, SUM_BASIC, &found), budget_figure(bg, SUM_PROJECT, &found)},
          sh[2];
    parts_of(f, total, y->summary[SUM_EXPENSE_TOTAL], bp, sh, 2);
    y->summary[SUM_BASIC] = sh[0];
    y->summary[SUM_PROJECT] = sh[1];
    y->summary[SUM_OPERATING_COST] = rnd(f, budget_figure(bg, SUM_OPERATING_COST, &found));
}

/* 合计 → 类 → 款 → 项 over every source: the 合计 column of 部门收入总表
 * and 部门支出总表, the 类 rows of 部门收支总表, the comparison table and
 * the function-class chart. */
static void function_tree(const figures *f, year_figures *y, const budget *bg)
{
    size_t n = bg->n_fnodes;
    y->fnode = arena_alloc(f->a, (n + 1) * sizeof *y->fnode);
    if (!n)
        return;
    money *ex = xcalloc(n, sizeof *ex), *sh = xcalloc(n, sizeof *sh);
    int *parent = xcalloc(n, sizeof *parent), *kids = xcalloc(n, sizeof *kids);
    size_t *start = xcalloc(n + 2, sizeof *start);
    int last[4] = {-1, -1, -1, -1};
    money root = 0;
    for (size_t i = 0; i < n; i++) {
        const func_node *nd = &bg->fnodes[i];
        money v = 0;
        for (int k = 0; k < REV_COUNT; k++)
            v += nd->basic[k] + nd->project[k];
        ex[i] = v;
        int lv = nd->level < 1 ? 1 : nd->level > 3 ? 3 : nd->level;
        parent[i] = lv == 1 ? -1 : last[lv - 1];
        last[lv] = (int)i;
        if (lv == 1)
            root += v;
    }
    /* children of each parent (−1: the 合计 row, slot 0), in order */
    for (size_t i = 0; i < n; i++)
        start[(size_t)(parent[i] + 1) + 1]++;
    for (size_t p = 1; p <= n + 1; p++)
        start[p] += start[p - 1];
    size_t *fill = xcalloc(n + 1, sizeof *fill);
    for (size_t i = 0; i < n; i++) {
        size_t p = (size_t)(parent[i] + 1);
        kids[start[p] + fill[p]++] = (int)i;
    }
    money root_shown = rnd(f, root);
    /* parents come before their children: slot 0, then nodes in order */
    for (size_t p = 0; p <= n; p++) {
        size_t m = start[p + 1] - start[p];
        if (!m)
            continue;
        money whole = p == 0 ? root : ex[p - 1];
        money whole_shown = p == 0 ? root_shown : y->fnode[p - 1];
        money *ce = xcalloc(m, sizeof *ce), *cs = xcalloc(m, sizeof *cs);
        for (size_t i = 0; i < m; i++)
            ce[i] = ex[kids[start[p] + i]];
        parts_of(f, whole, whole_shown, ce, cs, (int)m);
        for (size_t i = 0; i < m; i++)
            y->fnode[kids[start[p] + i]] = cs[i];
        free(ce);
        free(cs);
    }
    free(ex);
    free(sh);
    free(parent);
    free(kids);
    free(start);
    free(fill);
}

/* The rows of three_public.csv the 合计 adds, each once: 公务用车运行费,
 * 公务用车购置费, 公务接待费, 因公出国（境）费 — and a 公务用车购置及运行费
 * row only when it has no 其中 parts (else it is their sum). */
static int tp_leaf(const budget *bg, int k)
{
    if (!bg->tp[k].present)
        return 0;
    if (k < TP_TOTAL)
        return 1;
    return k == TP_VEHICLE && !bg->tp[TP_VEHICLE_BUY].present && !bg->tp[TP_VEHICLE_RUN].present;
}

/* 三公: 合计 → items; items × 资金来源 as a block; the 一般公共预算 parts.
 * 公务用车购置及运行费 with its parts prints as the sum of their printed
 * values; 会议费, 培训费 and 机关运行经费 are rounded on their own. */
static void three_public(const figures *f, year_figures *y, const budget *bg)
{
    if (!bg->has_tp)
        return;
    figure_ref r = {FIG_TP, TP_TOTAL};
    int found, m = 0, with_src = 0, idx[TP_COUNT];
    money total = data_figure(bg, r, &found, NULL);
    y->tp[TP_TOTAL] = rnd(f, total);
    money ex[TP_COUNT], sh[TP_COUNT];
    for (int k = 0; k < TP_COUNT; k++)
        if (tp_leaf(bg, k)) {
            idx[m] = k;
            ex[m++] = bg->tp[k].total.v;
        }
    parts_of(f, total, y->tp[TP_TOTAL], ex, sh, m);
    for (int i = 0; i < m; i++)
        y->tp[idx[i]] = sh[i];
    /* sources: the 合计 row's as stated, else the sum of the items' */
    const tp_row *tr = &bg->tp[TP_TOTAL];
    money src[TPS_COUNT], src_sh[TPS_COUNT];
    int items_with_src = 0, items_sum_ok = 1;
    for (int s = 0; s < TPS_COUNT; s++) {
        src[s] = 0;
        if (tr->present)
            src[s] = tr->source[s].v;
        else
            for (int i = 0; i < m; i++)
                src[s] += bg->tp[idx[i]].source[s].v;
    }
    for (int i = 0; i < m; i++) {
        const tp_row *it = &bg->tp[idx[i]];
        int any = 0;
        money across = 0;
        for (int s = 0; s < TPS_COUNT; s++) {
            any |= it->source[s].present;
            across += it->source[s].v;
        }
        items_with_src += any;
        items_sum_ok &= across == it->total.v;
    }
    parts_of(f, total, y->tp[TP_TOTAL], src, src_sh, TPS_COUNT);
    for (int s = 0; s < TPS_COUNT; s++) {
        y->tp_src[TP_TOTAL][s] = src_sh[s];
        money cs = 0;
        for (int i = 0; i < m; i++)
            cs += bg->tp[idx[i]].source[s].v;
        items_sum_ok &= cs == src[s];
    }
    with_src = m > 0 && items_with_src == m && items_sum_ok;
    if (with_src) {
        money x[TP_COUNT * TPS_COUNT], bs[TP_COUNT * TPS_COUNT], rows[TP_COUNT];
        for (int i = 0; i < m; i++) {
            rows[i] = y->tp[idx[i]];
            for (int s = 0; s < TPS_COUNT; s++)
                x[i * TPS_COUNT + s] = bg->tp[idx[i]].source[s].v;
        }
        figures_round_block(f, x, bs, m, TPS_COUNT, rows, y->tp_src[TP_TOTAL]);
        for (int i = 0; i < m; i++) {
            y->tp[idx[i]] = rows[i];
            for (int s = 0; s < TPS_COUNT; s++)
                y->tp_src[idx[i]][s] = bs[i * TPS_COUNT + s];
        }
    } else {
        for (int i = 0; i < m; i++)
            for (int s = 0; s < TPS_COUNT; s++)
                y->tp_src[idx[i]][s] = rnd(f, bg->tp[idx[i]].source[s].v);
    }
    /* 公务用车购置及运行费 with its parts: as their printed values add up */
    int veh_leaf = tp_leaf(bg, TP_VEHICLE);
    if (!veh_leaf) {
        y->tp[TP_VEHICLE] = y->tp[TP_VEHICLE_BUY] + y->tp[TP_VEHICLE_RUN];
        for (int s = 0; s < TPS_COUNT; s++)
            y->tp_src[TP_VEHICLE][s] = y->tp_src[TP_VEHICLE_BUY][s] + y->tp_src[TP_VEHICLE_RUN][s];
    }
    /* rows outside the 合计 */
    for (int k = TP_MEETING; k < TP_COUNT; k++) {
        y->tp[k] = rnd(f, bg->tp[k].total.v);
        for (int s = 0; s < TPS_COUNT; s++)
            y->tp_src[k][s] = rnd(f, bg->tp[k].source[s].v);
    }
    /* 一般公共预算 parts (一般公共预算“三公”经费支出表): an item's 一般预算
     * where sources are given, else its 合计.  A 公务用车购置及运行费 row
     * without parts stands for 公务用车 as a whole (tp_general[TP_VEHICLE]). */
    money g[TP_COUNT] = {0}, gsum = 0;
    for (int k = 0; k < TP_COUNT; k++) {
        if (!tp_leaf(bg, k))
            continue;
        const tp_row *it = &bg->tp[k];
        int any = 0;
        for (int s = 0; s < TPS_COUNT; s++)
            any |= it->source[s].present;
        g[k] = any ? it->source[TPS_GENERAL].v : it->total.v;
        gsum += g[k];
    }
    money gveh = veh_leaf ? g[TP_VEHICLE] : g[TP_VEHICLE_BUY] + g[TP_VEHICLE_RUN];
    /* The “三公” table's 一般预算 column where it holds these parts and
     * 购置 + 运行 stays within a step of its exact sum (so each figure
     * prints alike in both tables); else 合计 → 因公出国 · 公务用车 (→ 购置
     * · 运行) · 公务接待, each level corrected against the one above. */
    if (with_src && src[TPS_GENERAL] == gsum) {
        money veh = veh_leaf ? y->tp_src[TP_VEHICLE][TPS_GENERAL]
                             : y->tp_src[TP_VEHICLE_BUY][TPS_GENERAL] +
                                   y->tp_src[TP_VEHICLE_RUN][TPS_GENERAL];
        money d = veh - gveh;
        if ((d < 0 ? -d : d) < money_step(f->unit, f->decimals)) {
            for (int k = 0; k < TP_TOTAL; k++)
                y->tp_general[k] = bg->tp[k].present ? y->tp_src[k][TPS_GENERAL] : 0;
            y->tp_general[TP_VEHICLE] = veh;
            y->tp_general[TP_TOTAL] = y->tp_src[TP_TOTAL][TPS_GENERAL];
            return;
        }
    }
    y->tp_general[TP_TOTAL] = with_src ? y->tp_src[TP_TOTAL][TPS_GENERAL] : rnd(f, gsum);
    if (with_src && src[TPS_GENERAL] != gsum)
        y->tp_general[TP_TOTAL] = rnd(f, gsum);
    money top[3] = {g[TP_ABROAD], gveh, g[TP_RECEPTION]}, ts[3];
    figures_round_parts(f, top, ts, 3, y->tp_general[TP_TOTAL]);
    y->tp_general[TP_ABROAD] = ts[0];
    y->tp_general[TP_RECEPTION] = ts[2];
    y->tp_general[TP_VEHICLE] = ts[1];
    if (!veh_leaf) {
        money veh[2] = {g[TP_VEHICLE_BUY], g[TP_VEHICLE_RUN]}, vs[2];
        figures_round_parts(f, veh, vs, 2, ts[1]);
        y->tp_general[TP_VEHICLE_BUY] = vs[0];
        y->tp_general[TP_VEHICLE_RUN] = vs[1];
        y->tp_general[TP_VEHICLE] = vs[0] + vs[1]; /* as the parts print */
    }
}

const year_figures *figures_year(figures *f, const budget *bg)
{
    if (!bg)
        return NULL;
    for (year_figures *y = f->years; y; y = y->next)
        if (y->bg == bg)
            return y;
    year_figures *y = arena_alloc(f->a, sizeof *y);
    memset(y, 0, sizeof *y);
    y->bg = bg;
    revenue_tree(f, y, bg);
    expense_tree(f, y, bg);
    econ_tree(f, y, bg);
    function_tree(f, y, bg);
    three_public(f, y, bg);
    y->proc = procure_figures(f, bg);
    y->next = f->years;
    f->years = y;
    return y;
}

money figures_shown(const figures *f, const year_figures *y, figure_ref r, money exact)
{
    if (!y)
        return rnd(f, exact);
    switch (r.kind) {
    case FIG_SUMMARY: return y->summary[r.index];
    case FIG_REVENUE: return y->bg->has_revenue ? y->revenue[r.index] : rnd(f, exact);
    case FIG_TP: return y->bg->has_tp ? y->tp[r.index] : rnd(f, exact);
    case FIG_ECON: return y->econ[r.index];
    case FIG_PROC: return procure_shown(f, y->proc, r.index, exact);
    default: return y->fiscal;
    }
}
