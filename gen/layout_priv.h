/*
 * layout_priv.h — what the layout modules share (private: not for other
 * stages).  layout.c: measuring, pages, drawing operations, text blocks
 * and the pass driver; layout_table.c: tables (sizing, page breaks,
 * drawing); layout_chart.c: bar charts; layout_toc.c: the cover and the
 * 目录.  See layout.c for the rules.
 */
#ifndef GEN_LAYOUT_PRIV_H
#define GEN_LAYOUT_PRIV_H

#include "layout.h"

#include "linebreak.h"

#include <stddef.h>
#include <stdint.h>

/* ---- page and type sizes (points) --------------------------------------- */

#define MM (72.0 / 25.4)
#define MARGIN_SIDE (25 * MM) /* nominal: the text width is rounded down to whole characters */
#define MARGIN_TOP (28 * MM)
#define MARGIN_BOTTOM (25 * MM) /* the footer sits in the middle of it */

#define BODY_SIZE 12.0  /* 小四 */
#define BODY_LEAD 1.6   /* line height in em */
#define TITLE_SIZE 22.0 /* 二号 */
#define TITLE_LEAD 1.5
#define TITLE_AFTER 18.0
#define H1_SIZE 15.0
#define H2_SIZE 13.0
#define HEAD_LEAD 1.5
#define H1_BEFORE 10.0
#define H1_AFTER 4.0
#define H2_BEFORE 5.0
#define H2_AFTER 2.0
#define INDENT_EM 2.0 /* first-line indent of paragraphs, headings, list numbers */

#define TTITLE_SIZE 13.0 /* table title */
#define UNIT_SIZE 10.5   /* 五号: the unit line and the note */
#define CELL_LEAD 1.3
#define CELL_PADX (1.9 * MM) /* as a word processor's table at 五号 (10.5 pt): 1.9 mm left and right */
#define CELL_PADY (0.7 * MM) /* and 0.7 mm above and below */
/* the padding of cells set at size pt: in proportion to the type */
#define PADX(size) (CELL_PADX * (size) / UNIT_SIZE)
#define PADY(size) (CELL_PADY * (size) / UNIT_SIZE)
#define TIGHT_LEAD 1.2  /* CELL_LEAD of a table set closer to save a page (squeeze()) */
#define TIGHT_PADY 0.5  /* and the share of CELL_PADY it keeps */
#define SQUEEZE_ROWS 5  /* most rows a squeeze may take back from a table's last page */
#define KEEP_ROWS 3          /* body rows kept with a table's title and header */
#define TABLE_BEFORE 9.0
#define TABLE_AFTER 12.0
#define NOTE_GAP 4.0
#define MAX_KEEP_WASTE 0.25 /* of a page: see keep_spans() */
#define GRID_INNER 0.5
#define GRID_OUTER 0.75
#define HEAD_GRAY 0.92 /* header shading: very light grey */

#define FOOTER_SIZE 9.0

/* Top of the ideographic em box above the baseline, in em: the em box
 * (-0.12 .. 0.88) is what gets centred in a line. */
#define EM_ASCENT 0.88
#define EM_DESCENT 0.12

/* Justification spreads a line's spare width over its character gaps; a
 * line whose gaps would open wider than this (a long Latin word pushed to
 * the next line) is left ragged instead of being letter-spaced. */
#define MAX_CHAR_SPACE_EM 0.25

/* Column widths (em of the table's type size, see col_limits()). */
#define MIN_COL_EM 3.0   /* no text column narrower than three characters: names stay legible */
#define MIN_CODE_EM 2.0  /* codes, amounts, percentages: their own width, at least two */
#define HEAD_LINES 3.0   /* a header label is set on at most three lines */
#define TEXT_HEAVY 2.0   /* see text_heavy() in layout_table.c */
#define SHORT_EM 4.0     /* a column whose longest text is this short never wraps */
#define HEAD_PREF_EM 6.0 /* a header's preference for a single line stops here */
#define PREF_CAP 0.35    /* share of the width one column may prefer */
#define WIDTH_EPS 0.01   /* keeps a text exactly as wide as its column on one line */

#define EPS 1e-6

#define CHART_BEFORE 9.0 /* above a chart (layout_chart.c) */

/* ---- measuring ---------------------------------------------------------- */

typedef struct meas {
    font *f;
    double k;  /* size / 1000: font units are 1/1000 em */
    font *fig; /* figures (lay_is_figure) in this face, when it has them;
                  NULL: everything in f (layout_figures.c) */
} meas;

/* ---- the layout under construction --------------------------------------- */

/* A block of lines: a paragraph, heading, title, or a table's title, unit
 * line or note.  x offsets are from the left edge of the text block. */
typedef struct para {
    const char *text; /* what was broken (number and text for headings) */
    lb_line *lines;   /* malloc'd by lb_break */
    size_t n;
    int font;
    int bold;
    double size, lead; /* type size and line height */
    double xoff, w;    /* the block's left edge and width */
    double indent;     /* first line, from xoff */
    double hang;       /* other lines, from xoff */
    doc_align align;   /* LEFT is justified when justify is set */
    int title;         /* a title, heading or 目录 entry: lb_break_title() */
    int justify;
    int figs;          /* figures in the figures face of font (lay_meas) */
    const char *number; /* list items: hung number, drawn at num_x */
    double num_x, num_w;
    double before, after; /* space above and below */
} para;

typedef struct tcell {
    const doc_cell *src;
    int r, c, rs, cs; /* grid position and spans, clamped to the grid */
    int head;         /* 1: header grid */
    int font, bold;
    doc_align align;
    double min_em, nat_em; /* widest unbreakable piece, natural width (em) */
    double sum_em;         /* all of the text on one line (em), for estimates */
    int pieces;            /* lines forced by '\n', plus one */
    lb_line *lines;        /* malloc'd by lb_break */
    size_t n;
    double need;  /* height the text needs: n lines plus padding */
    size_t shown; /* row-spanned cells: lines drawn on earlier pages */
} tcell;

typedef struct tprep {
    const doc_table *t;
    int landscape;
    int heavy;          /* a table of long texts: widths that make it short */
    double size, lh;    /* type size and line height of the cells */
    double pady;        /* their padding above and below the text */
    double *colx;       /* ncols + 1 column edges from the table's left */
    double width, xoff; /* table width; left edge from the text block's */
    tcell *cells;       /* header anchors, then body anchors, row-major */
    size_t nhcells, ncells;
    size_t *row_first;     /* body anchors of row r: cells[row_first[r] .. row_first[r + 1]) */
    double *hh, head_h;    /* header row heights and their sum */
    double *bh;            /* body row heights, row-spanned text included */
    double *ph;            /* scratch: row heights on the page being planned */
    double *ry;            /* scratch: row tops on the page being drawn */
    size_t *spans, nspans; /* body anchors spanning rows */
    size_t *order, nhorder, nborder; /* row-spanned anchors by rowspan: header ones, then body */
    size_t *by_end, *end_first; /* spans by last row: by_end[end_first[r] .. end_first[r + 1]) */
    para title, unit, note;
    para left; /* unit_left, at the left of the unit line */
    para cont; /* the document's `continued` (续表), atop continuation pages */
    int has_title, has_unit, has_note, has_left, has_cont;
} tprep;

typedef struct cprep cprep; /* a chart, ready to place (see the charts section) */

/* Everything known about one block before placing it. */
typedef struct prep {
    int landscape; /* goes on a landscape page */
    para p;        /* text blocks */
    tprep *t;      /* tables */
    cprep *c;      /* charts */
} prep;

typedef struct lay {
    arena *a;
    diag *d;
    const doc *dm;
    font *fonts[LAY_NFONTS];
    int fig[LAY_NFONTS]; /* the figures role of a role, -1: none or the same face */
    lay_page *pages; /* finished pages (malloc'd, copied to the arena at the end) */
    size_t n_pages, cap_pages;
    lay_mark *marks;
    size_t n_marks, cap_marks;
    int open; /* cur is a started page */
    lay_page cur;
    lay_op *ops; /* ops of cur (malloc'd) */
    size_t n_ops, cap_ops;
    double y;          /* top of the free space on cur */
    int fresh;         /* nothing placed on cur yet */
    size_t block;      /* index of the block being placed */
    int section;       /* level of the last heading placed (nests table bookmarks) */
    lay_chart *charts; /* charts placed (malloc'd, copied to the arena at the end) */
    size_t n_charts, cap_charts;
} lay;

/* ---- layout.c ---------------------------------------------------------- */

double lay_advance_cb(void *ctx, uint32_t cp);

double lay_natural_width(const char *s, meas *m, double *sum, int *pieces);

double lay_area_width(int landscape);

void lay_finish_page(lay *l);

void lay_new_page(lay *l, int landscape);

void lay_ensure_orientation(lay *l, int landscape);

lay_op *lay_push_op(lay *l, lay_op_kind kind);

void lay_add_mark(lay *l, const char *title, int level);

const char *lay_copy_run(lay *l, const char *s, size_t len, size_t *nchars);

void lay_emit_text(lay *l, lay_role role, int fnt, int bold, double size, double x, double y,
                   const char *text, size_t nchars, double natural, double cs, lay_box box,
                   const diag_pos *pos);

void lay_emit_line_op(lay *l, double x, double y, double x2, double y2, double width);

void lay_emit_rect(lay *l, lay_box box, double gray);

double lay_justify_space(const lb_line *ln, size_t nchars, double avail, double size);

void lay_break_para(lay *l, para *p);

void lay_emit_para_line(lay *l, const para *p, size_t k, double top, lay_role role,
                        const diag_pos *pos);

void lay_place_para(lay *l, const para *p, lay_role role, const diag_pos *pos);

double lay_para_height(const para *p);

/* ---- layout_figures.c ---------------------------------------------------- */

/* ASCII digits and . , % - +: set in the figures face ([fonts] figures). */
static inline int lay_is_figure(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || cp == '.' || cp == ',' || cp == '%' || cp == '-' ||
           cp == '+';
}

/* Sets l->fig from l->fonts (NULL figures faces become their roles'). */
void lay_figures_init(lay *l);

/* The measure of role fnt at size pt; with figs, its figures measured in
 * its figures face. */
meas lay_meas(const lay *l, int fnt, double size, int figs);

/* The figures role of fnt if s is figures only, all in its figures face;
 * else fnt (a chart's numbers: one run each). */
int lay_figures_font(const lay *l, int fnt, const char *s);

/* lay_emit_text, with the figures of text in fnt's figures face: one
 * operation per run of figures and per run of other characters, each
 * placed where the characters before it end (char spacing cs included). */
void lay_emit_runs(lay *l, lay_role role, int fnt, int bold, double size, double x, double y,
                   const char *text, size_t nchars, double natural, double cs, lay_box box,
                   const diag_pos *pos);

/* ---- layout_table.c ----------------------------------------------------- */

tprep *lay_prep_table(lay *l, size_t bi, int landscape);

void lay_free_table(tprep *tp);

double lay_table_lead(const tprep *tp);

void lay_place_table(lay *l, prep *pp, size_t bi);

/* ---- layout_toc.c ------------------------------------------------------- */

/* The blocks of the front matter (DOC_COVER, DOC_TOC): not placed with the
 * body. */
static inline int lay_front_kind(doc_block_kind k)
{
    return k == DOC_COVER || k == DOC_TOC;
}

/* Once the body is laid out (l's pages and marks finished): sets the cover
 * page and the 目录 pages and puts them before the body's, moving the
 * body's marks and charts after them.  Returns the number of front pages
 * (0 when the document has neither). */
size_t lay_front_matter(lay *l);

/* ---- layout_chart.c ----------------------------------------------------- */

cprep *lay_prep_chart(lay *l, size_t bi);

double lay_chart_height(const cprep *cp);

void lay_free_chart(cprep *cp);

void lay_place_chart(lay *l, cprep *cp, size_t bi);

#endif
