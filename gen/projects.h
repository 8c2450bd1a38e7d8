/*
 * projects — the major projects a department describes (项目经费情况说明),
 * typed once in project_notes.csv, and the counts the text quotes about its
 * units (部门（单位）构成, 机构设置) and its targets (绩效目标设置情况).
 * Stage: load (load_projects.c: read and checked against expenditure.csv)
 * and build (build_projects.c: placeholders {单位数} {绩效项目数} …, the
 * conditions has:project_notes and has:COUNT, and {金额:列名} in a for
 * block).  docs/input.md#project_notescsv--项目经费情况说明 and
 * docs/templates.md#repeating-lines-per-row--for-csvfile.
 */
#ifndef GEN_PROJECTS_H
#define GEN_PROJECTS_H

#include "arena.h"
#include "config.h"
#include "data.h"
#include "diag.h"

/* One row of project_notes.csv. */
typedef struct project_note {
    const char *name;    /* 项目名称 */
    const char *code;    /* 科目编码 (a 项 of expenditure.csv), "" when not given */
    revenue_kind source; /* 资金来源 (default 一般公共预算拨款收入) */
    amount amount;       /* 年度预算安排 */
    const char *target;  /* 绩效目标 ("" when none) */
    diag_pos pos;
} project_note;

/* Reads dir/project_notes.csv into b (absent: b->has_projects stays 0) and
 * checks it against expenditure.csv (already loaded in b), else against
 * summary.csv's 项目支出.  Returns 0, -1 after reporting, or -2 when the
 * file was refused (it leads outside the project folder). */
int load_projects(arena *a, diag *d, const config *c, budget *b);

/* The class of a unit by its 单位性质: 0 行政, 1 参照公务员法管理的事业单位
 * (参公), 2 other 事业单位, 3 anything else. */
int project_unit_class(const char *kind);

#endif
