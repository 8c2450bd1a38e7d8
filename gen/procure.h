/*
 * procure — two optional inputs of issue 14 and everything about them:
 * 政府采购预算 (procurement.csv) and 国有资产占有使用情况 (assets.csv).
 * Stage: load (procure_load), check (procure_check), figures
 * (procure_figures: the printed values), build (placeholders, the `if
 * has:` names and the table sources `procurement` and `assets`).
 * docs/input.md describes the files, docs/templates.md the placeholders
 * and table sources.  The shared files only call in here.
 */
#ifndef GEN_PROCURE_H
#define GEN_PROCURE_H

#include "arena.h"
#include "config.h"
#include "csv.h"
#include "data.h"
#include "diag.h"

/* The columns of procurement.csv (and figures, FIG_PROC index). */
typedef enum proc_col {
    PC_TOTAL,    /* 合计: 政府采购预算 */
    PC_GOODS,    /* 货物 */
    PC_WORKS,    /* 工程 */
    PC_SERVICES, /* 服务 */
    PC_SME,      /* 面向中小企业预留 */
    PC_SMALL,    /* 面向小微企业预留 */
    PC_COUNT
} proc_col;

typedef struct proc_row {
    const char *source; /* 资金来源 as written; the 合计 row: is_total */
    int is_total;
    amount v[PC_COUNT];
    diag_pos pos;
} proc_row;

typedef struct procurement {
    const char *path;
    size_t n;
    proc_row *rows;        /* in the file's order */
    int total_row;         /* index of the 合计 row, or -1 */
    int has_col[PC_COUNT]; /* the column is in the file */
    money sum[PC_COUNT];   /* the department's figures: the 合计 row's, else the rows' sum */
} procurement;

/* The rows of assets.csv: the 8 uses of vehicles, their total, equipment. */
enum { AS_USES = 8, AS_VEHICLES = AS_USES, AS_EQUIPMENT, AS_COUNT };

typedef struct asset_count {
    long v;
    int present;
    diag_pos pos;
} asset_count;

typedef struct asset_line {
    int present;
    const char *label; /* as written (a known name) */
    asset_count held;  /* 保有量 */
    asset_count buy;   /* 拟购置 */
    diag_pos pos;
} asset_line;

typedef struct assets {
    const char *path;
    int header_line;
    asset_line line[AS_COUNT];
} assets;

/* Reads DIR/procurement.csv and DIR/assets.csv when they exist (b->proc,
 * b->assets).  Returns 0, -1 after reporting, or -2 when a file was refused
 * as leading outside the project folder. */
int procure_load(arena *a, diag *d, const config *c, const char *dir, const csv_limits *lim,
                 budget *b);

/* The rules (parts add up, 预留 within the total, vehicle totals, a vehicle
 * to buy against 公务用车购置费 and the reverse), reported at level. */
void procure_check(diag *d, const config *c, diag_level level, const budget *b);

/* Figures named by templates: {政府采购预算}, {货物类采购} … (FIG_PROC). */
int procure_figure_lookup(const char *name, figure_ref *r);
const char *procure_figure_name(int index);
money procure_figure(const budget *b, int index, int *found, diag_pos *pos);

/* Printed values of one year (figures.c): NULL without procurement.csv. */
struct figures;
struct proc_figures;
const struct proc_figures *procure_figures(struct figures *f, const budget *bg);
money procure_shown(const struct figures *f, const struct proc_figures *pf, int index, money exact);

/* `if has:procurement`, `if has:assets`: 1 and *has set when name is one. */
int procure_condition(const budget *b, const char *name, int *has);

/* Counts ({车辆合计}, {执法执勤用车}, {拟购置车辆} …) as the text prints
 * them (whole numbers), or NULL when name is no count. */
struct builder;
const char *procure_count_text(struct builder *b, const char *name);

/* Table sources: the fields of `procurement` and `assets` (count, *fields)
 * or 0 for another source. */
int procure_table_fields(const char *source, const char *const **fields);

/* The file a table source needs when this year lacks it, or NULL. */
const char *procure_table_need(const budget *b, const char *source);

/* Adds the body rows of a table source of this file (fix: the source's
 * field of each template column); 0 for another source. */
struct doc_table;
struct tmpl_table;
int procure_table_rows(struct builder *b, struct doc_table *t, const struct tmpl_table *tt,
                       const int *fix, const char *source);

#endif
