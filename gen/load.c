/*
 * load — one loader per input file kind (see load.h and docs/input.md).
 *
 * CSV headers map through the tables below: the published Chinese column
 * name, and an English alias for people who prefer it.  Amounts are parsed
 * exactly (money.h); amounts in a budget are never negative.
 */
#include "load.h"
#include "i18n.h"

#include "codes.h"
#include "csv.h"
#include "csvshape.h"
#include "names.h"
#include "paths.h"
#include "procure.h"
#include "projects.h"
#include "strbuf.h"
#include "textio.h"
#include "threshold.h"
#include "utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Names of the kinds: index 0 is the published name, the rest aliases. */
static const char *const REVENUE_NAMES[REV_COUNT][3] = {
    {"一般公共预算拨款收入", "一般公共预算拨款", "general"},
    {"政府性基金预算拨款收入", "政府性基金预算拨款", "fund"},
    {"国有资本经营预算拨款收入", "国有资本经营预算拨款", "state_capital"},
    {"财政专户管理资金收入", "财政专户管理资金", "special_account"},
    {"事业收入", "business", NULL},
    {"事业单位经营收入", "operating", NULL},
    {"上级补助收入", "superior", NULL},
    {"附属单位上缴收入", "affiliated", NULL},
    {"其他收入", "other", NULL},
    {"使用非财政拨款结余", "使用非财政拨款结余收入", "balance"},
    {"上年结转", "上年结转结余", "carryover"},
};
static const char *const SUMMARY_NAMES[SUM_COUNT][3] = {
    {"收入总计", "收入合计", "revenue_total"},
    {"支出总计", "支出合计", "expense_total"},
    {"基本支出", "basic", NULL},
    {"项目支出", "project", NULL},
    {"机关运行经费", "operating_cost", NULL},
};
#define TP_ALIASES 5
static const char *const TP_NAMES[TP_COUNT][TP_ALIASES] = {
    {"公务用车运行费", "车辆运行费", "公务用车运行维护费", "vehicle_running", "运行维护费"},
    {"公务用车购置费", "车辆购置费", "vehicle_purchase", "购置费", NULL},
    {"公务接待费", "reception", NULL, NULL, NULL},
    {"因公出国（境）费", "因公出国经费", "因公出国(境)费", "abroad", NULL},
    {"合计", "total", NULL, NULL, NULL},
    {"公务用车购置及运行费", "公务用车购置及运行维护费", "公务用车费", "vehicle", "小计"},
    {"会议费", "meeting", NULL, NULL, NULL},
    {"培训费", "training", NULL, NULL, NULL},
    {"机关运行经费", "行政经费", "operating_cost", NULL, NULL},
};
static const char *const TP_SOURCE_NAMES[TPS_COUNT] = {"一般预算", "基金预算", "财政专户",
                                                       "国有资本经营预算"};

const char *revenue_name(revenue_kind k) { return REVENUE_NAMES[k][0]; }
const char *summary_name(summary_kind k) { return SUMMARY_NAMES[k][0]; }
const char *tp_name(tp_kind k) { return TP_NAMES[k][0]; }
const char *tp_source_name(tp_source s) { return TP_SOURCE_NAMES[s]; }

/* Index of name among n rows of up to m names each, or -1; *as (if not
 * NULL) is the name of the table that matched.  Names compare as people
 * type them (utf8_name_eq): an exact match is looked for first. */
static int lookup_as(const char *name, const char *const *table, int n, int m, const char **as)
{
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) {
                const char *s = table[i * m + j];
                if (s && (pass ? utf8_name_eq(s, name) : strcmp(s, name) == 0)) {
                    if (as)
                        *as = s;
                    return i;
                }
            }
    return -1;
}

static int lookup(const char *name, const char *const *table, int n, int m)
{
    return lookup_as(name, table, n, m, NULL);
}

/* True for a plain-ASCII string (an English alias). */
static int is_ascii(const char *s)
{
    for (; *s; s++)
        if ((unsigned char)*s >= 0x80)
            return 0;
    return 1;
}

/* Lists the published names of a table, for "expected one of" messages. */
static const char *list_names(arena *a, const char *const *table, int n, int m)
{
    strbuf sb = STRBUF_INIT;
    for (int i = 0; i < n; i++)
        sb_printf(&sb, "%s%s", i ? ", " : "", table[i * m]);
    const char *s = arena_strdup(a, sb_str(&sb));
    sb_free(&sb);
    return s;
}

typedef struct loader {
    arena *a;
    diag *d;
    const config *c;
    const char *dir;
    csv_limits lim;
    money magnitude; /* Σ|amount| of the folder so far (overflow guard) */
    int too_large;   /* reported once */
    int refused;     /* a file led outside the project folder */
    int b_year;      /* load_derive: the year of the budget being derived */
} loader;

/* Every sum the program forms (类 and 款 totals, 合计 rows, checks, the
 * two-sided tables) adds a subset of a folder's amounts at most a few times
 * over.  Keeping Σ|amount| of the folder under INT64_MAX / 16 therefore
 * keeps every such sum exact, with one check here instead of one at every
 * addition.  The bound is about 5.8e11 万元 (5.8e15 元), far beyond any
 * budget. */
#define MAGNITUDE_LIMIT (INT64_MAX / 16)

static void add_magnitude(loader *L, const amount *am)
{
    money v = am->v < 0 ? -am->v : am->v;
    if (L->too_large)
        return;
    if (v > MAGNITUDE_LIMIT - L->magnitude) {
        char lim[48];
        money_format(MAGNITUDE_LIMIT, L->c->input_unit, 0, 1, 0, lim, sizeof lim);
        diag_report(L->d, DIAG_ERROR, am->pos,
                    "the amounts of this folder add up to more than %s %s, beyond what can be "
                    "summed exactly: check this figure and its unit",
                    lim, money_unit_name(L->c->input_unit));
        L->too_large = 1;
        return;
    }
    L->magnitude += v;
}

static const char *path_in(const loader *L, const char *file)
{
    return names_path(L->a, L->d, L->dir, file); /* or its Chinese name (names.c) */
}

/*
 * Opens dir/file for reading once (paths_open): the file must be a regular
 * file and what was opened must lead into the project folder, as its
 * folder does (config_check_paths).  A symbolic link in the folder that
 * leads out of it, or a FIFO or a device, is refused here, naming the file
 * (a setup error: exit status 2).  The content is then read from the
 * descriptor, never by name again, so a link swapped in meanwhile changes
 * nothing.  Returns the descriptor, -2 (silently) when the file does not
 * exist and optional, or -1 after reporting.
 */
static int open_input(loader *L, const char *path, int optional)
{
    int fd = paths_open(L->d, diag_at(path, 0, 0), NULL, L->c->root, path,
                        optional ? PATHS_OPTIONAL : 0, NULL);
    if (fd == -1)
        L->refused = 1;
    return fd;
}

/* A page holds at most this many rows of a table: the smallest table type
 * (7 pt, layout.c) with its leading and padding makes a row 15.1 pt high,
 * and the tallest text area of an A4 page is 692 pt, so 45 rows at most;
 * 50 errs on the side of never refusing what would fit. */
#define ROWS_PER_PAGE_MAX 50

/* A file whose rows the document prints one or more table rows (or list
 * items) each: more rows than [limits] max_pages pages can hold could never
 * be published, so it is refused now, at the row that passes the limit,
 * before the check, the document model and the layout spend memory and
 * time on it (1,000,000 rows took 27 s and 4.4 GB to fail at max_pages). */
static int too_many_for_pages(loader *L, const csv_table *t)
{
    size_t most = (size_t)L->c->max_pages * ROWS_PER_PAGE_MAX;
    if (t->nrows <= most)
        return 0;
    diag_report(L->d, DIAG_ERROR, diag_at(t->path, t->rows[most].line, 0),
                "more rows than the document can print in [limits] max_pages = %ld pages (at "
                "most %d table rows a page, so %zu rows): raise max_pages in [limits] of the "
                "config, or split the file",
                L->c->max_pages, ROWS_PER_PAGE_MAX, most);
    return 1;
}

/* Reads dir/file if it exists; NULL (silently) when absent, NULL after a
 * report when broken.  *broken tells the two apart. */
csv_table *load_input_csv(arena *a, diag *d, const config *c, const char *dir, const char *file,
                          const csv_limits *lim, int *status)
{
    const char *path = names_path(a, d, dir, file); /* or its Chinese name (names.c) */
    *status = 0;
    int fd = paths_open(d, diag_at(path, 0, 0), NULL, c->root, path, PATHS_OPTIONAL, NULL);
    if (fd == -2)
        return NULL;
    if (fd < 0) {
        *status = -2;
        return NULL;
    }
    int before = d->errors;
    csv_table *t = csv_read_fd(a, d, fd, path, lim);
    if (!t || csvshape_check_unit(d, t, (int)c->input_unit, c->input_unit_set) < 0 ||
        d->errors > before) {
        *status = -1;
        return NULL;
    }
    return t;
}

static csv_table *open_csv(loader *L, const char *file, int *broken)
{
    int st;
    csv_table *t = load_input_csv(L->a, L->d, L->c, L->dir, file, &L->lim, &st);
    if (st == -2)
        L->refused = 1;
    *broken = st < 0 || (t && too_many_for_pages(L, t));
    return *broken ? NULL : t;
}

money_status load_amount_cell(diag *d, const config *c, const csv_table *t, const csv_row *r,
                              int f, int required, amount *am)
{
    *am = (amount){0, 0, csv_pos(t, r, f)};
    if (f < 0)
        return MONEY_EMPTY;
    const char *s = r->fields[f];
    char why[160];
    money_status st = money_parse(s, c->input_unit, &am->v, why, sizeof why);
    switch (st) {
    case MONEY_OK:
        am->present = 1;
        if (am->v < 0) {
            diag_report(d, DIAG_ERROR, am->pos,
                        "%s is negative (%s): budget amounts cannot be negative", t->header[f], s);
            am->v = 0;
        }
        break;
    case MONEY_EMPTY:
        if (required)
            diag_report(d, DIAG_ERROR, am->pos, "%s is empty: expected an amount in %s",
                        t->header[f], money_unit_name(c->input_unit));
        break;
    default:
        diag_report(d, DIAG_ERROR, am->pos, "%s \"%s\" is not an amount in %s: %s", t->header[f],
                    s, money_unit_name(c->input_unit), why);
        break;
    }
    return st;
}

/* Parses an amount cell.  Empty is 0 when allow_empty, else an error. */
static amount parse_amount(loader *L, const csv_table *t, const csv_row *r, int f,
                           int allow_empty)
{
    amount am;
    if (load_amount_cell(L->d, L->c, t, r, f, !allow_empty, &am) == MONEY_OK)
        add_magnitude(L, &am);
    return am;
}

static const char *cell(const csv_row *r, int f)
{
    return f >= 0 ? r->fields[f] : "";
}

/* A text cell that must not be empty. */
static const char *need_text(const loader *L, const csv_table *t, const csv_row *r, int f)
{
    const char *s = cell(r, f);
    if (!*s)
        diag_report(L->d, DIAG_ERROR, csv_pos(t, r, f), "%s is empty", t->header[f]);
    return s;
}

/* ---- institutions.csv ------------------------------------------------- */

static void load_institutions(loader *L, budget *b)
{
    int broken;
    csv_table *t = open_csv(L, "institutions.csv", &broken);
    if (!t)
        return;
    static const csv_column cols[] = {
        {"单位名称", "name", 1}, {"单位性质", "kind", 1},
        {"单位规格", "rank", 1}, {"经费保障形式", "funding", 1},
        {"公用经费", "office", 0},
    };
    int ix[5];
    if (csv_map_columns(t, L->d, cols, 5, ix) < 0)
        return;
    b->inst_has_office = ix[4] >= 0;
    b->inst = arena_alloc(L->a, t->nrows * sizeof *b->inst + 1);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        institution *in = &b->inst[b->n_inst++];
        in->name = need_text(L, t, r, ix[0]);
        in->kind = cell(r, ix[1]);
        in->rank = cell(r, ix[2]);
        in->funding = cell(r, ix[3]);
        in->office = parse_amount(L, t, r, ix[4], 1);
        in->pos = csv_pos(t, r, 0);
    }
}

/* ---- keyed amounts: revenue.csv, summary.csv --------------------------- */

static void load_keyed(loader *L, const char *file, const csv_column *cols,
                       const char *const *names, int n, int m, amount *out,
                       const char **labels, int *has)
{
    int broken;
    csv_table *t = open_csv(L, file, &broken);
    if (!t)
        return;
    int ix[2];
    if (csv_map_columns(t, L->d, cols, 2, ix) < 0)
        return;
    *has = 1;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        const char *key = r->fields[ix[0]];
        const char *as = key;
        int k = lookup_as(key, names, n, m, &as);
        if (k < 0) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]), "unknown %s \"%s\"; expected one of: %s",
                        cols[0].name, key, list_names(L->a, names, n, m));
            continue;
        }
        if (out[k].present) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]), "%s \"%s\" is given twice (first at line %d)",
                        cols[0].name, key, out[k].pos.line);
            continue;
        }
        out[k] = parse_amount(L, t, r, ix[1], 0);
        if (labels) /* an English alias is never printed: use the published name */
            labels[k] = is_ascii(as) ? names[k * m] : as;
    }
}

/* ---- expenditure.csv and basic_economic.csv --------------------------- */

/* A classification code: digits only, of one of the allowed lengths. */
static int valid_code(const char *s, int max_len)
{
    size_t n = strlen(s);
    if (strspn(s, "0123456789") != n)
        return 0;
    return n == 3 || n == 5 || (max_len >= 7 && n == 7);
}

/* Looks up a revenue source by name or alias, as in revenue.csv, and also by
 * the short names people use for a funding source (一般公共预算 …). */
static int source_kind(const char *s)
{
    static const char *const SHORT[REV_COUNT] = {"一般公共预算", "政府性基金预算",
                                                 "国有资本经营预算", "财政专户",
                                                 NULL, NULL, NULL, NULL};
    int k = lookup(s, &REVENUE_NAMES[0][0], REV_COUNT, 3);
    for (int i = 0; k < 0 && i < REV_COUNT; i++)
        if (SHORT[i] && utf8_name_eq(SHORT[i], s))
            k = i;
    return k;
}

static void load_func(loader *L, budget *b)
{
    int broken;
    csv_table *t = open_csv(L, "expenditure.csv", &broken);
    if (!t)
        return;
    static const csv_column cols[] = {
        {"科目编码", "code", 1},    {"科目名称", "name", 0}, {"资金来源", "source", 0},
        {"基本支出", "basic", 1},   {"项目支出", "project", 1}, {"合计", "total", 0},
    };
    int ix[6];
    if (csv_map_columns(t, L->d, cols, 6, ix) < 0)
        return;
    b->func = arena_alloc(L->a, t->nrows * sizeof *b->func + 1);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        func_line *fl = &b->func[b->n_func++];
        fl->code = r->fields[ix[0]];
        fl->pos = csv_pos(t, r, ix[0]);
        if (!valid_code(fl->code, 7))
            diag_report(L->d, DIAG_ERROR, fl->pos,
                        "科目编码 \"%s\" is not a function code: expected 3 digits (类), 5 (款) "
                        "or 7 (项)",
                        fl->code);
        fl->name = cell(r, ix[1]);
        fl->source = REV_GENERAL;
        const char *src = cell(r, ix[2]);
        if (*src) {
            int k = source_kind(src);
            if (k < 0)
                diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[2]),
                            "unknown 资金来源 \"%s\"; expected one of: %s", src,
                            list_names(L->a, &REVENUE_NAMES[0][0], REV_COUNT, 3));
            else
                fl->source = (revenue_kind)k;
        }
        fl->basic = parse_amount(L, t, r, ix[3], 1);
        fl->project = parse_amount(L, t, r, ix[4], 1);
        fl->total = parse_amount(L, t, r, ix[5], 1);
    }
}

static void load_econ(loader *L, budget *b)
{
    int broken;
    csv_table *t = open_csv(L, "basic_economic.csv", &broken);
    if (!t)
        return;
    static const csv_column cols[] = {
        {"科目编码", "code", 1}, {"科目名称", "name", 0}, {"人员经费", "personnel", 1},
        {"公用经费", "office", 1}, {"合计", "total", 0},
    };
    int ix[5];
    if (csv_map_columns(t, L->d, cols, 5, ix) < 0)
        return;
    b->econ = arena_alloc(L->a, t->nrows * sizeof *b->econ + 1);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        econ_line *el = &b->econ[b->n_econ++];
        el->code = r->fields[ix[0]];
        el->pos = csv_pos(t, r, ix[0]);
        if (!valid_code(el->code, 5))
            diag_report(L->d, DIAG_ERROR, el->pos,
                        "科目编码 \"%s\" is not an economic code: expected 3 digits (类) or 5 (款)",
                        el->code);
        el->name = cell(r, ix[1]);
        el->personnel = parse_amount(L, t, r, ix[2], 1);
        el->office = parse_amount(L, t, r, ix[3], 1);
        el->total = parse_amount(L, t, r, ix[4], 1);
    }
}

/* ---- the classification trees: leaves plus computed 类 and 款 lines ---- */

static int cmp_code(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Collects the distinct codes of the leaves and of all their ancestors,
 * sorted (so a 类 comes before its 款, a 款 before its 项).  Returns the
 * count; *out is arena memory. */
static size_t tree_codes(arena *a, const char *const *leaf, size_t n, const char ***out)
{
    const char **v = arena_alloc(a, (3 * n + 1) * sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(leaf[i]);
        for (size_t l = 3; l <= len; l += 2)
            v[k++] = arena_strndup(a, leaf[i], l);
    }
    qsort(v, k, sizeof *v, cmp_code);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (u == 0 || strcmp(v[u - 1], v[i]))
            v[u++] = v[i];
    *out = v;
    return u;
}

static size_t find_code(const char **codes, size_t n, const char *code)
{
    const char **p = bsearch(&code, codes, n, sizeof *codes, cmp_code);
    return p ? (size_t)(p - codes) : (size_t)-1;
}

/* Names a line: the department's own name for a leaf if given, else the
 * code list's; a code the list lacks is an error (every code must exist).
 * Last year's data is checked against last year's list ([input]
 * previous_function_codes); a code it lacks there is a warning when the line
 * names it (last year is published already), an error when the document
 * would have to print a bare code.  A given name that differs from the
 * list's is a warning: the document prints the given one. */
static const char *name_code(loader *L, const code_list *list, const char *code,
                             const char *given, diag_pos pos, int leaf)
{
    const char *listed = codes_name(list, code);
    int last_year = L->b_year != L->c->year;
    if (!listed && list)
        diag_report(L->d, last_year && leaf && *given ? DIAG_WARNING : DIAG_ERROR, pos,
                    "科目编码 %s%s is not in the code list %s: check the code, or add it to "
                    "the list (the official list of the budget year)",
                    code, leaf ? "" : " (the parent of this line)", list->path);
    if (listed && leaf && *given && strcmp(listed, given))
        diag_report(L->d, DIAG_WARNING, pos,
                    "科目名称 \"%s\" differs from \"%s\", the name of %s in %s: the document "
                    "prints \"%s\"",
                    given, listed, code, list->path, given);
    if (leaf && *given)
        return given; /* the department's own name wins */
    return listed ? listed : *given ? given : code;
}

/* A leaf must be a leaf: a code and one of its own sub-codes in the same
 * file would count the money twice. */
static void check_leaves(loader *L, const char *const *code, const diag_pos *pos, size_t n,
                         const char *file)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            size_t li = strlen(code[i]), lj = strlen(code[j]);
            if (li < lj && strncmp(code[i], code[j], li) == 0) {
                diag_report(L->d, DIAG_ERROR, pos[i],
                            "科目编码 %s and its sub-code %s (line %d) are both in %s: enter "
                            "only the most detailed lines; 类 and 款 totals are computed",
                            code[i], code[j], pos[j].line, file);
                break;
            }
        }
}

static void derive_func(loader *L, budget *b, const code_list *list)
{
    if (!b->n_func)
        return;
    const char **leaf = arena_alloc(L->a, b->n_func * sizeof *leaf);
    diag_pos *pos = arena_alloc(L->a, b->n_func * sizeof *pos);
    for (size_t i = 0; i < b->n_func; i++) {
        leaf[i] = b->func[i].code;
        pos[i] = b->func[i].pos;
    }
    check_leaves(L, leaf, pos, b->n_func, "expenditure.csv");
    const char **codes;
    size_t n = tree_codes(L->a, leaf, b->n_func, &codes);
    b->fnodes = arena_alloc(L->a, (n + 1) * sizeof *b->fnodes);
    b->n_fnodes = n;
    for (size_t i = 0; i < n; i++) {
        b->fnodes[i].code = codes[i];
        b->fnodes[i].level = (int)(strlen(codes[i]) - 1) / 2;
    }
    for (size_t i = 0; i < b->n_func; i++) {
        const func_line *fl = &b->func[i];
        size_t len = strlen(fl->code);
        for (size_t l = 3; l <= len; l += 2) {
            char pre[8];
            memcpy(pre, fl->code, l);
            pre[l] = '\0';
            func_node *nd = &b->fnodes[find_code(codes, n, pre)];
            nd->basic[fl->source] += fl->basic.v;
            nd->project[fl->source] += fl->project.v;
            if (!nd->pos.file)
                nd->pos = fl->pos;
            if (l == len) {
                /* The same code on several lines (one per funding source)
                 * must carry one name. */
                if (nd->leaf && *fl->name && strcmp(nd->name, fl->name))
                    diag_report(L->d, DIAG_ERROR, fl->pos,
                                "科目名称 \"%s\" differs from \"%s\" given for %s at line %d",
                                fl->name, nd->name, fl->code, nd->pos.line);
                if (!nd->leaf)
                    nd->name = name_code(L, list, fl->code, fl->name, fl->pos, 1);
                nd->leaf = 1;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (!b->fnodes[i].leaf)
            b->fnodes[i].name = name_code(L, list, codes[i], "", b->fnodes[i].pos, 0);
}

static void derive_econ(loader *L, budget *b, const code_list *list)
{
    if (!b->n_econ)
        return;
    const char **leaf = arena_alloc(L->a, b->n_econ * sizeof *leaf);
    diag_pos *pos = arena_alloc(L->a, b->n_econ * sizeof *pos);
    for (size_t i = 0; i < b->n_econ; i++) {
        leaf[i] = b->econ[i].code;
        pos[i] = b->econ[i].pos;
    }
    check_leaves(L, leaf, pos, b->n_econ, "basic_economic.csv");
    const char **codes;
    size_t n = tree_codes(L->a, leaf, b->n_econ, &codes);
    b->enodes = arena_alloc(L->a, (n + 1) * sizeof *b->enodes);
    b->n_enodes = n;
    for (size_t i = 0; i < n; i++) {
        b->enodes[i].code = codes[i];
        b->enodes[i].level = (int)(strlen(codes[i]) - 1) / 2;
    }
    for (size_t i = 0; i < b->n_econ; i++) {
        const econ_line *el = &b->econ[i];
        size_t len = strlen(el->code);
        for (size_t l = 3; l <= len; l += 2) {
            char pre[8];
            memcpy(pre, el->code, l);
            pre[l] = '\0';
            econ_node *nd = &b->enodes[find_code(codes, n, pre)];
            nd->personnel += el->personnel.v;
            nd->office += el->office.v;
            if (!nd->pos.file)
                nd->pos = el->pos;
            if (l == len) {
                if (nd->leaf)
                    diag_report(L->d, DIAG_ERROR, el->pos,
                                "科目编码 %s is given twice (first at line %d)", el->code,
                                nd->pos.line);
                nd->name = name_code(L, list, el->code, el->name, el->pos, 1);
                nd->leaf = 1;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (!b->enodes[i].leaf)
            b->enodes[i].name = name_code(L, list, codes[i], "", b->enodes[i].pos, 0);
}

/* ---- three_public.csv ---------------------------------------------------- */

/* A 项目 as the region's table writes it, without the "其中：" that
 * introduces a part of the row above ("其中：公务用车购置费"). */
static const char *tp_item_key(const char *key)
{
    static const char *const PREFIX[] = {"其中：", "其中:", "其中"};
    for (size_t i = 0; i < sizeof PREFIX / sizeof PREFIX[0]; i++) {
        size_t n = strlen(PREFIX[i]);
        if (!strncmp(key, PREFIX[i], n) && key[n]) {
            key += n;
            while (*key == ' ')
                key++;
            return key;
        }
    }
    return key;
}

static void load_three_public(loader *L, budget *b)
{
    int broken;
    csv_table *t = open_csv(L, "three_public.csv", &broken);
    if (!t)
        return;
    static const csv_column cols[] = {
        {"项目", "item", 1},         {"合计", "total", 1},
        {"一般预算", "general", 0}, {"基金预算", "fund", 0},
        {"财政专户", "special", 0}, {"国有资本经营预算", "state_capital", 0},
    };
    int ix[6];
    if (csv_map_columns(t, L->d, cols, 6, ix) < 0)
        return;
    b->has_tp = 1;
    b->tp_has_state_capital = ix[5] >= 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        const char *key = r->fields[ix[0]];
        const char *item = tp_item_key(key), *as = item;
        int k = lookup_as(item, &TP_NAMES[0][0], TP_COUNT, TP_ALIASES, &as);
        if (k < 0) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "unknown 项目 \"%s\"; expected one of: %s (or 车辆运行费, 车辆购置费, "
                        "因公出国经费, 公务用车费, 行政经费; a row may start with 其中：)",
                        key, list_names(L->a, &TP_NAMES[0][0], TP_COUNT, TP_ALIASES));
            continue;
        }
        tp_row *tr = &b->tp[k];
        if (tr->present) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]), "项目 \"%s\" is given twice (first at line %d)",
                        key, tr->pos.line);
            continue;
        }
        tr->present = 1;
        tr->order = (int)i;
        /* As written (with its 其中：), or as the list spells a name typed
         * letter-spaced; an English alias prints in Chinese. */
        tr->label = is_ascii(as) ? TP_NAMES[k][0] : strcmp(as, item) == 0 ? key : as;
        tr->pos = csv_pos(t, r, ix[0]);
        tr->total = parse_amount(L, t, r, ix[1], 0);
        for (int s = 0; s < TPS_COUNT; s++)
            tr->source[s] = parse_amount(L, t, r, ix[2 + s], 1);
    }
}

/* ---- two-column texts: reasons, duty goals, glossary --------------------- */

static named_text *load_named(loader *L, const char *file, const char *k, const char *ka,
                              const char *v, const char *va, size_t *n)
{
    *n = 0;
    int broken;
    csv_table *t = open_csv(L, file, &broken);
    if (!t)
        return NULL;
    const csv_column cols[] = {{k, ka, 1}, {v, va, 1}};
    int ix[2];
    if (csv_map_columns(t, L->d, cols, 2, ix) < 0)
        return NULL;
    named_text *out = arena_alloc(L->a, t->nrows * sizeof *out + 1);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        out[i].name = need_text(L, t, r, ix[0]);
        out[i].text = need_text(L, t, r, ix[1]);
        out[i].pos = csv_pos(t, r, ix[0]);
        out[i].text_pos = csv_pos(t, r, ix[1]);
    }
    *n = t->nrows;
    return out;
}

/* ---- performance.csv ------------------------------------------------------ */

static const csv_column PERF_COLS[PF_COUNT] = {
    {"职责名称", "duty", 1},          {"职责描述", "duty_description", 1},
    {"职责目标", "duty_goal", 1},     {"活动名称", "activity", 1},
    {"活动描述", "activity_description", 1}, {"绩效目标", "target", 1},
    {"绩效指标", "indicator", 1},     {"指标描述", "indicator_description", 1},
    {"优", "excellent", 1},           {"良", "good", 1},
    {"中", "fair", 1},                {"差", "poor", 1},
};

static void load_performance(loader *L, budget *b)
{
    int broken;
    csv_table *t = open_csv(L, "performance.csv", &broken);
    if (!t)
        return;
    int ix[PF_COUNT];
    if (csv_map_columns(t, L->d, PERF_COLS, PF_COUNT, ix) < 0)
        return;
    b->perf = arena_alloc(L->a, t->nrows * sizeof *b->perf + 1);
    int duty = -1, activity = -1;
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        perf_row *p = &b->perf[b->n_perf++];
        for (int c = 0; c < PF_COUNT; c++)
            p->cell[c] = cell(r, ix[c]);
        p->pos = csv_pos(t, r, ix[PF_DUTY]);
        /* A blank 职责名称 continues the duty above (the seed's published
         * form, shown merged); a blank 活动名称 continues the activity. */
        if (*p->cell[PF_DUTY]) {
            duty++;
            p->new_duty = 1;
            if (!*p->cell[PF_ACTIVITY])
                diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[PF_ACTIVITY]),
                            "活动名称 is empty on the first row of duty \"%s\": a duty starts "
                            "with its first activity",
                            p->cell[PF_DUTY]);
        } else if (duty < 0) {
            /* Rows before the first duty belong to nothing: one error, at
             * the first of them, says what is wrong. */
            if (i == 0)
                diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[PF_DUTY]),
                            "职责名称 is empty on the first row: the table must start with a duty");
        } else {
            for (int c = PF_DUTY_DESC; c <= PF_DUTY_GOAL; c++)
                if (*p->cell[c])
                    diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[c]),
                                "%s is given on a row whose 职责名称 is empty: a duty's "
                                "description belongs on its first row",
                                PERF_COLS[c].name);
        }
        if (*p->cell[PF_ACTIVITY] || p->new_duty) {
            activity++;
            p->new_activity = 1;
        } else if (*p->cell[PF_ACTIVITY_DESC]) {
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[PF_ACTIVITY_DESC]),
                        "活动描述 is given on a row whose 活动名称 is empty: an activity's "
                        "description belongs on its first row");
        }
        p->duty = duty < 0 ? 0 : duty;
        p->activity = activity < 0 ? 0 : activity;
    }
    b->n_duties = duty + 1;
    b->n_activities = activity + 1;
}

/* ---- actuals.csv: this year's results, for self-evaluation -------------- */

/* The duty or activity name that row i belongs to (filled down). */
static const char *filled(const budget *b, size_t i, int col, int start_flag_duty)
{
    while (i > 0 && !(start_flag_duty ? b->perf[i].new_duty : b->perf[i].new_activity))
        i--;
    return b->perf[i].cell[col];
}

static void load_actuals(loader *L, budget *b)
{
    int broken;
    csv_table *t = open_csv(L, "actuals.csv", &broken);
    for (size_t i = 0; i < b->n_perf; i++)
        b->perf[i].grade = -1;
    if (!t)
        return;
    static const csv_column cols[] = {{"绩效指标", "indicator", 1},
                                      {"实际值", "actual", 1},
                                      {"职责名称", "duty", 0},
                                      {"活动名称", "activity", 0}};
    int ix[4];
    if (csv_map_columns(t, L->d, cols, 4, ix) < 0)
        return;
    b->has_actuals = 1;
    for (size_t k = 0; k < t->nrows; k++) {
        const csv_row *r = &t->rows[k];
        const char *ind = r->fields[ix[0]], *duty = cell(r, ix[2]), *act = cell(r, ix[3]);
        int matched = 0;
        /* Every row of the indicator (under the duty and activity when
         * given): the seed repeats rows, and each copy shows the result. */
        for (size_t i = 0; i < b->n_perf; i++) {
            perf_row *p = &b->perf[i];
            if (strcmp(p->cell[PF_INDICATOR], ind) ||
                (*duty && strcmp(filled(b, i, PF_DUTY, 1), duty)) ||
                (*act && strcmp(filled(b, i, PF_ACTIVITY, 0), act)))
                continue;
            if (p->actual)
                diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[1]),
                            "绩效指标 \"%s\" already has an 实际值 (line %d): give 职责名称 or "
                            "活动名称 to tell the rows apart",
                            ind, p->actual_pos.line);
            p->actual = r->fields[ix[1]];
            p->actual_pos = csv_pos(t, r, ix[1]);
            matched++;
        }
        if (!matched)
            diag_report(L->d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "绩效指标 \"%s\"%s%s is not in performance.csv", ind,
                        *duty ? _(" under 职责名称 ") : "", duty);
    }
}

/* ---- text files ------------------------------------------------------------ */

static void load_text(loader *L, const char *file, text_file *tf)
{
    memset(tf, 0, sizeof *tf);
    const char *path = path_in(L, file);
    int fd = open_input(L, path, 1);
    if (fd < 0)
        return;
    size_t len;
    const char *enc;
    char *s = textio_read_utf8_fd(L->a, L->d, fd, path, (size_t)L->c->max_cell * 16, &len, &enc);
    if (!s)
        return;
    tf->path = path;
    size_t cap = 1;
    for (size_t i = 0; i < len; i++)
        cap += s[i] == '\n';
    tf->para = arena_alloc(L->a, cap * sizeof *tf->para);
    tf->pos = arena_alloc(L->a, cap * sizeof *tf->pos);
    tf->col = arena_alloc(L->a, cap * sizeof *tf->col);
    int line = 1;
    char *p = s;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        size_t n;
        const char *trimmed = utf8_trim(p, &n);
        if (n > 0) {
            tf->para[tf->n] = arena_strndup(L->a, trimmed, n);
            tf->pos[tf->n] = diag_at(path, line, 0);
            tf->col[tf->n] = utf8_column(p, (size_t)(trimmed - p));
            tf->n++;
        }
        line++;
        if (!nl)
            break;
        p = nl + 1;
    }
}

int load_budget(arena *a, diag *d, const config *c, const char *dir, int year, budget *b)
{
    memset(b, 0, sizeof *b);
    b->year = year;
    b->dir = dir;
    loader L = {a, d, c, dir, {0, (size_t)c->max_rows, (size_t)c->max_cell}, 0, 0, 0, year};
    int before = d->errors;
    if (!textio_exists(dir)) {
        diag_report(d, DIAG_ERROR, diag_at(dir, 0, 0), "input folder does not exist");
        return -1;
    }
    load_institutions(&L, b);
    load_text(&L, "duties.txt", &b->duties);
    static const csv_column rev_cols[] = {{"收入项目", "item", 1}, {"预算数", "amount", 1}};
    load_keyed(&L, "revenue.csv", rev_cols, &REVENUE_NAMES[0][0], REV_COUNT, 3, b->revenue,
               b->revenue_label, &b->has_revenue);
    static const csv_column sum_cols[] = {{"项目", "item", 1}, {"金额", "amount", 1}};
    load_keyed(&L, "summary.csv", sum_cols, &SUMMARY_NAMES[0][0], SUM_COUNT, 3, b->summary, NULL,
               &b->has_summary);
    load_func(&L, b);
    load_econ(&L, b);
    load_three_public(&L, b);
    b->reasons = load_named(&L, "reasons.csv", "项目", "item", "说明", "reason", &b->n_reasons);
    load_text(&L, "overall_goal.txt", &b->overall_goal);
    b->duty_goals =
        load_named(&L, "duty_goals.csv", "职责", "duty", "绩效目标", "goal", &b->n_duty_goals);
    load_performance(&L, b);
    load_actuals(&L, b);
    b->glossary = load_named(&L, "glossary.csv", "名词", "term", "解释", "definition", &b->n_glossary);
    load_text(&L, "notes.txt", &b->notes);
    L.refused |= procure_load(a, d, c, dir, &L.lim, b) == -2;
    L.refused |= load_projects(a, d, c, b) == -2;
    return L.refused ? -2 : d->errors > before ? -1 : 0;
}

/* An amount cell of a generic table; 0 when empty or not an amount. */
static money extra_amount(const loader *L, const csv_row *r, size_t c, int *ok)
{
    money v = 0;
    int st = money_parse(r->fields[c], L->c->input_unit, &v, NULL, 0);
    *ok = st == MONEY_OK;
    return st == MONEY_OK ? v : 0;
}

/* The 其中 rows of a generic table, which a 合计 does not count again: a
 * row whose first cell begins with 其中 is a part of the nearest row above
 * it that is not a part.  The rows right after it are parts too when,
 * with it, they add up exactly to that row in every amount column
 * (其中：公务用车购置费 0, 公务用车运行费 18 under 公务用车购置及运行费 18);
 * else the 其中 row alone is.  A part larger than its row is an error.
 * part[i] is set for the rows not to count. */
static void mark_extra_parts(loader *L, const csv_table *t, const csv_row *tot, char *part)
{
    const char *const ZQ = "其中";
    for (size_t i = 1; i < t->nrows; i++) {
        if (strncmp(t->rows[i].fields[0], ZQ, strlen(ZQ)) || part[i])
            continue;
        size_t p = i - 1;
        while (p > 0 && part[p])
            p--;
        const csv_row *parent = &t->rows[p];
        if (parent == tot || &t->rows[i] == tot)
            continue;
        part[i] = 1;
        for (size_t c = 1; c < t->ncols; c++) {
            int ok1, ok2;
            money pv = extra_amount(L, parent, c, &ok1), cv = extra_amount(L, &t->rows[i], c, &ok2);
            if (ok1 && ok2 && cv > pv) {
                char a1[48], a2[48];
                money_format(cv, L->c->input_unit, 2, 0, 0, a1, sizeof a1);
                money_format(pv, L->c->input_unit, 2, 0, 0, a2, sizeof a2);
                diag_report(L->d, DIAG_ERROR, csv_pos(t, &t->rows[i], (int)c),
                            "%s %s is %s, more than the %s of %s (line %d) it is part of",
                            t->rows[i].fields[0], t->header[c], a1, a2, parent->fields[0],
                            csv_pos(t, parent, 0).line);
            }
        }
        /* the rows after it, up to the next 其中 row, while they stay
         * within the row (running sums: linear over the table) */
        money *sum = xcalloc(t->ncols, sizeof *sum);
        for (size_t c = 1; c < t->ncols; c++) {
            int ok;
            sum[c] = extra_amount(L, &t->rows[i], c, &ok);
        }
        for (size_t j = i + 1; j < t->nrows && &t->rows[j] != tot &&
                               strncmp(t->rows[j].fields[0], ZQ, strlen(ZQ));
             j++) {
            int exact = 1, any = 0, within = 1;
            for (size_t c = 1; c < t->ncols; c++) {
                int okp, ok;
                money pv = extra_amount(L, parent, c, &okp);
                money v = extra_amount(L, &t->rows[j], c, &ok);
                if (!okp)
                    continue;
                if ((!ok && *t->rows[j].fields[c]) || v < 0 ||
                    __builtin_add_overflow(sum[c], v, &sum[c]) || sum[c] > pv)
                    within = 0; /* text, or past the row: not its parts */
                exact &= sum[c] == pv;
                any = 1;
            }
            if (!within || !any)
                break;
            if (exact) {
                for (size_t k = i + 1; k <= j; k++)
                    part[k] = 1;
                break;
            }
        }
        free(sum);
    }
}

/* The 合计 row of a generic table: for each column whose other cells are
 * all amounts (or empty), the 合计 cell must be their sum, 其中 rows
 * counted once (mark_extra_parts). */
static void check_extra_total(loader *L, const csv_table *t)
{
    const csv_row *tot = NULL;
    for (size_t i = 0; i < t->nrows; i++)
        if (utf8_name_eq(t->rows[i].fields[0], "合计"))
            tot = &t->rows[i];
    if (!tot)
        return;
    char *part = xcalloc(t->nrows + 1, 1);
    mark_extra_parts(L, t, tot, part);
    for (size_t c = 1; c < t->ncols; c++) {
        money sum = 0, stated;
        int numeric = 1;
        for (size_t i = 0; i < t->nrows && numeric; i++) {
            money v;
            const char *cellv = t->rows[i].fields[c];
            if (&t->rows[i] == tot || part[i] || !*cellv)
                continue;
            numeric = money_parse(cellv, L->c->input_unit, &v, NULL, 0) == MONEY_OK;
            if (numeric && __builtin_add_overflow(sum, v, &sum))
                numeric = 0; /* too large to add: not checked as a sum */
        }
        if (numeric && money_parse(tot->fields[c], L->c->input_unit, &stated, NULL, 0) == MONEY_OK &&
            stated != sum) {
            char a1[48], a2[48];
            money_format(stated, L->c->input_unit, 2, 0, 0, a1, sizeof a1);
            money_format(sum, L->c->input_unit, 2, 0, 0, a2, sizeof a2);
            diag_report(L->d, DIAG_ERROR, csv_pos(t, tot, (int)c),
                        "合计 %s is %s but the other rows sum to %s", t->header[c], a1, a2);
        }
    }
    free(part);
}

int load_extra(arena *a, diag *d, const config *c, budget *b, const char *const *files, size_t n)
{
    int before = d->errors;
    loader L = {a, d, c, b->dir, {0, (size_t)c->max_rows, (size_t)c->max_cell}, 0, 0, 0, b->year};
    b->extra = arena_alloc(a, (n + 1) * sizeof *b->extra);
    for (size_t i = 0; i < n; i++) {
        int optional = files[i][0] == '?'; /* a for block's (template_csv_files) */
        const char *path = path_in(&L, files[i] + optional);
        int fd = open_input(&L, path, 1);
        if (fd == -2 && !optional) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "the template lays out csv:%s, but the file does not exist", files[i]);
            continue;
        }
        if (fd < 0)
            continue;
        csv_table *t = csv_read_fd(a, d, fd, path, &L.lim);
        if (!t || csvshape_one_header(d, t) < 0 ||
            csvshape_check_unit(d, t, (int)c->input_unit, c->input_unit_set) < 0 ||
            too_many_for_pages(&L, t))
            continue;
        check_extra_total(&L, t);
        b->extra[b->n_extra].file = files[i] + optional;
        b->extra[b->n_extra].t = t;
        b->n_extra++;
    }
    return L.refused ? -2 : d->errors > before ? -1 : 0;
}

const struct csv_table *budget_extra(const budget *b, const char *file)
{
    for (size_t i = 0; i < b->n_extra; i++)
        if (!strcmp(b->extra[i].file, file))
            return b->extra[i].t;
    return NULL;
}

/* Self-evaluation: each row with an 实际值 gets the first grade whose
 * threshold it meets (threshold.c: exact, 80% meets ≥80%).  A result that
 * cannot be graded (a unit that disagrees, thresholds that cannot be read,
 * a value that meets no grade) is a warning at the 实际值; the row then
 * shows it ungraded. */
static void derive_grades(loader *L, budget *b)
{
    for (size_t i = 0; i < b->n_perf; i++) {
        perf_row *p = &b->perf[i];
        if (!p->actual)
            continue;
        threshold g[4];
        char why[200];
        int ok = 1;
        for (int k = 0; k < 4; k++)
            ok &= threshold_parse(p->cell[PF_EXCELLENT + k], &g[k], NULL, 0) == 0;
        if (!ok) {
            diag_report(L->d, DIAG_WARNING, p->actual_pos,
                        "绩效指标 \"%s\" cannot be graded: its thresholds cannot be read (see "
                        "performance.csv line %d)",
                        p->cell[PF_INDICATOR], p->pos.line);
            continue;
        }
        if (threshold_grade(g, p->actual, &p->grade, why, sizeof why) < 0)
            diag_report(L->d, DIAG_WARNING, p->actual_pos, "绩效指标 \"%s\": 实际值 \"%s\": %s",
                        p->cell[PF_INDICATOR], p->actual, why);
    }
}

int load_derive(arena *a, diag *d, const config *c, budget *b, const code_list *fcodes,
                const code_list *ecodes)
{
    int before = d->errors;
    loader L = {a, d, c, b->dir, {0, 0, 0}, 0, 0, 0, b->year};
    derive_func(&L, b, fcodes);
    derive_econ(&L, b, ecodes);
    derive_grades(&L, b);
    return d->errors > before ? -1 : 0;
}

/* ---- derived figures -------------------------------------------------------- */

money budget_revenue_total(const budget *b, int *found)
{
    if (b->summary[SUM_REVENUE_TOTAL].present) {
        *found = 1;
        return b->summary[SUM_REVENUE_TOTAL].v;
    }
    money s = 0;
    *found = b->has_revenue;
    for (int k = 0; k < REV_COUNT; k++)
        s += b->revenue[k].v;
    return s;
}

/* Without revenue.csv, the expenditure.csv lines a source funds (as the
 * tables have it: check.c proves the two equal when both files exist). */
money budget_source_revenue(const budget *b, revenue_kind k, int *found)
{
    if (b->has_revenue) {
        *found = b->revenue[k].present;
        return b->revenue[k].v;
    }
    money s = 0;
    *found = b->n_func > 0;
    for (size_t i = 0; i < b->n_func; i++)
        if (b->func[i].source == k)
            s += b->func[i].basic.v + b->func[i].project.v;
    return s;
}

money budget_fiscal_revenue(const budget *b, int *found)
{
    int f[3];
    money v = budget_source_revenue(b, REV_GENERAL, &f[0]) +
              budget_source_revenue(b, REV_FUND, &f[1]) +
              budget_source_revenue(b, REV_STATE_CAPITAL, &f[2]);
    *found = b->has_revenue || b->n_func > 0;
    return v;
}

/* Sum over all entered function lines (every source): which 0 basic,
 * 1 project. */
static money func_sum(const budget *b, int which, int *found)
{
    money s = 0;
    *found = b->n_func > 0;
    for (size_t i = 0; i < b->n_func; i++)
        s += which == 0 ? b->func[i].basic.v : b->func[i].project.v;
    return s;
}

money budget_figure(const budget *b, summary_kind k, int *found)
{
    if (b->summary[k].present) {
        *found = 1;
        return b->summary[k].v;
    }
    int f1 = 0, f2 = 0;
    switch (k) {
    case SUM_REVENUE_TOTAL: return budget_revenue_total(b, found);
    case SUM_BASIC: return func_sum(b, 0, found);
    case SUM_PROJECT: return func_sum(b, 1, found);
    case SUM_EXPENSE_TOTAL: {
        money v = func_sum(b, 0, &f1) + func_sum(b, 1, &f2);
        *found = f1;
        return v;
    }
    case SUM_OPERATING_COST:
        /* a 机关运行经费 (行政经费) row of three_public.csv states it too */
        if (b->tp[TP_OPERATING].present) {
            *found = 1;
            return b->tp[TP_OPERATING].total.v;
        }
        return budget_operating_cost_from_units(b, found);
    default: *found = 0; return 0;
    }
}

int institution_is_administrative(const institution *in)
{
    return strstr(in->kind, "行政") || strstr(in->kind, "参照公务员法") ||
           strstr(in->kind, "参公");
}

int budget_has_other_units(const budget *b)
{
    for (size_t i = 0; i < b->n_inst; i++)
        if (!institution_is_administrative(&b->inst[i]))
            return 1;
    return 0;
}

money budget_operating_cost_from_units(const budget *b, int *found)
{
    money s = 0;
    if (b->inst_has_office) {
        *found = 1;
        for (size_t i = 0; i < b->n_inst; i++)
            if (institution_is_administrative(&b->inst[i]))
                s += b->inst[i].office.v;
        return s;
    }
    /* Only administrative units (or none listed): all of the 公用经费. */
    *found = b->n_econ > 0 && !budget_has_other_units(b);
    for (size_t i = 0; i < b->n_econ; i++)
        s += b->econ[i].office.v;
    return *found ? s : 0;
}

const named_text *budget_reason(const budget *b, const char *key)
{
    for (size_t i = 0; i < b->n_reasons; i++)
        if (utf8_name_eq(b->reasons[i].name, key))
            return &b->reasons[i];
    return NULL;
}

/* ---- figures named by templates ----------------------------------------- */

int data_figure_lookup(const char *name, figure_ref *r)
{
    int k;
    if (procure_figure_lookup(name, r))
        return 1;
    if ((k = lookup(name, &SUMMARY_NAMES[0][0], SUM_COUNT, 3)) >= 0) {
        *r = (figure_ref){FIG_SUMMARY, k};
        return 1;
    }
    if ((k = lookup(name, &REVENUE_NAMES[0][0], REV_COUNT, 3)) >= 0) {
        *r = (figure_ref){FIG_REVENUE, k};
        return 1;
    }
    if (strcmp(name, "三公合计") == 0 || strcmp(name, "三公经费合计") == 0) {
        *r = (figure_ref){FIG_TP, TP_TOTAL};
        return 1;
    }
    if ((k = lookup(name, &TP_NAMES[0][0], TP_COUNT, TP_ALIASES)) >= 0 && k != TP_TOTAL) {
        /* the 机关运行经费 row states the summary figure (行政经费) */
        *r = k == TP_OPERATING ? (figure_ref){FIG_SUMMARY, SUM_OPERATING_COST}
                               : (figure_ref){FIG_TP, k};
        return 1;
    }
    if (strcmp(name, "财政拨款收入") == 0) {
        *r = (figure_ref){FIG_FISCAL, 0};
        return 1;
    }
    /* the sums of basic_economic.csv's two columns */
    if (utf8_name_eq(name, "人员经费") || strcmp(name, "personnel") == 0) {
        *r = (figure_ref){FIG_ECON, 0};
        return 1;
    }
    if (utf8_name_eq(name, "公用经费") || strcmp(name, "office") == 0) {
        *r = (figure_ref){FIG_ECON, 1};
        return 1;
    }
    return 0;
}

const char *data_figure_name(figure_ref r)
{
    switch (r.kind) {
    case FIG_SUMMARY: return SUMMARY_NAMES[r.index][0];
    case FIG_REVENUE: return REVENUE_NAMES[r.index][0];
    case FIG_TP: return r.index == TP_TOTAL ? "三公合计" : TP_NAMES[r.index][0];
    case FIG_ECON: return r.index ? "公用经费" : "人员经费";
    case FIG_PROC: return procure_figure_name(r.index);
    default: return "财政拨款收入";
    }
}

money data_figure(const budget *b, figure_ref r, int *found, diag_pos *pos)
{
    diag_pos none = {0};
    if (pos)
        *pos = none;
    switch (r.kind) {
    case FIG_SUMMARY:
        if (pos)
            *pos = b->summary[r.index].pos;
        return budget_figure(b, (summary_kind)r.index, found);
    case FIG_REVENUE:
        if (pos)
            *pos = b->revenue[r.index].pos;
        return budget_source_revenue(b, (revenue_kind)r.index, found);
    case FIG_TP: {
        const tp_row *t = &b->tp[r.index];
        if (t->present) {
            *found = 1;
            if (pos)
                *pos = t->total.pos;
            return t->total.v;
        }
        if (r.index == TP_VEHICLE) {
            /* no 公务用车购置及运行费 row: 购置费 + 运行费 */
            const tp_row *buy = &b->tp[TP_VEHICLE_BUY], *run = &b->tp[TP_VEHICLE_RUN];
            *found = buy->present || run->present;
            return buy->total.v + run->total.v;
        }
        if (r.index != TP_TOTAL || !b->has_tp) {
            *found = 0;
            return 0;
        }
        /* No 合计 row: the total is the sum of the items, a
         * 公务用车购置及运行费 row counted once with its parts. */
        int f;
        money s = b->tp[TP_ABROAD].total.v + b->tp[TP_RECEPTION].total.v +
                  data_figure(b, (figure_ref){FIG_TP, TP_VEHICLE}, &f, NULL);
        *found = 1;
        return s;
    }
    case FIG_ECON: {
        money s = 0;
        *found = b->n_econ > 0;
        for (size_t i = 0; i < b->n_econ; i++)
            s += r.index ? b->econ[i].office.v : b->econ[i].personnel.v;
        return s;
    }
    case FIG_PROC: return procure_figure(b, r.index, found, pos);
    default:
        return budget_fiscal_revenue(b, found);
    }
}
