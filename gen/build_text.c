/*
 * build_text — text expansion for the document builder (see build.h).
 *
 * Text expansion: a template text is copied with its placeholders replaced.
 * Global names ({部门} {地区} {年度} {上年} {单位}), figures ({支出总计},
 * {因公出国经费} …), and four functions: {上年:FIGURE}, {比较:FAMILY:FIGURE},
 * {列举:LIST:SENTENCE:SEP} and {原因:FIGURE}.  Inside a list item or a
 * comparison, item names are defined too: {名称} {本年} {上年数} {差额}
 * {百分比} {原因} {序号} {内容}.
 */
#include "build_priv.h"
#include "i18n.h"
#include "procure.h"

#include "strbuf.h"

#include <stdio.h>
#include <string.h>

/* ---- percentages -------------------------------------------------------- */

/* Wording of a percentage that cannot be printed as it is: a template
 * may name it (sentence 百分比不足 / 百分比超过 / 百分比上限, with {百分比}
 * for the bound); else the default. */
static const char *pct_wording(builder *b, const char *name, const char *dflt, const char *bound)
{
    const tmpl_sentence *ts = template_sentence(b->t, name);
    const char *text = ts ? ts->text : dflt;
    strbuf sb = STRBUF_INIT;
    for (const char *s = text; *s;) {
        if (!strncmp(s, "{百分比}", strlen("{百分比}"))) {
            sb_append(&sb, bound);
            s += strlen("{百分比}");
        } else {
            sb_putc(&sb, *s++);
        }
    }
    const char *r = arena_strdup(b->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

/* The largest change printed as a percentage: 10000% (100 倍); above it
 * the wording says "超过100倍" rather than an absurd number. */
#define PCT_CAP_PERCENT 10000

/* |pct| of the change from prev to cur as text with '%': "11.1%",
 * computed from the exact values.  Never misleading: a change too small
 * to show is "不足0.1%" (never "0.0%"), a fall that leaves money is
 * "超过99.9%" (never "100.0%", which means nothing is left), and a ratio
 * above PCT_CAP_PERCENT is "超过100倍". */
static const char *fmt_change_percent(builder *b, money cur, money prev, long long *scaled)
{
    int dec = b->c->percent_decimals;
    int64_t cap = PCT_CAP_PERCENT, p;
    for (int i = 0; i < dec; i++)
        cap *= 10;
    money_pct_kind k = money_change_percent(cur, prev, dec, cap, &p);
    *scaled = cur < prev ? -p : p;
    char num[64], bound[80];
    money_format_percent(p, dec, k == MONEY_PCT_PLAIN ? b->c->percent_trim : 0, num, sizeof num);
    snprintf(bound, sizeof bound, "%s%%", num);
    switch (k) {
    case MONEY_PCT_BELOW: return pct_wording(b, "百分比不足", "不足{百分比}", bound);
    case MONEY_PCT_NEAR_ALL: return pct_wording(b, "百分比超过", "超过{百分比}", bound);
    case MONEY_PCT_ABOVE:
        snprintf(bound, sizeof bound, "%d倍", PCT_CAP_PERCENT / 100);
        return pct_wording(b, "百分比上限", "超过{百分比}", bound);
    default: return arena_strdup(b->a, bound);
    }
}

/* ---- expansion -------------------------------------------------------------- */

/* Expands a text that stands at (line, col) of the template, so messages
 * about its placeholders point there. */
static const char *expand_at(builder *b, const char *text, const item *it, int line, int col)
{
    int sl = b->line, sc = b->col_base, scol = b->col;
    b->line = line;
    b->col_base = col;
    const char *r = bld_expand(b, text, it);
    b->line = sl;
    b->col_base = sc;
    b->col = scol;
    return r;
}

/* The comparison phrase of one item with the family's wording. */
const char *bld_compare_phrase(builder *b, const char *family, const item *it, long long *pct,
                               int *kase)
{
    const tmpl_compare *cf = template_compare(b->t, family);
    if (!cf) {
        bld_fail(b,
                 "no compare lines for family %s (add: compare %s same|up|down|new|gone|zero TEXT)",
                 family, family);
        return "";
    }
    if (!b->prev) {
        bld_fail(b,
                 "{比较:%s…} needs last year's figures: set previous in [input] of the config, or "
                 "put this text inside \"if previous\"",
                 family);
        return "";
    }
    tmpl_case k;
    money cur = it->has_cur ? it->cur : 0, prev = it->has_prev ? it->prev : 0;
    if (prev == 0)
        k = cur == 0 ? TC_ZERO : TC_NEW; /* no percentage against nothing */
    else if (cur == 0)
        k = TC_GONE;
    else if (cur == prev)
        k = TC_SAME;
    else
        k = cur > prev ? TC_UP : TC_DOWN;
    /* gone falls back to down (-100%: nothing is left) when the family has
     * no gone wording; zero (nothing in either year) to same */
    if (k == TC_GONE && !cf->text[TC_GONE])
        k = TC_DOWN;
    if (k == TC_ZERO && !cf->text[TC_ZERO])
        k = TC_SAME;
    if (kase)
        *kase = (int)k;
    if (!cf->text[k]) {
        bld_fail(b, "compare family %s has no \"%s\" wording, which %s needs (%s)", family,
                 tmpl_case_names[k], it->name, k == TC_NEW ? _("last year: none") : _("it changed so"));
        return "";
    }
    if (pct)
        *pct = 0;
    const char *s = expand_at(b, cf->text[k], it, cf->line[k], cf->col[k]);
    if (pct && it->prev)
        fmt_change_percent(b, it->cur, it->prev, pct);
    return s;
}

/* Value of a name inside an item context; NULL if the name is not an item
 * name. */
static const char *item_var(builder *b, const char *name, const item *it)
{
    /* A list over a CSV: its own columns come first ({序号} may be one). */
    for (size_t f = 0; it->csv && f < it->csv->ncols; f++)
        if (!strcmp(it->csv->header[f], name))
            return it->row->fields[f];
    if (!strcmp(name, "名称"))
        return it->name;
    /* Amounts as the text prints them (in a table cell: as the tables
     * do), the same printed value wherever the figure appears. */
    int text = !bld_in_table(b) && it->has_text;
    money cur = text ? it->cur_text : it->has_shown ? it->cur_shown : it->cur;
    money prev = text ? it->prev_text : it->has_shown ? it->prev_shown : it->prev;
    if (!strcmp(name, "本年"))
        return bld_fmt_text(b, cur);
    if (!strcmp(name, "上年数"))
        return bld_fmt_text(b, prev);
    /* The change as printed (本年 − 上年 of the printed figures) when
     * that is true, else the exact change with the digits it needs: a
     * change of 0.5 at 0 decimals is 0.5, never 1 (nor 0); see
     * bld_fmt_change and docs/templates.md#percentages-and-amounts.  A
     * change of nothing is never written ("增加0万元"): only inside [[…]],
     * which it empties. */
    if (!strcmp(name, "差额")) {
        money ec = it->has_cur ? it->cur : 0, ep = it->has_prev ? it->prev : 0;
        if (ec == ep) {
            if (b->in_group)
                return "";
            bld_fail(b,
                     "{差额}: %s did not change (%s both years), and a change of nothing is "
                     "not written (\"增加0%s\"): word the same case without {差额}, or put it "
                     "inside [[…]]",
                     it->name, bld_fmt_text(b, cur),
                     money_unit_name(bld_in_table(b) ? b->tab->unit : b->c->text_unit));
            return "";
        }
        return bld_fmt_change(b, ec - ep, cur - prev);
    }
    if (!strcmp(name, "百分比")) {
        long long s;
        if (!it->prev) {
            /* No growth rate against nothing: never "增长100%". */
            if (b->in_group)
                return "";
            bld_fail(b,
                     "{百分比}: %s had nothing last year, so there is no percentage (never "
                     "\"增长100%%\" on a zero base): word the new case without it, e.g. "
                     "上年无该预算，增长率无可比性, or put it inside [[…]]",
                     it->name);
            return "";
        }
        return fmt_change_percent(b, it->cur, it->prev, &s);
    }
    if (!strcmp(name, "原因"))
        return it->reason ? it->reason : "";
    /* 公务用车购置及运行费: its parts, as printed; nothing for another item
     * (an optional [[（购置费{购置费}{单位}…）]] then drops) */
    if (it->is_tp && (!strcmp(name, "购置费") || !strcmp(name, "运行费"))) {
        int part = !strcmp(name, "购置费") ? TP_VEHICLE_BUY : TP_VEHICLE_RUN;
        const budget *bg = b->cur;
        if (it->tp_kind != TP_VEHICLE ||
            (!bg->tp[TP_VEHICLE_BUY].present && !bg->tp[TP_VEHICLE_RUN].present))
            return "";
        figures *f = bld_in_table(b) ? b->tab : b->tfig;
        return bld_fmt_text(b, figures_year(f, bg)->tp[part]);
    }
    if (!strcmp(name, "内容"))
        return it->content ? it->content : "";
    if (!strcmp(name, "序号"))
        return arena_printf(b->a, "%d", it->number);
    return NULL;
}

static const char *global_var(builder *b, const char *name)
{
    if (!strcmp(name, "部门"))
        return b->c->department;
    if (!strcmp(name, "地区"))
        return b->c->region;
    if (!strcmp(name, "年度"))
        return arena_printf(b->a, "%d", b->c->year);
    if (!strcmp(name, "上年"))
        return arena_printf(b->a, "%d", b->prev ? b->prev->year : b->c->previous_year);
    if (!strcmp(name, "单位"))
        return money_unit_name(bld_in_table(b) ? b->tab->unit : b->c->text_unit);
    return NULL;
}

/* A figure by name, this year or last; reports when absent. */
static const char *figure_text(builder *b, const char *key, int last_year)
{
    item it;
    if (!bld_figure_item(b, key, &it)) {
        bld_fail(b,
                 "unknown name {%s}: expected 部门, 地区, 年度, 上年, 单位 or a figure such as "
                 "收入总计, 支出总计, 基本支出, 项目支出, 机关运行经费, 财政拨款收入, 三公合计",
                 key);
        return "";
    }
    if (last_year && !b->prev) {
        bld_fail(b, "{上年:%s} needs last year's figures: set previous in [input]", key);
        return "";
    }
    if (last_year ? !it.has_prev : !it.has_cur) {
        bld_fail(b, "{%s%s} needs the figure %s, which %s does not give (see docs/input.md)",
                 last_year ? "上年:" : "", key, key, last_year ? b->prev->dir : b->cur->dir);
        return "";
    }
    if (bld_in_table(b) || !it.has_text)
        return bld_fmt_text(b, last_year ? it.prev_shown : it.cur_shown);
    return bld_fmt_text(b, last_year ? it.prev_text : it.cur_text);
}

/* Splits "a:b:c" into at most 4 parts (in place). */
static int split_colons(char *s, char **part, int max)
{
    int n = 0;
    part[n++] = s;
    while (n < max && (s = strchr(s, ':'))) {
        *s++ = '\0';
        part[n++] = s;
    }
    return n;
}

/* {占比:PART:TOTAL}, or {占比:TOTAL} in a list item (the item is the
 * part): 100 × PART / TOTAL from the exact values, this year's, in the
 * percent format of [units]; never 0% for a part that has money, never
 * 100% for a part smaller than its total. */
static const char *fmt_share(builder *b, char **part, int n, const item *it)
{
    item p, t;
    const item *pp = it;
    const char *tname = n >= 3 ? part[2] : part[1];
    if (n >= 3) {
        if (!bld_figure_item(b, part[1], &p)) {
            bld_fail(b, "{占比:%s:%s}: %s is not a figure name", part[1], part[2], part[1]);
            return "";
        }
        pp = &p;
    } else if (!it || !it->has_shown) {
        bld_fail(b, "{占比:%s} outside a list of figures needs the part: {占比:FIGURE:%s}",
                 part[1], part[1]);
        return "";
    }
    if (!bld_figure_item(b, tname, &t)) {
        bld_fail(b, "{占比:…:%s}: %s is not a figure name", tname, tname);
        return "";
    }
    if (!pp->has_cur || !t.has_cur) {
        bld_fail(b, "{占比:…:%s}: needs the figure %s, which %s does not give (see docs/input.md)",
                 tname, !t.has_cur ? tname : pp->name, b->cur->dir);
        return "";
    }
    if (t.cur <= 0) {
        bld_fail(b, "{占比:…:%s}: %s is %s, so there is no share of it", tname, tname,
                 t.cur ? _("negative") : "0");
        return "";
    }
    int dec = b->c->percent_decimals;
    int64_t full = money_percent(1, 1, dec); /* 100% scaled */
    int64_t v = money_percent(pp->cur, t.cur, dec);
    char num[64], bound[80];
    if (pp->cur > 0 && v == 0) {
        money_format_percent(1, dec, 0, num, sizeof num);
        snprintf(bound, sizeof bound, "%s%%", num);
        return pct_wording(b, "百分比不足", "不足{百分比}", bound);
    }
    if (pp->cur < t.cur && v >= full) {
        money_format_percent(full - 1, dec, 0, num, sizeof num);
        snprintf(bound, sizeof bound, "%s%%", num);
        return pct_wording(b, "百分比超过", "超过{百分比}", bound);
    }
    money_format_percent(v, dec, b->c->percent_trim, num, sizeof num);
    snprintf(bound, sizeof bound, "%s%%", num);
    return arena_strdup(b->a, bound);
}

static const char *placeholder(builder *b, char *name, const item *it)
{
    char *part[4];
    int n = split_colons(name, part, 4);
    if (n == 1) {
        const char *v = it ? item_var(b, name, it) : NULL;
        if (!v)
            v = global_var(b, name);
        if (!v)
            v = procure_count_text(b, name); /* counts of assets.csv */
        if (!v)
            v = bld_project_var(b, name); /* counts of institutions, projects */
        if (!v)
            v = figure_text(b, name, 0);
        return v;
    }
    if (!strcmp(part[0], "决算"))
        return js_placeholder(b, part, n, it); /* js_text.c */
    if (!strcmp(part[0], "上年"))
        return figure_text(b, part[1], 1);
    if (!strcmp(part[0], "占比"))
        return fmt_share(b, part, n, it);
    if (!strcmp(part[0], "金额"))
        return bld_amount_cell(b, part[1], it);
    if (!strcmp(part[0], "原因")) {
        item x;
        if (!bld_figure_item(b, part[1], &x)) {
            bld_fail(b, "{原因:%s}: %s is not a figure name", part[1], part[1]);
            return "";
        }
        return x.reason ? x.reason : "";
    }
    if (!strcmp(part[0], "比较")) {
        item x;
        const item *subject = it;
        if (n >= 3) {
            if (!bld_figure_item(b, part[2], &x)) {
                bld_fail(b, "{比较:%s:%s}: %s is not a figure name", part[1], part[2], part[2]);
                return "";
            }
            subject = &x;
        } else if (!it) {
            bld_fail(b, "{比较:%s} outside a list needs a figure: {比较:%s:FIGURE}", part[1], part[1]);
            return "";
        }
        return bld_compare_phrase(b, part[1], subject, NULL, NULL);
    }
    if (!strcmp(part[0], "列举")) {
        if (n < 3) {
            bld_fail(b, "expected {列举:LIST:SENTENCE:SEPARATOR}");
            return "";
        }
        const tmpl_sentence *s = template_sentence(b->t, part[2]);
        if (!s) {
            bld_fail(b, "no sentence named %s (add: sentence %s TEXT)", part[2], part[2]);
            return "";
        }
        item *items;
        int k = bld_list_items(b, part[1], &items);
        if (k == -2)
            return "";
        if (k < 0) {
            bld_fail(b, "unknown list %s: expected 三公, 三公(ITEM、ITEM、…), 收入来源, 收入来源(ITEM、ITEM、…) or 支出功能分类",
                     part[1]);
            return "";
        }
        if (!strncmp(part[1], "收入来源", strlen("收入来源")) && !b->cur->has_revenue) {
            bld_fail(b, "{列举:收入来源…} needs the file %s/revenue.csv", b->cur->dir);
            return "";
        }
        if (!strncmp(part[1], "三公", strlen("三公")) && !b->cur->has_tp) {
            bld_fail(b, "{列举:三公…} needs the file %s/three_public.csv", b->cur->dir);
            return "";
        }
        strbuf sb = STRBUF_INIT;
        int shown = 0;
        for (int i = 0; i < k && !b->text_over; i++) {
            const char *one = expand_at(b, s->text, &items[i], s->line, s->col);
            if (!*one)
                continue; /* e.g. an item without a stated reason */
            if (shown++ && n >= 4)
                sb_append(&sb, part[3]);
            sb_append(&sb, one);
        }
        const char *r = sb.len ? arena_strdup(b->a, sb_str(&sb)) : "";
        sb_free(&sb);
        return r;
    }
    bld_fail(b, "unknown function {%s:…}", part[0]);
    return "";
}

/*
 * Limits of expansion (docs/templates.md).  A sentence may expand other
 * sentences ({列举:…}) and compare wordings ({比较:…}), which may expand
 * others in turn: eight sentences each expanding the next twice over four
 * items make 8^7 copies (3.5 GB before these limits).  So every byte any
 * level of one text's expansion produces counts, and every placeholder one
 * more (so expansions that come out empty count too); the count of one
 * text (a paragraph, a heading, a cell) must stay under EXPAND_MAX_TEXT and
 * that of the whole document under EXPAND_MAX_DOC.  The work of expanding
 * is thus bounded by what the limits allow, and the memory with it (every
 * piece lives in the arena).  Cycles cannot occur: template_load() refuses
 * them.  Nesting stays under EXPAND_MAX_DEPTH, so a long chain of
 * sentences cannot exhaust the C stack.
 */
#define EXPAND_MAX_TEXT ((size_t)1 << 20)
#define EXPAND_MAX_DOC ((size_t)64 << 20)
#define EXPAND_MAX_DEPTH 32

/* Counts n bytes of expanded text; 0 once a limit is passed (reported once,
 * at the text being expanded). */
static int spend(builder *b, size_t n)
{
    if (b->text_over)
        return 0;
    b->used += n;
    b->total += n;
    if (b->used <= EXPAND_MAX_TEXT && b->total <= EXPAND_MAX_DOC)
        return 1;
    b->text_over = 1;
    b->failed = 1;
    if (b->doc_over)
        return 0; /* reported already */
    diag_pos at = template_pos(b->t, b->top_line, b->top_col);
    if (b->total > EXPAND_MAX_DOC) {
        b->doc_over = 1;
        diag_report(b->d, DIAG_ERROR, at,
                    "the template's texts expand to more than %zu MiB in all (here the limit was "
                    "passed): check the sentences that {列举:…} expands",
                    EXPAND_MAX_DOC >> 20);
    } else {
        diag_report(b->d, DIAG_ERROR, at,
                    "this text expands to more than %zu MiB, counting what every sentence and "
                    "comparison inside it expands to, at every level: does a sentence expand "
                    "another one several times, which expands the next several times?",
                    EXPAND_MAX_TEXT >> 20);
    }
    return 0;
}

static const char *expand_text(builder *b, const char *text, const item *it);

/* Expands text: the entry that keeps the limits (see above). */
const char *bld_expand(builder *b, const char *text, const item *it)
{
    if (b->depth == 0) {
        b->used = 0;
        b->text_over = b->doc_over;
        b->top_line = b->line;
        b->top_col = b->col_base;
    }
    if (b->text_over)
        return "";
    if (b->depth >= EXPAND_MAX_DEPTH) {
        b->text_over = 1;
        b->failed = 1;
        diag_report(b->d, DIAG_ERROR, template_pos(b->t, b->line, b->col),
                    "sentences nested more than %d deep here: a sentence may expand another, "
                    "but not in a chain this long",
                    EXPAND_MAX_DEPTH);
        return "";
    }
    b->depth++;
    const char *r = expand_text(b, text, it);
    b->depth--;
    return b->text_over ? "" : r;
}

/*
 * Expands the placeholders of text.  A part between [[ and ]] is optional:
 * it is left out, brackets and all, when a placeholder inside it comes out
 * empty ("（牵头单位：{牵头单位}[[；责任单位：{责任单位}]]）" gives
 * "（牵头单位：观音机场）" for a row without 责任单位).  Groups do not nest;
 * "[[" with no "]]" after it is text.  Linear in the text and what it
 * expands to: columns for messages are counted on from the last
 * placeholder, and the last "]]" is found once.
 */
static const char *expand_text(builder *b, const char *text, const item *it)
{
    strbuf sb = STRBUF_INIT;
    const char *s = text;
    int in_group = 0, group_empty = 0;
    size_t group_start = 0, counted = 0;
    const char *last_close = NULL; /* the last "]]" of text, once looked for */
    int close_known = 0;
    const char *cq = text; /* columns: cc is the column of cq */
    int cc = b->col_base;
    while (*s) {
        if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
            sb_putc(&sb, s[0]);
            s += 2;
            continue;
        }
        if (!in_group && s[0] == '[' && s[1] == '[') {
            if (!close_known) {
                for (const char *q = strstr(s + 2, "]]"); q; q = strstr(q + 1, "]]"))
                    last_close = q;
                close_known = 1;
            }
            if (last_close && last_close >= s + 2) {
                in_group = 1;
                group_empty = 0;
                group_start = sb.len;
                s += 2;
                continue;
            }
        }
        if (in_group && s[0] == ']' && s[1] == ']') {
            if (group_empty && sb.buf) {
                sb.len = group_start;
                sb.buf[sb.len] = '\0';
                if (counted > sb.len)
                    counted = sb.len;
            }
            in_group = 0;
            s += 2;
            continue;
        }
        if (*s != '{') {
            sb_putc(&sb, *s++);
            continue;
        }
        const char *e = strchr(s, '}');
        if (!e) { /* the template parser rejects this; be safe */
            sb_append(&sb, s);
            break;
        }
        size_t n = (size_t)(e - s - 1);
        char buf[256];
        char *name = n < sizeof buf ? buf : arena_alloc(b->a, n + 1);
        memcpy(name, s + 1, n);
        name[n] = '\0';
        if (b->col_base) {
            for (; cq < s; cq++)
                cc += ((unsigned char)*cq & 0xC0) != 0x80;
            b->col = cc;
        }
        int sg = b->in_group;
        b->in_group = in_group;
        const char *v = placeholder(b, name, it);
        b->in_group = sg;
        if (in_group && !*v)
            group_empty = 1;
        sb_append(&sb, v);
        b->col = 0;
        s = e + 1;
        /* This text's new bytes, and one for the placeholder. */
        if (!spend(b, sb.len - counted + 1))
            break;
        counted = sb.len;
    }
    if (sb.len > counted)
        spend(b, sb.len - counted);
    /* Nothing is allocated for an empty result: expansions that come out
     * empty cost no memory, only their count. */
    const char *r = b->text_over || !sb.len ? "" : arena_strdup(b->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}
