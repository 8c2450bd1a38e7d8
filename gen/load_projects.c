/*
 * load_projects — project_notes.csv: the major projects of the year, one row
 * each (项目名称 · 科目编码 · 资金来源 · 年度预算安排 · 概述 · 立项依据 ·
 * 实施主体 · 实施方案 · 实施周期 · 绩效目标), typed once and checked against
 * the 项目支出 of expenditure.csv (else summary.csv): a project cannot have
 * more than its line, and the listed projects together cannot pass the
 * 项目支出 they are part of.  See projects.h and docs/input.md.
 */
#include "projects.h"

#include "csv.h"
#include "load.h"
#include "paths.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

typedef struct ploader {
    arena *a;
    diag *d;
    const config *c;
    const budget *b;
    const csv_table *t;
} ploader;

enum {
    PC_NAME,
    PC_CODE,
    PC_SOURCE,
    PC_AMOUNT,
    PC_OVERVIEW,
    PC_BASIS,
    PC_BODY,
    PC_PLAN,
    PC_PERIOD,
    PC_TARGET,
    PC_COUNT
};

static const csv_column PROJECT_COLS[PC_COUNT] = {
    {"项目名称", "project", 1},     {"科目编码", "code", 0}, {"资金来源", "source", 0},
    {"年度预算安排", "amount", 1},  {"概述", "overview", 1}, {"立项依据", "basis", 1},
    {"实施主体", "implementer", 1}, {"实施方案", "plan", 1}, {"实施周期", "period", 1},
    {"绩效目标", "target", 1},
};

/* An amount as the messages write it: in the unit the files are typed in. */
static const char *fmt_in(const ploader *P, money v)
{
    char buf[64];
    money_format(v, P->c->input_unit, 2, 0, 0, buf, sizeof buf);
    return arena_printf(P->a, "%s %s", buf, money_unit_name(P->c->input_unit));
}

/* 资金来源 by its name, an alias or the short name (一般公共预算 …); -1 if
 * none. */
static int source_of(const char *s)
{
    static const char *const SHORT[REV_COUNT] = {"一般公共预算", "政府性基金预算",
                                                 "国有资本经营预算", "财政专户"};
    static const char *const ALIAS[REV_COUNT] = {"一般公共预算拨款", "政府性基金预算拨款",
                                                 "国有资本经营预算拨款", "财政专户管理资金"};
    for (int k = 0; k < REV_COUNT; k++)
        if (utf8_name_eq(revenue_name((revenue_kind)k), s) ||
            (SHORT[k] && utf8_name_eq(SHORT[k], s)) || (ALIAS[k] && utf8_name_eq(ALIAS[k], s)))
            return k;
    return -1;
}

static const char *source_list(arena *a)
{
    const char *s = "";
    for (int k = 0; k < REV_COUNT; k++)
        s = arena_printf(a, "%s%s%s", s, k ? ", " : "", revenue_name((revenue_kind)k));
    return s;
}

static int code_ok(const char *s)
{
    size_t n = strlen(s);
    return strspn(s, "0123456789") == n && (n == 3 || n == 5 || n == 7);
}

/* 项目支出 of expenditure.csv from source k under code (a 类, 款 or 项:
 * the lines whose code starts with it; NULL: every line); *lines gets how
 * many lines with 项目支出 there are. */
static money project_spending(const budget *b, const char *code, int k, int *lines)
{
    money s = 0;
    *lines = 0;
    for (size_t i = 0; i < b->n_func; i++) {
        const func_line *fl = &b->func[i];
        if ((int)fl->source != k || !fl->project.present || !fl->project.v)
            continue;
        if (code && strncmp(fl->code, code, strlen(code)))
            continue;
        s += fl->project.v;
        (*lines)++;
    }
    return s;
}

/* Orders of the projects (ties in file order: rows are distinct lines). */
static int by_name(const void *x, const void *y)
{
    const project_note *p = *(const project_note *const *)x, *q = *(const project_note *const *)y;
    int c = strcmp(p->name, q->name);
    return c ? c : (p->pos.line > q->pos.line) - (p->pos.line < q->pos.line);
}

static int by_code(const void *x, const void *y)
{
    const project_note *p = *(const project_note *const *)x, *q = *(const project_note *const *)y;
    int c = strcmp(p->code, q->code);
    if (c)
        return c;
    if (p->source != q->source)
        return p->source < q->source ? -1 : 1;
    return (p->pos.line > q->pos.line) - (p->pos.line < q->pos.line);
}

/* The checks against the data (the rows parsed without error). */
static void check_against_data(ploader *P, budget *b, const project_note **ix)
{
    size_t n = b->n_projects;
    /* Each 项目名称 once. */
    for (size_t i = 0; i < n; i++)
        ix[i] = &b->projects[i];
    qsort(ix, n, sizeof *ix, by_name);
    for (size_t i = 1; i < n; i++) {
        const project_note *p = ix[i - 1], *q = ix[i];
        if (*q->name && !strcmp(p->name, q->name))
            diag_report(P->d, DIAG_ERROR, q->pos,
                        "项目 \"%s\" is listed twice (first at line %d): type each project once",
                        q->name, p->pos.line);
    }
    if (b->n_func) {
        /* A project on a 科目编码: its line's 项目支出 from its source holds
         * it, with the other projects on the same code and source. */
        qsort(ix, n, sizeof *ix, by_code);
        money sum = 0;
        money limit = 0;
        for (size_t i = 0; i < n; i++) {
            const project_note *p = ix[i];
            if (!*p->code || !p->amount.present)
                continue;
            const project_note *prev = i ? ix[i - 1] : NULL;
            int first = !prev || strcmp(prev->code, p->code) || prev->source != p->source;
            if (first) {
                int lines = 0;
                limit = code_ok(p->code) ? project_spending(b, p->code, (int)p->source, &lines) : 0;
                sum = 0;
                if (!lines) {
                    diag_report(P->d, DIAG_ERROR, p->pos,
                                "科目编码 \"%s\" has no 项目支出 from %s in expenditure.csv: "
                                "expected the function code (3, 5 or 7 digits) of a line with "
                                "项目支出 from that source",
                                p->code, revenue_name(p->source));
                    limit = -1;
                }
            }
            if (limit < 0)
                continue;
            if (p->amount.v > limit - sum) {
                diag_report(P->d, DIAG_ERROR, p->amount.pos,
                            "年度预算安排 %s brings the projects of %s (%s) to %s, more than its "
                            "项目支出 in expenditure.csv (%s)",
                            fmt_in(P, p->amount.v), p->code, revenue_name(p->source),
                            fmt_in(P, sum + p->amount.v), fmt_in(P, limit));
                limit = -1; /* once per code */
                continue;
            }
            sum += p->amount.v;
        }
        /* The projects of one source together within its 项目支出. */
        for (int k = 0; k < REV_COUNT; k++) {
            int lines;
            money lim = project_spending(b, NULL, k, &lines), s = 0;
            for (size_t i = 0; i < n; i++) {
                const project_note *p = &b->projects[i];
                if ((int)p->source != k || !p->amount.present)
                    continue;
                if (p->amount.v > lim - s) {
                    diag_report(P->d, DIAG_ERROR, p->amount.pos,
                                "年度预算安排 %s brings the projects funded by %s to %s, more "
                                "than the 项目支出 of that source in expenditure.csv (%s)",
                                fmt_in(P, p->amount.v), revenue_name((revenue_kind)k),
                                fmt_in(P, s + p->amount.v), fmt_in(P, lim));
                    break;
                }
                s += p->amount.v;
            }
        }
        return;
    }
    /* Without expenditure.csv: all of them within summary.csv's 项目支出. */
    const amount *lim = &b->summary[SUM_PROJECT];
    if (!lim->present) {
        diag_report(P->d, DIAG_ERROR, diag_at(P->t->path, 1, 0),
                    "project_notes.csv needs the 项目支出 its projects are part of: give "
                    "expenditure.csv, or 项目支出 in summary.csv");
        return;
    }
    money s = 0;
    for (size_t i = 0; i < n; i++) {
        const project_note *p = &b->projects[i];
        if (!p->amount.present)
            continue;
        if (p->amount.v > lim->v - s) {
            diag_report(P->d, DIAG_ERROR, p->amount.pos,
                        "年度预算安排 %s brings the projects to %s, more than 项目支出 in "
                        "summary.csv (%s)",
                        fmt_in(P, p->amount.v), fmt_in(P, s + p->amount.v), fmt_in(P, lim->v));
            return;
        }
        s += p->amount.v;
    }
}

int load_projects(arena *a, diag *d, const config *c, budget *b)
{
    int before = d->errors;
    csv_limits lim = {0, (size_t)c->max_rows, (size_t)c->max_cell};
    int st;
    csv_table *t = load_input_csv(a, d, c, b->dir, "project_notes.csv", &lim, &st);
    if (!t)
        return st; /* 0 absent, -1 unreadable, -2 outside the project */
    int ix[PC_COUNT];
    if (csv_map_columns(t, d, PROJECT_COLS, PC_COUNT, ix) < 0)
        return -1;
    ploader P = {a, d, c, b, t};
    b->projects = arena_alloc(a, t->nrows * sizeof *b->projects + 1);
    b->has_projects = 1;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        project_note *p = &b->projects[b->n_projects++];
        memset(p, 0, sizeof *p);
        p->pos = csv_pos(t, r, ix[PC_NAME]);
        p->name = r->fields[ix[PC_NAME]];
        if (!*p->name)
            diag_report(d, DIAG_ERROR, p->pos, "项目名称 is empty: name the project");
        p->code = ix[PC_CODE] >= 0 ? r->fields[ix[PC_CODE]] : "";
        p->source = REV_GENERAL;
        const char *src = ix[PC_SOURCE] >= 0 ? r->fields[ix[PC_SOURCE]] : "";
        if (*src) {
            int k = source_of(src);
            if (k < 0)
                diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[PC_SOURCE]),
                            "unknown 资金来源 \"%s\"; expected one of: %s", src, source_list(a));
            else
                p->source = (revenue_kind)k;
        }
        p->target = r->fields[ix[PC_TARGET]];
        int f = ix[PC_AMOUNT];
        const char *s = r->fields[f];
        char why[160];
        p->amount.pos = csv_pos(t, r, f);
        money v = 0;
        switch (money_parse(s, c->input_unit, &v, why, sizeof why)) {
        case MONEY_OK:
            if (v <= 0)
                diag_report(d, DIAG_ERROR, p->amount.pos,
                            "年度预算安排 is %s: a project described here has money this year "
                            "(more than 0)",
                            s);
            else {
                p->amount.v = v;
                p->amount.present = 1;
            }
            break;
        case MONEY_EMPTY:
            diag_report(d, DIAG_ERROR, p->amount.pos,
                        "年度预算安排 is empty: expected an amount in %s",
                        money_unit_name(c->input_unit));
            break;
        default:
            diag_report(d, DIAG_ERROR, p->amount.pos,
                        "年度预算安排 \"%s\" is not an amount in %s: %s", s,
                        money_unit_name(c->input_unit), why);
            break;
        }
    }
    const project_note **ixs = xcalloc(b->n_projects + 1, sizeof *ixs);
    check_against_data(&P, b, ixs);
    free(ixs);
    return d->errors > before ? -1 : 0;
}

int project_unit_class(const char *kind)
{
    if (strstr(kind, "参照公务员法") || strstr(kind, "参公"))
        return 1;
    if (strstr(kind, "行政"))
        return 0;
    if (strstr(kind, "事业"))
        return 2;
    return 3;
}
