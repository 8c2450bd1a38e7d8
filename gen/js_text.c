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
        money_format_percent(full, dec, 0, num, sizeof num);
        return arena_printf(b->a, "%s%s%%", part < whole ? "不足" : "超过", num);
    }
    money_format_percent(v, dec, b->c->percent_trim, num, sizeof num);
    return arena_printf(b->a, "%s%%", num);
}

/* The js_item of a for csv:决算项:SOURCE row. */
static const js_item *row_item(builder *b, const item *it)
{
    const js_data *j = b->cur->js;
    if (!it || !it->csv || strncmp(it->csv->path, "决算项:", strlen("决算项:")) || !j->items)
        return NULL;
    int src = -1;
    for (int s = 0; s < 3; s++)
        if (!strcmp(it->csv->path + strlen("决算项:"), js_src_names[s]))
            src = s;
    long r = it->row - it->csv->rows; /* the rows are the items, in order */
    if (src < 0 || r < 0 || r >= j->items[src].n)
        return NULL;
    return &j->items[src].v[r];
}

static const char *item_sentence(builder *b, const item *row)
{
    const js_item *ji = row_item(b, row);
    if (!ji) {
        bld_fail(b, "{决算:项句} stands outside a for csv:决算项:一般公共预算 block");
        return "";
    }
    const char *name = ji->plan == 0            ? (ji->actual ? "决算项无预算" : NULL)
                       : ji->actual == 0        ? "决算项无决算"
                       : ji->actual == ji->plan ? "决算项相等"
                       : ji->actual > ji->plan  ? "决算项大于"
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
    int done;
    const char *words = js_words_placeholder(b, j, part, n, &done); /* js_words.c */
    if (done)
        return words;
    if (!strcmp(part[1], "原因") && n >= 3) /* js_reasons.csv; "" when none (for [[…]]) */
        return js_reason(j, part[2]) ? js_reason(j, part[2]) : "";
    if (!strcmp(part[1], "上年") || !strcmp(part[1], "比较")) {
        /* Last year's 决算 ([input] previous), or the change against it in
         * the wording of a compare family of the template. */
        const js_data *p = b->prev ? b->prev->js : NULL;
        int cmp = !strcmp(part[1], "比较");
        const char *name = n > 2 + cmp ? part[2 + cmp] : "";
        if (!p) {
            bld_fail(b,
                     "{决算:%s:…} needs last year's 决算: set previous in [input], or put the "
                     "text inside \"if previous\"",
                     part[1]);
            return "";
        }
        if (!js_figure(j, name, &v) || !js_figure(p, name, &w)) {
            bld_fail(b, "{决算:%s:…%s}: expected a 决算 figure (docs/juesuan.md)", part[1], name);
            return "";
        }
        if (!cmp)
            return bld_fmt_text(b, w);
        item x;
        memset(&x, 0, sizeof x);
        x.name = name;
        x.cur = v;
        x.prev = w;
        x.has_cur = x.has_prev = 1;
        x.reason = js_reason(j, name);
        return bld_compare_phrase(b, part[2], &x, NULL, NULL);
    }
    if (!strcmp(part[1], "预决算") && n >= 4) {
        /* {决算:预决算:FAMILY:ITEM}: a “三公” item's 决算 against its 预算数
         * in the wording of a compare family, case by case, with the
         * item's 原因 (js_three_public.csv) as {原因}. */
        int row = -1;
        for (int i = 0; i < JT_N; i++)
            if (!strcmp(part[3], js_tp_names[i]))
                row = i;
        const tmpl_compare *cf = template_compare(b->t, part[2]);
        if (row < 0 || !cf) {
            bld_fail(b, "{决算:预决算:%s:%s}: expected a compare family and a “三公” item (%s)",
                     part[2], part[3], js_tp_names[0]);
            return "";
        }
        item x;
        memset(&x, 0, sizeof x);
        x.name = js_tp_names[row];
        x.cur = js_tp_actual(j, row);
        x.prev = js_tp_plan(j, row);
        x.has_cur = x.has_prev = 1;
        x.reason = *j->tp[row].reason ? j->tp[row].reason : NULL;
        tmpl_case kase = x.prev == 0       ? (x.cur ? TC_NEW : TC_ZERO)
                         : x.cur == 0      ? TC_GONE
                         : x.cur == x.prev ? TC_SAME
                         : x.cur > x.prev  ? TC_UP
                                           : TC_DOWN;
        if (!cf->text[kase])
            return "";
        return bld_expand(b, cf->text[kase], &x);
    }
    if (!strcmp(part[1], "列举类"))
        return class_list(b, j, part, n);
    if (!strcmp(part[1], "人员经费科目") || !strcmp(part[1], "公用经费科目"))
        return econ_names(b, j, !strcmp(part[1], "人员经费科目"));
    if (!strcmp(part[1], "完成率") && n >= 4) {
        /* {决算:完成率:ACTUAL:PLAN}: never on a zero budget (inside [[…]]
         * the group then drops) */
        if (!js_figure(j, part[2], &v) || !js_figure(j, part[3], &w)) {
            bld_fail(b, "{决算:完成率:%s:%s}: expected two 决算 figures", part[2], part[3]);
            return "";
        }
        if (w == 0) {
            if (b->in_group)
                return "";
            bld_fail(b,
                     "{决算:完成率:%s:%s}: %s is 0, so there is no completion rate (put it "
                     "inside [[…]])",
                     part[2], part[3], part[3]);
            return "";
        }
        return percent(b, v, w);
    }
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
        if (!js_figure(j, part[2], &v) || !js_figure(j, part[3], &w)) {
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
    if (js_figure(j, part[1], &v)) /* inside [[…]] a 0 empties the group: 不涉及的不列 */
        return b->in_group && v == 0 ? "" : bld_fmt_text(b, v);
    if (js_count(j, part[1], &k))
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
