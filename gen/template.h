/*
 * template — the document template: section order, headings, fixed
 * wording, sentence patterns and table definitions (docs/templates.md).
 * Stage: load.  Input: a UTF-8 text file of directives, one per line.
 * Output: the parsed template (statements in order) in the arena.  A broken
 * template is an error naming its line; placeholders are checked here, so a
 * typo in a placeholder name is caught before any data is read into text.
 */
#ifndef GEN_TEMPLATE_H
#define GEN_TEMPLATE_H

#include "arena.h"
#include "diag.h"
#include "doc.h"
#include "paths.h"

typedef enum tmpl_kind {
    T_TITLE,      /* title TEXT */
    T_HEADING,    /* heading TEXT          (numbered 一、二、…) */
    T_SUBHEADING, /* subheading TEXT       (numbered 1、2、… within a heading) */
    T_PARA,       /* para TEXT */
    T_LABEL,      /* label TEXT */
    T_TEXT,       /* text duties|overall_goal|notes */
    T_LIST,       /* list duty_goals|glossary NUMBER | ITEM */
    T_TABLE,      /* table NAME … end */
    T_IF,         /* if COND … end */
    T_END,
    T_PAGEBREAK,
    T_CHART,      /* chart NAME … end (title, unit, sheet) */
    T_FOR,        /* for csv:FILE … end: its lines once per row of FILE */
    T_COVER,      /* a line of a cover … end block: arg the text, arg2 "title"
                     or "line" */
    T_TOC,        /* toc TITLE: the 目录 */
    T_LINE,       /* line left|center|right TEXT: arg the text, arg2 the side */
    T_TABLE_NOTE  /* table-note [TEXT]: the note of the tables that follow */
} tmpl_kind;

/* The conditions of the if blocks around a head or col line inside a table
 * block (outermost first): the line counts only when all of them hold.
 * n == 0: always. */
typedef struct tmpl_cond {
    const char **c;
    int n;
} tmpl_cond;

/* Column flags */
enum { TC_BLANK_ZERO = 1 };

typedef struct tmpl_column {
    const char *key;       /* field of the table's data source */
    doc_col_kind kind;
    doc_align align;
    int merge;             /* 0, or merge group: 1 duty, 2 activity, 3 blank (a
                              blank cell continues the cell above) */
    const char *points_of; /* column whose 分 points this column's items sum to */
    const char *points_with; /* a column whose points count with this one's
                                (a part shared by every quarter) */
    const char *span_into; /* csv:FILE tables: the next column, which this
                              column's non-blank cell spans when blank there */
    int flags;
    double min_chars, weight;
    const char *compare;   /* compare family for change columns, or NULL */
    const char *classes;   /* classes=FILE: the 类 the column always lists (a
                              CSV 科目编码,科目名称, relative to the template
                              file), or NULL: only those with money */
    int line;
    tmpl_cond cond;        /* if blocks around the col line */
} tmpl_column;

typedef struct tmpl_table {
    int chart;             /* a chart block (only title, unit, sheet) */
    const char *source;    /* institutions, three_public, performance …; for
                              charts: three_public, function_classes */
    const char *title, *unit, *note, *empty_note, *sheet;
    const char *unit_left; /* at the left of the unit line ("编制部门：{部门}") */
    int units;             /* its own unit of amounts (money_unit), or -1 */
    int units_line;
    int landscape;
    int n_head;
    const char **head;     /* header lines "A^2 | B>3 | C" */
    int *head_line;
    int ncols;
    tmpl_column *cols;
    tmpl_cond *head_cond;  /* n_head: if blocks around each head line */
    int conditional;       /* some head or col line stands inside an if block */
} tmpl_table;

typedef struct tmpl_stmt {
    tmpl_kind kind;
    const char *arg;       /* text, or name for text/list/table/if */
    const char *arg2;      /* list: number pattern; */
    const char *arg3;      /* list: item pattern */
    tmpl_table *table;
    int end;               /* T_IF, T_FOR: index of its T_END; T_END: of its opener */
    int line;
    int col;               /* column where arg's text starts (for messages) */
} tmpl_stmt;

/* compare FAMILY CASE TEXT: the phrase for one case of a comparison. */
/* zero: nothing in either year (falls back to same when not given). */
typedef enum tmpl_case { TC_SAME, TC_UP, TC_DOWN, TC_NEW, TC_GONE, TC_ZERO, TC_NCASES } tmpl_case;

typedef struct tmpl_compare {
    const char *family;
    const char *text[TC_NCASES]; /* NULL where not given */
    int line[TC_NCASES];
    int col[TC_NCASES];
} tmpl_compare;

typedef struct tmpl_sentence {
    const char *name, *text;
    int line, col;
} tmpl_sentence;

typedef struct tmpl_empty_note {
    const char *source, *text;
    int line;
} tmpl_empty_note;

typedef struct tmpl {
    const char *path;
    const char *meta_title, *meta_subject, *meta_keywords, *footer;
    const char *continued; /* `continued TEXT`: above a continued table (续表) */
    const char *num_heading, *num_subheading; /* "{中文}、", "{数字}、" */
    /* units tables|text UNIT: the unit (money_unit) of the tables and
     * charts, of the text; -1 where the template does not say */
    int table_units, text_units;
    int table_units_line, text_units_line;
    int n;
    tmpl_stmt *stmts;
    int n_compare;
    tmpl_compare *compares;
    int n_sentence;
    tmpl_sentence *sentences;
    /* empty-note TABLE TEXT outside a table block: the wording of that
     * table when it is published empty, for every block of the table */
    int n_empty_note;
    tmpl_empty_note *empty_notes;
    /* Hash indexes of the names (open addressing, entry + 1, 0 empty), so a
     * template of many sentences is not searched name by name. */
    int *sentence_index, *compare_index;
    size_t sentence_cap, compare_cap;
    /* Lines are numbered across included files; this maps them back. */
    int cap_lines;
    const char **line_file;
    int *line_local;
} tmpl;

/* Size limits of a template (docs/templates.md).  A template is at most
 * TEMPLATE_MAX_BYTES of text together with the files it includes, every
 * inclusion counted (a file included twice counts twice), and makes at most
 * TEMPLATE_MAX_INCLUDES inclusions in all: includes fanning out 200 × 200 ×
 * 200 stop at the include line that passes a limit, instead of parsing
 * eight million files.  Each file is at most 4 MiB. */
#define TEMPLATE_MAX_BYTES (8 << 20)
#define TEMPLATE_MAX_INCLUDES 1000

/* Parses path.  Returns NULL after reporting every error with its line.
 * path and every included file are opened once each (paths_open): a
 * regular file that leads into root (paths.h; NULL: anywhere), read from
 * the descriptor that was checked.  An included file that leads outside is
 * an error at its include line; path itself is judged first, with the
 * config line, by config_check_paths, and again here on what was opened.
 * A sentence that expands itself, directly ({列举:LIST:S} in sentence S) or
 * through other sentences and compare wordings, is an error at the
 * placeholder that closes the cycle: expanding it would never end. */
tmpl *template_load(arena *a, diag *d, const char *path, const paths_root *root);

/* The CSV files the template lays out as they are (table csv:FILE,
 * list csv:FILE and for csv:FILE), without duplicates.  Returns the count; *files is arena
 * memory. */
size_t template_csv_files(arena *a, const tmpl *t, const char ***files);

/* Looks up a compare family or a sentence by name; NULL if absent. */
const tmpl_compare *template_compare(const tmpl *t, const char *family);
const tmpl_sentence *template_sentence(const tmpl *t, const char *name);

/* Position of template line `line` (column col, 0 for none), for messages. */
diag_pos template_pos(const tmpl *t, int line, int col);

/* The case names as written in templates: same up down new gone. */
extern const char *const tmpl_case_names[TC_NCASES];

#endif
