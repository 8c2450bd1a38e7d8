/*
 * doc — the document model: what the disclosure says, before any layout.
 * Stage: build → doc → (layout, renderers).  Built by build.c from the data
 * and the template; read by render_pdf.c (through layout), render_xlsx.c
 * and doc_dump_tree().  Renderers compute no content: every string, number
 * format, span and alignment is decided here.
 *
 * Tables are modelled the way mandoc's tbl does: column specs apart from
 * cells; cells in a full grid where a cell covered by another's span has
 * rowspan == colspan == 0.  Every cell keeps the source position of the
 * figure it shows.  All memory is in the run's arena.
 */
#ifndef GEN_DOC_H
#define GEN_DOC_H

#include "arena.h"
#include "diag.h"
#include "money.h"

#include <stdio.h>

typedef enum doc_align { DOC_LEFT, DOC_CENTER, DOC_RIGHT } doc_align;

/* What a column holds: decides alignment defaults and XLSX cell types. */
typedef enum doc_col_kind {
    DOC_COL_TEXT,    /* wrapped text */
    DOC_COL_CODE,    /* classification code: never wrapped */
    DOC_COL_AMOUNT,  /* money: right-aligned, a number in XLSX */
    DOC_COL_PERCENT  /* a percentage or a worded change: right-aligned */
} doc_col_kind;

typedef struct doc_column {
    const char *key;    /* the template's field name, e.g. "合计" */
    doc_col_kind kind;
    doc_align align;
    double min_chars;   /* minimum width in em (0: from content) */
    double weight;      /* share of spare width (default 1) */
} doc_column;

typedef enum doc_row_kind {
    DOC_ROW_NORMAL,
    DOC_ROW_SUBTOTAL, /* 类/款 subtotal lines */
    DOC_ROW_TOTAL     /* 合计 / 总计 lines: emphasised */
} doc_row_kind;

typedef struct doc_cell {
    const char *text;   /* as printed ("" for an empty cell) */
    int rowspan;        /* >= 1 for an anchor, 0 for a covered cell */
    int colspan;        /* >= 1 for an anchor, 0 for a covered cell */
    doc_align align;
    int is_amount;      /* text shows `value` (XLSX writes a number) */
    money value;        /* exact, when is_amount */
    int is_percent;     /* text shows `percent` (scaled by 10^percent_decimals) */
    long long percent;
    diag_pos pos;       /* where the figure came from (file, line, column) */
    const int *sum_rows;/* a computed subtotal or total: the body rows (0-based)
                           whose cells in the same column it sums, so the
                           workbook can show a formula; NULL otherwise */
    int n_sum;
    const int *sum_cols;/* a sum across its own row: the columns (0-based) whose
                           cells in the same row it adds (the “三公” 合计); NULL
                           otherwise */
    int n_sum_cols;
} doc_cell;

typedef struct doc_table {
    const char *id;        /* template table name, e.g. "three_public" */
    const char *title;     /* centred above the table; NULL for none */
    const char *unit_line; /* right-aligned above the table, e.g. "单位：万元" */
    const char *unit_left; /* on the same line at the left, e.g. "编制部门：…"; NULL */
    const char *note;      /* below the table (e.g. the empty-table note); NULL */
    const char *sheet;     /* XLSX sheet name (<= 31 characters) */
    money_unit unit;       /* of its amount cells' values (doc_table_new: 万元) */
    int landscape;         /* wide table: set on landscape pages */
    int ncols;
    doc_column *cols;
    int n_head;            /* header rows, repeated on every page */
    doc_cell *head;        /* n_head * ncols, row-major */
    int n_body;
    doc_cell *body;        /* n_body * ncols, row-major */
    doc_row_kind *row_kind;/* n_body */
} doc_table;

/* A grouped bar chart: for each category (x axis), one bar per series
 * (e.g. last year and this year).  Values are exact amounts. */
typedef struct doc_chart {
    const char *id;          /* template chart name, e.g. "three_public" */
    const char *title;       /* centred above the plot */
    const char *unit;        /* value axis label, e.g. "单位：万元" */
    const char *sheet;       /* XLSX sheet holding the chart's data */
    money_unit amount_unit;  /* of its values and labels */
    int n_cats;
    const char **cats;       /* category labels */
    int n_series;
    const char **series;     /* series names, e.g. "2019年", "2020年" */
    money *values;           /* n_series * n_cats, series-major */
    const char **labels;     /* the same values formatted as the document
                                prints amounts (for value labels) */
} doc_chart;

typedef enum doc_block_kind {
    DOC_TITLE,     /* title lines, centred, large */
    DOC_HEADING,   /* level 1 (一、) or 2 (1、) */
    DOC_PARA,      /* body paragraph, first line indented two characters */
    DOC_LABEL,     /* a run-in label line in the heading face, not indented */
    DOC_LIST_ITEM, /* numbered item: number is hung, text wraps under itself */
    DOC_TABLE,
    DOC_PAGE_BREAK,
    DOC_CHART,     /* a bar chart (chart) */
    DOC_COVER,     /* a line of the cover page (level 1: a title line, large;
                      2: another line, e.g. 编制单位): the cover blocks make
                      the first page, without a footer */
    DOC_TOC,       /* the 目录: text is its title; its entries (the outline,
                      with the page numbers the footers print) are made by
                      layout, on pages of their own after the cover */
    DOC_LINE       /* a body line, not indented, aligned by `align` (a
                      notice's 文号, addressee, signature and date) */
} doc_block_kind;

typedef struct doc_block {
    doc_block_kind kind;
    int level;            /* headings: 1 or 2; cover lines: 1 title, 2 other */
    const char *number;   /* headings and list items: "一、", "（1）" */
    const char *text;     /* without the number */
    doc_table *table;     /* DOC_TABLE */
    doc_chart *chart;     /* DOC_CHART */
    const char *sheet;    /* DOC_LIST_ITEM of a list csv:FILE: the workbook
                             sheet its consecutive items also go to */
    int bookmark;         /* 1: gets a PDF outline entry */
    doc_align align;      /* DOC_LINE: its side */
    diag_pos src;         /* template line that produced it */
} doc_block;

/* A file the PDF carries as an embedded file (render_data.c fills these
 * before the PDF is written; pdf_attach.c attaches them). */
typedef struct doc_attachment {
    const char *name; /* as stored in the PDF: ASCII, e.g. "facts.csv" */
    const char *path; /* where it can be read now (a temporary file) */
    const char *desc; /* UTF-8 description, e.g. the table's title; NULL */
} doc_attachment;

typedef struct doc {
    const char *title;    /* metadata: title, subject, author, keywords */
    const char *subject;
    const char *author;
    const char *keywords;
    const char *footer;   /* page footer pattern: "第{页}页 共{总页}页" */
    const char *continued;/* above a table continued from the page before
                             ("续表"); NULL or "" for none */
    int year;             /* for the fixed creation date */
    size_t n;
    doc_block *blocks;
    size_t cap;
    const doc_attachment *attach; /* sorted by name (bytes); NULL: none */
    size_t n_attach;
} doc;

/* A new empty document. */
doc *doc_new(arena *a);

/* Appends a block and returns it (zeroed but for kind); valid until the
 * next append. */
doc_block *doc_add(arena *a, doc *d, doc_block_kind kind);

/* A table with ncols columns and no rows; rows are added below. */
doc_table *doc_table_new(arena *a, int ncols);

/* Adds a header or body row of empty anchor cells (span 1) and returns
 * the row's first cell.  The grid may move: a pointer into it is valid only
 * until the next row is added (use doc_body_cell() after that). */
doc_cell *doc_table_add_head(arena *a, doc_table *t);
doc_cell *doc_table_add_body(arena *a, doc_table *t, doc_row_kind kind);

/* Cell at (row, col) of the header or body grid. */
doc_cell *doc_head_cell(const doc_table *t, int row, int col);
doc_cell *doc_body_cell(const doc_table *t, int row, int col);

/* Makes (row, col) an anchor spanning rs rows and cs columns and marks the
 * cells it covers (span 0).  body selects the grid. */
void doc_table_span(doc_table *t, int body, int row, int col, int rs, int cs);

/* Prints the model as indented text: blocks, tables with their grids and
 * spans.  The regression net for build.c (`budgetgen tree`). */
void doc_dump_tree(const doc *d, FILE *out);

/* Calls fn for every string the document shows (for collecting the code
 * points a font subset needs, and for checking them). */
void doc_each_text(const doc *d, void (*fn)(void *ctx, const char *text, diag_pos pos), void *ctx);

#endif
