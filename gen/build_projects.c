/*
 * build_projects — what the builder knows of units, targets and projects
 * (projects.h): the counts and amounts the text quotes ({单位数},
 * {行政单位数}, {绩效项目数}, {绩效项目金额} …), the conditions
 * has:project_notes and has:COUNT, {金额:列名}, and the repetition of a
 * `for csv:FILE` block once per row of FILE.  The wording stays in the
 * template (templates/sections/units.tpl, projects.tpl).
 */
#include "build_priv.h"

#include "projects.h"

#include <stdio.h>
#include <string.h>

/* ---- for csv:FILE … end ---------------------------------------------------- */

static void set_row(builder *b, const csv_table *ct, int r)
{
    item *it = arena_alloc(b->a, sizeof *it);
    memset(it, 0, sizeof *it);
    it->number = r + 1;
    it->csv = ct;
    it->row = &ct->rows[r];
    b->for_row = r;
    b->row = it;
}

int bld_for(builder *b, int i)
{
    const tmpl_stmt *st = &b->t->stmts[i];
    const csv_table *ct = budget_extra(b->cur, st->arg + 4);
    if (!ct) /* load_extra() leaves it out only when it does not exist */
        bld_fail(b,
                 "for %s needs the file %s/%s (put the block inside an if, e.g. "
                 "if has:project_notes)",
                 st->arg, b->cur->dir, st->arg + 4);
    if (!ct || !ct->nrows)
        return st->end;
    b->for_at = i;
    set_row(b, ct, 0);
    return i;
}

int bld_for_end(builder *b, int i)
{
    const tmpl_stmt *st = &b->t->stmts[i];
    if (!b->row || st->end != b->for_at)
        return i; /* the end of an if */
    const csv_table *ct = b->row->csv;
    if (b->for_row + 1 < (int)ct->nrows) {
        set_row(b, ct, b->for_row + 1);
        return b->for_at;
    }
    b->row = NULL;
    return i;
}

const char *bld_amount_cell(builder *b, const char *column, const item *it)
{
    if (!it || !it->csv) {
        bld_fail(b,
                 "{金额:%s} stands outside a for csv:FILE block or a list csv:FILE: it prints "
                 "the cell of the row being laid out",
                 column);
        return "";
    }
    const csv_table *ct = it->csv;
    for (size_t f = 0; f < ct->ncols; f++) {
        if (strcmp(ct->header[f], column))
            continue;
        const char *s = it->row->fields[f];
        money v;
        char why[160];
        money_status st = money_parse(s, b->c->input_unit, &v, why, sizeof why);
        if (st == MONEY_EMPTY)
            return "";
        if (st != MONEY_OK) {
            diag_pos p = csv_pos(ct, it->row, (int)f);
            bld_fail(b, "{金额:%s}: %s:%d:%d \"%s\" is not an amount in %s: %s", column, p.file,
                     p.line, p.col, s, money_unit_name(b->c->input_unit), why);
            return "";
        }
        return bld_fmt_text(b, v);
    }
    bld_fail(b, "{金额:%s}: %s has no column %s", column, ct->path, column);
    return "";
}

/* ---- counts and amounts --------------------------------------------------- */

enum {
    PV_UNITS,
    PV_ADMIN,
    PV_CIVIL,
    PV_INSTITUTIONS,
    PV_OTHER,
    PV_ADMIN_CIVIL,
    PV_OTHER_INST,
    PV_TARGET_UNITS,
    PV_DUTIES,
    PV_ACTIVITIES,
    PV_INDICATORS,
    PV_PROJECTS,
    PV_PROJECTS_AMOUNT,
    PV_TARGET_PROJECTS,
    PV_TARGET_AMOUNT,
    PV_TARGET_GENERAL,
    PV_COUNT
};

static const char *const PV_NAMES[PV_COUNT] = {
    "单位数",       "行政单位数",       "参公单位数",     "事业单位数",
    "其他单位数",   "行政及参公单位数", "其他事业单位数", "绩效单位数",
    "绩效职责数",   "绩效活动数",       "绩效指标数",     "重点项目数",
    "重点项目金额", "绩效项目数",       "绩效项目金额",   "绩效项目一般公共预算",
};

/* Which file each needs: 0 institutions.csv, 1 performance.csv, 2 project_notes.csv. */
static int pv_file(int k)
{
    return k <= PV_OTHER_INST ? 0 : k <= PV_INDICATORS ? 1 : 2;
}

static int pv_index(const char *name)
{
    for (int k = 0; k < PV_COUNT; k++)
        if (!strcmp(PV_NAMES[k], name))
            return k;
    return -1;
}

/* The value of k (a count, or an amount in fen for the amounts); *have is 0
 * when the file it comes from is missing. */
static money pv_value(const budget *bg, int k, int *is_amount, int *have)
{
    *is_amount = k == PV_PROJECTS_AMOUNT || k == PV_TARGET_AMOUNT || k == PV_TARGET_GENERAL;
    int file = pv_file(k);
    *have = file == 0 ? bg->n_inst > 0 : file == 1 ? bg->perf != NULL : bg->has_projects;
    if (k == PV_TARGET_UNITS) /* the units the department's targets cover */
        *have = bg->perf != NULL && bg->n_inst > 0;
    money v = 0;
    if (file == 0 || k == PV_TARGET_UNITS) {
        int n[4] = {0, 0, 0, 0};
        for (size_t i = 0; i < bg->n_inst; i++)
            n[project_unit_class(bg->inst[i].kind)]++;
        switch (k) {
        case PV_UNITS:
        case PV_TARGET_UNITS:
            v = (money)bg->n_inst;
            break;
        case PV_ADMIN:
            v = n[0];
            break;
        case PV_CIVIL:
            v = n[1];
            break;
        case PV_INSTITUTIONS:
            v = n[1] + n[2];
            break;
        case PV_OTHER:
            v = n[3];
            break;
        case PV_ADMIN_CIVIL:
            v = n[0] + n[1];
            break;
        case PV_OTHER_INST:
            v = n[2];
            break;
        }
        if (k == PV_TARGET_UNITS && !bg->n_perf)
            v = 0;
        return v;
    }
    if (file == 1) {
        if (k == PV_DUTIES)
            return bg->n_duties;
        if (k == PV_ACTIVITIES)
            return bg->n_activities;
        for (size_t i = 0; i < bg->n_perf; i++)
            v += *bg->perf[i].cell[PF_INDICATOR] != '\0';
        return v;
    }
    for (size_t i = 0; i < bg->n_projects; i++) {
        const project_note *p = &bg->projects[i];
        int targeted = *p->target != '\0';
        switch (k) {
        case PV_PROJECTS:
            v++;
            break;
        case PV_PROJECTS_AMOUNT:
            v += p->amount.v;
            break;
        case PV_TARGET_PROJECTS:
            v += targeted;
            break;
        case PV_TARGET_AMOUNT:
            v += targeted ? p->amount.v : 0;
            break;
        case PV_TARGET_GENERAL:
            v += targeted && p->source == REV_GENERAL ? p->amount.v : 0;
            break;
        }
    }
    return v;
}

const char *bld_project_var(builder *b, const char *name)
{
    int k = pv_index(name);
    if (k < 0)
        return NULL;
    int is_amount, have;
    money v = pv_value(b->cur, k, &is_amount, &have);
    if (!have) {
        static const char *const FILES[3] = {"institutions.csv", "performance.csv",
                                             "project_notes.csv"};
        const char *need = FILES[pv_file(k)];
        if (k == PV_TARGET_UNITS)
            need = b->cur->n_inst ? "performance.csv" : "institutions.csv";
        bld_fail(b, "{%s} needs the file %s/%s (see docs/input.md)", name, b->cur->dir, need);
        return "";
    }
    /* A count or amount of 0 empties the [[…]] it stands in, so the
     * template words it: [[，行政单位{行政单位数}家]]. */
    if (!v && b->in_group)
        return "";
    if (is_amount)
        return bld_fmt_text(b, v);
    return arena_printf(b->a, "%lld", (long long)v);
}

int bld_project_condition(builder *b, const char *name)
{
    if (!strcmp(name, "project_notes"))
        return b->cur->has_projects && b->cur->n_projects > 0;
    int k = pv_index(name);
    if (k < 0)
        return -1;
    int is_amount, have;
    money v = pv_value(b->cur, k, &is_amount, &have);
    return have && v > 0;
}
