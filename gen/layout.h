/*
 * layout — the document model (doc.h) set on pages: every heading,
 * paragraph line and table cell becomes a positioned drawing operation.
 * Stage: layout.  Input: a doc and the two fonts (measured through fonts.h,
 * lines broken by linebreak.h).  Output: pages of text runs, grid lines and
 * shaded rectangles in PDF points (origin bottom left), plus the outline
 * entries, all in the run's arena.  No PDF library here: render_pdf.c only
 * draws what this module decided, so the geometry can be tested alone.
 *
 * Typesetting rules (see the file notes in layout.c): A4 portrait pages with
 * a text block a whole number of body characters wide; landscape pages for
 * tables marked landscape; justified body text with a two-character first
 * line indent; headings kept with what follows; tables with column widths
 * from their content, header rows repeated on every page, rows never split
 * unless one alone is taller than a page, a row-spanned cell cut between
 * lines of its text and continued on the next page under "续表"; bar charts (DOC_CHART) across the text block of a
 * portrait page, never split; a page footer with the page number and count.
 * A cover (DOC_COVER) and a 目录 (DOC_TOC) go first, on pages of their own
 * without footers; the footers number the body's pages from 1, and the 目录
 * lists the outline with those numbers (layout_toc.c).
 */
#ifndef GEN_LAYOUT_H
#define GEN_LAYOUT_H

#include "arena.h"
#include "diag.h"
#include "doc.h"
#include "fonts.h"

#include <stddef.h>
#include <stdint.h>

/* Page sizes in points (ISO A4, 210 × 297 mm). */
#define LAY_A4_SHORT 595.276
#define LAY_A4_LONG 841.89

/* The fonts a layout uses, by role, as indexes into the array given to
 * layout_doc() (config.h: [fonts]): body paragraphs, 一级标题 (and table
 * titles, labels), the document title, 二级及以下标题, table cells, and
 * table header cells and 合计 rows; then the faces of the figures (ASCII
 * digits and . , % - +) of table cells, of header cells and
 * 合计 rows, and of paragraphs ([fonts] figures; layout_figures.c).  A
 * figures face that is its role's own face splits nothing.  Several roles
 * may share one font. */
enum {
    LAY_FONT_BODY,
    LAY_FONT_HEADING,
    LAY_FONT_TITLE,
    LAY_FONT_SUBHEADING,
    LAY_FONT_TABLE,
    LAY_FONT_TABLE_BOLD,
    LAY_FONT_FIGURES,      /* the figures of LAY_FONT_TABLE */
    LAY_FONT_FIGURES_BOLD, /* of LAY_FONT_TABLE_BOLD */
    LAY_FONT_FIGURES_TEXT, /* of LAY_FONT_BODY (paragraphs, table unit lines and notes) */
    LAY_NFONTS
};

typedef enum lay_op_kind {
    LAY_TEXT, /* one line of text */
    LAY_LINE, /* a straight stroked line (table grid) */
    LAY_RECT  /* a filled rectangle (header shading, chart bars and gridlines) */
} lay_op_kind;

/* What a text run belongs to (for the renderer's checks and for tests). */
typedef enum lay_role {
    LAY_ROLE_TEXT,       /* titles, headings, paragraphs, labels, list items */
    LAY_ROLE_TABLE,      /* a table's title, unit line or note */
    LAY_ROLE_HEAD,       /* a table header cell */
    LAY_ROLE_CELL,       /* a table body cell */
    LAY_ROLE_FOOTER,     /* the page footer */
    LAY_ROLE_CHART,      /* a chart's title, unit, axis numbers and legend */
    LAY_ROLE_CHART_CAT,  /* a line of a chart's category label (box: the category's column) */
    LAY_ROLE_CHART_VALUE /* a chart's value label, above its bar */
} lay_role;

/* An axis-aligned box in points: x0 < x1, y0 < y1. */
typedef struct lay_box {
    double x0, y0, x1, y1;
} lay_box;

typedef struct lay_op {
    lay_op_kind kind;
    lay_role role;
    /* LAY_TEXT: text is drawn with its baseline starting at (x, y). */
    const char *text;    /* NUL-terminated UTF-8 (arena), no control characters */
    int font;            /* LAY_FONT_* */
    int bold;            /* 1: emulated bold (fill then stroke the outlines) */
    double size;         /* font size, pt */
    double char_space;   /* added after every character (PDF Tc): justification */
    double width;        /* drawn width: advances plus char_space between characters */
    lay_box box;         /* the area the run must stay inside: its cell or text block */
    const diag_pos *pos; /* where the text came from (messages); NULL for the footer */
    size_t block;        /* index of the doc block that produced the op */
    double x, y;
    /* LAY_LINE: from (x, y) to (x2, y2), line_width wide, in black.
     * LAY_RECT: box filled with gray (0 black .. 1 white), or with the
     * colour rgb (0xRRGGBB) when has_rgb. */
    double x2, y2;
    double line_width;
    double gray;
    int has_rgb;
    uint32_t rgb;
} lay_op;

typedef struct lay_page {
    double width, height; /* media size, pt */
    int landscape;
    lay_box area; /* the text block (inside the margins) */
    size_t n_ops;
    lay_op *ops; /* drawn rectangles first, in this order (a chart's bars
                    cover its gridlines), then lines, then text */
} lay_page;

/* One outline (bookmark) entry, in document order. */
typedef struct lay_mark {
    const char *title; /* UTF-8 (arena) */
    int level;         /* 1 top level; a level n + 1 entry nests under the last level n */
    size_t page;       /* 0-based page index */
    double y;          /* top of the block on that page */
    size_t block;      /* the doc block it marks */
} lay_mark;

/*
 * A chart as placed, for tests and checks (the drawing itself is in the
 * page's ops).  Coordinates are page points like the ops'.
 */
typedef struct lay_chart {
    size_t block; /* index of the DOC_CHART block */
    size_t page;  /* 0-based page index */
    lay_box box;  /* the whole chart, title to category labels */
    lay_box plot; /* the bars' area: value 0 (y0) to the top gridline
                     (y1), first to last category */
    money step;   /* value axis: gridlines every step (fen), */
    int n_steps;  /* n_steps of them above 0 (4 to 6) */
    int n_cats;
    lay_box *cats;   /* per category: the column its label stays in */
    double cat_size; /* type size of the category labels */
    int cat_lines;   /* most lines a category label takes (1 or 2) */
} lay_chart;

typedef struct layout {
    size_t n_pages; /* at least 1 */
    lay_page *pages;
    size_t n_marks;
    lay_mark *marks;
    size_t n_front;  /* the first n_front pages are the cover and the 目录:
                        no footer; the footers number the rest from 1 */
    size_t n_charts; /* in document order */
    lay_chart *charts;
} layout;

/*
 * Lays out dm with fonts[LAY_FONT_*] (several may be the same font; a NULL
 * figures face is its role's own).  Fonts are only measured (font_advance); a
 * character missing from a font is measured as its .notdef glyph and is the
 * renderer's to report.  Reports warnings through d (a table too wide for
 * its page even at the smallest table size).  Never fails: the result and
 * everything it points to are owned by a.
 */
layout *layout_doc(arena *a, diag *d, const doc *dm, font *const fonts[LAY_NFONTS]);

/* The fill of series s of a chart of n series, 0xRRGGBB: print-friendly
 * colours that stay apart in black-and-white print (two series: mid grey,
 * then deep blue).  The workbook's native charts use the same. */
uint32_t lay_series_rgb(int s, int n);

/* A chart's value axis for amounts up to max (fen): gridlines every
 * returned step, *n of them above 0.  The step is 1, 2, 2.5 or 5 × 10^k
 * fen, the smallest that covers max in at most 6 steps: 4 to 6 steps (fewer
 * only if max is a few fen).  max <= 0 gives 5 steps of unit_scale (one
 * display unit).  The workbook's native charts use the same axis. */
money lay_nice_step(money max, money unit_scale, int *n);

#endif
