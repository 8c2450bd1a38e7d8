/*
 * js — the 部门决算 (final accounts) document kind: its data model, loader
 * (js_load.c), checks (js_check.c) and the builder's table sources,
 * placeholders and lists (js_tables.c, js_text.c).  Chosen by the config's
 * [document] kind = 决算, the one dispatch point (main.c); the 预算 code
 * paths do not know it exists beyond a hook each.  Inputs: docs/juesuan.md.
 * Amounts are exact fen (money.h), every figure keeps its position.
 */
#ifndef GEN_JS_H
#define GEN_JS_H

#include "arena.h"
#include "config.h"
#include "data.h"
#include "diag.h"

/* 资金来源 of a 决算 expenditure line: the three appropriations, and every
 * other money (上级补助, 事业, 经营 …) as 其他资金. */
enum { JS_GENERAL, JS_FUND, JS_STATE, JS_OTHER, JS_NSRC };
/* The spending columns of 支出决算表. */
enum { JE_BASIC, JE_PROJECT, JE_UPPER, JE_OPERATING, JE_SUBSIDY, JE_N };
/* The revenue columns of 收入决算表. */
enum { JI_FISCAL, JI_SUPERIOR, JI_BUSINESS, JI_OPERATING, JI_AFFILIATED, JI_OTHER, JI_N };
/* js_balance.csv: the four lines of 收入支出决算总表 outside 本年收支. */
enum { JB_USE_BALANCE, JB_CARRY_IN, JB_DISTRIBUTION, JB_CARRY_OUT, JB_N };
/* js_fiscal.csv: per appropriation (JS_GENERAL … JS_STATE). */
enum { JF_CARRY_IN, JF_INCOME, JF_SPEND, JF_CARRY_OUT, JF_N };
/* js_three_public.csv rows; 外宾接待费 is a part of 公务接待费. */
enum { JT_ABROAD, JT_VEH_BUY, JT_VEH_RUN, JT_RECEPTION, JT_FOREIGN, JT_N };
/* js_three_public.csv counts. */
enum { JC_GROUPS, JC_PERSONS, JC_BOUGHT, JC_HELD, JC_BATCHES, JC_N };
/* js_other.csv facts. */
enum {
    JX_OPERATING_COST, /* 机关运行经费 (amount) */
    JX_PROC_GOODS,
    JX_PROC_WORKS,
    JX_PROC_SERVICES, /* 政府采购 (amounts) */
    JX_SME_RESERVED,
    JX_SMALL_RESERVED, /* 预留 (amounts) */
    JX_SME_AWARDED,
    JX_SMALL_AWARDED,
    JX_SME_OTHER, /* 中标或成交 (amounts) */
    JX_VEH_FIRST, /* 8 vehicle uses (counts) */
    JX_VEH_LAST = JX_VEH_FIRST + 7,
    JX_EQUIPMENT, /* 单价100万元以上设备 (count) */
    JX_PERF_TARGET_N,
    JX_PERF_TARGET_AMOUNT, /* 绩效目标 */
    JX_PERF_TRACK_N,
    JX_PERF_TRACK_AMOUNT, /* 绩效跟踪 */
    JX_PERF_SELF_N,
    JX_PERF_SELF_AMOUNT, /* 绩效自评 */
    JX_PERF_SCORE,       /* 平均得分 (amount-like, 2 decimals) */
    JX_PERF_EXCELLENT,
    JX_PERF_GOOD,
    JX_PERF_PASS,
    JX_PERF_FAIL, /* 等级 counts */
    JX_PROBLEMS,
    JX_FIXED,
    JX_FIXING, /* 问题 counts */
    JX_N
};
/* js_text.csv: the words a department types for its text (js_words.c). */
enum { JW_BUSINESS, JW_OPERATING, JW_OTHER, JW_PERF_RULES, JW_PERF_MECHANISM, JW_N };
/* What a js_other.csv fact is. */
enum { JXK_AMOUNT, JXK_COUNT, JXK_SCORE };

typedef struct js_line { /* js_expenditure.csv: one 项 and source */
    const char *code, *name;
    int src;
    amount v[JE_N];
    amount plan; /* 年初预算 (column, or the budget folder's) */
    int has_plan;
    const char *reason; /* 原因, "" when none */
    const char *use;    /* 主要用于, "" when none */
    diag_pos pos, reason_pos, use_pos;
} js_line;

typedef struct js_iline { /* js_income.csv: one 项 */
    const char *code, *name;
    amount v[JI_N];
    diag_pos pos;
} js_iline;

typedef struct js_eline { /* js_basic_economic.csv: one 款 */
    const char *code, *name;
    amount v;
    diag_pos pos;
} js_eline;

typedef struct js_tp_row {
    int present;
    amount plan, actual; /* 预算数, 决算数 */
    long count[JC_N];
    int has_count[JC_N];
    const char *reason;
    diag_pos pos, reason_pos;
} js_tp_row;

typedef struct js_fact {
    int present;
    money v; /* amounts and scores in fen (score × 100), counts as is */
    diag_pos pos;
} js_fact;

/* A 类/款/项 row of a classification table, derived from the lines. */
typedef struct js_node {
    const char *code, *name;
    int level;              /* 1 类, 2 款, 3 项 */
    money v[JS_NSRC][JE_N]; /* expenditure by source and column */
    money inc[JI_N];        /* revenue */
    diag_pos pos;
} js_node;

/* One 项 of a source, with its 决算 and 年初预算 (the sentences). */
typedef struct js_item {
    const char *code, *name, *path; /* path: 类（类）款（款）项（项） */
    money plan, actual;
    const char *reason, *use;
    diag_pos pos;
} js_item;
typedef struct js_item_list {
    js_item *v;
    int n;
} js_item_list;

typedef struct js_data {
    const char *dir;
    js_line *exp;
    size_t n_exp;
    int has_exp, exp_has_plan_col;
    js_iline *inc;
    size_t n_inc;
    int has_inc;
    amount bal[JB_N];
    int has_bal;
    amount fis[3][JF_N];
    int has_fis;
    js_eline *econ;
    size_t n_econ;
    int has_econ;
    js_tp_row tp[JT_N];
    int has_tp;
    js_fact fact[JX_N];
    int has_other;
    const budget *plan;  /* [input] budget: the year's 预算, or NULL */
    named_text *reasons; /* js_reasons.csv: 项目 (a figure name) · 原因 */
    size_t n_reasons;
    int has_reasons;
    named_text words[JW_N]; /* js_text.csv (text NULL: not given) */
    int has_words;
    /* derived (js_derive) */
    js_node *nodes;
    size_t n_nodes;
    const char *econ_class[4]; /* names of 301, 302, 303, 310 (economic code list) */
    js_item_list *items;       /* per appropriation: the 项 the text states */
} js_data;

/* Published names. */
extern const char *const js_src_names[JS_NSRC];
extern const char *const js_exp_names[JE_N];
extern const char *const js_inc_names[JI_N];
extern const char *const js_bal_names[JB_N];
extern const char *const js_fis_names[JF_N];
extern const char *const js_tp_names[JT_N];
extern const char *const js_count_names[JC_N];
const char *js_fact_name(int k);
int js_fact_kind(int k);

/* Loads the 决算 input folder dir of year into *b: b->js; with_plan: also
 * [input] budget with the 预算 loader.  Returns 0, -1 after a data error,
 * -2 for a file leading outside the project folder. */
int js_load(arena *a, diag *d, const config *c, const char *dir, int year, int with_plan,
            budget *b);

/* Derives the 类/款 rows (names from the function code list codes), after
 * taking the 年初预算 from j->plan.  0, -1 after a data error, -2 when the
 * code list cannot be read. */
int js_derive(arena *a, diag *d, const config *c, const char *codes, js_data *j);

/* Every identity of the 决算 tables and (plan) the 决算 against its
 * 年初预算; findings through d. */
void js_check(diag *d, const config *c, const js_data *j, int plan);

/* js_text.csv of the folder dir into j->words (js_words.c): 0 (also when
 * absent), -1 after a data error, -2 for a path outside the project. */
extern const char *const js_word_names[JW_N];
int js_load_words(arena *a, diag *d, const config *c, const char *dir, js_data *j);
/* js_other.csv's 绩效 counts against each other (grades, problems). */
void js_check_perf(diag *d, const js_data *j);

/* The stated reason (js_reasons.csv) for a figure name, or NULL. */
const char *js_reason(const js_data *j, const char *name);

/* The 决算 stage of main.c: js_load, js_derive, js_check.  Returns 0, 1
 * (errors in the data) or 2 (a setup error: a file outside the project
 * folder, a code list that cannot be read). */
int js_load_and_check(arena *a, diag *d, const config *c, budget *cur, budget *prev,
                      int *have_prev);

/* The figures the bureau index lists (batch.h): 收入总计, 支出总计, the
 * 三公 决算数 (*has_tp 0 without js_three_public.csv). */
void js_batch_figures(const js_data *j, money *revenue, money *expense, money *tp, int *has_tp);

/* An amount for a finding (static buffers, twelve in turn: a message may quote up to twelve). */
const char *js_fmt(const config *c, money v);

/* Sums the build and the checks share. */
money js_exp_total(const js_data *j, int src, int col); /* src/col -1: all */
money js_inc_total(const js_data *j, int col);          /* col -1: all */
money js_fiscal_income(const js_data *j);               /* Σ 本年收入 of the three */
money js_econ_total(const js_data *j, int personnel);   /* 301+303 or 302+310 */
money js_tp_plan(const js_data *j, int row);            /* -1: 合计 */
money js_tp_actual(const js_data *j, int row);
money js_revenue_grand_total(const js_data *j); /* 收入总计 */
money js_expense_grand_total(const js_data *j); /* 支出总计 */

/* A 决算 figure by its name in the template ({决算:NAME}, docs/juesuan.md):
 * 1 and *v, or 0. */
int js_figure(const js_data *j, const char *name, money *v);
/* A count by name (js_other.csv's, 因公出国（境）费团组数 …, 车辆): 1 and *v. */
int js_count(const js_data *j, const char *name, long *v);

int js_items(arena *a, const js_data *j, int src, js_item **out);

/* The 类 a summary table always lists (col … classes=FILE, js_classes.c):
 * 科目编码 (3 digits) and 科目名称, in the file's order. */
typedef struct js_class_list {
    const char *path;
    size_t n;
    const char **code, **name;
    diag_pos *pos;
    int reported; /* a 类 with money it lacks is reported (js_tables.c: once) */
} js_class_list;
/* Reads the list (a file leading into root; at: the template line naming it,
 * for a file that cannot be opened).  NULL after reporting. */
js_class_list *js_classes_load(arena *a, diag *d, const char *path, const paths_root *root,
                               diag_pos at);
int js_classes_index(const js_class_list *l, const char *code); /* -1: not listed */

#endif
