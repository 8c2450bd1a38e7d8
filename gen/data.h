/*
 * data — the validated data model of one department's budget for one year.
 * Stage: load → data.  Filled by load.c from the CSV and text files of one
 * input folder; checked by check.c; read (never changed) by build.c.
 * Every figure keeps the position it came from, so a finding can name the
 * exact file, line and column.  Amounts are exact fen (money.h).
 * Strings are UTF-8 and owned by the run's arena.
 */
#ifndef GEN_DATA_H
#define GEN_DATA_H

#include "diag.h"
#include "money.h"

#include <stddef.h>

/* An amount that may be absent from the input. */
typedef struct amount {
    money v;
    int present;
    diag_pos pos;
} amount;

/* 单位名称 · 单位性质 · 单位规格 · 经费保障形式 (institutions.csv), and
 * the optional 公用经费: the unit's share of the 一般公共预算 basic 公用经费
 * (basic_economic.csv), from which 机关运行经费 is checked or computed. */
typedef struct institution {
    const char *name, *kind, *rank, *funding;
    amount office; /* 公用经费 (present only with the column) */
    diag_pos pos;
} institution;

/* 1 for a unit whose 机关运行经费 counts: 行政单位 and 参照公务员法管理的
 * 事业单位 (单位性质 mentions 行政, 参照公务员法 or 参公); 0 otherwise. */
int institution_is_administrative(const institution *in);

/* Revenue sources of the national template (收入来源). */
typedef enum revenue_kind {
    REV_GENERAL,         /* 一般公共预算拨款收入 */
    REV_FUND,            /* 政府性基金预算拨款收入 */
    REV_STATE_CAPITAL,   /* 国有资本经营预算拨款收入 */
    REV_SPECIAL_ACCOUNT, /* 财政专户管理资金收入 */
    REV_BUSINESS,        /* 事业收入 */
    REV_OPERATING,       /* 事业单位经营收入 */
    REV_SUPERIOR,        /* 上级补助收入 */
    REV_AFFILIATED,      /* 附属单位上缴收入 */
    REV_OTHER,           /* 其他收入 */
    REV_BALANCE,         /* 使用非财政拨款结余: like 上年结转, outside 本年收入合计 */
    REV_CARRYOVER,       /* 上年结转 */
    REV_COUNT
} revenue_kind;

/* Figures the department states once and the narrative quotes (summary.csv).
 * Where detail files exist, check.c proves these equal the detail. */
typedef enum summary_kind {
    SUM_REVENUE_TOTAL,  /* 收入总计 */
    SUM_EXPENSE_TOTAL,  /* 支出总计 */
    SUM_BASIC,          /* 基本支出 */
    SUM_PROJECT,        /* 项目支出 */
    SUM_OPERATING_COST, /* 机关运行经费 */
    SUM_COUNT
} summary_kind;

/* The three public expenses ("三公"经费) and the table's total row; then
 * the rows a region's table may add: 公务用车购置及运行费 (= 购置 + 运行, a
 * 小计 counted once), and 会议费, 培训费, 机关运行经费, which are printed
 * in the table but are not part of its 合计. */
typedef enum tp_kind {
    TP_VEHICLE_RUN, /* 公务用车运行费 (seed: 车辆运行费) */
    TP_VEHICLE_BUY, /* 公务用车购置费 (seed: 车辆购置费) */
    TP_RECEPTION,   /* 公务接待费 */
    TP_ABROAD,      /* 因公出国（境）费 (seed: 因公出国经费) */
    TP_TOTAL,       /* 合计 */
    TP_VEHICLE,     /* 公务用车购置及运行费 = 购置费 + 运行费 */
    TP_MEETING,     /* 会议费 */
    TP_TRAINING,    /* 培训费 */
    TP_OPERATING,   /* 机关运行经费 (行政经费): states SUM_OPERATING_COST */
    TP_COUNT
} tp_kind;

/* Funding sources of the three-public table (资金来源). */
typedef enum tp_source { TPS_GENERAL, TPS_FUND, TPS_SPECIAL, TPS_STATE_CAPITAL, TPS_COUNT } tp_source;

typedef struct tp_row {
    int present;
    const char *label;            /* as the department writes it */
    amount total;                 /* 合计 */
    amount source[TPS_COUNT];     /* 一般预算 · 基金预算 · 财政专户 · 国有资本经营预算 */
    int order;                    /* its place among the file's rows (0-based) */
    diag_pos pos;
} tp_row;

/* One line of expenditure by function classification (支出功能分类):
 * 类 3 digits, 款 5, 项 7, entered once at the most detailed level with its
 * funding source; 类 and 款 totals are computed (func_node).  expenditure.csv */
typedef struct func_line {
    const char *code, *name; /* name "" when the code list names it */
    revenue_kind source;     /* 资金来源 (default 一般公共预算拨款收入) */
    amount basic;            /* 基本支出 */
    amount project;          /* 项目支出 */
    amount total;            /* 合计 (optional in the file; checked) */
    diag_pos pos;
} func_line;

/* One line of 一般公共预算 basic expenditure by economic classification
 * (经济分类): 类 3 digits, 款 5, leaves only.  basic_economic.csv */
typedef struct econ_line {
    const char *code, *name;
    amount personnel; /* 人员经费 */
    amount office;    /* 公用经费 */
    amount total;
    diag_pos pos;
} econ_line;

/* A line of a classification table: a leaf as entered, or a 类/款 whose
 * amounts are the sums of the leaves below it.  Sorted by code. */
typedef struct func_node {
    const char *code, *name;
    int level;                  /* 1 类, 2 款, 3 项 */
    int leaf;                   /* entered (not computed) */
    money basic[REV_COUNT];     /* by funding source */
    money project[REV_COUNT];
    diag_pos pos;               /* the first leaf's line */
} func_node;

typedef struct econ_node {
    const char *code, *name;
    int level; /* 1 类, 2 款 */
    int leaf;
    money personnel, office;
    diag_pos pos;
} econ_node;

/* The twelve columns of the performance table (seed 004 section 五). */
enum {
    PF_DUTY,          /* 职责名称 */
    PF_DUTY_DESC,     /* 职责描述 */
    PF_DUTY_GOAL,     /* 职责目标 */
    PF_ACTIVITY,      /* 活动名称 */
    PF_ACTIVITY_DESC, /* 活动描述 */
    PF_TARGET,        /* 绩效目标 */
    PF_INDICATOR,     /* 绩效指标 */
    PF_INDICATOR_DESC,/* 指标描述 */
    PF_EXCELLENT,     /* 优 */
    PF_GOOD,          /* 良 */
    PF_FAIR,          /* 中 */
    PF_POOR,          /* 差 */
    PF_COUNT
};

typedef struct perf_row {
    const char *cell[PF_COUNT]; /* as entered; "" for a blank continuation cell */
    const char *actual;         /* 实际值 from actuals.csv, NULL if none */
    diag_pos actual_pos;
    int grade;                  /* 0 优 … 3 差, -1 not graded */
    int duty;                   /* index of the duty this row belongs to (0-based) */
    int activity;               /* index of the activity, counted over the table */
    int new_duty, new_activity; /* 1 where a duty / activity starts */
    diag_pos pos;
} perf_row;

typedef struct named_text {
    const char *name, *text; /* 职责·绩效目标, 名词·解释, 项目·说明 */
    diag_pos pos;
    diag_pos text_pos; /* the cell of text */
} named_text;

/* Paragraphs of a text file, one per non-empty line. */
typedef struct text_file {
    const char *path; /* NULL if the file is absent */
    size_t n;
    const char **para;
    diag_pos *pos;
    int *col; /* column (characters) where each paragraph starts */
} text_file;

/* A CSV file a template lays out as it is (table csv:FILE, list csv:FILE):
 * the other shapes of performance-target tables (seeds 000, 002, 003, the
 * national 项目支出绩效目标表).  Its columns are the header's names. */
struct csv_table;
typedef struct extra_table {
    const char *file;          /* as the template names it, e.g. tasks.csv */
    const struct csv_table *t;
} extra_table;

struct procurement; /* procure.h */
struct assets;
typedef struct budget {
    int year;
    const char *dir;

    size_t n_inst;
    institution *inst;
    int inst_has_office; /* institutions.csv has the 公用经费 column */
    text_file duties;

    amount revenue[REV_COUNT];
    const char *revenue_label[REV_COUNT]; /* as written in revenue.csv */
    int has_revenue;
    amount summary[SUM_COUNT];
    int has_summary;

    size_t n_func;
    func_line *func;
    size_t n_econ;
    econ_line *econ;
    size_t n_fnodes; /* derived from func and the code list */
    func_node *fnodes;
    size_t n_enodes;
    econ_node *enodes;

    tp_row tp[TP_COUNT];
    int has_tp;
    int tp_has_state_capital; /* three_public.csv has the 国有资本经营预算 column */

    named_text *reasons;
    size_t n_reasons;

    text_file overall_goal;
    named_text *duty_goals;
    size_t n_duty_goals;
    perf_row *perf;
    size_t n_perf;
    int n_duties, n_activities;

    named_text *glossary;
    size_t n_glossary;
    text_file notes;

    int has_actuals; /* actuals.csv: self-evaluation (绩效自评) */

    const struct procurement *proc; /* procurement.csv, or NULL (procure.h) */
    const struct assets *assets;    /* assets.csv, or NULL */

    extra_table *extra; /* the template's csv: files */
    size_t n_extra;

    struct project_note *projects; /* project_notes.csv (projects.h) */
    size_t n_projects;
    int has_projects;

    const struct js_data *js; /* [document] kind = 决算: its figures (js.h), or NULL */

    const struct budget *before; /* the year before this one, for trends
                                    ([input] earlier), or NULL */
} budget;

/* The CSV file a template names, or NULL. */
const struct csv_table *budget_extra(const budget *b, const char *file);

/* Published Chinese names (and aliases the loader accepts) of the kinds. */
const char *revenue_name(revenue_kind k);
const char *summary_name(summary_kind k);
const char *tp_name(tp_kind k);
const char *tp_source_name(tp_source s);

/* The derived figures the document uses: the stated summary value when
 * given, else the sum of the detail.  *found is 0 if neither exists. */
money budget_revenue_total(const budget *b, int *found);
money budget_fiscal_revenue(const budget *b, int *found); /* 财政拨款收入 */
money budget_figure(const budget *b, summary_kind k, int *found);

/* A source's revenue: its row of revenue.csv; without revenue.csv, the
 * expenditure.csv lines it funds.  *found: 0 when the year has neither. */
money budget_source_revenue(const budget *b, revenue_kind k, int *found);

/* 机关运行经费 from the units (not stated): the 公用经费 of the
 * administrative units (institutions.csv), else — when every unit is
 * administrative, or none is listed — all 公用经费 of basic_economic.csv.
 * *found is 0 when a department with other units (schools …) does not
 * give 公用经费 per unit. */
money budget_operating_cost_from_units(const budget *b, int *found);

/* 1 when institutions.csv lists a unit that is not administrative. */
int budget_has_other_units(const budget *b);

/* A figure the template can name: {支出总计}, {一般公共预算拨款收入},
 * {因公出国经费}, {三公合计}, {财政拨款收入} … (any published name or alias). */
typedef enum figure_kind { FIG_SUMMARY, FIG_REVENUE, FIG_TP, FIG_FISCAL, FIG_ECON, FIG_PROC } figure_kind;
typedef struct figure_ref {
    figure_kind kind;
    int index; /* summary_kind, revenue_kind or tp_kind; FIG_ECON: 0 人员经费, 1 公用经费;
                  FIG_PROC: proc_col (procure.h) */
} figure_ref;

/* Returns 1 and fills *r if name is a figure, else 0. */
int data_figure_lookup(const char *name, figure_ref *r);

/* The figure's value in b; *found is 0 when b has no such figure; *pos (may
 * be NULL) gets where it was stated. */
money data_figure(const budget *b, figure_ref r, int *found, diag_pos *pos);

/* The figure's published name (for messages). */
const char *data_figure_name(figure_ref r);

/* Looks up a stated reason (reasons.csv) by its 项目 key; NULL if none. */
const named_text *budget_reason(const budget *b, const char *key);

#endif
