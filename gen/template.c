/*
 * template — parser of the line-based template language (see template.h and
 * docs/templates.md).
 *
 *   # comment
 *   directive TEXT
 *   table NAME            (block: title, unit, head, col, note, empty-note,
 *     …                    sheet, landscape; closed by "end")
 *   end
 *   if previous|has:NAME|no:NAME   (block closed by "end"; also inside a
 *                                   table block, around head and col lines)
 *   cover                 (block: title TEXT, line TEXT; closed by "end")
 *   toc TITLE             (cover and toc before the document's first line)
 *
 * Placeholders {…} are checked for balanced braces and known functions
 * here; names are resolved against the data by build_text.c.
 */
#include "template.h"
#include "i18n.h"

#include "data.h"
#include "strbuf.h"
#include "textio.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *const tmpl_case_names[TC_NCASES] = {"same", "up", "down", "new", "gone", "zero"};

typedef struct parser {
    arena *a;
    diag *d;
    tmpl *t;
    int line;
    const char *line_text; /* the line being parsed (for columns) */
    int col;               /* column for err(), 0 for none */
    /* growable arrays (malloc'd while parsing, copied to the arena at the end) */
    tmpl_stmt *stmts;
    int cap_stmts;
    tmpl_table *table; /* open table block, or NULL */
    dev_t open_dev[8]; /* the files being parsed, outermost first: an include */
    ino_t open_ino[8]; /* of one of them would never end */
    int n_open;
    const paths_root *root; /* included files must lead into it */
    int table_line;    /* where it opened */
    int if_stack[32];
    int if_depth;
    int n_includes;    /* inclusions so far (every inclusion of a file counts) */
    size_t bytes;      /* bytes of template text read so far, every inclusion counted */
    int stop;          /* a size limit was passed: the rest is not parsed */
    /* if blocks open inside the open table block (their conditions and
     * lines), around head and col lines */
    const char *table_if[8];
    int table_if_line[8];
    int table_if_depth;
    int cover_line; /* an open cover block: where it opened (0: none) */
    int printed;    /* a line that prints was seen: no cover or toc after it */
    int has_cover, has_toc;
} parser;

static void err(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void err(parser *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(p->d, DIAG_ERROR, template_pos(p->t, p->line, p->col), fmt, ap);
    va_end(ap);
}

diag_pos template_pos(const tmpl *t, int line, int col)
{
    if (line > 0 && line < t->cap_lines && t->line_file && t->line_file[line])
        return diag_at(t->line_file[line], t->line_local[line], col);
    return diag_at(t->path, line, col);
}

/* Characters (code-point lead bytes) from q up to at.  The line may hold
 * NULs put there by first_word(), so utf8_column() (which stops at NUL) is
 * not used. */
static int count_chars(const char *q, const char *at)
{
    int n = 0;
    for (; q < at; q++)
        n += ((unsigned char)*q & 0xC0) != 0x80;
    return n;
}

/* Column (in characters) of a pointer into the line being parsed. */
static int col_of(const parser *p, const char *at)
{
    return 1 + count_chars(p->line_text, at);
}

/* Splits "word rest" at the first run of spaces.  *rest is "" if none. */
static char *first_word(char *s, char **rest)
{
    s += strspn(s, " \t");
    char *e = s + strcspn(s, " \t");
    if (*e) {
        *e++ = '\0';
        e += strspn(e, " \t");
    }
    *rest = e;
    return s;
}

static const char *const FUNCTIONS[] = {"上年", "比较", "列举", "原因", "占比", "金额", "决算", NULL};

/* Checks the placeholders of one text: balanced braces ({{ and }} are
 * literal braces), non-empty names, known function names. */
static void check_placeholders(parser *p, const char *s)
{
    /* Columns are counted on from the last placeholder, not from the start
     * of the line each time: a line of 50,000 placeholders stays linear. */
    const char *cq = p->line_text; /* s points into it */
    int cc = 1;
#define COL_AT(at) (cc += count_chars(cq, (at)), cq = (at), cc)
    while (*s) {
        if (s[0] == '{' && s[1] == '{') {
            s += 2;
            continue;
        }
        if (s[0] == '}' && s[1] == '}') {
            s += 2;
            continue;
        }
        if (*s == '}') {
            p->col = COL_AT(s);
            err(p, "unmatched '}' (write }} for a literal brace)");
            p->col = 0;
            return;
        }
        if (*s != '{') {
            s++;
            continue;
        }
        const char *e = strchr(s, '}');
        const char *nested = e ? memchr(s + 1, '{', (size_t)(e - s - 1)) : NULL;
        p->col = COL_AT(s);
        if (!e || nested) {
            err(p, "placeholder \"%s\" is not closed with '}'", s);
            p->col = 0;
            return;
        }
        size_t n = (size_t)(e - s - 1);
        char name[256];
        if (n == 0 || n >= sizeof name) {
            err(p, n == 0 ? N_("empty placeholder {}") : N_("placeholder longer than 255 bytes"));
            p->col = 0;
            return;
        }
        memcpy(name, s + 1, n);
        name[n] = '\0';
        char *colon = strchr(name, ':');
        if (colon) {
            *colon = '\0';
            int known = 0;
            for (int i = 0; FUNCTIONS[i]; i++)
                known |= strcmp(FUNCTIONS[i], name) == 0;
            if (!known)
                err(p, "unknown function {%s:…}; expected 上年, 比较, 列举, 原因, 占比, 金额 or 决算", name);
        }
        p->col = 0;
        s = e + 1;
    }
#undef COL_AT
}

static tmpl_stmt *add_stmt(parser *p, tmpl_kind kind, const char *arg)
{
    if (p->t->n == p->cap_stmts) {
        p->cap_stmts = p->cap_stmts ? p->cap_stmts * 2 : 64;
        p->stmts = xrealloc(p->stmts, (size_t)p->cap_stmts * sizeof *p->stmts);
    }
    tmpl_stmt *s = &p->stmts[p->t->n++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->arg = arg ? arena_strdup(p->a, arg) : NULL;
    s->line = p->line;
    s->col = arg && *arg ? col_of(p, arg) : 0;
    if (kind != T_COVER && kind != T_TOC && kind != T_IF && kind != T_END && kind != T_TABLE_NOTE)
        p->printed = 1;
    return s;
}

static int need_text(parser *p, const char *dir, const char *rest)
{
    if (!*rest) {
        err(p, "%s needs text after it", dir);
        return 0;
    }
    check_placeholders(p, rest);
    return 1;
}

/* cover (opening a block of title and line lines) and toc TITLE: the front
 * matter, before anything the document prints, once each. */
static void front_directive(parser *p, const char *dir, const char *rest)
{
    int cover = !strcmp(dir, "cover");
    if (p->printed || p->if_depth || (cover ? p->has_cover || p->has_toc : p->has_toc)) {
        err(p, "%s must come %s, before the document's first line and outside if blocks", dir,
            cover ? _("first, once, before toc") : _("once, after the cover"));
        return;
    }
    if (cover) {
        if (*rest)
            err(p, "cover takes nothing after it: its lines follow, up to end");
        p->cover_line = p->line;
        p->has_cover = 1;
    } else if (need_text(p, dir, rest)) {
        add_stmt(p, T_TOC, rest);
        p->has_toc = 1;
    }
}

/* A line inside a cover block.  Any other directive ends the block with
 * an error (an end forgotten), and is parsed as usual; returns 0 then. */
static int cover_directive(parser *p, const char *dir, const char *rest)
{
    if (strcmp(dir, "title") && strcmp(dir, "line")) {
        diag_pos at = template_pos(p->t, p->cover_line, 0);
        err(p, "%s in the cover block of %s:%d: expected title TEXT, line TEXT or end", dir,
            at.file, at.line);
        p->cover_line = 0;
        return 0;
    }
    if (need_text(p, dir, rest))
        add_stmt(p, T_COVER, rest)->arg2 = dir[0] == 't' ? "title" : "line";
    return 1;
}

/* ---- table blocks -------------------------------------------------------- */

static const char *const SOURCES[] = {"institutions",
                                      "three_public",
                                      "performance",
                                      "income_expense_summary",
                                      "income",
                                      "expenditure",
                                      "fiscal_summary",
                                      "general_expenditure",
                                      "general_project",
                                      "general_basic",
                                      "general_three_public",
                                      "fund_expenditure",
                                      "state_capital_expenditure",
                                      "comparison",
                                      "grade_summary",
                                      "procurement",
                                      "assets",
                                      /* the 决算 (js_tables.c) */
                                      "js_summary", "js_income", "js_expenditure",
                                      "js_fiscal_summary", "js_general", "js_general_basic",
                                      "js_three_public", "js_fund", "js_state_capital",
                                      NULL};

/* The conditions of the if blocks open in the table block, in the arena. */
static tmpl_cond table_cond(parser *p)
{
    tmpl_cond c = {NULL, p->table_if_depth};
    if (c.n) {
        c.c = arena_alloc(p->a, (size_t)c.n * sizeof *c.c);
        memcpy(c.c, p->table_if, (size_t)c.n * sizeof *c.c);
        p->table->conditional = 1;
    }
    return c;
}

/* UNIT of a units line: 万元 or 元 into *out; -1 after reporting. */
static int parse_unit(parser *p, const char *what, const char *text, int *out)
{
    if (!strcmp(text, "万元"))
        *out = MONEY_WAN;
    else if (!strcmp(text, "元"))
        *out = MONEY_YUAN;
    else {
        err(p, "%s %s: expected 万元 or 元", what, *text ? text : "(nothing)");
        return -1;
    }
    return 0;
}

static void table_directive(parser *p, const char *dir, char *rest)
{
    tmpl_table *tb = p->table;
    if (tb->chart && strcmp(dir, "title") && strcmp(dir, "unit") && strcmp(dir, "sheet") &&
        strcmp(dir, "units")) {
        err(p, "\"%s\" is not a chart directive; expected title, unit, units, sheet or end", dir);
        return;
    }
    if (!strcmp(dir, "if")) {
        /* Columns and header rows that exist only when a condition holds
         * (e.g. a comparison column only with last year's figures). */
        if (strcmp(rest, "previous") && strncmp(rest, "has:", 4) && strncmp(rest, "no:", 3))
            err(p, "if %s: expected previous, has:NAME or no:NAME", rest); /* still opened */
        if (p->table_if_depth == (int)(sizeof p->table_if / sizeof p->table_if[0]))
            err(p, "if blocks nested too deeply in a table");
        else {
            p->table_if_line[p->table_if_depth] = p->line;
            p->table_if[p->table_if_depth++] = arena_strdup(p->a, rest);
        }
        return;
    }
    if (p->table_if_depth && strcmp(dir, "head") && strcmp(dir, "col")) {
        err(p, "\"%s\" inside an if block of a table: only head and col lines may depend on "
               "a condition",
            dir);
        return;
    }
    if (!strcmp(dir, "title") || !strcmp(dir, "unit") || !strcmp(dir, "note") ||
        !strcmp(dir, "empty-note") || !strcmp(dir, "sheet") || !strcmp(dir, "unit-left")) {
        if (!need_text(p, dir, rest))
            return;
        const char *v = arena_strdup(p->a, rest);
        if (!strcmp(dir, "title"))
            tb->title = v;
        else if (!strcmp(dir, "unit"))
            tb->unit = v;
        else if (!strcmp(dir, "unit-left"))
            tb->unit_left = v;
        else if (!strcmp(dir, "note"))
            tb->note = v;
        else if (!strcmp(dir, "empty-note"))
            tb->empty_note = v;
        else
            tb->sheet = v;
    } else if (!strcmp(dir, "units")) {
        /* the unit of this table's amounts (the unit line's {单位}) */
        if (parse_unit(p, "units", rest, &tb->units) == 0)
            tb->units_line = p->line;
    } else if (!strcmp(dir, "landscape")) {
        tb->landscape = 1;
    } else if (!strcmp(dir, "head")) {
        if (!need_text(p, dir, rest))
            return;
        tb->head = xrealloc(tb->head, (size_t)(tb->n_head + 1) * sizeof *tb->head);
        tb->head_line = xrealloc(tb->head_line, (size_t)(tb->n_head + 1) * sizeof(int));
        tb->head_cond = xrealloc(tb->head_cond, (size_t)(tb->n_head + 1) * sizeof *tb->head_cond);
        tb->head[tb->n_head] = arena_strdup(p->a, rest);
        tb->head_line[tb->n_head] = p->line;
        tb->head_cond[tb->n_head] = table_cond(p);
        tb->n_head++;
    } else if (!strcmp(dir, "col")) {
        char *opts;
        char *key = first_word(rest, &opts);
        if (!*key) {
            err(p, "col needs a field name");
            return;
        }
        tb->cols = xrealloc(tb->cols, (size_t)(tb->ncols + 1) * sizeof *tb->cols);
        tmpl_column *c = &tb->cols[tb->ncols++];
        memset(c, 0, sizeof *c);
        c->key = arena_strdup(p->a, key);
        c->kind = DOC_COL_TEXT;
        c->align = DOC_LEFT;
        c->weight = 1;
        c->line = p->line;
        c->cond = table_cond(p);
        int aligned = 0;
        while (*opts) {
            char *o = first_word(opts, &opts);
            if (!strcmp(o, "text"))
                c->kind = DOC_COL_TEXT;
            else if (!strcmp(o, "code"))
                c->kind = DOC_COL_CODE;
            else if (!strcmp(o, "amount")) {
                c->kind = DOC_COL_AMOUNT;
                if (!aligned)
                    c->align = DOC_RIGHT;
            } else if (!strcmp(o, "percent")) {
                c->kind = DOC_COL_PERCENT;
                if (!aligned)
                    c->align = DOC_RIGHT;
            } else if (!strcmp(o, "left") || !strcmp(o, "center") || !strcmp(o, "right")) {
                c->align = o[0] == 'l' ? DOC_LEFT : o[0] == 'c' ? DOC_CENTER : DOC_RIGHT;
                aligned = 1;
            } else if (!strcmp(o, "merge=duty"))
                c->merge = 1;
            else if (!strcmp(o, "merge=activity"))
                c->merge = 2;
            else if (!strcmp(o, "merge=blank"))
                c->merge = 3;
            else if (!strncmp(o, "points-with=", 12) && o[12])
                c->points_with = arena_strdup(p->a, o + 12);
            else if (!strncmp(o, "points-of=", 10) && o[10])
                c->points_of = arena_strdup(p->a, o + 10);
            else if (!strncmp(o, "span-into=", 10) && o[10])
                c->span_into = arena_strdup(p->a, o + 10);
            else if (!strcmp(o, "blank-zero"))
                c->flags |= TC_BLANK_ZERO;
            else if (!strncmp(o, "classes=", 8) && o[8] &&
                     ((strcmp(tb->source, "js_summary") && strcmp(tb->source, "js_fiscal_summary")) ||
                      strcmp(c->key, "支出项目")))
                err(p, "%s: only the 支出项目 column of js_summary and js_fiscal_summary lists "
                       "a file of 类",
                    o);
            else if (!strncmp(o, "classes=", 8) && o[8]) {
                /* relative to the file that has the col line, as include */
                const char *file = p->t->line_file[p->line];
                const char *slash = file ? strrchr(file, '/') : NULL;
                c->classes = o[8] == '/' || !slash
                                 ? arena_strdup(p->a, o + 8)
                                 : arena_printf(p->a, "%.*s/%s", (int)(slash - file), file, o + 8);
            }
            else if (!strncmp(o, "compare=", 8) && o[8])
                c->compare = arena_strdup(p->a, o + 8);
            else if (!strncmp(o, "min=", 4) && atof(o + 4) > 0)
                c->min_chars = atof(o + 4);
            else if (!strncmp(o, "weight=", 7) && atof(o + 7) > 0)
                c->weight = atof(o + 7);
            else
                err(p, "unknown column option \"%s\"; expected text, code, amount, percent, "
                       "left, center, right, merge=duty, merge=activity, merge=blank, "
                       "blank-zero, classes=FILE, compare=FAMILY, points-of=COLUMN, points-with=COLUMN, "
                       "span-into=COLUMN, min=EM or weight=N",
                    o);
        }
    } else {
        err(p,
            "\"%s\" is not a table directive; expected title, unit, unit-left, units, head, col, note, "
            "empty-note, sheet, landscape, if or end",
            dir);
    }
}

static void close_table(parser *p)
{
    tmpl_table *tb = p->table;
    p->table = NULL;
    if (p->table_if_depth) {
        int save = p->line;
        p->line = p->table_if_line[p->table_if_depth - 1];
        err(p, "if is not closed with end (inside table %s)", tb->source);
        p->line = save;
        p->table_if_depth = 0;
    }
    if (tb->ncols == 0 && !tb->chart)
        err(p, "table %s has no col lines", tb->source);
    /* span-into=COLUMN names the column of the next col line, in a csv:FILE
     * table (the only source whose blank cells are the data's own). */
    for (int i = 0; i < tb->ncols; i++) {
        const tmpl_column *sc = &tb->cols[i];
        if (!sc->span_into)
            continue;
        int save = p->line;
        p->line = sc->line;
        if (strncmp(tb->source, "csv:", 4))
            err(p, "span-into=%s: only a csv:FILE table may span a cell into the next column",
                sc->span_into);
        else if (i + 1 >= tb->ncols)
            err(p, "span-into=%s: expected the name of the next col line, but this is the last",
                sc->span_into);
        else if (strcmp(tb->cols[i + 1].key, sc->span_into) || sc->cond.n ||
                 tb->cols[i + 1].cond.n)
            err(p, "span-into=%s: expected the name of the next col line (%s), outside if blocks",
                sc->span_into, tb->cols[i + 1].key);
        p->line = save;
    }
    /* Copy the malloc'd arrays into the arena. */
    const char **h = arena_alloc(p->a, (size_t)tb->n_head * sizeof *h + 1);
    int *hl = arena_alloc(p->a, (size_t)tb->n_head * sizeof *hl + 1);
    tmpl_cond *hc = arena_alloc(p->a, (size_t)tb->n_head * sizeof *hc + 1);
    if (tb->n_head) {
        memcpy(h, tb->head, (size_t)tb->n_head * sizeof *h);
        memcpy(hl, tb->head_line, (size_t)tb->n_head * sizeof *hl);
        memcpy(hc, tb->head_cond, (size_t)tb->n_head * sizeof *hc);
    }
    tmpl_column *c = arena_alloc(p->a, (size_t)tb->ncols * sizeof *c + 1);
    if (tb->ncols)
        memcpy(c, tb->cols, (size_t)tb->ncols * sizeof *c);
    free(tb->head);
    free(tb->head_line);
    free(tb->head_cond);
    free(tb->cols);
    tb->head = h;
    tb->head_line = hl;
    tb->head_cond = hc;
    tb->cols = c;
}

/* ---- compare families and sentences -------------------------------------- */

static const char *sentence_name(const tmpl *t, int i);
static const char *compare_name(const tmpl *t, int i);
static void index_add(tmpl *t, int **idx, size_t *cap, const char *(*name_of)(const tmpl *, int),
                      int i, int n);

static void add_compare(parser *p, char *rest)
{
    char *r2, *r3;
    char *family = first_word(rest, &r2);
    char *cas = first_word(r2, &r3);
    int k = -1;
    for (int i = 0; i < TC_NCASES; i++)
        if (!strcmp(cas, tmpl_case_names[i]))
            k = i;
    if (!*family || k < 0) {
        err(p, "expected: compare FAMILY same|up|down|new|gone|zero TEXT");
        return;
    }
    check_placeholders(p, r3);
    tmpl *t = p->t;
    tmpl_compare *c = (tmpl_compare *)template_compare(t, family);
    if (!c) {
        t->compares = xrealloc(t->compares, (size_t)(t->n_compare + 1) * sizeof *c);
        c = &t->compares[t->n_compare++];
        memset(c, 0, sizeof *c);
        c->family = arena_strdup(p->a, family);
        index_add(t, &t->compare_index, &t->compare_cap, compare_name, t->n_compare - 1,
                  t->n_compare);
    }
    if (c->text[k]) {
        err(p, "compare %s %s is given twice (first at line %d)", family, cas, c->line[k]);
        return;
    }
    c->text[k] = arena_strdup(p->a, r3);
    c->line[k] = p->line;
    c->col[k] = col_of(p, r3);
}

static void add_sentence(parser *p, char *rest)
{
    char *text;
    char *name = first_word(rest, &text);
    if (!*name || !*text) {
        err(p, "expected: sentence NAME TEXT");
        return;
    }
    check_placeholders(p, text);
    tmpl *t = p->t;
    const tmpl_sentence *old = template_sentence(t, name);
    if (old) {
        err(p, "sentence %s is defined twice (first at line %d)", name, old->line);
        return;
    }
    t->sentences = xrealloc(t->sentences, (size_t)(t->n_sentence + 1) * sizeof *t->sentences);
    tmpl_sentence *s = &t->sentences[t->n_sentence++];
    s->name = arena_strdup(p->a, name);
    s->text = arena_strdup(p->a, text);
    s->line = p->line;
    s->col = col_of(p, text);
    index_add(t, &t->sentence_index, &t->sentence_cap, sentence_name, t->n_sentence - 1,
              t->n_sentence);
}

size_t template_csv_files(arena *a, const tmpl *t, const char ***files)
{
    const char **v = arena_alloc(a, (size_t)(t->n + 1) * sizeof *v);
    size_t n = 0;
    for (int i = 0; i < t->n; i++) {
        const tmpl_stmt *s = &t->stmts[i];
        if ((s->kind != T_TABLE && s->kind != T_LIST && s->kind != T_FOR) || strncmp(s->arg, "csv:", 4))
            continue;
        /* a for block's file is needed only when the block is reached:
         * "?FILE" (load_extra) */
        const char *f = s->kind == T_FOR ? arena_printf(a, "?%s", s->arg + 4) : s->arg + 4;
        size_t j = 0;
        while (j < n && strcmp(v[j], f))
            j++;
        if (j == n)
            v[n++] = f;
    }
    *files = v;
    return n;
}

/* ---- name indexes ---------------------------------------------------------- */

static size_t hash_name(const char *s)
{
    size_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static const char *sentence_name(const tmpl *t, int i) { return t->sentences[i].name; }
static const char *compare_name(const tmpl *t, int i) { return t->compares[i].family; }

/* Entry of name in an index, or -1. */
static int index_find(const tmpl *t, const int *idx, size_t cap,
                      const char *(*name_of)(const tmpl *, int), const char *name)
{
    if (!cap)
        return -1;
    for (size_t h = hash_name(name) & (cap - 1);; h = (h + 1) & (cap - 1)) {
        if (!idx[h])
            return -1;
        if (!strcmp(name_of(t, idx[h] - 1), name))
            return idx[h] - 1;
    }
}

/* Adds entry i (of n entries, 0..n-1 all indexed but i); grows the table
 * to keep it at most half full. */
static void index_add(tmpl *t, int **idx, size_t *cap, const char *(*name_of)(const tmpl *, int),
                      int i, int n)
{
    if ((size_t)n * 2 > *cap) {
        free(*idx);
        *cap = *cap ? *cap * 2 : 64;
        while ((size_t)n * 2 > *cap)
            *cap *= 2;
        *idx = xcalloc(*cap, sizeof **idx);
        for (int j = 0; j < n; j++)
            if (j != i)
                index_add(t, idx, cap, name_of, j, n);
    }
    size_t h = hash_name(name_of(t, i)) & (*cap - 1);
    while ((*idx)[h])
        h = (h + 1) & (*cap - 1);
    (*idx)[h] = i + 1;
}

const tmpl_compare *template_compare(const tmpl *t, const char *family)
{
    int i = index_find(t, t->compare_index, t->compare_cap, compare_name, family);
    return i < 0 ? NULL : &t->compares[i];
}

const tmpl_sentence *template_sentence(const tmpl *t, const char *name)
{
    int i = index_find(t, t->sentence_index, t->sentence_cap, sentence_name, name);
    return i < 0 ? NULL : &t->sentences[i];
}

/* ---- one line ---------------------------------------------------------- */

/* for csv:FILE … end: the lines up to its end once per row of FILE (not
 * nested: a for inside a for is an error). */
static void for_directive(parser *p, const char *rest)
{
    if (strncmp(rest, "csv:", 4) || !rest[4]) {
        err(p, "for %s: expected for csv:FILE", rest);
        return;
    }
    for (int i = 0; i < p->if_depth; i++)
        if (p->stmts[p->if_stack[i]].kind == T_FOR) {
            err(p, "for inside a for block (line %d): for blocks do not nest",
                template_pos(p->t, p->stmts[p->if_stack[i]].line, 0).line);
            return;
        }
    if (p->if_depth == (int)(sizeof p->if_stack / sizeof p->if_stack[0])) {
        err(p, "if blocks nested too deeply");
        return;
    }
    add_stmt(p, T_FOR, rest);
    p->if_stack[p->if_depth++] = p->t->n - 1;
}

static void parse_line(parser *p, char *line)
{
    char *rest;
    char *dir = first_word(line, &rest);
    if (!*dir || *dir == '#')
        return;
    /* Trailing spaces are not part of any text, except the ASCII spaces
     * that end a numbering pattern ("第{中文}部分 " before the heading). */
    int keep_space = !strcmp(dir, "numbering") && !p->table;
    size_t rl = strlen(rest);
    while (rl && ((rest[rl - 1] == ' ' && !keep_space) || rest[rl - 1] == '\t'))
        rest[--rl] = '\0';

    if (!strcmp(dir, "end") && p->cover_line) {
        p->cover_line = 0;
        return;
    }
    if (p->cover_line && cover_directive(p, dir, rest))
        return;
    if (!strcmp(dir, "end")) {
        if (p->table && p->table_if_depth) {
            p->table_if_depth--; /* closes an if inside the table */
        } else if (p->table) {
            close_table(p);
        } else if (p->if_depth > 0) {
            int at = p->if_stack[--p->if_depth];
            add_stmt(p, T_END, NULL);
            p->stmts[at].end = p->t->n - 1;
            p->stmts[p->t->n - 1].end = at;
        } else {
            err(p, "end without an open table, if or for");
        }
        return;
    }
    if (p->table) {
        table_directive(p, dir, rest);
        return;
    }
    tmpl *t = p->t;
    if (!strcmp(dir, "title")) {
        if (need_text(p, dir, rest))
            add_stmt(p, T_TITLE, rest);
    } else if (!strcmp(dir, "heading")) {
        if (need_text(p, dir, rest))
            add_stmt(p, T_HEADING, rest);
    } else if (!strcmp(dir, "subheading")) {
        if (need_text(p, dir, rest))
            add_stmt(p, T_SUBHEADING, rest);
    } else if (!strcmp(dir, "para")) {
        if (need_text(p, dir, rest))
            add_stmt(p, T_PARA, rest);
    } else if (!strcmp(dir, "label")) {
        if (need_text(p, dir, rest))
            add_stmt(p, T_LABEL, rest);
    } else if (!strcmp(dir, "line")) {
        char *text;
        char *side = first_word(rest, &text);
        if (strcmp(side, "left") && strcmp(side, "center") && strcmp(side, "right"))
            err(p, "expected: line left|center|right TEXT");
        else if (need_text(p, dir, text)) {
            tmpl_stmt *s = add_stmt(p, T_LINE, text);
            s->arg2 = arena_strdup(p->a, side);
        }
    } else if (!strcmp(dir, "table-note")) {
        check_placeholders(p, rest);
        add_stmt(p, T_TABLE_NOTE, rest);
    } else if (!strcmp(dir, "pagebreak")) {
        add_stmt(p, T_PAGEBREAK, NULL);
    } else if (!strcmp(dir, "cover") || !strcmp(dir, "toc")) {
        front_directive(p, dir, rest);
    } else if (!strcmp(dir, "text")) {
        if (strcmp(rest, "duties") && strcmp(rest, "overall_goal") && strcmp(rest, "notes"))
            err(p, "text %s: expected duties, overall_goal or notes", rest);
        else
            add_stmt(p, T_TEXT, rest);
    } else if (!strcmp(dir, "list")) {
        char *pat;
        char *name = first_word(rest, &pat);
        char *bar = strstr(pat, " | ");
        if (strcmp(name, "duty_goals") && strcmp(name, "glossary") &&
            (strncmp(name, "csv:", 4) || !name[4]))
            err(p, "list %s: expected duty_goals, glossary or csv:FILE", name);
        else if (!bar)
            err(p, "expected: list NAME NUMBER-PATTERN | ITEM-PATTERN");
        else {
            *bar = '\0';
            check_placeholders(p, pat);
            check_placeholders(p, bar + 3);
            tmpl_stmt *s = add_stmt(p, T_LIST, name);
            s->arg2 = arena_strdup(p->a, pat);
            s->arg3 = arena_strdup(p->a, bar + 3);
        }
    } else if (!strcmp(dir, "table")) {
        int known = !strncmp(rest, "csv:", 4) && rest[4];
        for (int i = 0; SOURCES[i]; i++)
            known |= !strcmp(SOURCES[i], rest);
        if (!known)
            err(p, "table %s: expected institutions, three_public, performance, "
                   "income_expense_summary, income, expenditure, fiscal_summary, "
                   "general_expenditure, general_project, general_basic, general_three_public, "
                   "fund_expenditure, state_capital_expenditure, comparison, grade_summary, "
                   "procurement, assets, a 决算 table js_* or csv:FILE",
                rest);
        tmpl_stmt *s = add_stmt(p, T_TABLE, rest);
        s->table = arena_alloc(p->a, sizeof *s->table);
        s->table->source = s->arg;
        s->table->units = -1;
        p->table = s->table;
        p->table_line = p->line;
    } else if (!strcmp(dir, "chart")) {
        if (strcmp(rest, "three_public") && strcmp(rest, "function_classes") &&
            strcmp(rest, "trend"))
            err(p, "chart %s: expected three_public, function_classes or trend", rest);
        tmpl_stmt *s = add_stmt(p, T_CHART, rest);
        s->table = arena_alloc(p->a, sizeof *s->table);
        s->table->source = s->arg;
        s->table->units = -1;
        s->table->chart = 1;
        p->table = s->table;
        p->table_line = p->line;
    } else if (!strcmp(dir, "for")) {
        for_directive(p, rest);
    } else if (!strcmp(dir, "if")) {
        if (strcmp(rest, "previous") && strncmp(rest, "has:", 4) && strncmp(rest, "no:", 3))
            err(p, "if %s: expected previous, has:NAME or no:NAME", rest);
        if (p->if_depth == (int)(sizeof p->if_stack / sizeof p->if_stack[0])) {
            err(p, "if blocks nested too deeply");
            return;
        }
        add_stmt(p, T_IF, rest);
        p->if_stack[p->if_depth++] = t->n - 1;
    } else if (!strcmp(dir, "empty-note")) {
        char *text;
        char *src = first_word(rest, &text);
        int known = 0;
        for (int i = 0; SOURCES[i]; i++)
            known |= !strcmp(SOURCES[i], src);
        if (!*src || !*text)
            err(p, "expected: empty-note TABLE TEXT (outside a table block)");
        else if (!known)
            err(p, "empty-note %s: expected a table source such as fund_expenditure, "
                   "general_basic or three_public (the name after \"table\"; not csv:FILE)",
                src);
        else {
            for (int i = 0; i < t->n_empty_note; i++)
                if (!strcmp(t->empty_notes[i].source, src)) {
                    diag_pos first = template_pos(t, t->empty_notes[i].line, 0);
                    err(p, "empty-note %s is given twice (first at %s:%d)", src, first.file,
                        first.line);
                    return;
                }
            check_placeholders(p, text);
            /* one per source: a handful, copied as the list grows */
            tmpl_empty_note *en = arena_alloc(p->a, (size_t)(t->n_empty_note + 1) * sizeof *en);
            if (t->n_empty_note)
                memcpy(en, t->empty_notes, (size_t)t->n_empty_note * sizeof *en);
            t->empty_notes = en;
            t->empty_notes[t->n_empty_note].source = arena_strdup(p->a, src);
            t->empty_notes[t->n_empty_note].text = arena_strdup(p->a, text);
            t->empty_notes[t->n_empty_note++].line = p->line;
        }
    } else if (!strcmp(dir, "compare")) {
        add_compare(p, rest);
    } else if (!strcmp(dir, "sentence")) {
        add_sentence(p, rest);
    } else if (!strcmp(dir, "meta")) {
        char *v;
        char *k = first_word(rest, &v);
        check_placeholders(p, v);
        if (!strcmp(k, "title"))
            t->meta_title = arena_strdup(p->a, v);
        else if (!strcmp(k, "subject"))
            t->meta_subject = arena_strdup(p->a, v);
        else if (!strcmp(k, "keywords"))
            t->meta_keywords = arena_strdup(p->a, v);
        else
            err(p, "meta %s: expected title, subject or keywords", k);
    } else if (!strcmp(dir, "footer")) {
        if (need_text(p, dir, rest))
            t->footer = arena_strdup(p->a, rest);
    } else if (!strcmp(dir, "continued")) {
        /* continued TEXT: above a table continued from the page before
         * (default 续表); continued alone: nothing */
        check_placeholders(p, rest);
        t->continued = arena_strdup(p->a, rest);
    } else if (!strcmp(dir, "units")) {
        /* units tables|text 万元|元: the unit of the document's tables (and
         * charts), or of its text */
        char *v;
        char *k = first_word(rest, &v);
        int is_text = !strcmp(k, "text");
        if (!is_text && strcmp(k, "tables"))
            err(p, "units %s: expected units tables 万元|元 or units text 万元|元", k);
        else if (parse_unit(p, is_text ? "units text" : "units tables", v,
                            is_text ? &t->text_units : &t->table_units) == 0)
            *(is_text ? &t->text_units_line : &t->table_units_line) = p->line;
    } else if (!strcmp(dir, "numbering")) {
        char *v;
        char *k = first_word(rest, &v);
        if (!strcmp(k, "heading"))
            t->num_heading = arena_strdup(p->a, v);
        else if (!strcmp(k, "subheading"))
            t->num_subheading = arena_strdup(p->a, v);
        else
            err(p, "numbering %s: expected heading or subheading", k);
    } else {
        err(p,
            "unknown directive \"%s\"; expected title, heading, subheading, para, label, "
            "line, text, list, table, chart, if, end, pagebreak, compare, sentence, meta, "
            "footer, continued, numbering, units, empty-note, table-note, for, cover, toc or "
            "include",
            dir);
    }
}

/* Records that global line `line` is line `local` of file. */
static void map_line(parser *p, const char *file, int local)
{
    tmpl *t = p->t;
    if (p->line >= t->cap_lines) {
        t->cap_lines = t->cap_lines ? t->cap_lines * 2 : 256;
        while (t->cap_lines <= p->line)
            t->cap_lines *= 2;
        t->line_file = xrealloc(t->line_file, (size_t)t->cap_lines * sizeof *t->line_file);
        t->line_local = xrealloc(t->line_local, (size_t)t->cap_lines * sizeof *t->line_local);
    }
    t->line_file[p->line] = file;
    t->line_local[p->line] = local;
}

/* True if the file st is one of the files being parsed (same device and
 * inode). */
static int includes_itself(const parser *p, const struct stat *st)
{
    for (int i = 0; i < p->n_open; i++)
        if (p->open_dev[i] == st->st_dev && p->open_ino[i] == st->st_ino)
            return 1;
    return 0;
}

/* Parses the lines of one file; "include PATH" parses PATH (relative to
 * this file's folder) in its place.  Statements number lines globally, and
 * the map turns a global line back into file and line for messages. */
static void parse_file(parser *p, char *text, const char *file, int depth)
{
    int local = 0;
    char *s = text;
    while (s && *s && !p->stop) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        size_t n = strlen(s);
        if (n && s[n - 1] == '\r')
            s[n - 1] = '\0';
        p->line++;
        local++;
        map_line(p, file, local);
        p->line_text = s;
        const char *w = s + strspn(s, " \t");
        if (!strncmp(w, "include", 7) && (w[7] == ' ' || w[7] == '\t')) {
            const char *rel = w + 7 + strspn(w + 7, " \t");
            const char *slash = strrchr(file, '/');
            const char *inc = rel[0] == '/' || !slash
                                  ? arena_strdup(p->a, rel)
                                  : arena_printf(p->a, "%.*s/%s", (int)(slash - file), file, rel);
            size_t len;
            const char *enc;
            char *sub = NULL;
            struct stat sb;
            int fd = -1;
            if (depth >= 4)
                err(p, "include nested more than 4 deep");
            else if (p->table)
                err(p, "include inside a table block");
            else if (!*rel)
                err(p, "include needs a file name");
            else if (++p->n_includes > TEMPLATE_MAX_INCLUDES) {
                err(p, "include %s: more than %d inclusions in all (every inclusion of a file "
                       "counts, also of the same file again): include each file once",
                    rel, TEMPLATE_MAX_INCLUDES);
                p->stop = 1;
            }
            /* Opened once: a regular file leading into the project folder,
             * judged and read on the descriptor (paths_open). */
            else if ((fd = paths_open(p->d, template_pos(p->t, p->line, 0),
                                      arena_printf(p->a, "include %s", rel), p->root, inc, 0,
                                      &sb)) < 0)
                ; /* reported */
            else if (includes_itself(p, &sb)) {
                close(fd);
                err(p, "include %s: the file is already being included (an include cycle)",
                    rel);
            } else if ((sub = textio_read_utf8_fd(p->a, p->d, fd, inc, 4 << 20, &len, &enc)) &&
                       len > TEMPLATE_MAX_BYTES - p->bytes) {
                err(p, "include %s: the template and the files it includes come to more than "
                       "%d MiB (every inclusion of a file counts, also of the same file again)",
                    rel, TEMPLATE_MAX_BYTES >> 20);
                p->stop = 1;
            } else if (sub) {
                p->bytes += len;
                if (p->n_open < 8) {
                    p->open_dev[p->n_open] = sb.st_dev;
                    p->open_ino[p->n_open++] = sb.st_ino;
                }
                parse_file(p, sub, inc, depth + 1);
                if (p->n_open > 0)
                    p->n_open--;
                /* An included file closes its own blocks. */
                if (p->table && !p->stop) {
                    int save = p->line;
                    p->line = p->table_line;
                    err(p, "table %s is not closed with end", p->table->source);
                    close_table(p);
                    p->line = save;
                }
            }
        } else {
            parse_line(p, s);
        }
        s = nl ? nl + 1 : NULL;
    }
}

/* ---- sentences that expand themselves ------------------------------------ */

/* A reference from a sentence or compare wording to a sentence
 * ({列举:LIST:S…}) or a compare family ({比较:F…}).  Nodes: sentence i is
 * node i, compare family j node n_sentence + j. */
typedef struct tref {
    int to;
    int line, col;    /* of the placeholder */
    const char *text; /* the placeholder, len bytes */
    int len;
} tref;

typedef struct tgraph {
    tref *refs;
    int n, cap;
} tgraph;

/* Adds the references of one text that starts at (line, col). */
static void scan_refs(const tmpl *t, tgraph *g, const char *text, int line, int col)
{
    const char *cq = text;
    int cc = col;
    for (const char *s = text; *s;) {
        if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
            s += 2;
            continue;
        }
        if (*s != '{') {
            s++;
            continue;
        }
        const char *e = strchr(s, '}');
        if (!e)
            break;
        char name[256];
        size_t n = (size_t)(e - s - 1);
        if (n < sizeof name) {
            memcpy(name, s + 1, n);
            name[n] = '\0';
            char *part[4] = {name, NULL, NULL, NULL}; /* as build_text.c splits it */
            for (int k = 1; k < 4; k++) {
                char *c = part[k - 1] ? strchr(part[k - 1], ':') : NULL;
                if (c) {
                    *c = '\0';
                    part[k] = c + 1;
                }
            }
            int to = -1;
            if (!strcmp(part[0], "列举") && part[2])
                to = index_find(t, t->sentence_index, t->sentence_cap, sentence_name, part[2]);
            else if (!strcmp(part[0], "比较") && part[1]) {
                to = index_find(t, t->compare_index, t->compare_cap, compare_name, part[1]);
                if (to >= 0)
                    to += t->n_sentence;
            }
            if (to >= 0) {
                cc += count_chars(cq, s);
                cq = s;
                if (g->n == g->cap) {
                    g->cap = g->cap ? g->cap * 2 : 64;
                    g->refs = xrealloc(g->refs, (size_t)g->cap * sizeof *g->refs);
                }
                g->refs[g->n++] = (tref){to, line, cc, s, (int)(e - s + 1)};
            }
        }
        s = e + 1;
    }
}

static void node_name(const tmpl *t, int v, strbuf *sb)
{
    if (v < t->n_sentence)
        sb_printf(sb, "sentence %s", t->sentences[v].name);
    else
        sb_printf(sb, "compare %s", t->compares[v - t->n_sentence].family);
}

/*
 * Sentences and compare wordings form a graph: a text points to each
 * sentence and compare family its placeholders expand.  Expansion follows
 * it, so a cycle would never end (budgetgen crashed on the exhausted
 * stack).  A depth-first search, with its own stack (a chain of many
 * sentences must not exhaust the C stack either), reports every back edge
 * at its placeholder.
 */
static void check_cycles(const tmpl *t, diag *d)
{
    int nn = t->n_sentence + t->n_compare;
    if (nn == 0)
        return;
    tgraph g = {NULL, 0, 0};
    int *first = xmalloc((size_t)(nn + 1) * sizeof *first);
    for (int v = 0; v < nn; v++) {
        first[v] = g.n;
        if (v < t->n_sentence) {
            const tmpl_sentence *se = &t->sentences[v];
            scan_refs(t, &g, se->text, se->line, se->col);
        } else {
            const tmpl_compare *cf = &t->compares[v - t->n_sentence];
            for (int k = 0; k < TC_NCASES; k++)
                if (cf->text[k])
                    scan_refs(t, &g, cf->text[k], cf->line[k], cf->col[k]);
        }
    }
    first[nn] = g.n;
    unsigned char *color = xcalloc((size_t)nn, 1); /* 0 new, 1 on the stack, 2 done */
    int *next = xmalloc((size_t)nn * sizeof *next);
    int *stack = xmalloc((size_t)nn * sizeof *stack);
    int *pos = xmalloc((size_t)nn * sizeof *pos);
    for (int r = 0; r < nn; r++) {
        if (color[r])
            continue;
        int sp = 0;
        stack[sp++] = r;
        color[r] = 1;
        pos[r] = 0;
        next[r] = first[r];
        while (sp) {
            int v = stack[sp - 1];
            if (next[v] == first[v + 1]) {
                color[v] = 2;
                sp--;
                continue;
            }
            const tref *e = &g.refs[next[v]++];
            int w = e->to;
            if (color[w] == 0) {
                color[w] = 1;
                pos[w] = sp;
                next[w] = first[w];
                stack[sp++] = w;
            } else if (color[w] == 1) {
                strbuf path = STRBUF_INIT;
                int from = pos[w], len = sp - from;
                for (int i = from; i < sp; i++) {
                    if (len > 8 && i == from + 4) {
                        sb_printf(&path, "… → ");
                        i = sp - 3;
                    }
                    sb_append(&path, t->sentences && stack[i] < t->n_sentence
                                         ? t->sentences[stack[i]].name
                                         : t->compares[stack[i] - t->n_sentence].family);
                    sb_append(&path, " → ");
                }
                sb_append(&path, w < t->n_sentence ? t->sentences[w].name
                                                   : t->compares[w - t->n_sentence].family);
                strbuf what = STRBUF_INIT;
                node_name(t, w, &what);
                diag_report(d, DIAG_ERROR, template_pos(t, e->line, e->col),
                            "%.*s expands %s inside itself (%s): a sentence or compare wording "
                            "cannot contain itself, directly or through others",
                            e->len, e->text, sb_str(&what), sb_str(&path));
                sb_free(&what);
                sb_free(&path);
            }
        }
    }
    free(color);
    free(next);
    free(stack);
    free(pos);
    free(first);
    free(g.refs);
}

tmpl *template_load(arena *a, diag *d, const char *path, const paths_root *root)
{
    size_t len;
    const char *enc;
    int before = d->errors;
    /* Opened once and read from the descriptor: the name was judged by
     * config_check_paths, and a link swapped in since must not lead out. */
    struct stat sb;
    int fd = paths_open(d, diag_at(path, 0, 0), NULL, root, path, 0, &sb);
    if (fd < 0)
        return NULL;
    char *text = textio_read_utf8_fd(a, d, fd, path, 4 << 20, &len, &enc);
    if (!text)
        return NULL;
    (void)enc;
    tmpl *t = arena_alloc(a, sizeof *t);
    t->path = arena_strdup(a, path);
    t->num_heading = "{中文}、";
    t->num_subheading = "{数字}、";
    t->footer = "第{页}页 共{总页}页";
    t->continued = "续表";
    t->table_units = t->text_units = -1;
    parser p;
    memset(&p, 0, sizeof p);
    p.a = a;
    p.d = d;
    p.t = t;
    p.root = root;
    p.open_dev[0] = sb.st_dev;
    p.open_ino[0] = sb.st_ino;
    p.n_open = 1;
    p.bytes = len;
    parse_file(&p, text, path, 0);
    if (p.table) {
        p.line = p.table_line;
        if (!p.stop) /* blocks left open by the cut are not the author's */
            err(&p, "table %s is not closed with end", p.table->source);
        close_table(&p);
    }
    for (int i = 0; i < p.if_depth && !p.stop; i++)
        diag_report(d, DIAG_ERROR, template_pos(t, p.stmts[p.if_stack[i]].line, 0),
                    "%s is not closed with end", p.stmts[p.if_stack[i]].kind == T_FOR ? "for" : "if");
    if (p.cover_line && !p.stop)
        diag_report(d, DIAG_ERROR, template_pos(t, p.cover_line, 0),
                    "cover is not closed with end");
    /* Move the line map, statements, compares and sentences into the arena. */
    const char **lf = arena_alloc(a, (size_t)(t->cap_lines + 1) * sizeof *lf);
    int *ll = arena_alloc(a, (size_t)(t->cap_lines + 1) * sizeof *ll);
    if (t->cap_lines) {
        memcpy(lf, t->line_file, (size_t)t->cap_lines * sizeof *lf);
        memcpy(ll, t->line_local, (size_t)t->cap_lines * sizeof *ll);
    }
    free(t->line_file);
    free(t->line_local);
    t->line_file = lf;
    t->line_local = ll;
    t->stmts = arena_alloc(a, (size_t)t->n * sizeof *t->stmts + 1);
    if (t->n)
        memcpy(t->stmts, p.stmts, (size_t)t->n * sizeof *t->stmts);
    free(p.stmts);
    tmpl_compare *c = arena_alloc(a, (size_t)t->n_compare * sizeof *c + 1);
    if (t->n_compare)
        memcpy(c, t->compares, (size_t)t->n_compare * sizeof *c);
    free(t->compares);
    t->compares = c;
    tmpl_sentence *se = arena_alloc(a, (size_t)t->n_sentence * sizeof *se + 1);
    if (t->n_sentence)
        memcpy(se, t->sentences, (size_t)t->n_sentence * sizeof *se);
    free(t->sentences);
    t->sentences = se;
    int *ix = arena_alloc(a, t->sentence_cap * sizeof *ix + 1);
    if (t->sentence_cap)
        memcpy(ix, t->sentence_index, t->sentence_cap * sizeof *ix);
    free(t->sentence_index);
    t->sentence_index = ix;
    ix = arena_alloc(a, t->compare_cap * sizeof *ix + 1);
    if (t->compare_cap)
        memcpy(ix, t->compare_index, t->compare_cap * sizeof *ix);
    free(t->compare_index);
    t->compare_index = ix;
    check_cycles(t, d);
    return d->errors > before ? NULL : t;
}
