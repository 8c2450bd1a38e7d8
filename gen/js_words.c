/*
 * js_words — the words a 决算 department types for its own text
 * (js_text.csv, docs/juesuan.md) and the sentences that quote them:
 *   - 事业收入, 经营收入, 其他收入: what the income mainly was, the
 *     “主要是：…等。” of the 名词解释 ({决算:文字:NAME} inside [[…]]: no
 *     clause when the department says nothing, and nothing may be said of
 *     an income of 0);
 *   - 绩效管理制度, 绩效管理工作机制: part 十's 预算绩效管理制度 sentence
 *     ({决算:绩效制度句}: the template's sentence 绩效制度和机制, 绩效制度
 *     or 绩效机制 by what is given, nothing when neither is);
 * and the 绩效自评 case of part 十 ({决算:绩效自评句}: the sentence 绩效自评,
 * or 绩效自评无 when no project was self-evaluated), with the identities of
 * js_other.csv's 绩效 counts.  The wording is the template's; here only the
 * choice of case and the checks.
 */
#include "build_priv.h"
#include "i18n.h"
#include "js.h"
#include "load.h"

#include <string.h>

const char *const js_word_names[JW_N] = {"事业收入", "经营收入", "其他收入", "绩效管理制度",
                                         "绩效管理工作机制"};

/* The income a 主要是 line speaks of (js_income.csv's column), or -1. */
static int income_of(int w)
{
    return w == JW_BUSINESS    ? JI_BUSINESS
           : w == JW_OPERATING ? JI_OPERATING
           : w == JW_OTHER     ? JI_OTHER
                               : -1;
}

int js_load_words(arena *a, diag *d, const config *c, const char *dir, js_data *j)
{
    csv_limits lim = {0, (size_t)c->max_rows, (size_t)c->max_cell};
    int st;
    csv_table *t = load_input_csv(a, d, c, dir, "js_text.csv", &lim, &st);
    if (!t)
        return st;
    static const csv_column cols[] = {{"项目", "item", 1}, {"内容", "text", 1}};
    int ix[2];
    if (csv_map_columns(t, d, cols, 2, ix) < 0)
        return -1;
    int before = d->errors;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        const char *name = r->fields[ix[0]];
        int w = -1;
        for (int k = 0; k < JW_N; k++)
            if (!strcmp(name, js_word_names[k]))
                w = k;
        if (w < 0) {
            diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "项目 \"%s\": expected 事业收入, 经营收入 or 其他收入 (what it mainly was: "
                        "the 名词解释), 绩效管理制度 or 绩效管理工作机制 (docs/juesuan.md)",
                        name);
            continue;
        }
        named_text *nt = &j->words[w];
        if (nt->text) {
            diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[0]), "%s is given twice (first at line %d)",
                        name, nt->pos.line);
            continue;
        }
        if (!*r->fields[ix[1]]) {
            diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[1]), "内容 of %s is empty", name);
            continue;
        }
        int inc = income_of(w);
        if (inc >= 0 && js_inc_total(j, inc) == 0) {
            /* 无事业收入的单位保留事业收入的名词解释，但不列举主要内容 */
            diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[1]),
                        "%s is 0 in js_income.csv, so the 名词解释 says nothing of what it mainly "
                        "was: leave this line out (or give the income in js_income.csv)",
                        name);
            continue;
        }
        *nt = (named_text){js_word_names[w], r->fields[ix[1]], csv_pos(t, r, ix[0]),
                           csv_pos(t, r, ix[1])};
    }
    /* An income the file is silent on: the 名词解释 gives its definition
     * alone, which the national template keeps for a unit without it. */
    for (int w = 0; w < JW_N; w++) {
        int inc = income_of(w);
        if (inc >= 0 && !j->words[w].text && js_inc_total(j, inc) > 0)
            diag_report(d, DIAG_WARNING, diag_at(t->path, 0, 0),
                        "%s is %s but js_text.csv does not say what it mainly was: the 名词解释 "
                        "gives its definition alone (add a line %s,… “主要是：…等。”)",
                        js_word_names[w], js_fmt(c, js_inc_total(j, inc)), js_word_names[w]);
    }
    j->has_words = 1;
    return d->errors > before ? -1 : 0;
}

/* js_other.csv's 绩效 counts agree: one grade per self-evaluated project,
 * each problem fixed or being fixed, no money or score without projects. */
void js_check_perf(diag *d, const js_data *j)
{
    const js_fact *f = j->fact;
    const js_fact *n = &f[JX_PERF_SELF_N];
    int grades = f[JX_PERF_EXCELLENT].present || f[JX_PERF_GOOD].present ||
                 f[JX_PERF_PASS].present || f[JX_PERF_FAIL].present;
    money g = f[JX_PERF_EXCELLENT].v + f[JX_PERF_GOOD].v + f[JX_PERF_PASS].v + f[JX_PERF_FAIL].v;
    if (n->present && grades && g != n->v)
        diag_report(
            d, DIAG_ERROR, n->pos,
            "绩效自评项目数 is %lld but 评级优 %lld + 评级良 %lld + 评级合格 %lld + 评级不合格 "
            "%lld = %lld: each self-evaluated project has one grade",
            (long long)n->v, (long long)f[JX_PERF_EXCELLENT].v, (long long)f[JX_PERF_GOOD].v,
            (long long)f[JX_PERF_PASS].v, (long long)f[JX_PERF_FAIL].v, (long long)g);
    const js_fact *p = &f[JX_PROBLEMS];
    if (p->present && (f[JX_FIXED].present || f[JX_FIXING].present) &&
        f[JX_FIXED].v + f[JX_FIXING].v != p->v)
        diag_report(
            d, DIAG_ERROR, p->pos,
            "发现问题 is %lld but 已整改 %lld + 正在整改 %lld = %lld: each problem found is "
            "fixed or being fixed",
            (long long)p->v, (long long)f[JX_FIXED].v, (long long)f[JX_FIXING].v,
            (long long)(f[JX_FIXED].v + f[JX_FIXING].v));
    if (n->present && n->v == 0)
        for (int k = JX_PERF_SELF_AMOUNT; k <= JX_PERF_SCORE; k++)
            if (f[k].present && f[k].v)
                diag_report(d, DIAG_ERROR, f[k].pos,
                            "%s is given but 绩效自评项目数 is 0: no project was self-evaluated",
                            js_fact_name(k));
}

/* The template's sentence NAME, expanded (no item of its own). */
static const char *sentence(builder *b, const char *name)
{
    const tmpl_sentence *s = template_sentence(b->t, name);
    if (!s) {
        bld_fail(b, "no sentence named %s (add: sentence %s TEXT)", name, name);
        return "";
    }
    return bld_expand(b, s->text, NULL);
}

const char *js_words_placeholder(builder *b, const js_data *j, char **part, int n, int *done)
{
    *done = 1;
    if (!strcmp(part[1], "文字") && n >= 3) {
        for (int w = 0; w < JW_N; w++)
            if (!strcmp(part[2], js_word_names[w])) {
                if (j->words[w].text)
                    return j->words[w].text;
                if (!b->in_group) /* "" empties a [[…]] group: 不涉及的不列 */
                    bld_fail(b,
                             "{决算:文字:%s}: js_text.csv gives no %s; put the text that quotes "
                             "it inside [[…]]",
                             part[2], part[2]);
                return "";
            }
        bld_fail(b,
                 "{决算:文字:%s}: expected 事业收入, 经营收入, 其他收入, 绩效管理制度 or "
                 "绩效管理工作机制 (js_text.csv)",
                 part[2]);
        return "";
    }
    if (!strcmp(part[1], "绩效制度句")) {
        int rules = j->words[JW_PERF_RULES].text != NULL;
        int mech = j->words[JW_PERF_MECHANISM].text != NULL;
        if (!rules && !mech)
            return "";
        return sentence(b, rules && mech ? "绩效制度和机制" : rules ? "绩效制度" : "绩效机制");
    }
    if (!strcmp(part[1], "绩效自评句"))
        return sentence(b, j->fact[JX_PERF_SELF_N].v > 0 ? "绩效自评" : "绩效自评无");
    *done = 0;
    return NULL;
}
