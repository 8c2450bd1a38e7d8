/*
 * build — the document from the data and the template (see build.h).
 *
 * Text expansion: a template text is copied with its placeholders replaced.
 * Global names ({部门} {地区} {年度} {上年} {单位}), figures ({支出总计},
 * {因公出国经费} …), and four functions: {上年:FIGURE}, {比较:FAMILY:FIGURE},
 * {列举:LIST:SENTENCE:SEP} and {原因:FIGURE}.  Inside a list item or a
 * comparison, item names are defined too: {名称} {本年} {上年数} {差额}
 * {百分比} {原因} {序号} {内容}.
 */
#include "build.h"

#include "strbuf.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One thing a sentence can be about: a figure in both years. */
typedef struct item {
    const char *name;  /* as shown */
    money cur, prev;
    int has_cur, has_prev;
    const char *reason; /* stated reason, or NULL */
    const char *content; /* lists: the item's text */
    int number;          /* lists: 1-based */
} item;

typedef struct builder {
    arena *a;
    diag *d;
    const config *c;
    const tmpl *t;
    const budget *cur, *prev;
    doc *doc;
    int line;       /* template line being expanded */
    int col_base;   /* column where the text being expanded starts (0: unknown) */
    int col;        /* column of the placeholder being expanded */
    int failed;
    int h1, h2;     /* heading counters */
} builder;

static void fail(builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(builder *b, const char *fmt, ...)
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

static const char *fmt_amount(builder *b, money v)
{
    char buf[64];
    money_format(v, b->c->unit, b->c->decimals, b->c->thousands, 0, buf, sizeof buf);
    return arena_strdup(b->a, buf);
}

/* |pct| of a change as text with '%': "11.1%"; a change too small to show
 * at the configured precision is "不足0.1%", never a misleading "0.0%". */
static const char *fmt_change_percent(builder *b, money diff, money prev, long long *scaled)
{
    int dec = b->c->percent_decimals;
    money ad = diff < 0 ? -diff : diff;
    int64_t p = money_percent(ad, prev, dec);
    *scaled = diff < 0 ? -p : p;
    char buf[64];
    if (p == 0 && ad != 0) {
        char unit[16];
        money_format_percent(1, dec, 0, unit, sizeof unit);
        snprintf(buf, sizeof buf, "不足%s%%", unit);
    } else {
        money_format_percent(p, dec, b->c->percent_trim, buf, sizeof buf);
        strcat(buf, "%");
    }
    return arena_strdup(b->a, buf);
}

/* ---- figures and items ---------------------------------------------------- */

static int figure_item(builder *b, const char *key, item *it)
{
    figure_ref r;
    if (!data_figure_lookup(key, &r))
        return 0;
    memset(it, 0, sizeof *it);
    it->name = key;
    it->cur = data_figure(b->cur, r, &it->has_cur, NULL);
    if (b->prev)
        it->prev = data_figure(b->prev, r, &it->has_prev, NULL);
    for (size_t i = 0; i < b->cur->n_reasons; i++) {
        figure_ref rr;
        const named_text *nt = &b->cur->reasons[i];
        if (!strcmp(nt->name, key) ||
            (data_figure_lookup(nt->name, &rr) && rr.kind == r.kind && rr.index == r.index))
            it->reason = nt->text;
    }
    return 1;
}

/* The items of a list that {列举:…} iterates. Returns the count (items in
 * an arena array) or -1 for an unknown list. */
static int list_items(builder *b, const char *list, item **out)
{
    item *v = arena_alloc(b->a, 16 * sizeof *v);
    int n = 0;
    if (!strcmp(list, "三公")) {
        for (int k = 0; k < TP_TOTAL; k++) {
            const tp_row *c = &b->cur->tp[k];
            const tp_row *p = b->prev ? &b->prev->tp[k] : NULL;
            if (!c->present && !(p && p->present))
                continue;
            item *it = &v[n++];
            figure_item(b, tp_name((tp_kind)k), it);
            it->name = c->present ? c->label : p->label;
        }
    } else if (!strcmp(list, "收入来源")) {
        /* 财政拨款收入 groups the three appropriations, as the seed says it. */
        item fiscal;
        figure_item(b, "财政拨款收入", &fiscal);
        if ((fiscal.has_cur && fiscal.cur) || (fiscal.has_prev && fiscal.prev))
            v[n++] = fiscal;
        for (int k = REV_SPECIAL_ACCOUNT; k < REV_COUNT; k++) {
            item it;
            figure_item(b, revenue_name((revenue_kind)k), &it);
            if ((it.has_cur && it.cur) || (it.has_prev && it.prev))
                v[n++] = it;
        }
    } else {
        return -1;
    }
    *out = v;
    return n;
}

/* ---- expansion -------------------------------------------------------------- */

static const char *expand(builder *b, const char *text, const item *it);

/* Expands a text that stands at (line, col) of the template, so messages
 * about its placeholders point there. */
static const char *expand_at(builder *b, const char *text, const item *it, int line, int col)
{
    int sl = b->line, sc = b->col_base, scol = b->col;
    b->line = line;
    b->col_base = col;
    const char *r = expand(b, text, it);
    b->line = sl;
    b->col_base = sc;
    b->col = scol;
    return r;
}

/* The comparison phrase of one item with the family's wording. */
static const char *compare_phrase(builder *b, const char *family, const item *it, long long *pct,
                                  int *kase)
{
    const tmpl_compare *cf = template_compare(b->t, family);
    if (!cf) {
        fail(b, "no compare lines for family %s (add: compare %s same|up|down|new|gone TEXT)",
             family, family);
        return "";
    }
    if (!b->prev) {
        fail(b, "{比较:%s…} needs last year's figures: set previous in [input] of the config, or "
                "put this text inside \"if previous\"",
             family);
        return "";
    }
    tmpl_case k;
    money cur = it->has_cur ? it->cur : 0, prev = it->has_prev ? it->prev : 0;
    if (prev == 0)
        k = cur == 0 ? TC_SAME : TC_NEW; /* no percentage against nothing */
    else if (cur == 0)
        k = TC_GONE;
    else if (cur == prev)
        k = TC_SAME;
    else
        k = cur > prev ? TC_UP : TC_DOWN;
    /* gone falls back to down (-100%) when the family has no gone wording */
    if (k == TC_GONE && !cf->text[TC_GONE])
        k = TC_DOWN;
    if (kase)
        *kase = (int)k;
    if (!cf->text[k]) {
        fail(b, "compare family %s has no \"%s\" wording, which %s needs (%s)", family,
             tmpl_case_names[k], it->name, k == TC_NEW ? "last year: none" : "it changed so");
        return "";
    }
    if (pct)
        *pct = 0;
    const char *s = expand_at(b, cf->text[k], it, cf->line[k], cf->col[k]);
    if (pct && it->prev)
        fmt_change_percent(b, it->cur - it->prev, it->prev, pct);
    return s;
}

/* Value of a name inside an item context; NULL if the name is not an item
 * name. */
static const char *item_var(builder *b, const char *name, const item *it)
{
    if (!strcmp(name, "名称"))
        return it->name;
    if (!strcmp(name, "本年"))
        return fmt_amount(b, it->cur);
    if (!strcmp(name, "上年数"))
        return fmt_amount(b, it->prev);
    if (!strcmp(name, "差额"))
        return fmt_amount(b, it->cur > it->prev ? it->cur - it->prev : it->prev - it->cur);
    if (!strcmp(name, "百分比")) {
        long long s;
        if (!it->prev)
            return "";
        return fmt_change_percent(b, it->cur - it->prev, it->prev, &s);
    }
    if (!strcmp(name, "原因"))
        return it->reason ? it->reason : "";
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
        return money_unit_name(b->c->unit);
    return NULL;
}

/* A figure by name, this year or last; reports when absent. */
static const char *figure_text(builder *b, const char *key, int last_year)
{
    item it;
    if (!figure_item(b, key, &it)) {
        fail(b, "unknown name {%s}: expected 部门, 地区, 年度, 上年, 单位 or a figure such as "
                "收入总计, 支出总计, 基本支出, 项目支出, 机关运行经费, 财政拨款收入, 三公合计",
             key);
        return "";
    }
    if (last_year && !b->prev) {
        fail(b, "{上年:%s} needs last year's figures: set previous in [input]", key);
        return "";
    }
    if (last_year ? !it.has_prev : !it.has_cur) {
        fail(b, "{%s%s} needs the figure %s, which %s does not give (see docs/input.md)",
             last_year ? "上年:" : "", key, key, last_year ? b->prev->dir : b->cur->dir);
        return "";
    }
    return fmt_amount(b, last_year ? it.prev : it.cur);
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

static const char *placeholder(builder *b, char *name, const item *it)
{
    char *part[4];
    int n = split_colons(name, part, 4);
    if (n == 1) {
        const char *v = it ? item_var(b, name, it) : NULL;
        if (!v)
            v = global_var(b, name);
        if (!v)
            v = figure_text(b, name, 0);
        return v;
    }
    if (!strcmp(part[0], "上年"))
        return figure_text(b, part[1], 1);
    if (!strcmp(part[0], "原因")) {
        item x;
        if (!figure_item(b, part[1], &x)) {
            fail(b, "{原因:%s}: %s is not a figure name", part[1], part[1]);
            return "";
        }
        return x.reason ? x.reason : "";
    }
    if (!strcmp(part[0], "比较")) {
        item x;
        const item *subject = it;
        if (n >= 3) {
            if (!figure_item(b, part[2], &x)) {
                fail(b, "{比较:%s:%s}: %s is not a figure name", part[1], part[2], part[2]);
                return "";
            }
            subject = &x;
        } else if (!it) {
            fail(b, "{比较:%s} outside a list needs a figure: {比较:%s:FIGURE}", part[1], part[1]);
            return "";
        }
        return compare_phrase(b, part[1], subject, NULL, NULL);
    }
    if (!strcmp(part[0], "列举")) {
        if (n < 3) {
            fail(b, "expected {列举:LIST:SENTENCE:SEPARATOR}");
            return "";
        }
        const tmpl_sentence *s = template_sentence(b->t, part[2]);
        if (!s) {
            fail(b, "no sentence named %s (add: sentence %s TEXT)", part[2], part[2]);
            return "";
        }
        item *items;
        int k = list_items(b, part[1], &items);
        if (k < 0) {
            fail(b, "unknown list %s: expected 三公 or 收入来源", part[1]);
            return "";
        }
        if (!strcmp(part[1], "收入来源") && !b->cur->has_revenue) {
            fail(b, "{列举:收入来源…} needs the file %s/revenue.csv", b->cur->dir);
            return "";
        }
        if (!strcmp(part[1], "三公") && !b->cur->has_tp) {
            fail(b, "{列举:三公…} needs the file %s/three_public.csv", b->cur->dir);
            return "";
        }
        strbuf sb = STRBUF_INIT;
        int shown = 0;
        for (int i = 0; i < k; i++) {
            const char *one = expand_at(b, s->text, &items[i], s->line, s->col);
            if (!*one)
                continue; /* e.g. an item without a stated reason */
            if (shown++ && n >= 4)
                sb_append(&sb, part[3]);
            sb_append(&sb, one);
        }
        const char *r = arena_strdup(b->a, sb_str(&sb));
        sb_free(&sb);
        return r;
    }
    fail(b, "unknown function {%s:…}", part[0]);
    return "";
}

static const char *expand(builder *b, const char *text, const item *it)
{
    strbuf sb = STRBUF_INIT;
    const char *s = text;
    while (*s) {
        if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
            sb_putc(&sb, s[0]);
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
        char *name = arena_strndup(b->a, s + 1, (size_t)(e - s - 1));
        if (b->col_base) {
            b->col = b->col_base;
            for (const char *q = text; q < s; q++)
                b->col += ((unsigned char)*q & 0xC0) != 0x80;
        }
        sb_append(&sb, placeholder(b, name, it));
        b->col = 0;
        s = e + 1;
    }
    const char *r = arena_strdup(b->a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

/* ---- tables ------------------------------------------------------------------- */

/* One body row from a data source: its fields by column. */
typedef struct row_fields {
    const char *text[64];
    const item *amount_item; /* for compare columns */
    money amount[64];
    int is_amount[64];
    diag_pos pos[64];
    int group[3];        /* merge groups: [1] duty, [2] activity */
    doc_row_kind kind;
} row_fields;

/* Parses one header line "A^2 | B>3 | C" into row r of the header grid,
 * skipping positions covered by spans from rows above. */
static void build_head_row(builder *b, doc_table *t, const char *line, int r, int *occupied)
{
    int col = 0;
    char *copy = arena_strdup(b->a, line);
    char *save = NULL;
    for (char *cellp = strtok_r(copy, "|", &save); cellp; cellp = strtok_r(NULL, "|", &save)) {
        size_t len;
        const char *txt = utf8_trim(cellp, &len);
        char *c = arena_strndup(b->a, txt, len);
        int rs = 1, cs = 1;
        /* Suffixes ^N (rows) and >N (columns), in either order. */
        for (int pass = 0; pass < 2; pass++) {
            char *caret = strrchr(c, '^'), *gt = strrchr(c, '>');
            char *mark = caret > gt ? caret : gt;
            if (!mark || !mark[1] || strspn(mark + 1, "0123456789") != strlen(mark + 1))
                break;
            int v = atoi(mark + 1);
            if (*mark == '^')
                rs = v;
            else
                cs = v;
            *mark = '\0';
            size_t l2;
            const char *tt = utf8_trim(c, &l2);
            c = arena_strndup(b->a, tt, l2);
        }
        while (col < t->ncols && occupied[r * t->ncols + col])
            col++;
        if (col + cs > t->ncols || r + rs > t->n_head || rs < 1 || cs < 1) {
            fail(b, "header cell \"%s\" does not fit: the table has %d columns and %d header rows",
                 c, t->ncols, t->n_head);
            return;
        }
        for (int i = r; i < r + rs; i++)
            for (int j = col; j < col + cs; j++) {
                if (occupied[i * t->ncols + j])
                    fail(b, "header cell \"%s\" overlaps another cell's span", c);
                occupied[i * t->ncols + j] = 1;
            }
        doc_cell *cell = doc_head_cell(t, r, col);
        cell->text = expand(b, c, NULL);
        cell->align = DOC_CENTER;
        if (rs > 1 || cs > 1)
            doc_table_span(t, 0, r, col, rs, cs);
        col += cs;
    }
    for (int j = 0; j < t->ncols; j++)
        if (!occupied[r * t->ncols + j]) {
            fail(b, "header row %d leaves column %d empty: give one cell per column (or spans)",
                 r + 1, j + 1);
            return;
        }
}

/* Field lookup by column key. */
static int field_index(const char *const *names, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(names[i], key))
            return i;
    return -1;
}

static const char *const INST_FIELDS[] = {"单位名称", "单位性质", "单位规格", "经费保障形式"};
static const char *const TP_FIELDS[] = {"项目", "合计", "一般预算", "基金预算", "财政专户",
                                        "上年", "增减额"};
static const char *const PERF_FIELDS[PF_COUNT] = {
    "职责名称", "职责描述", "职责目标", "活动名称", "活动描述", "绩效目标",
    "绩效指标", "指标描述", "优",       "良",       "中",       "差"};

typedef struct source_def {
    const char *name;
    const char *const *fields;
    int nfields;
} source_def;

static const source_def SOURCE_DEFS[] = {
    {"institutions", INST_FIELDS, 4},
    {"three_public", TP_FIELDS, 7},
    {"performance", PERF_FIELDS, PF_COUNT},
};

/* Fills one doc row from row_fields according to the template columns. */
static void emit_row(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                     const row_fields *rf)
{
    doc_cell *row = doc_table_add_body(b->a, t, rf->kind);
    for (int c = 0; c < t->ncols; c++) {
        const tmpl_column *tc = &tt->cols[c];
        doc_cell *cell = &row[c];
        cell->align = tc->align;
        if (tc->compare) {
            if (!rf->amount_item)
                continue;
            long long pct = 0;
            int kase = 0;
            int save = b->line;
            b->line = tc->line;
            cell->text = compare_phrase(b, tc->compare, rf->amount_item, &pct, &kase);
            b->line = save;
            cell->is_percent = rf->amount_item->prev != 0;
            cell->percent = pct;
            cell->pos = rf->pos[0];
            continue;
        }
        int f = fix[c];
        cell->pos = rf->pos[f];
        if (rf->is_amount[f]) {
            cell->is_amount = 1;
            cell->value = rf->amount[f];
            cell->text = (tc->flags & TC_BLANK_ZERO) && rf->amount[f] == 0
                             ? ""
                             : fmt_amount(b, rf->amount[f]);
            if (!*cell->text)
                cell->is_amount = 0;
        } else {
            cell->text = rf->text[f] ? rf->text[f] : "";
        }
    }
}

static void set_amount(row_fields *rf, int f, const amount *am)
{
    rf->is_amount[f] = 1;
    rf->amount[f] = am->v;
    rf->pos[f] = am->pos;
}

static void rows_three_public(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    if (!b->cur->has_tp)
        return; /* published empty, with the template's empty-note */
    item *items;
    int n = list_items(b, "三公", &items);
    int k = 0;
    for (int kind = 0; kind <= TP_TOTAL; kind++) {
        const tp_row *tr = &b->cur->tp[kind];
        row_fields rf;
        memset(&rf, 0, sizeof rf);
        item total_item;
        if (kind < TP_TOTAL) {
            if (!tr->present) {
                if (b->prev && b->prev->tp[kind].present)
                    k++; /* shown only in the sentences (本年无此项预算) */
                continue;
            }
            rf.amount_item = k < n ? &items[k++] : NULL;
            rf.text[0] = tr->label;
            rf.pos[0] = tr->pos;
            set_amount(&rf, 1, &tr->total);
            for (int s = 0; s < TPS_COUNT; s++)
                set_amount(&rf, 2 + s, &tr->source[s]);
        } else {
            /* The total row: as stated, or the sum of the items. */
            figure_item(b, "三公合计", &total_item);
            total_item.name = tr->present ? tr->label : "合计";
            rf.amount_item = &total_item;
            rf.kind = DOC_ROW_TOTAL;
            rf.text[0] = total_item.name;
            rf.pos[0] = tr->pos;
            rf.is_amount[1] = 1;
            rf.amount[1] = total_item.cur;
            rf.pos[1] = tr->total.pos;
            for (int s = 0; s < TPS_COUNT; s++) {
                if (tr->present) {
                    set_amount(&rf, 2 + s, &tr->source[s]);
                } else {
                    rf.is_amount[2 + s] = 1;
                    for (int i = 0; i < TP_TOTAL; i++)
                        rf.amount[2 + s] += b->cur->tp[i].source[s].v;
                }
            }
        }
        if (rf.amount_item) {
            rf.is_amount[5] = 1;
            rf.amount[5] = rf.amount_item->prev;
            rf.is_amount[6] = 1;
            rf.amount[6] = rf.amount_item->cur - rf.amount_item->prev;
        }
        emit_row(b, t, tt, fix, &rf);
    }
}

static void rows_institutions(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    for (size_t i = 0; i < b->cur->n_inst; i++) {
        const institution *in = &b->cur->inst[i];
        row_fields rf;
        memset(&rf, 0, sizeof rf);
        const char *v[4] = {in->name, in->kind, in->rank, in->funding};
        for (int f = 0; f < 4; f++) {
            rf.text[f] = v[f];
            rf.pos[f] = in->pos;
            rf.pos[f].col = f + 1;
        }
        emit_row(b, t, tt, fix, &rf);
    }
}

static void rows_performance(builder *b, doc_table *t, const tmpl_table *tt, const int *fix)
{
    for (size_t i = 0; i < b->cur->n_perf; i++) {
        const perf_row *p = &b->cur->perf[i];
        row_fields rf;
        memset(&rf, 0, sizeof rf);
        for (int f = 0; f < PF_COUNT; f++) {
            rf.text[f] = p->cell[f];
            rf.pos[f] = p->pos;
            rf.pos[f].col = f + 1;
        }
        emit_row(b, t, tt, fix, &rf);
    }
    /* Merge the duty and activity cells over their rows: a blank cell, or
     * one equal to the cell it would join, continues the cell above. */
    for (int c = 0; c < t->ncols; c++) {
        int g = tt->cols[c].merge;
        if (!g)
            continue;
        int start = 0;
        for (int r = 1; r <= t->n_body; r++) {
            int same = 0;
            if (r < t->n_body) {
                const perf_row *p0 = &b->cur->perf[start], *p1 = &b->cur->perf[r];
                int same_group = g == 1 ? p0->duty == p1->duty : p0->activity == p1->activity;
                const char *x = doc_body_cell(t, r, c)->text;
                same = same_group && (!*x || !strcmp(x, doc_body_cell(t, start, c)->text));
            }
            if (same)
                continue;
            if (r - start > 1)
                doc_table_span(t, 1, start, c, r - start, 1);
            start = r;
        }
    }
}

static void build_table(builder *b, const tmpl_stmt *st)
{
    const tmpl_table *tt = st->table;
    const source_def *src = NULL;
    for (size_t i = 0; i < sizeof SOURCE_DEFS / sizeof SOURCE_DEFS[0]; i++)
        if (!strcmp(SOURCE_DEFS[i].name, tt->source))
            src = &SOURCE_DEFS[i];
    if (!src)
        return; /* the parser reported it */
    b->col_base = 0; /* table lines carry no column */
    doc_table *t = doc_table_new(b->a, tt->ncols);
    t->id = tt->source;
    t->landscape = tt->landscape;
    int fix[64];
    if (tt->ncols > 64) {
        fail(b, "table %s has more than 64 columns", tt->source);
        return;
    }
    for (int c = 0; c < tt->ncols; c++) {
        const tmpl_column *tc = &tt->cols[c];
        t->cols[c].key = tc->key;
        t->cols[c].kind = tc->kind;
        t->cols[c].align = tc->align;
        t->cols[c].min_chars = tc->min_chars;
        t->cols[c].weight = tc->weight;
        fix[c] = field_index(src->fields, src->nfields, tc->key);
        if (fix[c] < 0 && !tc->compare) {
            strbuf sb = STRBUF_INIT;
            for (int i = 0; i < src->nfields; i++)
                sb_printf(&sb, "%s%s", i ? ", " : "", src->fields[i]);
            int save = b->line;
            b->line = tc->line;
            fail(b, "table %s has no field \"%s\"; expected one of: %s (or a compare= column)",
                 tt->source, tc->key, sb_str(&sb));
            b->line = save;
            sb_free(&sb);
            fix[c] = 0;
        }
    }
    static const char *const FILES[] = {"institutions.csv", "three_public.csv", "performance.csv"};
    int have = !strcmp(src->name, "institutions")   ? b->cur->n_inst > 0
               : !strcmp(src->name, "three_public") ? b->cur->has_tp
                                                    : b->cur->perf != NULL;
    if (!have && !tt->empty_note) {
        fail(b, "table %s needs the file %s/%s (or an empty-note line, to publish it empty)",
             tt->source, b->cur->dir,
             FILES[!strcmp(src->name, "institutions") ? 0 : !strcmp(src->name, "three_public") ? 1 : 2]);
        return;
    }
    if (b->failed)
        return;
    int save = b->line;
    if (tt->title)
        t->title = expand(b, tt->title, NULL);
    if (tt->unit)
        t->unit_line = expand(b, tt->unit, NULL);
    if (tt->note)
        t->note = expand(b, tt->note, NULL);
    t->sheet = tt->sheet ? expand(b, tt->sheet, NULL) : t->title;
    int *occupied = xcalloc((size_t)(tt->n_head * tt->ncols) + 1, sizeof(int));
    for (int r = 0; r < tt->n_head; r++)
        doc_table_add_head(b->a, t);
    for (int r = 0; r < tt->n_head && !b->failed; r++) {
        b->line = tt->head_line[r];
        build_head_row(b, t, tt->head[r], r, occupied);
    }
    free(occupied);
    b->line = save;
    if (!strcmp(src->name, "institutions"))
        rows_institutions(b, t, tt, fix);
    else if (!strcmp(src->name, "three_public"))
        rows_three_public(b, t, tt, fix);
    else
        rows_performance(b, t, tt, fix);
    if (t->n_body == 0 && tt->empty_note)
        t->note = expand(b, tt->empty_note, NULL);
    doc_block *blk = doc_add(b->a, b->doc, DOC_TABLE);
    blk->table = t;
    blk->bookmark = t->title != NULL;
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
        fail(b, "text %s needs the file %s/%s.txt", st->arg, b->cur->dir, st->arg);
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
        fail(b, "list %s needs the file %s/%s", st->arg, b->cur->dir, file);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        item it;
        memset(&it, 0, sizeof it);
        it.name = v[i].name;
        it.content = v[i].text;
        it.number = (int)i + 1;
        doc_block *blk = doc_add(b->a, b->doc, DOC_LIST_ITEM);
        blk->number = expand(b, st->arg2, &it);
        blk->text = expand(b, st->arg3, &it);
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
    else if (!strcmp(name, "three_public"))
        has = b->cur->has_tp;
    else if (!strcmp(name, "performance"))
        has = b->cur->n_perf > 0;
    else if (!strcmp(name, "institutions"))
        has = b->cur->n_inst > 0;
    else {
        item it;
        if (!figure_item(b, name, &it)) {
            fail(b, "if %s: %s is not previous, a table name or a figure", cond, name);
            return 0;
        }
        has = it.has_cur;
    }
    return neg ? !has : has;
}

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
    doc *dm = b.doc;
    dm->year = c->year;
    dm->author = c->author;
    dm->footer = t->footer;
    dm->title = t->meta_title ? expand(&b, t->meta_title, NULL) : c->department;
    dm->subject = t->meta_subject ? expand(&b, t->meta_subject, NULL) : NULL;
    dm->keywords = t->meta_keywords ? expand(&b, t->meta_keywords, NULL) : NULL;
    for (int i = 0; i < t->n; i++) {
        const tmpl_stmt *st = &t->stmts[i];
        b.line = st->line;
        b.col_base = st->col;
        switch (st->kind) {
        case T_TITLE: add_text_block(&b, DOC_TITLE, expand(&b, st->arg, NULL), st->line); break;
        case T_HEADING: {
            b.h1++;
            b.h2 = 0;
            add_text_block(&b, DOC_HEADING, expand(&b, st->arg, NULL), st->line);
            doc_block *h = &dm->blocks[dm->n - 1];
            h->level = 1;
            h->number = number_text(&b, t->num_heading, b.h1);
            h->bookmark = 1;
            break;
        }
        case T_SUBHEADING: {
            b.h2++;
            add_text_block(&b, DOC_HEADING, expand(&b, st->arg, NULL), st->line);
            doc_block *h = &dm->blocks[dm->n - 1];
            h->level = 2;
            h->number = number_text(&b, t->num_subheading, b.h2);
            h->bookmark = 1;
            break;
        }
        case T_PARA: add_text_block(&b, DOC_PARA, expand(&b, st->arg, NULL), st->line); break;
        case T_LABEL: add_text_block(&b, DOC_LABEL, expand(&b, st->arg, NULL), st->line); break;
        case T_TEXT: build_text(&b, st); break;
        case T_LIST: build_list(&b, st); break;
        case T_TABLE: build_table(&b, st); break;
        case T_PAGEBREAK: doc_add(a, dm, DOC_PAGE_BREAK); break;
        case T_IF:
            if (!condition(&b, st->arg))
                i = st->end; /* skip to the matching end */
            break;
        case T_END: break;
        }
    }
    return b.failed ? NULL : dm;
}
