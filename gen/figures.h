/*
 * figures — the printed value of every figure, computed once per year and
 * shared by every table, sentence and chart label that shows it.
 *
 * When the document shows fewer decimals than the data holds, plain
 * rounding makes printed parts disagree with their printed total (四个
 * 1.005 print 1.01 each against 合计 4.02).  The printed values here are
 * corrected top-down (尾差, money_round_to_total): each total is rounded
 * half-up, then its parts are made to add up to it, changing only the
 * parts whose rounding moved them most the other way — so every printed
 * value is within one display step of the exact value, and a figure shows
 * the same wherever it appears.  The trees:
 *   收入总计 → 本年收入合计 (→ 财政拨款收入 (→ 一般公共预算, 政府性基金,
 *             国有资本经营) · 财政专户 · 事业 · 经营 · 其他) · 上年结转
 *   支出总计 → 基本支出 · 项目支出
 *   basic_economic.csv's 合计 → 人员经费 · 公用经费
 *   支出总计 → 类 → 款 → 项 (every funding source)
 *   三公合计 → its items; and items × 资金来源 rounded as a block
 * The exact values stay in the document cells and the workbook.
 */
#ifndef GEN_FIGURES_H
#define GEN_FIGURES_H

#include "arena.h"
#include "data.h"
#include "money.h"

typedef struct year_figures {
    const budget *bg;
    money summary[SUM_COUNT];       /* 收入总计, 支出总计, 基本, 项目, 机关运行经费 */
    money revenue[REV_COUNT];       /* by source (figures_source_amount) */
    money fiscal;                   /* 财政拨款收入: the three appropriations */
    money in_year;                  /* 本年收入合计: every source but 上年结转 */
    money econ[2];                  /* 人员经费, 公用经费: basic_economic.csv's 合计 row */
    money tp[TP_COUNT];             /* 三公 items' 合计, and TP_TOTAL */
    money tp_src[TP_COUNT][TPS_COUNT]; /* their 资金来源 */
    money tp_general[TP_COUNT];     /* 一般公共预算 part of each, TP_TOTAL their sum */
    money *fnode;                   /* per bg->fnodes[i]: its total over every source */
    const struct proc_figures *proc; /* 政府采购预算 (procure.h), or NULL */
    struct year_figures *next;
} year_figures;

typedef struct figures {
    arena *a;
    money_unit unit;
    int decimals;
    year_figures *years;
} figures;

void figures_init(figures *f, arena *a, money_unit unit, int decimals);

/* The printed figures of one year (computed on first use). */
const year_figures *figures_year(figures *f, const budget *bg);

/* A figure's printed value; exact is its exact value (returned rounded
 * when the figure is not part of any printed sum). */
money figures_shown(const figures *f, const year_figures *y, figure_ref r, money exact);

/* Revenue by source: revenue.csv where given, else the expenditure each
 * source funds (check.c proves the two equal when both exist). */
money figures_source_amount(const budget *bg, revenue_kind k);

/* Rounds exact[0..n) into shown[] so that they add up to total (a printed
 * value within n steps of their sum: money_round_to_total); else plain
 * half-up rounding. */
void figures_round_parts(const figures *f, const money *exact, money *shown, int n, money total);

/*
 * Rounds an m × k block x (row-major) so that each row adds up to row[i]
 * and each column to col[j] (printed values, Σrow = Σcol): returns 0.
 * When no such rounding exists, the rows' totals give way: row[i] becomes
 * the sum of its printed parts, still its exact total rounded down or up
 * (returns 1), or, when not even that exists, each column is made to add
 * up on its own (returns 2: a row total may then be further off).
 */
int figures_round_block(const figures *f, const money *x, money *shown, int m, int k, money *row,
                        const money *col);

#endif
