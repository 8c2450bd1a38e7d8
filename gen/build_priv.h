/*
 * build_priv — what build.c, build_text.c and build_tables.c share: the
 * builder (the state of one build_document() call), the item a sentence is
 * about, and the bld_ functions one file calls in another.  Not for use
 * outside the build stage (the public interface is build.h).
 */
#ifndef GEN_BUILD_PRIV_H
#define GEN_BUILD_PRIV_H

#include "build.h"
#include "csv.h"
#include "figures.h"

/* One thing a sentence can be about: a figure in both years. */
typedef struct item {
    const char *name;  /* as shown */
    money cur, prev;
    int has_cur, has_prev;
    const char *reason; /* stated reason, or NULL */
    const char *content; /* lists: the item's text */
    int number;          /* lists: 1-based */
    const csv_table *csv;/* list csv:FILE: the record whose fields {列名} name */
    const csv_row *row;
    int has_shown;       /* cur_shown, prev_shown: as every table prints them */
    money cur_shown, prev_shown;
    int is_tp;           /* a “三公” figure: {购置费} and {运行费} are defined */
    int tp_kind;         /* then its tp_kind */
    int has_text; /* cur_text, prev_text: as the text prints them */
    money cur_text, prev_text;
} item;

/* A {列举:…} list, made once (bld_list_items): its name and items. */
typedef struct list_cache {
    const char *spec;
    const struct figures *tab; /* the items' printed values are this table unit's */
    item *items;
    int n;
    struct list_cache *next;
} list_cache;

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
    struct js_class_list *js_classes; /* the 决算 类 list last read (js_tables.c) */
    int h1, h2;     /* heading counters */
    /* Expansion limits (see bld_expand(), build_text.c): */
    int depth;            /* bld_expand() calls nested now */
    size_t used, total;   /* bytes expanded for the current text, for the document */
    int top_line, top_col;/* where the current text stands */
    int text_over;        /* the current text passed a limit (reported) */
    int doc_over;         /* the document did (reported) */
    list_cache *lists;    /* every {列举:…} list, made once (bld_list_items) */
    struct row_fields *rf; /* the row of the table being built */
    /* Printed values, shared by every table, chart and sentence that shows
     * a figure: the tables' at [units] decimals in each unit (fig[unit]),
     * and the text's (tfig: text_unit at text_decimals; NULL: the same as
     * fig[text_unit]). */
    figures fig[2];
    figures tfig_own;
    figures *tfig;
    figures *tab;   /* the table or chart being built: fig[its unit] */
    int in_cell;    /* expanding a table cell (compare=): the table's format */
    int in_block;   /* expanding a table's or chart's own text (title, unit,
                       head, note …): the table's format and {单位} */
    int in_group;   /* the placeholder being expanded stands inside [[…]] */
    const item *row;  /* for csv:FILE: the row being repeated, or NULL */
    int for_at, for_row; /* its statement and row (build_projects.c) */
    const char *table_note; /* table-note: the note of tables without one */
} builder;

/* ---- build.c ---- */

/* Reports an error at the template position being built; marks the build
 * failed. */
void bld_fail(builder *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* An amount as the table being built writes it (arena string): its unit,
 * [units] decimals, trim and thousands. */
const char *bld_fmt_amount(builder *b, money v);

/* As the text writes it ([units] text_unit, text_decimals, text_trim,
 * text_thousands; the tables' settings where not given), or as the table
 * writes it inside a table's own text or cells (bld_in_table). */
const char *bld_fmt_text(builder *b, money v);

/* Whether the text being expanded belongs to a table or chart (its title,
 * unit line, header, note or cells): then amounts and {单位} are the
 * table's. */
int bld_in_table(const builder *b);

/* Builds a table or chart block (build: bld_table or the chart's) in its
 * own unit when it says one (`units`): everything it writes (title, unit
 * line, header, cells, notes) is the block's (bld_in_table). */
void bld_block(builder *b, const tmpl_stmt *st, void (*build)(builder *, const tmpl_stmt *));

/* A change as the text (or a cell) writes it, never a false figure: the
 * difference of the printed figures it compares when that is within half
 * a display step of the exact change and has two significant digits (or
 * is exact); else the exact change with the digits it needs
 * (money_format_change).  Signs are dropped. */
const char *bld_fmt_change(builder *b, money exact, money printed);


/* The item of a figure by name (both years, printed values, stated
 * reason); 0 if key names no figure. */
int bld_figure_item(builder *b, const char *key, item *it);

/* The items of a list that {列举:…} iterates. Returns the count (items in
 * an arena array) or -1 for an unknown list, -2 after reporting a bad
 * item in 三公(A、B、…). */
int bld_list_items(builder *b, const char *list, item **out);

/* ---- build_text.c ---- */

/* Expands the placeholders of a template text (it: the item context, or
 * NULL), keeping the expansion limits; "" after reporting. */
const char *bld_expand(builder *b, const char *text, const item *it);

/* The comparison phrase of one item with the family's wording; *pct (may
 * be NULL) gets the scaled change percentage, *kase (may be NULL) the case
 * (tmpl_case). */
const char *bld_compare_phrase(builder *b, const char *family, const item *it, long long *pct,
                               int *kase);

/* ---- build_tables.c ---- */

/* Adds the table of a template table statement (through bld_block). */
void bld_table(builder *b, const tmpl_stmt *st);

/* Whether an if condition holds (previous, has:NAME, no:NAME); an unknown
 * NAME fails the build at b->line. */
int bld_condition(builder *b, const char *cond);

/* The 类 (function classes) of this year and last, matched by code and
 * sorted by code.  Returns the count; codes and names in arena arrays. */
int bld_class_union(builder *b, const char ***codes, const char ***names);

/* Total expenditure (every source) of a function code in one year; *found
 * is 0 when the year does not have the code; *shown (may be NULL) gets its
 * printed value. */
money bld_class_total_shown(builder *b, const budget *bg, const char *code, int *found,
                            money *shown);

/* ---- build_projects.c ---- */

/* for csv:FILE at statement i: sets b->row to its first row and returns i,
 * or returns the index of its end when FILE has no rows. */
int bld_for(builder *b, int i);

/* The end statement i: after the last line of a for block, the next row
 * (returns the for's index, so its lines run again) or the block's end. */
int bld_for_end(builder *b, int i);

/* The counts and amounts of units, targets and projects ({单位数},
 * {绩效项目数} …); NULL when name is none of them. */
const char *bld_project_var(builder *b, const char *name);

/* {金额:列名}: the row's cell as an amount in the text's format. */
const char *bld_amount_cell(builder *b, const char *column, const item *it);

/* has:NAME for project_notes and the counts: 1 or 0; -1 when NAME is none
 * of them. */
int bld_project_condition(builder *b, const char *name);

/* ---- js_tables.c, js_text.c (the 决算, js.h) ---- */

/* Table sources js_*: their field count and names (0: not one). */
int js_table_fields(const char *source, const char *const **fields);
/* Fills a js_* table; 0 when source is not one. */
int js_table_rows(builder *b, doc_table *t, const tmpl_table *tt, const int *fix,
                  const char *source);
/* has:js_other, js_three_public, js_fund, js_state_capital: 1 or 0; -1 for
 * another name. */
int js_condition(builder *b, const char *name);
/* {决算:…} placeholders; NULL when name[0] is not 决算. */
const char *js_placeholder(builder *b, char **part, int n, const item *it);
/* {决算:文字:NAME}, {决算:绩效制度句}, {决算:绩效自评句} (js_words.c); *done 0
 * for another name. */
const char *js_words_placeholder(builder *b, const struct js_data *j, char **part, int n,
                                 int *done);

/* ---- build_toc.c ---- */

/* A cover line (T_COVER) or the 目录 (T_TOC) of the template. */
void bld_front(builder *b, const tmpl_stmt *st);

/* Once the blocks are built: the outline entries of title lines (see
 * build_toc.c). */
void bld_outline(doc *dm);

#endif
