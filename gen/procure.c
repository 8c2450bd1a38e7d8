/*
 * procure — 政府采购预算 (procurement.csv) and 国有资产占有使用情况
 * (assets.csv): loading, rules, printed figures, placeholders and table
 * sources (see procure.h, docs/input.md, docs/templates.md).
 */
#include "procure.h"
#include "load.h"

#include "build_priv.h"
#include "figures.h"
#include "paths.h"
#include "strbuf.h"
#include "utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One amount of procurement.csv is at most PROC_AMOUNT_MAX (about 9e9
 * 万元), and the file has at most PROC_ROWS_MAX rows: a sum of a column
 * then never overflows. */
#define PROC_AMOUNT_MAX (INT64_MAX / 1024)
#define PROC_ROWS_MAX 1000

static const char *const PROC_FIELDS[1 + PC_COUNT] = {
    "资金来源", "合计", "货物", "工程", "服务", "面向中小企业预留", "面向小微企业预留"};

/* Figure names: index 0 is the published name. */
#define PROC_ALIASES 4
static const char *const PROC_NAMES[PC_COUNT][PROC_ALIASES] = {
    {"政府采购预算", "政府采购预算合计", "政府采购合计", NULL},
    {"货物类采购", "货物采购", "货物", NULL},
    {"工程类采购", "工程采购", "工程", NULL},
    {"服务类采购", "服务采购", "服务", NULL},
    {"面向中小企业预留", "中小企业预留", NULL, NULL},
    {"面向小微企业预留", "小微企业预留", NULL, NULL},
};

#define ASSET_ALIASES 4
static const char *const ASSET_NAMES[AS_COUNT][ASSET_ALIASES] = {
    {"部级领导干部用车", NULL, NULL, NULL},
    {"主要领导干部用车", NULL, NULL, NULL},
    {"机要通信用车", NULL, NULL, NULL},
    {"应急保障用车", NULL, NULL, NULL},
    {"执法执勤用车", NULL, NULL, NULL},
    {"特种专业技术用车", NULL, NULL, NULL},
    {"离退休干部用车", NULL, NULL, NULL},
    {"其他用车", NULL, NULL, NULL},
    {"车辆合计", "车辆总数", "车辆", "合计"},
    {"单价100万元以上设备", "单价100万元（含）以上设备", "单价100万元(含)以上设备", "大型设备"},
};

static const char *const ASSET_FIELDS[3] = {"项目", "保有量", "拟购置"};

static int asset_kind(const char *name)
{
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < AS_COUNT; k++)
            for (int j = 0; j < ASSET_ALIASES; j++) {
                const char *s = ASSET_NAMES[k][j];
                if (s && (pass ? utf8_name_eq(s, name) : !strcmp(s, name)))
                    return k;
            }
    return -1;
}

/* ---- loading ----------------------------------------------------------- */

typedef struct ploader {
    arena *a;
    diag *d;
    const config *c;
    const char *dir;
    const csv_limits *lim;
    int refused;
} ploader;

/* The file if it exists (NULL silently when absent, NULL after a report
 * when it cannot be read), read as every input file is (load_input_csv:
 * its unit row too). */
static csv_table *open_file(ploader *L, const char *file)
{
    int st;
    csv_table *t = load_input_csv(L->a, L->d, L->c, L->dir, file, L->lim, &st);
    if (st == -2)
        L->refused = 1;
    return t;
}

static amount parse_amount(ploader *L, const csv_table *t, const csv_row *r, int f, int required)
{
    amount am;
    money_status st = load_amount_cell(L->d, L->c, t, r, f, required, &am);
    if (f < 0)
        return am;
    if (st == MONEY_OK && am.v > PROC_AMOUNT_MAX) {
        diag_report(L->d, DIAG_ERROR, am.pos,
                    "%s %s is too large to be a budget amount: check the figure and its unit",
                    t->header[f], r->fields[f]);
        am.v = 0;
    } else if (st == MONEY_EMPTY && !required) {
        am.present = 1; /* an empty part is 0 */
    }
    return am;
}

static void load_procurement(ploader *L, budget *b)
{
    csv_table *t = open_file(L, "procurement.csv");
    if (!t)
        return;
    static const csv_column cols[1 + PC_COUNT] = {
        {"资金来源", "source", 1},
        {"合计", "total", 1},
        {"货物", "goods", 1},
        {"工程", "works", 1},
        {"服务", "services", 1},
        {"面向中小企业预留", "sme", 0},
        {"面向小微企业预留", "small", 0},
    };
    int ix[1 + PC_COUNT];
    if (csv_map_columns(t, L->d, cols, 1 + PC_COUNT, ix) < 0)
        return;
    if (!t->nrows) {
        diag_report(L->d, DIAG_ERROR, diag_at(t->path, t->header_line, 0),
                    "procurement.csv has no rows: give the 合计 row (资金来源 合计), or remove the "
                    "file when the department has no 政府采购预算");
        return;
    }
    if (t->nrows > PROC_ROWS_MAX) { /* keeps every sum of a column exact */
        diag_report(L->d, DIAG_ERROR, diag_at(t->path, t->rows[PROC_ROWS_MAX].line, 0),
                    "more than %d rows: procurement.csv has one row per 资金来源 and a 合计 row",
                    PROC_ROWS_MAX);
        return;
    }
    procurement *p = arena_alloc(L->a, sizeof *p);
    memset(p, 0, sizeof *p);
    p->path = t->path;
    p->total_row = -1;
    p->rows = arena_alloc(L->a, t->nrows * sizeof *p->rows);
    for (int c = 0; c < PC_COUNT; c++)
        p->has_col[c] = ix[1 + c] >= 0;
    int before = L->d->errors;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        proc_row *pr = &p->rows[p->n];
        memset(pr, 0, sizeof *pr);
        pr->source = r->fields[ix[0]];
        pr->pos = csv_pos(t, r, ix[0]);
        if (!*pr->source) {
            diag_report(L->d, DIAG_ERROR, pr->pos,
                        "资金来源 is empty: name the funding source of the row, or 合计");
            continue;
        }
        pr->is_total = utf8_name_eq(pr->source, "合计");
        int dup = -1;
        for (size_t j = 0; j < p->n; j++)
            if (utf8_name_eq(p->rows[j].source, pr->source))
                dup = (int)j;
        if (dup >= 0) {
            diag_report(L->d, DIAG_ERROR, pr->pos,
                        "资金来源 \"%s\" is given twice (first at line %d)", pr->source,
                        p->rows[dup].pos.line);
            continue;
        }
        for (int c = 0; c < PC_COUNT; c++)
            pr->v[c] = parse_amount(L, t, r, ix[1 + c], c == PC_TOTAL);
        if (pr->is_total)
            p->total_row = (int)p->n;
        p->n++;
    }
    if (L->d->errors > before)
        return;
    for (int c = 0; c < PC_COUNT; c++) {
        if (p->total_row >= 0) {
            p->sum[c] = p->rows[p->total_row].v[c].v;
            continue;
        }
        for (size_t i = 0; i < p->n; i++)
            p->sum[c] += p->rows[i].v[c].v; /* ≤ PROC_ROWS_MAX × PROC_AMOUNT_MAX */
    }
    b->proc = p;
}

/* A count: a whole number ≥ 0 of at most 9 digits; empty is 0. */
static asset_count parse_count(ploader *L, const csv_table *t, const csv_row *r, int f,
                               const char *what)
{
    asset_count n = {0, 0, csv_pos(t, r, f)};
    if (f < 0)
        return n;
    const char *s = r->fields[f];
    size_t len = strlen(s);
    if (!len)
        return n; /* 0, not stated */
    n.present = 1;
    if (strspn(s, "0123456789") != len || len > 9) {
        diag_report(L->d, DIAG_ERROR, n.pos,
                    "%s of %s \"%s\" is not a count: expected a whole number of vehicles or "
                    "pieces of equipment, 0 or more (such as 3)",
                    t->header[f], what, s);
        n.present = 0;
        return n;
    }
    n.v = strtol(s, NULL, 10);
    return n;
}

static void load_assets(ploader *L, budget *b)
{
    csv_table *t = open_file(L, "assets.csv");
    if (!t)
        return;
    static const csv_column cols[] = {
        {"项目", "item", 1}, {"保有量", "held", 1}, {"拟购置", "to_buy", 0}};
    int ix[3];
    if (csv_map_columns(t, L->d, cols, 3, ix) < 0)
        return;
    assets *as = arena_alloc(L->a, sizeof *as);
    memset(as, 0, sizeof *as);
    as->path = t->path;
    as->header_line = t->header_line;
    int before = L->d->errors;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        const char *key = r->fields[ix[0]];
        int k = asset_kind(key);
        if (k < 0) {
            strbuf sb = STRBUF_INIT;
            for (int j = 0; j < AS_COUNT; j++)
                sb_printf(&sb, "%s%s", j ? ", " : "", ASSET_NAMES[j][0]);
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "unknown 项目 \"%s\"; expected one of: %s", key, sb_str(&sb));
            sb_free(&sb);
            continue;
        }
        asset_line *al = &as->line[k];
        if (al->present) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "项目 \"%s\" is given twice (first at line %d)", key, al->pos.line);
            continue;
        }
        al->present = 1;
        al->label = ASSET_NAMES[k][0];
        al->pos = csv_pos(t, r, ix[0]);
        al->held = parse_count(L, t, r, ix[1], key);
        al->buy = parse_count(L, t, r, ix[2], key);
    }
    if (L->d->errors == before)
        b->assets = as;
}

int procure_load(arena *a, diag *d, const config *c, const char *dir, const csv_limits *lim,
                 budget *b)
{
    ploader L = {a, d, c, dir, lim, 0};
    int before = d->errors;
    load_procurement(&L, b);
    load_assets(&L, b);
    return L.refused ? -2 : d->errors > before ? -1 : 0;
}

/* ---- rules --------------------------------------------------------------- */

/* An amount as findings show it (as check.c does): every significant
 * decimal, at least two, no thousands separators. */
static const char *fmt(const config *c, money v, char *buf, size_t n)
{
    money_format_finding(v, c->input_unit, buf, n);
    return buf;
}
#define A(v) fmt(c, (v), (char[48]){0}, 48)

static void check_procurement(diag *d, const config *c, diag_level lv, const procurement *p)
{
    for (size_t i = 0; i < p->n; i++) {
        const proc_row *r = &p->rows[i];
        const amount *v = r->v;
        money parts = v[PC_GOODS].v + v[PC_WORKS].v + v[PC_SERVICES].v;
        if (parts != v[PC_TOTAL].v)
            diag_report(d, lv, v[PC_TOTAL].pos,
                        "%s: 合计 is %s but 货物 + 工程 + 服务 = %s: the three kinds of "
                        "procurement make up the 合计",
                        r->source, A(v[PC_TOTAL].v), A(parts));
        if (p->has_col[PC_SME] && v[PC_SME].v > v[PC_TOTAL].v)
            diag_report(d, lv, v[PC_SME].pos,
                        "%s: 面向中小企业预留 is %s, more than the 合计 %s: what is reserved for "
                        "中小企业 is part of the 政府采购预算",
                        r->source, A(v[PC_SME].v), A(v[PC_TOTAL].v));
        if (p->has_col[PC_SMALL] && p->has_col[PC_SME] && v[PC_SMALL].v > v[PC_SME].v)
            diag_report(d, lv, v[PC_SMALL].pos,
                        "%s: 面向小微企业预留 is %s, more than 面向中小企业预留 %s: 小微企业 are "
                        "中小企业, so their reserve is part of it",
                        r->source, A(v[PC_SMALL].v), A(v[PC_SME].v));
        else if (p->has_col[PC_SMALL] && !p->has_col[PC_SME] && v[PC_SMALL].v > v[PC_TOTAL].v)
            diag_report(d, lv, v[PC_SMALL].pos, "%s: 面向小微企业预留 is %s, more than the 合计 %s",
                        r->source, A(v[PC_SMALL].v), A(v[PC_TOTAL].v));
    }
    if (p->total_row < 0 || p->n < 2)
        return;
    const proc_row *tot = &p->rows[p->total_row];
    for (int c2 = 0; c2 < PC_COUNT; c2++) {
        if (!p->has_col[c2])
            continue;
        money s = 0;
        for (size_t i = 0; i < p->n; i++)
            if ((int)i != p->total_row)
                s += p->rows[i].v[c2].v;
        if (s != tot->v[c2].v)
            diag_report(d, lv, tot->v[c2].pos,
                        "合计 %s is %s but the rows of the funding sources sum to %s",
                        PROC_FIELDS[1 + c2], A(tot->v[c2].v), A(s));
    }
}

/* The sum of the 8 uses: their 保有量, or (buy) their 拟购置. */
static long vehicles(const assets *as, int buy)
{
    long s = 0;
    for (int k = 0; k < AS_USES; k++)
        s += buy ? as->line[k].buy.v : as->line[k].held.v;
    return s;
}

/* The vehicles: the 车辆合计 row where given, else the sum of the uses. */
static long vehicle_total(const assets *as, int buy)
{
    const asset_line *t = &as->line[AS_VEHICLES];
    const asset_count *tc = buy ? &t->buy : &t->held;
    return t->present && tc->present ? tc->v : vehicles(as, buy);
}

static void check_assets(diag *d, const config *c, diag_level lv, const budget *b)
{
    const assets *as = b->assets;
    const asset_line *t = &as->line[AS_VEHICLES];
    for (int buy = 0; buy < 2 && t->present; buy++) {
        const asset_count *tc = buy ? &t->buy : &t->held;
        long s = vehicles(as, buy);
        if (tc->present && tc->v != s)
            diag_report(d, lv, tc->pos, "%s %s is %ld but the 8 uses of vehicles sum to %ld",
                        t->label, ASSET_FIELDS[1 + buy], tc->v, s);
    }
    /* a vehicle to buy needs its 公务用车购置费, and the reverse; a
     * 公务用车购置及运行费 row without its parts cannot tell */
    const tp_row *vb = &b->tp[TP_VEHICLE_BUY];
    if (!vb->present && b->tp[TP_VEHICLE].present)
        return;
    long to_buy = vehicle_total(as, 1);
    if (to_buy > 0 && !(vb->present && vb->total.v > 0)) {
        diag_pos at = t->present && t->buy.v ? t->buy.pos : (diag_pos){as->path, 0, 0};
        for (int k = 0; k < AS_USES && !(t->present && t->buy.v); k++)
            if (as->line[k].buy.v) {
                at = as->line[k].buy.pos;
                break;
            }
        if (vb->present)
            diag_report(d, lv, at,
                        "%ld vehicle%s to buy (拟购置) but %s:%d gives 公务用车购置费 %s: a "
                        "vehicle bought needs its 公务用车购置费 — give the amount in "
                        "three_public.csv, or set 拟购置 to 0",
                        to_buy, to_buy > 1 ? "s" : "", vb->pos.file, vb->pos.line, A(vb->total.v));
        else
            diag_report(d, lv, at,
                        "%ld vehicle%s to buy (拟购置) but %s/three_public.csv has no "
                        "公务用车购置费 row: a vehicle bought needs its 公务用车购置费 — add the "
                        "row to three_public.csv, or set 拟购置 to 0",
                        to_buy, to_buy > 1 ? "s" : "", b->dir);
    }
    if (to_buy == 0 && vb->present && vb->total.v > 0) {
        int line = t->present ? t->pos.line : as->header_line;
        diag_report(d, lv, vb->total.pos,
                    "公务用车购置费 is %s but %s:%d plans no vehicle to buy: give the vehicles "
                    "to be bought in the 拟购置 column of assets.csv, or remove the "
                    "公务用车购置费",
                    A(vb->total.v), as->path, line);
    }
}

void procure_check(diag *d, const config *c, diag_level level, const budget *b)
{
    if (b->proc)
        check_procurement(d, c, level, b->proc);
    if (b->assets)
        check_assets(d, c, level, b);
}

/* ---- figures ------------------------------------------------------------- */

int procure_figure_lookup(const char *name, figure_ref *r)
{
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < PC_COUNT; k++)
            for (int j = 0; j < PROC_ALIASES; j++) {
                const char *s = PROC_NAMES[k][j];
                if (s && (pass ? utf8_name_eq(s, name) : !strcmp(s, name))) {
                    *r = (figure_ref){FIG_PROC, k};
                    return 1;
                }
            }
    return 0;
}

const char *procure_figure_name(int index)
{
    return PROC_NAMES[index][0];
}

money procure_figure(const budget *b, int index, int *found, diag_pos *pos)
{
    const procurement *p = b->proc;
    *found = p && p->has_col[index];
    if (!*found)
        return 0;
    if (pos && p->total_row >= 0)
        *pos = p->rows[p->total_row].v[index].pos;
    return p->sum[index];
}

struct proc_figures {
    money tot[PC_COUNT];
    money *row; /* per row of the file, PC_COUNT each (the 合计 row's: tot) */
};

static money rnd(const figures *f, money v)
{
    return money_round(v, f->unit, f->decimals);
}

/* Parts that add up exactly to their whole are rounded to its printed
 * value (尾差); else plainly. */
static void parts_of(const figures *f, money whole, money whole_shown, const money *ex, money *sh,
                     int n)
{
    money s = 0;
    for (int i = 0; i < n; i++)
        s += ex[i];
    if (s == whole)
        figures_round_parts(f, ex, sh, n, whole_shown);
    else
        for (int i = 0; i < n; i++)
            sh[i] = rnd(f, ex[i]);
}

/* 合计 → 货物 · 工程 · 服务; 合计 → each source's 合计; sources × kinds as
 * a block; each 预留 → its sources' parts. */
const struct proc_figures *procure_figures(figures *f, const budget *bg)
{
    const procurement *p = bg->proc;
    if (!p)
        return NULL;
    struct proc_figures *pf = arena_alloc(f->a, sizeof *pf);
    size_t n = p->n;
    pf->row = arena_alloc(f->a, (n * PC_COUNT + 1) * sizeof *pf->row);
    const money *S = p->sum;
    pf->tot[PC_TOTAL] = rnd(f, S[PC_TOTAL]);
    parts_of(f, S[PC_TOTAL], pf->tot[PC_TOTAL], S + PC_GOODS, pf->tot + PC_GOODS, 3);
    pf->tot[PC_SME] = rnd(f, S[PC_SME]);
    pf->tot[PC_SMALL] = rnd(f, S[PC_SMALL]);
    /* the rows of the sources (not the 合计 row) */
    int m = 0;
    int *idx = xcalloc(n + 1, sizeof *idx);
    for (size_t i = 0; i < n; i++)
        if ((int)i != p->total_row)
            idx[m++] = (int)i;
    money *ex = xcalloc((size_t)m + 1, sizeof *ex), *sh = xcalloc((size_t)m + 1, sizeof *sh);
    int cols[3] = {PC_TOTAL, PC_SME, PC_SMALL};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < m; i++)
            ex[i] = p->rows[idx[i]].v[cols[k]].v;
        parts_of(f, S[cols[k]], pf->tot[cols[k]], ex, sh, m);
        for (int i = 0; i < m; i++)
            pf->row[(size_t)idx[i] * PC_COUNT + cols[k]] = sh[i];
    }
    /* 货物 · 工程 · 服务 by source: a block whose rows add up to the
     * sources' 合计 and columns to the kinds' totals, when the data adds up */
    int ok = m > 0;
    money colsum[3] = {0, 0, 0};
    for (int i = 0; i < m && ok; i++) {
        const amount *v = p->rows[idx[i]].v;
        ok = v[PC_GOODS].v + v[PC_WORKS].v + v[PC_SERVICES].v == v[PC_TOTAL].v;
        for (int k = 0; k < 3; k++)
            colsum[k] += v[PC_GOODS + k].v;
    }
    for (int k = 0; k < 3 && ok; k++)
        ok = colsum[k] == S[PC_GOODS + k];
    ok = ok && S[PC_GOODS] + S[PC_WORKS] + S[PC_SERVICES] == S[PC_TOTAL];
    money *x = xcalloc((size_t)m * 3 + 1, sizeof *x), *bs = xcalloc((size_t)m * 3 + 1, sizeof *bs);
    money *rows = xcalloc((size_t)m + 1, sizeof *rows);
    for (int i = 0; i < m; i++) {
        rows[i] = pf->row[(size_t)idx[i] * PC_COUNT + PC_TOTAL];
        for (int k = 0; k < 3; k++)
            x[i * 3 + k] = p->rows[idx[i]].v[PC_GOODS + k].v;
    }
    if (ok) {
        figures_round_block(f, x, bs, m, 3, rows, pf->tot + PC_GOODS);
        for (int i = 0; i < m; i++) {
            pf->row[(size_t)idx[i] * PC_COUNT + PC_TOTAL] = rows[i];
            for (int k = 0; k < 3; k++)
                pf->row[(size_t)idx[i] * PC_COUNT + PC_GOODS + k] = bs[i * 3 + k];
        }
    } else {
        for (int i = 0; i < m; i++)
            for (int k = 0; k < 3; k++)
                pf->row[(size_t)idx[i] * PC_COUNT + PC_GOODS + k] = rnd(f, x[i * 3 + k]);
    }
    if (p->total_row >= 0)
        memcpy(&pf->row[(size_t)p->total_row * PC_COUNT], pf->tot, sizeof pf->tot);
    free(idx);
    free(ex);
    free(sh);
    free(x);
    free(bs);
    free(rows);
    return pf;
}

money procure_shown(const figures *f, const struct proc_figures *pf, int index, money exact)
{
    return pf ? pf->tot[index] : rnd(f, exact);
}

/* ---- building ------------------------------------------------------------ */

int procure_condition(const budget *b, const char *name, int *has)
{
    if (!strcmp(name, "procurement"))
        *has = b->proc != NULL;
    else if (!strcmp(name, "procurement_amount")) /* a 政府采购预算 above 0 */
        *has = b->proc && b->proc->sum[PC_TOTAL] > 0;
    else if (!strcmp(name, "assets"))
        *has = b->assets != NULL;
    else if (!strcmp(name, "assets_to_buy")) /* vehicles or equipment to buy */
        *has = b->assets &&
               (vehicle_total(b->assets, 1) > 0 || b->assets->line[AS_EQUIPMENT].buy.v > 0);
    else
        return 0;
    return 1;
}

/* The count a name stands for: a row's 保有量, 拟购置+row its 拟购置,
 * 拟购置车辆 / 拟购置设备; -1 when name is no count. */
static long count_of(const assets *as, const char *name, int *is_count)
{
    const char *const BUY = "拟购置";
    int buy = !strncmp(name, BUY, strlen(BUY));
    const char *rest = buy ? name + strlen(BUY) : name;
    int k = -1;
    if (buy && !strcmp(rest, "设备"))
        k = AS_EQUIPMENT;
    else if (strcmp(rest, "合计") && strcmp(rest, "车辆")) /* too plain a name */
        k = asset_kind(rest);
    else if (buy && !strcmp(rest, "车辆"))
        k = AS_VEHICLES;
    *is_count = k >= 0;
    if (k < 0 || !as)
        return -1;
    if (k == AS_VEHICLES)
        return vehicle_total(as, buy);
    return buy ? as->line[k].buy.v : as->line[k].held.v;
}

const char *procure_count_text(builder *b, const char *name)
{
    int is_count;
    long v = count_of(b->cur->assets, name, &is_count);
    if (!is_count)
        return NULL;
    if (!b->cur->assets) {
        bld_fail(b, "{%s} needs the file %s/assets.csv (or put the text inside \"if has:assets\")",
                 name, b->cur->dir);
        return "";
    }
    return arena_printf(b->a, "%ld", v);
}

int procure_table_fields(const char *source, const char *const **fields)
{
    if (!strcmp(source, "procurement")) {
        if (fields)
            *fields = PROC_FIELDS;
        return 1 + PC_COUNT;
    }
    if (!strcmp(source, "assets")) {
        if (fields)
            *fields = ASSET_FIELDS;
        return 3;
    }
    return 0;
}

const char *procure_table_need(const budget *b, const char *source)
{
    if (!strcmp(source, "procurement") && !b->proc)
        return "procurement.csv";
    if (!strcmp(source, "assets") && !b->assets)
        return "assets.csv";
    return NULL;
}

/* One body row: text[f] for a text field, else amount[f] (exact) printed
 * as shown[f]. */
typedef struct prow {
    const char *text[1 + PC_COUNT];
    int is_amount[1 + PC_COUNT];
    money amount[1 + PC_COUNT], shown[1 + PC_COUNT];
    diag_pos pos[1 + PC_COUNT];
} prow;

static void emit(builder *b, doc_table *t, const tmpl_table *tt, const int *fix, const prow *r,
                 doc_row_kind kind)
{
    doc_cell *row = doc_table_add_body(b->a, t, kind);
    for (int c = 0; c < t->ncols; c++) {
        const tmpl_column *tc = &tt->cols[c];
        doc_cell *cell = &row[c];
        cell->align = tc->align;
        cell->text = "";
        if (tc->compare)
            continue; /* no comparison in these tables */
        int f = fix[c];
        cell->pos = r->pos[f];
        if (r->is_amount[f]) {
            if ((tc->flags & TC_BLANK_ZERO) && r->amount[f] == 0)
                continue;
            cell->is_amount = 1;
            cell->value = r->amount[f];
            cell->text = bld_fmt_amount(b, r->shown[f]);
        } else {
            cell->text = r->text[f] ? r->text[f] : "";
        }
    }
}

static void rows_procurement(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    const procurement *p = b->cur->proc;
    const struct proc_figures *pf = figures_year(b->tab, b->cur)->proc;
    for (size_t i = 0; i <= p->n; i++) {
        prow r;
        memset(&r, 0, sizeof r);
        int total = i == p->n;
        if (total && p->total_row >= 0)
            break; /* the file's 合计 row is printed where it stands */
        const proc_row *pr = total ? NULL : &p->rows[i];
        r.text[0] = pr ? pr->source : "合计";
        if (pr)
            r.pos[0] = pr->pos;
        for (int c = 0; c < PC_COUNT; c++) {
            r.is_amount[1 + c] = p->has_col[c];
            r.amount[1 + c] = pr ? pr->v[c].v : p->sum[c];
            r.shown[1 + c] = pr ? pf->row[i * PC_COUNT + c] : pf->tot[c];
            if (pr)
                r.pos[1 + c] = pr->v[c].pos;
        }
        emit(b, t, tt, fix, &r, total || pr->is_total ? DOC_ROW_TOTAL : DOC_ROW_NORMAL);
    }
}

static void rows_assets(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    const assets *as = b->cur->assets;
    int order[AS_COUNT], n = 0;
    order[n++] = AS_VEHICLES;
    for (int k = 0; k < AS_USES; k++)
        if (as->line[k].present)
            order[n++] = k;
    if (as->line[AS_EQUIPMENT].present)
        order[n++] = AS_EQUIPMENT;
    for (int i = 0; i < n; i++) {
        const asset_line *al = &as->line[order[i]];
        prow r;
        memset(&r, 0, sizeof r);
        r.text[0] = ASSET_NAMES[order[i]][0];
        r.pos[0] = al->pos;
        long held = order[i] == AS_VEHICLES ? vehicle_total(as, 0) : al->held.v;
        long buy = order[i] == AS_VEHICLES ? vehicle_total(as, 1) : al->buy.v;
        r.text[1] = arena_printf(b->a, "%ld", held);
        r.text[2] = arena_printf(b->a, "%ld", buy);
        r.pos[1] = al->held.pos;
        r.pos[2] = al->buy.pos;
        emit(b, t, tt, fix, &r, order[i] == AS_VEHICLES ? DOC_ROW_TOTAL : DOC_ROW_NORMAL);
    }
}

int procure_table_rows(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                       const char *source)
{
    if (!strcmp(source, "procurement"))
        rows_procurement(b, t, tt, fix);
    else if (!strcmp(source, "assets"))
        rows_assets(b, t, tt, fix);
    else
        return 0;
    return 1;
}
