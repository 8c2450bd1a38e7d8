/*
 * js_calc — what the 决算 tables, sentences and checks compute from the
 * loaded lines (js.h): the 类/款/项 rows, the 年初预算 taken from the
 * year's 预算 folder, the sums.  Exact money throughout.
 */
#include "js.h"

#include "codes.h"
#include "i18n.h"

#include <stdlib.h>
#include <string.h>

const char *js_fmt(const config *c, money v)
{
    static char buf[12][64];
    static int k;
    k = (k + 1) % 12;
    money_format_finding(v, c->input_unit, buf[k], sizeof buf[k]); /* as the files are typed */
    if (i18n_current() == I18N_ZH) /* Chinese findings name the unit: 245.00万元 */
        strncat(buf[k], money_unit_name(c->input_unit), sizeof buf[k] - strlen(buf[k]) - 1);
    return buf[k];
}

/* The 预算 source of each appropriation (JS_GENERAL … JS_STATE). */
static const revenue_kind REV_OF[3] = {REV_GENERAL, REV_FUND, REV_STATE_CAPITAL};

/* The money of appropriation src in the 预算 folder under a 项 (基本 + 项目). */
static money plan_of(const budget *p, int src, const char *code, int *found)
{
    money v = 0;
    *found = 0;
    for (size_t i = 0; i < p->n_func; i++) {
        const func_line *f = &p->func[i];
        if (f->source != REV_OF[src] || strcmp(f->code, code))
            continue;
        v += f->basic.v + f->project.v;
        *found = 1;
    }
    return v;
}

static const int TP_OF[JT_N] = {TP_ABROAD, TP_VEHICLE_BUY, TP_VEHICLE_RUN, TP_RECEPTION, -1};

/* The 年初预算 of the 预算 folder: every 项 of the three appropriations
 * and each 三公 item; a figure typed in the 决算 files too must equal it. */
static void link_plan(arena *a, diag *d, const config *c, js_data *j)
{
    const budget *p = j->plan;
    for (size_t i = 0; i < j->n_exp; i++) {
        js_line *ln = &j->exp[i];
        if (ln->src == JS_OTHER)
            continue;
        int found;
        money v = plan_of(p, ln->src, ln->code, &found);
        if (ln->has_plan && ln->plan.v != v)
            diag_report(d, DIAG_ERROR, ln->plan.pos,
                        "年初预算 of %s is %s but the budget %s gives %s for it (%s "
                        "基本支出 + 项目支出): the 决算 quotes the published budget",
                        ln->code, js_fmt(c, ln->plan.v), p->dir, js_fmt(c, v),
                        js_src_names[ln->src]);
        ln->plan.v = v;
        ln->has_plan = 1;
    }
    /* 项 budgeted but not spent at all: a line of 0 with its 年初预算. */
    size_t cap = j->n_exp + p->n_func + 1;
    js_line *all = arena_alloc(a, cap * sizeof *all);
    memcpy(all, j->exp, j->n_exp * sizeof *all);
    for (size_t i = 0; i < p->n_func; i++) {
        const func_line *f = &p->func[i];
        int src = -1;
        for (int s = 0; s < 3; s++)
            if (f->source == REV_OF[s])
                src = s;
        if (src < 0 || strlen(f->code) != 7)
            continue;
        int have = 0;
        for (size_t k = 0; k < j->n_exp && !have; k++)
            have = all[k].src == src && !strcmp(all[k].code, f->code);
        if (have)
            continue;
        js_line *ln = &all[j->n_exp++];
        memset(ln, 0, sizeof *ln);
        ln->code = f->code;
        ln->name = f->name;
        ln->src = src;
        int found;
        ln->plan.v = plan_of(p, src, f->code, &found);
        ln->plan.present = ln->has_plan = 1;
        ln->reason = ln->use = "";
        ln->pos = f->pos;
        ln->reason_pos = f->pos;
    }
    j->exp = all;
    if (!p->has_tp)
        return;
    for (int k = 0; k < JT_N; k++) {
        if (TP_OF[k] < 0)
            continue;
        const tp_row *r = &p->tp[TP_OF[k]];
        money v = !r->present                      ? 0
                  : r->source[TPS_GENERAL].present ? r->source[TPS_GENERAL].v
                                                   : r->total.v;
        js_tp_row *tr = &j->tp[k];
        if (tr->present && tr->plan.present && tr->plan.v != v && tr->pos.line)
            diag_report(d, DIAG_ERROR, tr->plan.pos,
                        "预算数 of %s is %s but the budget %s gives %s: the 决算 quotes the "
                        "published budget",
                        js_tp_names[k], js_fmt(c, tr->plan.v), p->dir, js_fmt(c, v));
        tr->plan.v = v;
        tr->plan.present = 1;
    }
}

static int cmp_node(const void *x, const void *y)
{
    return strcmp(((const js_node *)x)->code, ((const js_node *)y)->code);
}

static js_node *node_of(js_node *v, size_t *n, const char *code, size_t len, diag_pos pos, arena *a)
{
    for (size_t i = 0; i < *n; i++)
        if (strlen(v[i].code) == len && !strncmp(v[i].code, code, len))
            return &v[i];
    js_node *nd = &v[(*n)++];
    memset(nd, 0, sizeof *nd);
    nd->code = arena_strndup(a, code, len);
    nd->level = len == 3 ? 1 : len == 5 ? 2 : 3;
    nd->pos = pos;
    return nd;
}

int js_derive(arena *a, diag *d, const config *c, const char *codes, js_data *j)
{
    int before = d->errors;
    if (j->plan)
        link_plan(a, d, c, j);
    const code_list *fl = NULL;
    int before_codes = d->errors;
    if (j->n_exp || j->n_inc)
        fl = codes_load(a, d, codes, c->root, 7);
    const code_list *el = NULL;
    if (j->n_econ)
        el = codes_load(a, d, c->economic_codes, c->root, 5);
    if (d->errors > before_codes)
        return -2; /* a code list: a setup error */
    /* The 类 names of the basic-expenditure table, from the code list. */
    static const char *const CLS[4] = {"301", "302", "303", "310"};
    for (int k = 0; k < 4; k++) {
        j->econ_class[k] = el ? codes_name(el, CLS[k]) : NULL;
        if (!j->econ_class[k])
            j->econ_class[k] = "";
        for (size_t i = 0; el && !*j->econ_class[k] && i < j->n_econ; i++)
            if (!strncmp(j->econ[i].code, CLS[k], 3)) {
                diag_report(d, DIAG_ERROR, j->econ[i].pos,
                            "%s: the code list %s does not have its 类 %s: check the code, or "
                            "use the code list of the year",
                            j->econ[i].code, c->economic_codes, CLS[k]);
                break;
            }
    }
    size_t cap = 3 * (j->n_exp + j->n_inc) + 1, n = 0;
    js_node *v = arena_alloc(a, cap * sizeof *v);
    static const size_t LEN[3] = {3, 5, 7};
    for (size_t i = 0; i < j->n_exp + j->n_inc; i++) {
        int is_exp = i < j->n_exp;
        const char *code = is_exp ? j->exp[i].code : j->inc[i - j->n_exp].code;
        const char *name = is_exp ? j->exp[i].name : j->inc[i - j->n_exp].name;
        diag_pos pos = is_exp ? j->exp[i].pos : j->inc[i - j->n_exp].pos;
        for (int l = 0; l < 3; l++) {
            js_node *nd = node_of(v, &n, code, LEN[l], pos, a);
            if (!nd->name) {
                const char *nm = fl ? codes_name(fl, nd->code) : NULL;
                if (!nm && l == 2 && name && *name)
                    nm = name;
                if (!nm) {
                    diag_report(d, DIAG_ERROR, pos,
                                "%s: the code list %s does not have %s: check the code, or use "
                                "the code list of the year",
                                code, codes, nd->code);
                    nm = "";
                }
                nd->name = nm;
            }
            if (is_exp) {
                const js_line *ln = &j->exp[i];
                for (int k = 0; k < JE_N; k++)
                    nd->v[ln->src][k] += ln->v[k].v;
            } else {
                for (int k = 0; k < JI_N; k++)
                    nd->inc[k] += j->inc[i - j->n_exp].v[k].v;
            }
        }
    }
    qsort(v, n, sizeof *v, cmp_node);
    j->nodes = v;
    j->n_nodes = n;
    return d->errors > before ? -1 : 0;
}

money js_exp_total(const js_data *j, int src, int col)
{
    money v = 0;
    for (size_t i = 0; i < j->n_exp; i++)
        for (int k = 0; k < JE_N; k++)
            if ((src < 0 || j->exp[i].src == src) && (col < 0 || col == k))
                v += j->exp[i].v[k].v;
    return v;
}

money js_inc_total(const js_data *j, int col)
{
    money v = 0;
    for (size_t i = 0; i < j->n_inc; i++)
        for (int k = 0; k < JI_N; k++)
            if (col < 0 || col == k)
                v += j->inc[i].v[k].v;
    return v;
}

money js_fiscal_income(const js_data *j)
{
    return j->fis[0][JF_INCOME].v + j->fis[1][JF_INCOME].v + j->fis[2][JF_INCOME].v;
}

money js_econ_total(const js_data *j, int personnel)
{
    money v = 0;
    for (size_t i = 0; i < j->n_econ; i++) {
        int p = !strncmp(j->econ[i].code, "301", 3) || !strncmp(j->econ[i].code, "303", 3);
        if (p == personnel)
            v += j->econ[i].v.v;
    }
    return v;
}

money js_tp_plan(const js_data *j, int row)
{
    if (row >= 0)
        return j->tp[row].plan.v;
    return j->tp[JT_ABROAD].plan.v + j->tp[JT_VEH_BUY].plan.v + j->tp[JT_VEH_RUN].plan.v +
           j->tp[JT_RECEPTION].plan.v;
}

money js_tp_actual(const js_data *j, int row)
{
    if (row >= 0)
        return j->tp[row].actual.v;
    return j->tp[JT_ABROAD].actual.v + j->tp[JT_VEH_BUY].actual.v + j->tp[JT_VEH_RUN].actual.v +
           j->tp[JT_RECEPTION].actual.v;
}

money js_revenue_grand_total(const js_data *j)
{
    return js_inc_total(j, -1) + j->bal[JB_USE_BALANCE].v + j->bal[JB_CARRY_IN].v;
}

money js_expense_grand_total(const js_data *j)
{
    return js_exp_total(j, -1, -1) + j->bal[JB_DISTRIBUTION].v + j->bal[JB_CARRY_OUT].v;
}

int js_items(arena *a, const js_data *j, int src, js_item **out)
{
    js_item *v = arena_alloc(a, (j->n_nodes + 1) * sizeof *v);
    int n = 0;
    for (size_t i = 0; i < j->n_nodes; i++) {
        const js_node *nd = &j->nodes[i];
        if (nd->level != 3)
            continue;
        js_item *it = &v[n];
        memset(it, 0, sizeof *it);
        it->code = nd->code;
        it->name = nd->name;
        it->actual = nd->v[src][JE_BASIC] + nd->v[src][JE_PROJECT];
        it->reason = it->use = "";
        int has = 0;
        for (size_t k = 0; k < j->n_exp; k++) {
            const js_line *ln = &j->exp[k];
            if (ln->src != src || strcmp(ln->code, nd->code))
                continue;
            has = 1;
            it->plan = ln->plan.v;
            it->reason = ln->reason;
            it->use = ln->use ? ln->use : "";
            it->pos = ln->reason_pos;
        }
        if (!has)
            continue;
        const char *lei = "", *kuan = "";
        for (size_t k = 0; k < j->n_nodes; k++) {
            if (!strncmp(j->nodes[k].code, nd->code, 3) && j->nodes[k].level == 1)
                lei = j->nodes[k].name;
            if (!strncmp(j->nodes[k].code, nd->code, 5) && j->nodes[k].level == 2)
                kuan = j->nodes[k].name;
        }
        it->path = arena_printf(a, "%s（类）%s（款）%s（项）", lei, kuan, nd->name);
        n++;
    }
    *out = v;
    return n;
}

void js_batch_figures(const js_data *j, money *revenue, money *expense, money *tp, int *has_tp)
{
    *revenue = js_revenue_grand_total(j);
    *expense = js_expense_grand_total(j);
    *tp = js_tp_actual(j, -1);
    *has_tp = j->has_tp;
}

/* A named 决算 figure: 1 and *v, or 0. */
int js_figure(const js_data *j, const char *name, money *v)
{
    static const char *const TP_SUFFIX[2] = {"预算", "决算"};
    for (int k = 0; k < JI_N; k++)
        if (!strcmp(name, js_inc_names[k]))
            return *v = js_inc_total(j, k), 1;
    for (int k = 0; k < JE_N; k++)
        if (!strcmp(name, js_exp_names[k]))
            return *v = js_exp_total(j, -1, k), 1;
    for (int k = 0; k < JB_N; k++)
        if (!strcmp(name, js_bal_names[k]))
            return *v = j->bal[k].v, 1;
    for (int k = 0; k < JX_N; k++)
        if (!strcmp(name, js_fact_name(k)) && js_fact_kind(k) == JXK_AMOUNT)
            return *v = j->fact[k].v, 1;
    for (int k = 0; k < JT_N; k++)
        for (int a = 0; a < 2; a++)
            if (!strncmp(name, js_tp_names[k], strlen(js_tp_names[k])) &&
                !strcmp(name + strlen(js_tp_names[k]), TP_SUFFIX[a]))
                return *v = a ? js_tp_actual(j, k) : js_tp_plan(j, k), 1;
    static const char *const SRC_IN[3] = {"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入",
                                          "国有资本经营预算财政拨款收入"};
    static const char *const SRC_OUT[3] = {"一般公共预算财政拨款支出", "政府性基金预算财政拨款支出",
                                           "国有资本经营预算财政拨款支出"};
    for (int s = 0; s < 3; s++) {
        if (!strcmp(name, SRC_IN[s]))
            return *v = j->fis[s][JF_INCOME].v, 1;
        if (!strcmp(name, SRC_OUT[s]))
            return *v = js_exp_total(j, s, JE_BASIC) + js_exp_total(j, s, JE_PROJECT), 1;
    }
    if (!strcmp(name, "收入总计"))
        return *v = js_revenue_grand_total(j), 1;
    if (!strcmp(name, "支出总计"))
        return *v = js_expense_grand_total(j), 1;
    if (!strcmp(name, "本年收入合计"))
        return *v = js_inc_total(j, -1), 1;
    if (!strcmp(name, "本年支出合计"))
        return *v = js_exp_total(j, -1, -1), 1;
    if (!strcmp(name, "财政拨款收入支出总计")) {
        *v = js_fiscal_income(j);
        for (int s = 0; s < 3; s++)
            *v += j->fis[s][JF_CARRY_IN].v;
        return 1;
    }
    if (!strcmp(name, "一般公共预算财政拨款基本支出"))
        return *v = js_exp_total(j, JS_GENERAL, JE_BASIC), 1;
    if (!strcmp(name, "一般公共预算财政拨款项目支出"))
        return *v = js_exp_total(j, JS_GENERAL, JE_PROJECT), 1;
    if (!strcmp(name, "一般公共预算财政拨款年初预算")) {
        *v = 0;
        for (size_t i = 0; i < j->n_exp; i++)
            if (j->exp[i].src == JS_GENERAL)
                *v += j->exp[i].plan.v;
        return 1;
    }
    if (!strcmp(name, "人员经费"))
        return *v = js_econ_total(j, 1), 1;
    if (!strcmp(name, "公用经费"))
        return *v = js_econ_total(j, 0), 1;
    if (!strcmp(name, "三公预算"))
        return *v = js_tp_plan(j, -1), 1;
    if (!strcmp(name, "三公决算"))
        return *v = js_tp_actual(j, -1), 1;
    if (!strcmp(name, "公务用车购置及运行维护费预算"))
        return *v = js_tp_plan(j, JT_VEH_BUY) + js_tp_plan(j, JT_VEH_RUN), 1;
    if (!strcmp(name, "公务用车购置及运行维护费决算"))
        return *v = js_tp_actual(j, JT_VEH_BUY) + js_tp_actual(j, JT_VEH_RUN), 1;
    if (!strcmp(name, "政府采购"))
        return *v = j->fact[JX_PROC_GOODS].v + j->fact[JX_PROC_WORKS].v +
                    j->fact[JX_PROC_SERVICES].v,
               1;
    return 0;
}

/* A count: js_other.csv's, a 三公 count ("因公出国（境）费团组数"), 车辆. */
int js_count(const js_data *j, const char *name, long *v)
{
    for (int k = 0; k < JX_N; k++)
        if (!strcmp(name, js_fact_name(k)) && js_fact_kind(k) == JXK_COUNT)
            return *v = (long)j->fact[k].v, 1;
    for (int k = 0; k < JT_N; k++)
        for (int c = 0; c < JC_N; c++) {
            size_t l = strlen(js_tp_names[k]);
            if (!strncmp(name, js_tp_names[k], l) && !strcmp(name + l, js_count_names[c]))
                return *v = j->tp[k].count[c], 1;
        }
    if (!strcmp(name, "车辆")) {
        *v = 0;
        for (int k = JX_VEH_FIRST; k <= JX_VEH_LAST; k++)
            *v += (long)j->fact[k].v;
        return 1;
    }
    return 0;
}
