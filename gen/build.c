/*
 * build — the document from the data and the template (see build.h): the
 * builder, the items sentences and tables are about, charts, and the walk
 * over the template that adds titles, headings, paragraphs, lists and
 * conditions.  Text expansion is in build_text.c, tables in
 * build_tables.c; build_priv.h is what the three share.
 */
#include "build_priv.h"
#include "procure.h"
#include "punct.h"

#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void bld_fail(builder *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(b->d, DIAG_ERROR, template_pos(b->t, b->line, b->col), fmt, ap);
    va_end(ap);
    b->failed = 1;
}

void build_chinese_number(int n, char *out, size_t size)
{
    static const char *const D[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n > 99) {
        snprintf(out, size, "%d", n);
        return;
    }
    int tens = n / 10, ones = n % 10;
    snprintf(out, size, "%s%s%s", tens > 1 ? D[tens] : "", tens ? "十" : "", D[ones]);
}

/* ---- formatting ----------------------------------------------------------- */

const char *bld_fmt_amount(builder *b, money v)
{
    char buf[64];
    money_format(v, b->tab->unit, b->tab->decimals, b->c->thousands, b->c->trim, buf, sizeof buf);
    return arena_strdup(b->a, buf);
}

int bld_in_table(const builder *b)
{
    return b->in_cell || b->in_block;
}

/* The decimals of the text: [units] text_decimals, else the tables'
 * (within what the text's unit holds). */
static int text_decimals(const config *c)
{
    int max = money_unit_max_decimals(c->text_unit);
    int dec = c->text_own ? c->text_decimals : c->decimals;
    return dec < max ? dec : max;
}

/* The format of the text being expanded: unit, decimals, trim, thousands
 * (the text's own keys when given, else the tables'). */
static void text_format(const builder *b, money_unit *unit, int *dec, int *trim, int *thousands)
{
    const config *c = b->c;
    if (bld_in_table(b)) {
        *unit = b->tab->unit;
        *dec = b->tab->decimals;
        *trim = c->trim;
        *thousands = c->thousands;
        return;
    }
    *unit = c->text_unit;
    *dec = text_decimals(c);
    *trim = c->text_own ? c->text_trim : c->trim;
    *thousands = c->text_own ? c->text_thousands : c->thousands;
}

const char *bld_fmt_text(builder *b, money v)
{
    char buf[64];
    money_unit u;
    int dec, trim, th;
    text_format(b, &u, &dec, &trim, &th);
    money_format(v, u, dec, th, trim, buf, sizeof buf);
    return arena_strdup(b->a, buf);
}

const char *bld_fmt_change(builder *b, money exact, money printed)
{
    char buf[64];
    money_unit u;
    int dec, trim, th;
    text_format(b, &u, &dec, &trim, &th);
    exact = exact < 0 ? -exact : exact;
    printed = printed < 0 ? -printed : printed;
    money step = money_step(u, dec), off = printed - exact;
    if (off < 0)
        off = -off;
    /* The difference of the printed figures, so the sentence adds up as
     * printed, when it is the exact change or a nearest rounding of it
     * with two significant digits (within 5%); else the exact change with
     * the digits it needs (0.5 at 0 decimals: never 1, nor 0). */
    if (printed == exact || (printed / step >= 10 && 2 * off <= step))
        money_format(printed, u, dec, th, trim, buf, sizeof buf);
    else
        money_format_change(exact, u, dec, th, trim, buf, sizeof buf);
    return arena_strdup(b->a, buf);
}

void bld_block(builder *b, const tmpl_stmt *st, void (*build)(builder *, const tmpl_stmt *))
{
    figures *was = b->tab;
    int units = st->table->units;
    if (units >= 0) {
        if (b->c->decimals > money_unit_max_decimals((money_unit)units)) {
            b->failed = 1; /* main.c reported it (config_check_unit) */
            return;
        }
        b->tab = &b->fig[units];
    }
    b->in_block = 1;
    build(b, st);
    b->in_block = 0;
    b->tab = was;
}

/* ---- figures and items ---------------------------------------------------- */

int bld_figure_item(builder *b, const char *key, item *it)
{
    figure_ref r;
    if (!data_figure_lookup(key, &r))
        return 0;
    memset(it, 0, sizeof *it);
    it->name = key;
    it->cur = data_figure(b->cur, r, &it->has_cur, NULL);
    it->cur_shown = figures_shown(b->tab, figures_year(b->tab, b->cur), r, it->cur);
    if (b->prev) {
        it->prev = data_figure(b->prev, r, &it->has_prev, NULL);
        it->prev_shown = figures_shown(b->tab, figures_year(b->tab, b->prev), r, it->prev);
    }
    it->has_shown = 1;
    it->is_tp = r.kind == FIG_TP;
    it->tp_kind = r.index;
    figures *tf = b->tfig;
    it->cur_text = figures_shown(tf, figures_year(tf, b->cur), r, it->cur);
    it->prev_text = b->prev ? figures_shown(tf, figures_year(tf, b->prev), r, it->prev) : 0;
    it->has_text = 1;
    for (size_t i = 0; i < b->cur->n_reasons; i++) {
        figure_ref rr;
        const named_text *nt = &b->cur->reasons[i];
        if (!strcmp(nt->name, key) ||
            (data_figure_lookup(nt->name, &rr) && rr.kind == r.kind && rr.index == r.index))
            it->reason = nt->text;
    }
    return 1;
}

/* The names of a list "PREFIX(A、B、…)" (、 or , between them), split in
 * place in a copy; the count. */
static int list_names(builder *b, const char *list, size_t prefix, char ***out)
{
    char *names = arena_strdup(b->a, list + prefix);
    names[strlen(names) - 1] = '\0'; /* the closing ")" */
    int cap = 1;
    for (const char *p = names; *p; p++)
        cap += *p == ',' || !strncmp(p, "、", strlen("、"));
    char **v = arena_alloc(b->a, (size_t)cap * sizeof *v);
    int n = 0;
    for (char *p = names; p;) {
        char *next = strstr(p, "、"), *comma = strchr(p, ',');
        size_t skip = strlen("、");
        if (comma && (!next || comma < next)) {
            next = comma;
            skip = 1;
        }
        if (next) {
            *next = '\0';
            next += skip;
        }
        v[n++] = p;
        p = next;
    }
    *out = v;
    return n;
}

/* 三公(A、B、…): the template's items and order; the count, or -2 after
 * reporting a name that is no “三公” item. */
static int tp_list_in_order(builder *b, const char *list, item **out)
{
    char **names;
    int m = list_names(b, list, strlen("三公("), &names);
    item *v = arena_alloc(b->a, (size_t)m * sizeof *v);
    int n = 0;
    for (int i = 0; i < m; i++) {
        const char *p = names[i];
        figure_ref r;
        if (!data_figure_lookup(p, &r) || r.kind != FIG_TP || r.index == TP_TOTAL) {
            bld_fail(b,
                     "{列举:%s…}: %s is not a “三公” item; expected 因公出国（境）费, "
                     "公务用车购置及运行费, 公务用车购置费, 公务用车运行费, 公务接待费, 会议费 or "
                     "培训费 (or an alias), separated by 、",
                     list, p);
            return -2;
        }
        item *it = &v[n];
        bld_figure_item(b, p, it);
        if (it->has_cur || it->has_prev) {
            const tp_row *c = &b->cur->tp[r.index];
            const tp_row *pr = b->prev ? &b->prev->tp[r.index] : NULL;
            it->name = c->present ? c->label : pr && pr->present ? pr->label : tp_name((tp_kind)r.index);
            n++;
        }
    }
    *out = v;
    return n;
}

/* 收入来源(A、B、…): the template's sources and order (财政拨款收入 the
 * three appropriations together, as the plain list gives them); an item
 * with nothing in either year is left out.  The count, or -2 after
 * reporting a name that is no source. */
static int rev_list_in_order(builder *b, const char *list, item **out)
{
    char **names;
    int m = list_names(b, list, strlen("收入来源("), &names);
    item *v = arena_alloc(b->a, (size_t)m * sizeof *v);
    int n = 0;
    for (int i = 0; i < m; i++) {
        const char *p = names[i];
        figure_ref r;
        if (!data_figure_lookup(p, &r) || (r.kind != FIG_REVENUE && r.kind != FIG_FISCAL)) {
            bld_fail(b,
                     "{列举:%s…}: %s is not a revenue source; expected names of revenue.csv "
                     "(一般公共预算拨款收入, 政府性基金预算拨款收入, 国有资本经营预算拨款收入, "
                     "财政专户管理资金收入, 事业收入, 事业单位经营收入, 上级补助收入, "
                     "附属单位上缴收入, 其他收入, 使用非财政拨款结余, 上年结转) or 财政拨款收入, "
                     "separated by 、",
                     list, p);
            return -2;
        }
        item *it = &v[n];
        bld_figure_item(b, p, it);
        it->name = data_figure_name(r);
        if ((it->has_cur && it->cur) || (it->has_prev && it->prev))
            n++;
    }
    *out = v;
    return n;
}

/* 支出功能分类: the 类 of expenditure.csv (every funding source), in code
 * order, each with its total as the tables print it (部门支出总表's 类
 * rows); last year's where last year has that 类.  A 类 with nothing in
 * either year is left out. */
static int class_list(builder *b, item **out)
{
    const budget *bg = b->cur;
    figures *tf = b->tfig;
    const year_figures *y = figures_year(b->tab, bg), *yt = figures_year(tf, bg);
    item *v = arena_alloc(b->a, (bg->n_fnodes + 1) * sizeof *v);
    int n = 0;
    for (size_t i = 0; i < bg->n_fnodes; i++) {
        const func_node *nd = &bg->fnodes[i];
        if (nd->level != 1)
            continue;
        item *it = &v[n];
        memset(it, 0, sizeof *it);
        it->name = nd->name;
        for (int k = 0; k < REV_COUNT; k++)
            it->cur += nd->basic[k] + nd->project[k];
        it->has_cur = 1;
        it->cur_shown = y->fnode[i];
        it->cur_text = yt->fnode[i];
        it->has_shown = it->has_text = 1;
        const budget *pb = b->prev;
        for (size_t j = 0; pb && j < pb->n_fnodes; j++) {
            const func_node *pn = &pb->fnodes[j];
            if (pn->level != 1 || strcmp(pn->code, nd->code))
                continue;
            for (int k = 0; k < REV_COUNT; k++)
                it->prev += pn->basic[k] + pn->project[k];
            it->has_prev = 1;
            it->prev_shown = figures_year(b->tab, pb)->fnode[j];
            it->prev_text = figures_year(tf, pb)->fnode[j];
        }
        if (it->cur || it->prev)
            n++;
    }
    *out = v;
    return n;
}

/* 三公: the items in the fixed order; 公务用车 as its parts, or as
 * 公务用车购置及运行费 when a year gives that row without them (then it is
 * never left out). */
static int tp_list(builder *b, item **out)
{
    item *v = arena_alloc(b->a, TP_COUNT * sizeof *v);
    int n = 0;
    const budget *yr[2] = {b->cur, b->prev};
    int whole = 0;
    for (int y = 0; y < 2; y++)
        whole |= yr[y] && yr[y]->tp[TP_VEHICLE].present &&
                 !yr[y]->tp[TP_VEHICLE_BUY].present && !yr[y]->tp[TP_VEHICLE_RUN].present;
    static const int ORDER[] = {TP_VEHICLE, TP_VEHICLE_RUN, TP_VEHICLE_BUY, TP_RECEPTION,
                                TP_ABROAD};
    for (size_t o = 0; o < sizeof ORDER / sizeof ORDER[0]; o++) {
        int k = ORDER[o];
        if ((k == TP_VEHICLE) != whole && (k == TP_VEHICLE || k == TP_VEHICLE_RUN ||
                                           k == TP_VEHICLE_BUY))
            continue;
        const tp_row *c = &b->cur->tp[k];
        const tp_row *p = b->prev ? &b->prev->tp[k] : NULL;
        item *it = &v[n];
        bld_figure_item(b, tp_name((tp_kind)k), it);
        if (!c->present && !(p && p->present) && !(k == TP_VEHICLE && (it->has_cur || it->has_prev)))
            continue;
        it->name = c->present ? c->label : p && p->present ? p->label : tp_name((tp_kind)k);
        n++;
    }
    *out = v;
    return n;
}

/* 收入来源: 财政拨款收入 (the three appropriations together, as the seed
 * says it), then the other sources; an item with nothing in either year is
 * left out. */
static int rev_list(builder *b, item **out)
{
    item *v = arena_alloc(b->a, (REV_COUNT + 1) * sizeof *v);
    int n = 0;
    item fiscal;
    bld_figure_item(b, "财政拨款收入", &fiscal);
    if ((fiscal.has_cur && fiscal.cur) || (fiscal.has_prev && fiscal.prev))
        v[n++] = fiscal;
    for (int k = REV_SPECIAL_ACCOUNT; k < REV_COUNT; k++) {
        item it;
        bld_figure_item(b, revenue_name((revenue_kind)k), &it);
        if ((it.has_cur && it.cur) || (it.has_prev && it.prev))
            v[n++] = it;
    }
    *out = v;
    return n;
}

/* The list named list; the count, -1 for an unknown list, -2 after
 * reporting a bad name in it. */
static int make_list(builder *b, const char *list, item **out)
{
    size_t ll = strlen(list), pl = strlen("三公("), rl = strlen("收入来源(");
    if (ll > pl && !strncmp(list, "三公(", pl) && list[ll - 1] == ')')
        return tp_list_in_order(b, list, out);
    if (ll > rl && !strncmp(list, "收入来源(", rl) && list[ll - 1] == ')')
        return rev_list_in_order(b, list, out);
    if (!strcmp(list, "支出功能分类"))
        return class_list(b, out);
    if (!strcmp(list, "三公"))
        return tp_list(b, out);
    if (!strcmp(list, "收入来源"))
        return rev_list(b, out);
    return -1;
}

/* The items of a list that {列举:…} iterates. Returns the count (items in
 * an arena array), -1 for an unknown list, or -2 after reporting.  Each
 * list is made once and kept: nested sentences may iterate it a million
 * times. */
int bld_list_items(builder *b, const char *list, item **out)
{
    for (list_cache *c = b->lists; c; c = c->next)
        if (c->tab == b->tab && !strcmp(c->spec, list)) {
            *out = c->items;
            return c->n;
        }
    int n = make_list(b, list, out);
    if (n < 0)
        return n;
    list_cache *c = arena_alloc(b->a, sizeof *c);
    *c = (list_cache){arena_strdup(b->a, list), b->tab, *out, n, b->lists};
    b->lists = c;
    return n;
}

/* ---- charts ------------------------------------------------------------------
 * Grouped bars of last year against this year.  The chart is data for the
 * renderers: layout.c draws it as vector graphics, render_xlsx.c as a
 * native column chart over a data sheet. */

static void chart_block(builder *b, const tmpl_stmt *st)
{
    const tmpl_table *tt = st->table;
    if (!b->prev) {
        bld_fail(b,
                 "chart %s compares with last year: set previous in [input], or put it inside "
                 "\"if previous\"",
                 tt->source);
        return;
    }
    if (!strcmp(tt->source, "trend") && !b->prev->before) {
        bld_fail(b, "chart trend needs the years before last ([input] earlier), or put it inside "
                    "\"if has:earlier\"");
        return;
    }
    b->col_base = 0;
    doc_chart *ch = arena_alloc(b->a, sizeof *ch);
    ch->id = tt->source;
    ch->amount_unit = b->tab->unit;
    ch->title = tt->title ? bld_expand(b, tt->title, NULL) : NULL;
    ch->unit = bld_expand(b, tt->unit ? tt->unit : "单位：{单位}", NULL);
    ch->sheet = tt->sheet ? bld_expand(b, tt->sheet, NULL) : ch->title;
    ch->n_series = 2;
    ch->series = arena_alloc(b->a, 2 * sizeof *ch->series);
    ch->series[0] = arena_printf(b->a, "%d年", b->prev->year);
    ch->series[1] = arena_printf(b->a, "%d年", b->cur->year);
    const char **cats = NULL;
    money *v = NULL, *shown = NULL; /* exact (the workbook's), printed (labels) */
    int n = 0;
    if (!strcmp(tt->source, "trend")) {
        /* Several years, oldest first: 基本支出 and 项目支出 of each, as
         * stated (summary.csv) or computed from the detail. */
        int ny = 1;
        for (const budget *y = b->prev; y; y = y->before)
            ny++;
        const budget **yrs = arena_alloc(b->a, (size_t)ny * sizeof *yrs);
        ny = 0;
        yrs[ny++] = b->cur;
        for (const budget *y = b->prev; y; y = y->before)
            yrs[ny++] = y;
        n = ny;
        cats = arena_alloc(b->a, (size_t)(n + 1) * sizeof *cats);
        v = arena_alloc(b->a, (size_t)(2 * n + 1) * sizeof *v);
        shown = arena_alloc(b->a, (size_t)(2 * n + 1) * sizeof *shown);
        for (int k = 0; k < n; k++) {
            const budget *y = yrs[n - 1 - k];
            const year_figures *yf = figures_year(b->tab, y);
            int found;
            cats[k] = arena_printf(b->a, "%d年", y->year);
            v[k] = budget_figure(y, SUM_BASIC, &found);
            v[n + k] = budget_figure(y, SUM_PROJECT, &found);
            shown[k] = yf->summary[SUM_BASIC];
            shown[n + k] = yf->summary[SUM_PROJECT];
        }
        ch->series[0] = "基本支出";
        ch->series[1] = "项目支出";
    } else if (!strcmp(tt->source, "three_public")) {
        item *items;
        n = bld_list_items(b, "三公", &items);
        cats = arena_alloc(b->a, (size_t)(n + 1) * sizeof *cats);
        v = arena_alloc(b->a, (size_t)(2 * n + 1) * sizeof *v);
        shown = arena_alloc(b->a, (size_t)(2 * n + 1) * sizeof *shown);
        for (int i = 0; i < n; i++) {
            cats[i] = items[i].name;
            v[i] = items[i].prev;
            v[n + i] = items[i].cur;
            shown[i] = items[i].prev_shown;
            shown[n + i] = items[i].cur_shown;
        }
    } else {
        /* function_classes: every 类 of either year, matched by code. */
        const char **codes;
        n = bld_class_union(b, &codes, &cats);
        v = arena_alloc(b->a, (size_t)(2 * n + 1) * sizeof *v);
        shown = arena_alloc(b->a, (size_t)(2 * n + 1) * sizeof *shown);
        for (int k = 0; k < n; k++) {
            int found;
            v[k] = bld_class_total_shown(b, b->prev, codes[k], &found, &shown[k]);
            v[n + k] = bld_class_total_shown(b, b->cur, codes[k], &found, &shown[n + k]);
        }
        if (!b->cur->n_func || !b->prev->n_func) {
            bld_fail(b,
                     "chart function_classes needs expenditure.csv in both years' folders "
                     "(%s lacks it)",
                     !b->cur->n_func ? b->cur->dir : b->prev->dir);
            return;
        }
    }
    ch->n_cats = n;
    ch->cats = cats;
    ch->values = v;
    ch->labels = arena_alloc(b->a, (size_t)(2 * n + 1) * sizeof *ch->labels);
    /* Labels as the tables print them, with fixed decimals whatever [units]
     * trim says: layout.c reads the axis's decimals off the labels. */
    for (int i = 0; i < 2 * n; i++) {
        char lab[64];
        money_format(shown[i], b->tab->unit, b->tab->decimals, b->c->thousands, 0, lab, sizeof lab);
        ch->labels[i] = arena_strdup(b->a, lab);
    }
    doc_block *blk = doc_add(b->a, b->doc, DOC_CHART);
    blk->chart = ch;
    blk->bookmark = ch->title != NULL;
    blk->src = template_pos(b->t, st->line, 0);
}

/* ---- blocks ------------------------------------------------------------------- */

static const char *number_text(builder *b, const char *pattern, int n)
{
    char cn[32], num[16];
    build_chinese_number(n, cn, sizeof cn);
    snprintf(num, sizeof num, "%d", n);
    strbuf sb = STRBUF_INIT;
    for (const char *s = pattern; *s;) {
        if (!strncmp(s, "{中文}", strlen("{中文}"))) {
            sb_append(&sb, cn);
            s += strlen("{中文}");
        } else if (!strncmp(s, "{数字}", strlen("{数字}"))) {
            sb_append(&sb, num);
            s += strlen("{数字}");
        } else {
            sb_putc(&sb, *s++);
        }
    }
    const char *r = arena_strdup(b->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

static void add_text_block(builder *b, doc_block_kind kind, const char *text, int line)
{
    if (!*text && kind == DOC_PARA)
        return; /* a paragraph whose every part was empty */
    doc_block *blk = doc_add(b->a, b->doc, kind);
    blk->text = text;
    blk->src = template_pos(b->t, line, 0);
}

static void build_text(builder *b, const tmpl_stmt *st)
{
    const text_file *tf = !strcmp(st->arg, "duties")       ? &b->cur->duties
                          : !strcmp(st->arg, "overall_goal") ? &b->cur->overall_goal
                                                             : &b->cur->notes;
    if (!tf->path) {
        bld_fail(b, "text %s needs the file %s/%s.txt", st->arg, b->cur->dir, st->arg);
        return;
    }
    for (size_t i = 0; i < tf->n; i++) {
        doc_block *blk = doc_add(b->a, b->doc, DOC_PARA);
        blk->text = tf->para[i];
        blk->src = tf->pos[i];
    }
}

static void build_list(builder *b, const tmpl_stmt *st)
{
    const named_text *v;
    size_t n;
    const char *file;
    if (!strncmp(st->arg, "csv:", 4)) {
        const csv_table *ct = budget_extra(b->cur, st->arg + 4);
        for (size_t i = 0; ct && i < ct->nrows; i++) {
            item it;
            memset(&it, 0, sizeof it);
            it.number = (int)i + 1;
            it.csv = ct;
            it.row = &ct->rows[i];
            doc_block *blk = doc_add(b->a, b->doc, DOC_LIST_ITEM);
            blk->number = bld_expand(b, st->arg2, &it);
            blk->text = bld_expand(b, st->arg3, &it);
            blk->src = csv_pos(ct, &ct->rows[i], 1);
            /* A list laid out from data goes to the workbook too, as a
             * sheet named after the document. */
            blk->sheet = b->doc->title ? b->doc->title : st->arg + 4;
        }
        return;
    }
    if (!strcmp(st->arg, "duty_goals")) {
        v = b->cur->duty_goals;
        n = b->cur->n_duty_goals;
        file = "duty_goals.csv";
    } else {
        v = b->cur->glossary;
        n = b->cur->n_glossary;
        file = "glossary.csv";
    }
    if (!v) {
        bld_fail(b, "list %s needs the file %s/%s", st->arg, b->cur->dir, file);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        item it;
        memset(&it, 0, sizeof it);
        it.name = v[i].name;
        it.content = v[i].text;
        it.number = (int)i + 1;
        doc_block *blk = doc_add(b->a, b->doc, DOC_LIST_ITEM);
        blk->number = bld_expand(b, st->arg2, &it);
        blk->text = bld_expand(b, st->arg3, &it);
        blk->src = v[i].pos;
    }
}

static int condition(builder *b, const char *cond)
{
    if (!strcmp(cond, "previous"))
        return b->prev != NULL;
    int neg = !strncmp(cond, "no:", 3);
    const char *name = cond + (neg ? 3 : 4);
    int has;
    if (!strcmp(name, "previous"))
        has = b->prev != NULL;
    else if (!strcmp(name, "previous_expenditure"))
        has = b->prev && b->prev->n_func > 0;
    else if (!strcmp(name, "expenditure"))
        has = b->cur->n_func > 0;
    else if (!strcmp(name, "three_public"))
        has = b->cur->has_tp;
    else if (!strcmp(name, "performance"))
        has = b->cur->n_perf > 0;
    else if (!strcmp(name, "institutions"))
        has = b->cur->n_inst > 0;
    else if (!strcmp(name, "actuals"))
        has = b->cur->has_actuals;
    else if (!strcmp(name, "earlier"))
        has = b->prev && b->prev->before;
    else if (procure_condition(b->cur, name, &has))
        ; /* procurement, assets … (procure.c) */
    else if ((has = bld_project_condition(b, name)) >= 0)
        ;
    else if ((has = js_condition(b, name)) >= 0)
        ; /* js_other, js_three_public, js_fund … (the 决算, js_text.c) */
    else {
        item it;
        if (!bld_figure_item(b, name, &it)) {
            bld_fail(b, "if %s: %s is not previous, a table name or a figure", cond, name);
            return 0;
        }
        has = it.has_cur;
    }
    return neg ? !has : has;
}

int bld_condition(builder *b, const char *cond) { return condition(b, cond); }

doc *build_document(arena *a, diag *d, const config *c, const tmpl *t, const budget *cur,
                    const budget *prev)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.a = a;
    b.d = d;
    b.c = c;
    b.t = t;
    b.cur = cur;
    b.prev = prev;
    b.doc = doc_new(a);
    /* 元 holds at most 2 decimals: a unit no table uses may not show
     * [units] decimals (config_set_units and bld_table_units check those
     * that are used). */
    for (int u = 0; u < 2; u++) {
        int max = money_unit_max_decimals((money_unit)u);
        figures_init(&b.fig[u], a, (money_unit)u, c->decimals < max ? c->decimals : max);
    }
    b.tab = &b.fig[c->unit];
    b.tfig = &b.fig[c->text_unit];
    if (text_decimals(c) != b.tfig->decimals) {
        figures_init(&b.tfig_own, a, c->text_unit, text_decimals(c));
        b.tfig = &b.tfig_own;
    }
    doc *dm = b.doc;
    dm->year = c->year;
    dm->author = c->author;
    dm->footer = t->footer;
    dm->continued = t->continued;
    dm->title = t->meta_title ? bld_expand(&b, t->meta_title, NULL) : c->department;
    dm->subject = t->meta_subject ? bld_expand(&b, t->meta_subject, NULL) : NULL;
    dm->keywords = t->meta_keywords ? bld_expand(&b, t->meta_keywords, NULL) : NULL;
    for (int i = 0; i < t->n; i++) {
        const tmpl_stmt *st = &t->stmts[i];
        b.line = st->line;
        b.col_base = st->col;
        switch (st->kind) {
        case T_TITLE: add_text_block(&b, DOC_TITLE, bld_expand(&b, st->arg, b.row), st->line); break;
        case T_HEADING: {
            b.h1++;
            b.h2 = 0;
            add_text_block(&b, DOC_HEADING, bld_expand(&b, st->arg, b.row), st->line);
            doc_block *h = &dm->blocks[dm->n - 1];
            h->level = 1;
            h->number = number_text(&b, t->num_heading, b.h1);
            h->bookmark = 1;
            break;
        }
        case T_SUBHEADING: {
            b.h2++;
            add_text_block(&b, DOC_HEADING, bld_expand(&b, st->arg, b.row), st->line);
            doc_block *h = &dm->blocks[dm->n - 1];
            h->level = 2;
            h->number = number_text(&b, t->num_subheading, b.h2);
            h->bookmark = 1;
            break;
        }
        case T_PARA: add_text_block(&b, DOC_PARA, bld_expand(&b, st->arg, b.row), st->line); break;
        case T_LABEL: add_text_block(&b, DOC_LABEL, bld_expand(&b, st->arg, b.row), st->line); break;
        case T_LINE:
            add_text_block(&b, DOC_LINE, bld_expand(&b, st->arg, b.row), st->line);
            dm->blocks[dm->n - 1].align = st->arg2[0] == 'l'   ? DOC_LEFT
                                          : st->arg2[0] == 'c' ? DOC_CENTER
                                                               : DOC_RIGHT;
            break;
        case T_TABLE_NOTE: b.table_note = *st->arg ? st->arg : NULL; break;
        case T_TEXT: build_text(&b, st); break;
        case T_LIST: build_list(&b, st); break;
        case T_TABLE:
            bld_block(&b, st, bld_table);
            break;
        case T_PAGEBREAK: doc_add(a, dm, DOC_PAGE_BREAK); break;
        case T_CHART:
            bld_block(&b, st, chart_block);
            break;
        case T_COVER:
        case T_TOC: bld_front(&b, st); break;
        case T_IF:
            if (!condition(&b, st->arg))
                i = st->end; /* skip to the matching end */
            break;
        case T_END: i = bld_for_end(&b, i); break;
        case T_FOR: i = bld_for(&b, i); break;
        }
    }
    punct_doc(a, dm);
    bld_outline(dm);
    return b.failed ? NULL : dm;
}
