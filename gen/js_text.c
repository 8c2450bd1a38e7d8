/*
 * js_text — what the 决算 情况说明 quotes ({决算:…} placeholders,
 * docs/juesuan.md): its figures by name, shares ({决算:占比:PART:TOTAL}),
 * counts, and the sentence of one 项 ({决算:项句} inside
 * `for csv:决算项:SOURCE`, whose rows js_item_tables() makes): the
 * template's sentence of the item's case — 决算项相等, 决算项大于,
 * 决算项小于, 决算项无预算 (年初预算 0: no completion rate), 决算项无决算 —
 * with {名称} {本年} (决算) {上年数} (年初预算) {原因} and {决算:完成率}.
 * The wording is the template's; here only the choice and the figures.
 */
#include "build_priv.h"
#include "js.h"

#include <stdio.h>
#include <string.h>

/* A named 决算 figure: 1 and *v, or 0. */
static int figure(const js_data *j, const char *name, money *v)
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
                    j->fact[JX_PROC_SERVICES].v, 1;
    return 0;
}

/* A count: js_other.csv's, a 三公 count ("因公出国（境）费团组数"), 车辆. */
static int count(const js_data *j, const char *name, long *v)
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

static const char *percent(builder *b, money part, money whole)
{
    char num[64];
    int dec = b->c->percent_decimals;
    int64_t v = money_percent(part, whole, dec);
    int64_t full = money_percent(1, 1, dec);
    if (part > 0 && v == 0) { /* never 0% for a part that has money */
        money_format_percent(1, dec, 0, num, sizeof num);
        return arena_printf(b->a, "不足%s%%", num);
    }
    if (part != whole && v == full) { /* never 100% for a part that differs */
        money_format_percent(part < whole ? full - 1 : full + 1, dec, 0, num, sizeof num);
        return arena_printf(b->a, "%s%s%%", part < whole ? "接近" : "超过", num);
    }
    money_format_percent(v, dec, b->c->percent_trim, num, sizeof num);
    return arena_printf(b->a, "%s%%", num);
}

/* The js_item of a for csv:决算项:SOURCE row. */
static const js_item *row_item(builder *b, const item *it)
{
    const js_data *j = b->cur->js;
    if (!it || !it->csv || strncmp(it->csv->path, "决算项:", strlen("决算项:")))
        return NULL;
    const char *code = it->row->fields[0];
    int src = -1;
    for (int s = 0; s < 3; s++)
        if (!strcmp(it->csv->path + strlen("决算项:"), js_src_names[s]))
            src = s;
    js_item *v;
    int n = src < 0 ? 0 : js_items(b->a, j, src, &v);
    for (int i = 0; i < n; i++)
        if (!strcmp(v[i].code, code))
            return &v[i];
    return NULL;
}

static const char *item_sentence(builder *b, const item *row)
{
    const js_item *ji = row_item(b, row);
    if (!ji) {
        bld_fail(b, "{决算:项句} stands outside a for csv:决算项:一般公共预算 block");
        return "";
    }
    const char *name = ji->plan == 0 ? (ji->actual ? "决算项无预算" : NULL)
                       : ji->actual == 0         ? "决算项无决算"
                       : ji->actual == ji->plan  ? "决算项相等"
                       : ji->actual > ji->plan   ? "决算项大于"
                                                 : "决算项小于";
    if (!name)
        return "";
    const tmpl_sentence *s = template_sentence(b->t, name);
    if (!s) {
        bld_fail(b, "no sentence named %s (add: sentence %s TEXT)", name, name);
        return "";
    }
    item it;
    memset(&it, 0, sizeof it);
    it.name = ji->path;
    it.cur = ji->actual;
    it.prev = ji->plan;
    it.has_cur = it.has_prev = 1;
    it.reason = *ji->reason ? ji->reason : NULL;
    it.number = row->number;
    it.csv = row->csv;
    it.row = row->row;
    return bld_expand(b, s->text, &it);
}

/* {决算:列举类:SENTENCE:SEP}: the sentence once per 类 of 一般公共预算
 * money, in code order, with {名称} the 类, {本年} its money and {内容}
 * its share of the 一般公共预算财政拨款支出 (不涉及的不列). */
static const char *class_list(builder *b, const js_data *j, char **part, int n)
{
    if (n < 3) {
        bld_fail(b, "expected {决算:列举类:SENTENCE:SEPARATOR}");
        return "";
    }
    const tmpl_sentence *s = template_sentence(b->t, part[2]);
    if (!s) {
        bld_fail(b, "no sentence named %s (add: sentence %s TEXT)", part[2], part[2]);
        return "";
    }
    money total = js_exp_total(j, JS_GENERAL, JE_BASIC) + js_exp_total(j, JS_GENERAL, JE_PROJECT);
    const char *out = "";
    int shown = 0;
    for (size_t i = 0; i < j->n_nodes; i++) {
        const js_node *nd = &j->nodes[i];
        money v = nd->v[JS_GENERAL][JE_BASIC] + nd->v[JS_GENERAL][JE_PROJECT];
        if (nd->level != 1 || !v)
            continue;
        item it;
        memset(&it, 0, sizeof it);
        it.name = nd->name;
        it.cur = v;
        it.has_cur = 1;
        it.content = percent(b, v, total);
        it.number = shown + 1;
        const char *one = bld_expand(b, s->text, &it);
        out = arena_printf(b->a, "%s%s%s", out, shown++ && n >= 4 ? part[3] : "", one);
    }
    return out;
}

/* {决算:人员经费科目}, {决算:公用经费科目}: the 款 names with money, 、
 * between them, in code order as js_basic_economic.csv gives them. */
static const char *econ_names(builder *b, const js_data *j, int personnel)
{
    const char *out = "";
    for (int pass = 0; pass < 2; pass++) {
        static const char *const CLS[2][2] = {{"302", "310"}, {"301", "303"}};
        for (size_t i = 0; i < j->n_econ; i++)
            if (!strncmp(j->econ[i].code, CLS[personnel][pass], 3) && j->econ[i].v.v)
                out = arena_printf(b->a, "%s%s%s", out, *out ? "、" : "", j->econ[i].name);
    }
    return out;
}

const char *js_placeholder(builder *b, char **part, int n, const item *it)
{
    const js_data *j = b->cur->js;
    if (!j) {
        bld_fail(b, "{决算:…} names a figure of the 决算: it needs kind = 决算 in [document]");
        return "";
    }
    if (n < 2) {
        bld_fail(b, "expected {决算:NAME}");
        return "";
    }
    money v, w;
    long k;
    if (!strcmp(part[1], "项句"))
        return item_sentence(b, it);
    if (!strcmp(part[1], "列举类"))
        return class_list(b, j, part, n);
    if (!strcmp(part[1], "人员经费科目") || !strcmp(part[1], "公用经费科目"))
        return econ_names(b, j, !strcmp(part[1], "人员经费科目"));
    if (!strcmp(part[1], "完成率")) {
        /* the item's 决算 against its 年初预算 (never on a zero budget) */
        if (!it || !it->has_prev || it->prev == 0) {
            bld_fail(b, "{决算:完成率} needs an item with a 年初预算 that is not 0 (the "
                        "sentence 决算项无预算 words that case without a rate)");
            return "";
        }
        return percent(b, it->cur, it->prev);
    }
    if (!strcmp(part[1], "占比") && n >= 4) {
        if (!figure(j, part[2], &v) || !figure(j, part[3], &w)) {
            bld_fail(b, "{决算:占比:%s:%s}: expected two 决算 figures (docs/juesuan.md)", part[2],
                     part[3]);
            return "";
        }
        if (w <= 0) {
            bld_fail(b, "{决算:占比:%s:%s}: %s is 0, so there is no share of it", part[2], part[3],
                     part[3]);
            return "";
        }
        return percent(b, v, w);
    }
    if (!strcmp(part[1], "得分") && j->fact[JX_PERF_SCORE].present) {
        char num[64];
        money_format(j->fact[JX_PERF_SCORE].v, MONEY_YUAN, 2, 0, 1, num, sizeof num);
        return arena_strdup(b->a, num);
    }
    if (figure(j, part[1], &v)) /* inside [[…]] a 0 empties the group: 不涉及的不列 */
        return b->in_group && v == 0 ? "" : bld_fmt_text(b, v);
    if (count(j, part[1], &k))
        return arena_printf(b->a, "%ld", k);
    bld_fail(b, "{决算:%s}: no such 决算 figure (docs/juesuan.md lists them)", part[1]);
    return "";
}

int js_condition(builder *b, const char *name)
{
    const js_data *j = b->cur->js;
    if (!strcmp(name, "js_other"))
        return j && j->has_other;
    if (!strcmp(name, "js_three_public"))
        return j && j->has_tp;
    if (!strcmp(name, "js_fund") || !strcmp(name, "js_state_capital")) {
        int s = name[3] == 'f' ? JS_FUND : JS_STATE;
        if (!j)
            return 0;
        return j->fis[s][JF_CARRY_IN].v || j->fis[s][JF_INCOME].v || j->fis[s][JF_CARRY_OUT].v ||
               js_exp_total(j, s, -1) != 0;
    }
    return -1;
}
