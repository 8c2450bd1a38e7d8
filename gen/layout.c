/*
 * layout — document model to positioned pages (see layout.h).
 * Stage: layout.  Input: doc blocks, two measured fonts.  Output: pages of
 * text runs, grid lines and shaded or coloured boxes (tables, bar charts)
 * in the arena.
 *
 * Two passes over the blocks.  prep_*() breaks every text into lines and
 * sizes every table (column widths, cell lines, row heights) once; place_*()
 * then walks the blocks top to bottom, deciding page breaks with those
 * sizes.  Every code point is measured once per break (font_advance caches
 * advances), table rows are visited a bounded number of times, and a page
 * break only looks at the row spans of its table, so the layout time grows
 * with the size of the document, not its square.
 *
 * Tables: each column is at least as wide as its widest unbreakable piece
 * (numbers and codes whole); the rest of the width goes, step by step, to
 * the column whose widening shortens the table most (distribute()).  Rows
 * are never split unless one is taller than a page; a row-spanned cell cut
 * by a page break is drawn on both pages, its text repeated; one that does
 * not fit where it starts moves to the next page unless that would leave
 * much of the page empty (keep_spans()).
 *
 * House style, as in printed 部门预算信息公开 and GB/T 9704 公文 practice:
 * Song/Ming body text and tables (bold Song for table headers and totals),
 * Hei titles and headings; the text block is a whole number of body
 * characters wide so that lines of pure Chinese text fill it exactly and
 * characters stand in columns from line to line.
 */
#include "layout.h"

#include "linebreak.h"
#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
#define CELL_PADX 3.0
#define CELL_PADY 3.0
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
#define MIN_COL_EM 3.0   /* no column narrower than three characters: names stay legible */
#define SHORT_EM 4.0     /* a column whose longest text is this short never wraps */
#define HEAD_PREF_EM 6.0 /* a header's preference for a single line stops here */
#define PREF_CAP 0.35    /* share of the width one column may prefer */
#define WIDTH_EPS 0.01   /* keeps a text exactly as wide as its column on one line */

#define EPS 1e-6

/* Table type sizes tried in turn until the columns' minimum widths fit. */
static const double PORTRAIT_SIZES[] = {10.5, 9.0, 7.5};
static const double LANDSCAPE_SIZES[] = {9.0, 8.0, 7.0};

/* ---- measuring ---------------------------------------------------------- */

typedef struct meas {
    font *f;
    double k; /* size / 1000: font units are 1/1000 em */
} meas;

/* lb_advance_fn over a font.  Control characters are drawn as spaces
 * (copy_run()), so they are measured as spaces. */
static double advance_cb(void *ctx, uint32_t cp)
{
    const meas *m = ctx;
    if (cp < 0x20)
        cp = ' ';
    return font_advance(m->f, cp) * m->k;
}

/* Widest '\n'-separated piece of s, unbroken; *sum gets the width of all
 * pieces and *pieces their number. */
static double natural_width(const char *s, meas *m, double *sum, int *pieces)
{
    double best = 0.0;
    *sum = 0.0;
    *pieces = 0;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        double w = lb_measure(s, n, advance_cb, m);
        *sum += w;
        ++*pieces;
        if (w > best)
            best = w;
        if (!nl)
            return best;
        s = nl + 1;
    }
}

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
    int justify;
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
    double size, lh;    /* type size and line height of the cells */
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
    int has_title, has_unit, has_note;
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

static double area_width(int landscape)
{
    double page_w = landscape ? LAY_A4_LONG : LAY_A4_SHORT;
    return floor((page_w - 2 * MARGIN_SIDE) / BODY_SIZE + EPS) * BODY_SIZE;
}

static void finish_page(lay *l)
{
    if (!l->open)
        return;
    l->cur.n_ops = l->n_ops;
    /* one more: add_footers() appends the footer in place */
    l->cur.ops = arena_alloc(l->a, (l->n_ops + 1) * sizeof(lay_op));
    if (l->n_ops)
        memcpy(l->cur.ops, l->ops, l->n_ops * sizeof(lay_op));
    if (l->n_pages == l->cap_pages) {
        l->cap_pages = l->cap_pages ? 2 * l->cap_pages : 16;
        l->pages = xrealloc(l->pages, l->cap_pages * sizeof *l->pages);
    }
    l->pages[l->n_pages++] = l->cur;
    l->n_ops = 0;
    l->open = 0;
}

/* Starts a page.  The text block is centred horizontally and a whole
 * number of body characters wide (see the file notes). */
static void new_page(lay *l, int landscape)
{
    finish_page(l);
    memset(&l->cur, 0, sizeof l->cur);
    l->cur.landscape = landscape;
    l->cur.width = landscape ? LAY_A4_LONG : LAY_A4_SHORT;
    l->cur.height = landscape ? LAY_A4_SHORT : LAY_A4_LONG;
    double w = area_width(landscape);
    l->cur.area.x0 = (l->cur.width - w) / 2;
    l->cur.area.x1 = l->cur.area.x0 + w;
    l->cur.area.y0 = MARGIN_BOTTOM;
    l->cur.area.y1 = l->cur.height - MARGIN_TOP;
    l->y = l->cur.area.y1;
    l->fresh = 1;
    l->open = 1;
}

/* Makes sure the current page has the wanted orientation: landscape tables
 * start a landscape page, and what follows them a portrait one. */
static void ensure_orientation(lay *l, int landscape)
{
    if (!l->open || l->cur.landscape != landscape)
        new_page(l, landscape);
}

static lay_op *push_op(lay *l, lay_op_kind kind)
{
    if (l->n_ops == l->cap_ops) {
        l->cap_ops = l->cap_ops ? 2 * l->cap_ops : 256;
        l->ops = xrealloc(l->ops, l->cap_ops * sizeof *l->ops);
    }
    lay_op *op = &l->ops[l->n_ops++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->block = l->block;
    return op;
}

static void add_mark(lay *l, const char *title, int level)
{
    if (!title || !*title)
        return;
    if (l->n_marks == l->cap_marks) {
        l->cap_marks = l->cap_marks ? 2 * l->cap_marks : 16;
        l->marks = xrealloc(l->marks, l->cap_marks * sizeof *l->marks);
    }
    lay_mark *m = &l->marks[l->n_marks++];
    m->title = title;
    m->level = level < 1 ? 1 : level;
    m->page = l->n_pages; /* the open page is the next to be finished */
    m->y = l->y;
}

/*
 * Copies len bytes of s into the arena for drawing.  Control characters
 * (a stray tab or CR inside a cell) become spaces: a font has no glyph for
 * them and they would show as boxes.  Counts the code points into *nchars.
 */
static const char *copy_run(lay *l, const char *s, size_t len, size_t *nchars)
{
    char *t = arena_strndup(l->a, s, len);
    size_t n = 0;
    for (char *p = t; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20)
            *p = ' ';
        if ((c & 0xC0) != 0x80)
            n++;
    }
    *nchars = n;
    return t;
}

static void emit_text(lay *l, lay_role role, int fnt, int bold, double size, double x, double y,
                      const char *text, size_t nchars, double natural, double cs, lay_box box,
                      const diag_pos *pos)
{
    lay_op *op = push_op(l, LAY_TEXT);
    op->role = role;
    op->text = text;
    op->font = fnt;
    op->bold = bold;
    op->size = size;
    op->x = x;
    op->y = y;
    op->char_space = cs;
    op->width = natural + (nchars > 1 ? cs * (double)(nchars - 1) : 0.0);
    op->box = box;
    op->pos = pos;
}

static void emit_line_op(lay *l, double x, double y, double x2, double y2, double width)
{
    lay_op *op = push_op(l, LAY_LINE);
    op->x = x;
    op->y = y;
    op->x2 = x2;
    op->y2 = y2;
    op->line_width = width;
}

static void emit_rect(lay *l, lay_box box, double gray)
{
    lay_op *op = push_op(l, LAY_RECT);
    op->box = box;
    op->x = box.x0;
    op->y = box.y0;
    op->gray = gray;
}

/*
 * Character spacing (PDF Tc, added after every character) that stretches
 * line ln of nchars characters to avail.  Not for the last line of a
 * paragraph or a line ended by '\n' (hard), and not when the gaps would
 * open too wide.
 */
static double justify_space(const lb_line *ln, size_t nchars, double avail, double size)
{
    /* under 0.05 pt of spare width nobody sees the difference, and every
     * change of spacing is an operator in the page */
    if (ln->hard || nchars < 2 || avail - ln->width < 0.05)
        return 0.0;
    double cs = (avail - ln->width) / (double)(nchars - 1);
    return cs <= MAX_CHAR_SPACE_EM * size ? cs : 0.0;
}

/* ---- text blocks ---------------------------------------------------------- */

/* Breaks p->text for the widths in p (indent and hang already set). */
static void break_para(lay *l, para *p)
{
    meas m = {l->fonts[p->font], p->size / 1000.0};
    p->n = lb_break(p->text, p->w - p->indent, p->w - p->hang, advance_cb, &m, &p->lines);
}

/* Draws line k of p with its line box starting at top. */
static void emit_para_line(lay *l, const para *p, size_t k, double top, lay_role role,
                           const diag_pos *pos)
{
    const lb_line *ln = &p->lines[k];
    double x0 = l->cur.area.x0 + p->xoff;
    double left = x0 + (k == 0 ? p->indent : p->hang);
    double avail = p->w - (k == 0 ? p->indent : p->hang);
    double base = top - (p->lead - p->size) / 2 - EM_ASCENT * p->size;
    lay_box box = {x0, top - p->lead, x0 + p->w, top};
    size_t nch;
    if (k == 0 && p->number && *p->number) {
        const char *num = copy_run(l, p->number, strlen(p->number), &nch);
        emit_text(l, role, p->font, p->bold, p->size, x0 + p->num_x, base, num, nch, p->num_w, 0.0,
                  box, pos);
    }
    if (ln->len == 0)
        return;
    const char *s = copy_run(l, p->text + ln->start, ln->len, &nch);
    double x = left, cs = 0.0;
    if (p->align == DOC_CENTER)
        x = left + (avail - ln->width) / 2;
    else if (p->align == DOC_RIGHT)
        x = left + avail - ln->width;
    else if (p->justify)
        cs = justify_space(ln, nch, avail, p->size);
    emit_text(l, role, p->font, p->bold, p->size, x, base, s, nch, ln->width, cs, box, pos);
}

/*
 * Places the lines of p from the current position, breaking pages between
 * lines.  Orphan and widow control: the first line is not left alone at a
 * page bottom, and the last line does not go alone to the next page, when
 * the paragraph has lines enough to avoid it.
 */
static void place_para(lay *l, const para *p, lay_role role, const diag_pos *pos)
{
    size_t i = 0, n = p->n;
    while (i < n) {
        double free_h = l->y - l->cur.area.y0;
        size_t room = free_h > 0 ? (size_t)floor(free_h / p->lead + EPS) : 0;
        size_t take = room < n - i ? room : n - i;
        if (take < n - i) {
            if (i == 0 && take == 1 && !l->fresh)
                take = 0; /* orphan */
            else if (n - i - take == 1 && take >= (i == 0 ? 3u : 2u))
                take--; /* widow */
        }
        if (take == 0) {
            if (!l->fresh) {
                new_page(l, l->cur.landscape);
                continue;
            }
            take = 1; /* a line taller than a page: place it anyway */
        }
        for (size_t k = i; k < i + take; k++) {
            emit_para_line(l, p, k, l->y, role, pos);
            l->y -= p->lead;
        }
        l->fresh = 0;
        i += take;
        if (i < n)
            new_page(l, l->cur.landscape);
    }
}

/* Heading, label and title blocks stay with the block that follows. */
static int keeps_with_next(doc_block_kind k)
{
    return k == DOC_TITLE || k == DOC_HEADING || k == DOC_LABEL;
}

/* number + text in the arena (headings and labels show them as one run). */
static const char *numbered(lay *l, const doc_block *b)
{
    const char *text = b->text ? b->text : "";
    if (!b->number || !*b->number)
        return text;
    return arena_printf(l->a, "%s%s", b->number, text);
}

static void prep_text(lay *l, size_t i, prep *pp)
{
    const doc_block *b = &l->dm->blocks[i];
    para *p = &pp->p;
    memset(p, 0, sizeof *p);
    p->w = area_width(pp->landscape);
    p->text = b->text ? b->text : "";
    p->font = LAY_FONT_BODY;
    p->size = BODY_SIZE;
    p->lead = BODY_SIZE * BODY_LEAD;
    p->align = DOC_LEFT;
    p->justify = 1;
    switch (b->kind) {
    case DOC_TITLE:
        p->font = LAY_FONT_HEADING;
        p->size = TITLE_SIZE;
        p->lead = TITLE_SIZE * TITLE_LEAD;
        p->align = DOC_CENTER;
        p->justify = 0;
        p->text = numbered(l, b);
        if (i + 1 >= l->dm->n || l->dm->blocks[i + 1].kind != DOC_TITLE)
            p->after = TITLE_AFTER;
        break;
    case DOC_HEADING:
        /* 一级标题 in 黑体, indented like the paragraphs (GB/T 9704). */
        p->font = LAY_FONT_HEADING;
        p->size = b->level <= 1 ? H1_SIZE : H2_SIZE;
        p->lead = p->size * HEAD_LEAD;
        p->indent = INDENT_EM * BODY_SIZE;
        p->text = numbered(l, b);
        p->before = b->level <= 1 ? H1_BEFORE : H2_BEFORE;
        p->after = b->level <= 1 ? H1_AFTER : H2_AFTER;
        break;
    case DOC_LABEL:
        p->font = LAY_FONT_HEADING;
        p->text = numbered(l, b);
        break;
    case DOC_PARA:
        p->indent = INDENT_EM * BODY_SIZE;
        break;
    case DOC_LIST_ITEM:
        /* indent and hang are set by prep_list_hangs() once every item of
         * the list is measured */
        p->number = b->number;
        break;
    default:
        assert(0);
    }
    if (b->kind != DOC_LIST_ITEM)
        break_para(l, p);
}

/*
 * A run of consecutive list items hangs its numbers in one column: the
 * text of every item starts after the widest number, so "（10）" and "（9）"
 * do not shift their items' text.
 */
static void prep_list_hangs(lay *l, prep *pp, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (l->dm->blocks[i].kind != DOC_LIST_ITEM) {
            i++;
            continue;
        }
        size_t j = i;
        double hang = 0.0;
        meas m = {l->fonts[LAY_FONT_BODY], BODY_SIZE / 1000.0};
        for (; j < n && l->dm->blocks[j].kind == DOC_LIST_ITEM; j++) {
            para *p = &pp[j].p;
            const char *num = p->number ? p->number : "";
            p->num_w = lb_measure(num, strlen(num), advance_cb, &m);
            double w = p->num_w;
            /* "1." needs a gap before the text; "（1）" and "1、" carry their own */
            size_t len = strlen(num);
            if (len && (unsigned char)num[len - 1] < 0x80)
                w += BODY_SIZE / 2;
            if (w > hang)
                hang = w;
        }
        for (size_t k = i; k < j; k++) {
            para *p = &pp[k].p;
            p->num_x = INDENT_EM * BODY_SIZE;
            p->indent = p->hang = p->num_x + hang;
            break_para(l, p);
        }
        i = j;
    }
}

/* ---- tables: sizing ----------------------------------------------------- */

static int nowrap_kind(doc_col_kind k)
{
    return k == DOC_COL_CODE || k == DOC_COL_AMOUNT || k == DOC_COL_PERCENT;
}

/*
 * A body cell's horizontal alignment: its own, else its column's; amounts
 * and percentages are right-aligned (doc.h) even if nobody said so, since
 * DOC_LEFT is also what an unset cell holds.
 */
static doc_align body_align(const doc_table *t, const doc_cell *x, int c)
{
    doc_align a = x->align != DOC_LEFT ? x->align : t->cols[c].align;
    if (a == DOC_LEFT && (t->cols[c].kind == DOC_COL_AMOUNT || t->cols[c].kind == DOC_COL_PERCENT))
        a = DOC_RIGHT;
    return a;
}

/* Collects the anchor cells of one grid, spans clamped to the grid. */
static void collect_cells(lay *l, tprep *tp, int head, size_t *k)
{
    const doc_table *t = tp->t;
    int rows = head ? t->n_head : t->n_body;
    for (int r = 0; r < rows; r++) {
        if (!head)
            tp->row_first[r] = *k;
        for (int c = 0; c < t->ncols; c++) {
            const doc_cell *x = head ? doc_head_cell(t, r, c) : doc_body_cell(t, r, c);
            if (x->rowspan < 1 || x->colspan < 1)
                continue;
            tcell *tc = &tp->cells[(*k)++];
            tc->src = x;
            tc->r = r;
            tc->c = c;
            tc->rs = x->rowspan < rows - r ? x->rowspan : rows - r;
            tc->cs = x->colspan < t->ncols - c ? x->colspan : t->ncols - c;
            tc->head = head;
            /* Header cells and 合计 rows in bold Song, as in printed
             * financial tables.  No bold face ships, so bold is drawn
             * (fill then stroke).  Hei headers looked as good but cost a
             * second subset of the same characters (7 KB of the file). */
            tc->font = LAY_FONT_BODY;
            tc->bold = head || (t->row_kind && t->row_kind[r] == DOC_ROW_TOTAL);
            tc->align = head ? DOC_CENTER : body_align(t, x, c);
            meas m = {l->fonts[tc->font], 1.0 / 1000.0};
            const char *s = x->text ? x->text : "";
            tc->nat_em = natural_width(s, &m, &tc->sum_em, &tc->pieces);
            /* amounts, codes and percentages are never broken */
            tc->min_em = !head && tc->cs == 1 && nowrap_kind(t->cols[c].kind)
                             ? tc->nat_em
                             : lb_min_width(s, advance_cb, &m);
        }
    }
    if (!head)
        tp->row_first[rows] = *k;
}

/*
 * Minimum (mn) and preferred (pf) width of every column at type size
 * `size`.  A column is at least MIN_COL_EM (or its min_chars) wide and as
 * wide as the widest unbreakable piece of its cells; it prefers the widest
 * cell on one line — a row-spanned cell spreads over its rows, a header
 * prefers one line only up to HEAD_PREF_EM or the body's preference, and no
 * column prefers more than PREF_CAP of the width.  With short_rule, a column
 * whose preference is at most SHORT_EM is not wrapped at all ("≥8次及以上").
 * Cells spanning columns widen their columns evenly when the columns are
 * narrower than they need.  Returns the sum of the minimums.
 */
static double col_limits(const tprep *tp, double size, double avail, int short_rule, double *mn,
                         double *pf)
{
    const doc_table *t = tp->t;
    int nc = t->ncols;
    double pad2 = 2 * CELL_PADX + WIDTH_EPS;
    for (int c = 0; c < nc; c++) {
        double em = t->cols[c].min_chars > MIN_COL_EM ? t->cols[c].min_chars : MIN_COL_EM;
        mn[c] = pf[c] = em * size + pad2;
    }
    /* body cells first: the header preference depends on the body's */
    for (size_t k = tp->nhcells; k < tp->ncells; k++) {
        const tcell *x = &tp->cells[k];
        if (x->cs != 1)
            continue;
        double cm = x->min_em * size + pad2;
        double cp = fmax(cm, x->nat_em * size / x->rs + pad2);
        mn[x->c] = fmax(mn[x->c], cm);
        pf[x->c] = fmax(pf[x->c], cp);
    }
    for (size_t k = 0; k < tp->nhcells; k++) {
        const tcell *x = &tp->cells[k];
        if (x->cs != 1)
            continue;
        double cm = x->min_em * size + pad2;
        double cap = fmax(HEAD_PREF_EM * size + pad2, pf[x->c]);
        double cp = fmax(cm, fmin(x->nat_em * size + pad2, cap));
        mn[x->c] = fmax(mn[x->c], cm);
        pf[x->c] = fmax(pf[x->c], cp);
    }
    for (int c = 0; c < nc; c++) {
        pf[c] = fmin(pf[c], fmax(PREF_CAP * avail, mn[c]));
        if (short_rule && pf[c] <= SHORT_EM * size + pad2)
            mn[c] = pf[c];
    }
    for (size_t k = 0; k < tp->ncells; k++) {
        const tcell *x = &tp->cells[k];
        if (x->cs == 1)
            continue;
        double have_mn = 0.0, have_pf = 0.0;
        for (int c = x->c; c < x->c + x->cs; c++) {
            have_mn += mn[c];
            have_pf += pf[c];
        }
        double need_mn = x->min_em * size + pad2;
        double need_pf = fmax(need_mn, x->nat_em * size + pad2);
        for (int c = x->c; c < x->c + x->cs; c++) {
            if (need_mn > have_mn)
                mn[c] += (need_mn - have_mn) / x->cs;
            if (need_pf > have_pf)
                pf[c] += (need_pf - have_pf) / x->cs;
            pf[c] = fmax(pf[c], mn[c]);
        }
    }
    double sum = 0.0;
    for (int c = 0; c < nc; c++)
        sum += mn[c];
    return sum;
}

/*
 * Row-spanned anchors of cells[from, to) into out, ordered by rowspan
 * (stable: by position within a rowspan).  Counting sort, linear in the
 * number of cells.  Returns the count.
 */
static size_t order_spans(const tcell *cells, size_t from, size_t to, int rows, size_t *out)
{
    size_t *count = xcalloc((size_t)rows + 2, sizeof *count);
    size_t n = 0;
    for (size_t k = from; k < to; k++)
        if (cells[k].rs > 1) {
            count[cells[k].rs]++;
            n++;
        }
    size_t pos = 0;
    for (int r = 0; r <= rows + 1; r++) {
        size_t c = count[r];
        count[r] = pos;
        pos += c;
    }
    for (size_t k = from; k < to; k++)
        if (cells[k].rs > 1)
            out[count[cells[k].rs]++] = k;
    free(count);
    return n;
}

/*
 * Row heights of one grid, given each cell's height need[k - from]: each
 * row as tall as its tallest one-row cell; then a row-spanned cell whose
 * text is taller than its rows adds the difference to the last row it
 * spans.  Inner spans go first (order), so an outer span sees the rows
 * already grown.
 */
static void grid_heights(const tcell *cells, size_t from, size_t to, const double *need,
                         const size_t *order, size_t norder, int rows, double min_h, double *h)
{
    for (int r = 0; r < rows; r++)
        h[r] = min_h;
    for (size_t k = from; k < to; k++)
        if (cells[k].rs == 1 && need[k - from] > h[cells[k].r])
            h[cells[k].r] = need[k - from];
    for (size_t i = 0; i < norder; i++) {
        const tcell *x = &cells[order[i]];
        double have = 0.0;
        for (int r = x->r; r < x->r + x->rs; r++)
            have += h[r];
        if (need[order[i] - from] > have + EPS)
            h[x->r + x->rs - 1] += need[order[i] - from] - have;
    }
}

/* Scratch space for est_height(). */
typedef struct est_buf {
    double *x;    /* ncols + 1 column edges */
    double *need; /* per cell */
    double *rowh; /* per row */
} est_buf;

/* Share of every cell's own height in est_height(). */
#define OWN_SHARE 0.15

/*
 * Estimated height of the table with column widths w at type size size:
 * a cell whose text is W wide takes about W / cw lines in a column of
 * content width cw — not rounded, so that every widening shows — and rows
 * and spans add up as in grid_heights().  The header counts twice (it is
 * repeated on every page).  A small share of each cell's own height is
 * added so that narrowing the text of a cell that is not the tallest of its
 * row still counts a little (it evens the rows out).
 */
static double est_height(const tprep *tp, const double *w, double size, est_buf *eb)
{
    const doc_table *t = tp->t;
    double lh = size * CELL_LEAD, min_h = lh + 2 * CELL_PADY, own = 0.0, total = 0.0;
    eb->x[0] = 0.0;
    for (int c = 0; c < t->ncols; c++)
        eb->x[c + 1] = eb->x[c] + w[c];
    for (size_t k = 0; k < tp->ncells; k++) {
        const tcell *x = &tp->cells[k];
        double cw = eb->x[x->c + x->cs] - eb->x[x->c] - 2 * CELL_PADX;
        double lines = (double)(x->pieces - 1) + (cw > 0 ? x->sum_em * size / cw : 1e6);
        eb->need[k] = (lines > 1 ? lines : 1) * lh + 2 * CELL_PADY;
        own += eb->need[k];
    }
    grid_heights(tp->cells, 0, tp->nhcells, eb->need, tp->order, tp->nhorder, t->n_head, min_h,
                 eb->rowh);
    for (int r = 0; r < t->n_head; r++)
        total += 2 * eb->rowh[r];
    grid_heights(tp->cells, tp->nhcells, tp->ncells, eb->need + tp->nhcells,
                 tp->order + tp->nhorder, tp->nborder, t->n_body, min_h, eb->rowh);
    for (int r = 0; r < t->n_body; r++)
        total += eb->rowh[r];
    return total + OWN_SHARE * own;
}

/*
 * Column widths filling avail.  If every column can have its preference,
 * the rest is shared evenly.  Otherwise every column starts at its
 * minimum and the rest is handed out in small steps, each to the column
 * whose widening shortens the table most (times the column's weight):
 * long texts in narrow columns are what make a table long, and a share in
 * proportion to the preferences starves row-spanned description columns
 * while it widens columns of short indicator texts that gain nothing.  What
 * no column can use is shared in proportion to the preferences.
 */
static void distribute(const tprep *tp, double size, double avail, const double *mn,
                       const double *pf, double *w)
{
    const doc_table *t = tp->t;
    int nc = t->ncols;
    double smn = 0.0, spf = 0.0;
    for (int c = 0; c < nc; c++) {
        smn += mn[c];
        spf += pf[c];
        w[c] = mn[c];
    }
    if (spf <= avail) {
        /* Every column gets the same extra (times its weight): growing in
         * proportion to the preferences would make a wide name column
         * wider still and leave the amount columns narrow and uneven. */
        double swt = 0.0;
        for (int c = 0; c < nc; c++)
            swt += t->cols[c].weight > 0 ? t->cols[c].weight : 1.0;
        for (int c = 0; c < nc; c++)
            w[c] = pf[c] + (avail - spf) * (t->cols[c].weight > 0 ? t->cols[c].weight : 1.0) / swt;
        return;
    }
    int rows = t->n_head > t->n_body ? t->n_head : t->n_body;
    est_buf eb = {xmalloc(((size_t)nc + 1) * sizeof(double)),
                  xmalloc((tp->ncells + 1) * sizeof(double)),
                  xmalloc(((size_t)rows + 1) * sizeof(double))};
    double spare = avail - smn;
    double step = fmax(spare / 32, size);
    double cur = est_height(tp, w, size, &eb);
    while (spare > EPS) {
        double d = fmin(step, spare), best_gain = 1e-6 * cur;
        int best = -1;
        for (int c = 0; c < nc; c++) {
            double wt = t->cols[c].weight > 0 ? t->cols[c].weight : 1.0;
            w[c] += d;
            double gain = (cur - est_height(tp, w, size, &eb)) * wt;
            w[c] -= d;
            if (gain > best_gain) {
                best_gain = gain;
                best = c;
            }
        }
        if (best < 0)
            break;
        w[best] += d;
        spare -= d;
        cur = est_height(tp, w, size, &eb);
    }
    for (int c = 0; c < nc && spare > EPS; c++)
        w[c] += spare * pf[c] / spf;
    free(eb.x);
    free(eb.need);
    free(eb.rowh);
}

/*
 * Centred text broken over several lines is set in lines of even length:
 * the narrowest width (down to lo) that needs no more lines than cw does.
 * "活动名称" in a narrow header becomes 活动/名称, not 活动名/称.
 */
static void balance_lines(tcell *x, const char *text, double lo, double cw, meas *m)
{
    double hi = cw;
    lo = fmax(lo, cw / (double)(x->n + 1));
    for (int i = 0; i < 12 && hi - lo > 0.25; i++) {
        double mid = (lo + hi) / 2;
        lb_line *v;
        size_t n = lb_break(text, mid, mid, advance_cb, m, &v);
        free(v);
        if (n <= x->n)
            hi = mid;
        else
            lo = mid;
    }
    if (hi < cw) {
        free(x->lines);
        x->n = lb_break(text, hi, hi, advance_cb, m, &x->lines);
    }
}

static void prep_table_para(lay *l, tprep *tp, para *p, const char *text, int fnt, double size,
                            doc_align align)
{
    memset(p, 0, sizeof *p);
    p->text = text;
    p->font = fnt;
    p->size = size;
    p->lead = size * (fnt == LAY_FONT_HEADING ? HEAD_LEAD : 1.5);
    p->xoff = tp->xoff;
    p->w = tp->width;
    p->align = align;
    p->justify = align == DOC_LEFT;
    break_para(l, p);
}

static double para_height(const para *p)
{
    return (double)p->n * p->lead;
}

static tprep *prep_table(lay *l, size_t bi, int landscape)
{
    const doc_block *b = &l->dm->blocks[bi];
    const doc_table *t = b->table;
    tprep *tp = xcalloc(1, sizeof *tp);
    tp->t = t;
    tp->landscape = landscape;
    int nc = t->ncols;
    size_t grid = (size_t)(t->n_head + t->n_body) * (size_t)nc;
    tp->cells = xcalloc(grid ? grid : 1, sizeof *tp->cells);
    tp->row_first = xcalloc((size_t)t->n_body + 1, sizeof *tp->row_first);
    size_t k = 0;
    collect_cells(l, tp, 1, &k);
    tp->nhcells = k;
    collect_cells(l, tp, 0, &k);
    tp->ncells = k;
    tp->order = xmalloc((tp->ncells + 1) * sizeof *tp->order);
    tp->nhorder = order_spans(tp->cells, 0, tp->nhcells, t->n_head, tp->order);
    tp->nborder =
        order_spans(tp->cells, tp->nhcells, tp->ncells, t->n_body, tp->order + tp->nhorder);

    /* Type size: the first of the sizes at which every column's minimum
     * fits the width; short columns stay unwrapped if that still fits. */
    double avail = area_width(landscape);
    const double *sizes = landscape ? LANDSCAPE_SIZES : PORTRAIT_SIZES;
    size_t nsizes = landscape ? sizeof LANDSCAPE_SIZES / sizeof LANDSCAPE_SIZES[0]
                              : sizeof PORTRAIT_SIZES / sizeof PORTRAIT_SIZES[0];
    double *mn = xmalloc((size_t)nc * sizeof *mn), *pf = xmalloc((size_t)nc * sizeof *pf);
    double *w = xmalloc((size_t)nc * sizeof *w);
    int fitted = 0;
    for (size_t s = 0; s < nsizes && !fitted; s++) {
        tp->size = sizes[s];
        if (col_limits(tp, tp->size, avail, 1, mn, pf) <= avail + EPS ||
            col_limits(tp, tp->size, avail, 0, mn, pf) <= avail + EPS)
            fitted = 1;
    }
    if (fitted) {
        distribute(tp, tp->size, avail, mn, pf, w);
    } else {
        /* Even the smallest size does not fit: squeeze the minimums.  Long
         * words and numbers will then be broken; say so. */
        double sum = col_limits(tp, tp->size, avail, 0, mn, pf);
        for (int c = 0; c < nc; c++)
            w[c] = mn[c] * avail / sum;
        const doc_cell *first = t->n_head ? t->head : t->body;
        diag_report(l->d, DIAG_WARNING, first ? first->pos : b->src,
                    "table \"%s\" is too wide for the %s page even at %.1f pt: some numbers "
                    "or words are broken (set the table landscape or shorten its texts)",
                    t->title ? t->title
                    : t->id  ? t->id
                             : "",
                    landscape ? "landscape" : "portrait", tp->size);
    }
    tp->lh = tp->size * CELL_LEAD;
    tp->colx = xmalloc(((size_t)nc + 1) * sizeof *tp->colx);
    tp->colx[0] = 0.0;
    for (int c = 0; c < nc; c++)
        tp->colx[c + 1] = tp->colx[c] + w[c];
    tp->width = tp->colx[nc];
    tp->xoff = (avail - tp->width) / 2;
    free(mn);
    free(pf);
    free(w);

    /* Lines of every cell at its final width. */
    for (k = 0; k < tp->ncells; k++) {
        tcell *x = &tp->cells[k];
        meas m = {l->fonts[x->font], tp->size / 1000.0};
        double cw = tp->colx[x->c + x->cs] - tp->colx[x->c] - 2 * CELL_PADX;
        const char *text = x->src->text ? x->src->text : "";
        x->n = lb_break(text, cw, cw, advance_cb, &m, &x->lines);
        if (x->align == DOC_CENTER && x->n > 1 && x->pieces == 1)
            balance_lines(x, text, x->min_em * tp->size, cw, &m);
        x->need = (double)x->n * tp->lh + 2 * CELL_PADY;
    }
    tp->hh = xcalloc((size_t)t->n_head + 1, sizeof *tp->hh);
    tp->bh = xcalloc((size_t)t->n_body + 1, sizeof *tp->bh);
    tp->ph = xcalloc((size_t)t->n_body + 1, sizeof *tp->ph);
    tp->ry = xcalloc((size_t)t->n_body + 1, sizeof *tp->ry);
    double *need = xmalloc((tp->ncells + 1) * sizeof *need);
    for (k = 0; k < tp->ncells; k++)
        need[k] = tp->cells[k].need;
    double min_h = tp->lh + 2 * CELL_PADY;
    grid_heights(tp->cells, 0, tp->nhcells, need, tp->order, tp->nhorder, t->n_head, min_h, tp->hh);
    grid_heights(tp->cells, tp->nhcells, tp->ncells, need + tp->nhcells, tp->order + tp->nhorder,
                 tp->nborder, t->n_body, min_h, tp->bh);
    free(need);
    tp->head_h = 0.0;
    for (int r = 0; r < t->n_head; r++)
        tp->head_h += tp->hh[r];

    /* Row-spanned body cells, indexed by their last row for pagination. */
    tp->spans = xmalloc((tp->ncells + 1) * sizeof *tp->spans);
    tp->end_first = xcalloc((size_t)t->n_body + 2, sizeof *tp->end_first);
    for (k = tp->nhcells; k < tp->ncells; k++)
        if (tp->cells[k].rs > 1) {
            tp->spans[tp->nspans++] = k;
            tp->end_first[tp->cells[k].r + tp->cells[k].rs]++;
        }
    for (int r = 0; r < t->n_body; r++)
        tp->end_first[r + 1] += tp->end_first[r];
    tp->by_end = xmalloc((tp->nspans + 1) * sizeof *tp->by_end);
    size_t *fill = xcalloc((size_t)t->n_body + 1, sizeof *fill);
    for (size_t i = 0; i < tp->nspans; i++) {
        const tcell *x = &tp->cells[tp->spans[i]];
        int last = x->r + x->rs - 1;
        tp->by_end[tp->end_first[last] + fill[last]++] = tp->spans[i];
    }
    free(fill);

    if (t->title && *t->title) {
        tp->has_title = 1;
        prep_table_para(l, tp, &tp->title, t->title, LAY_FONT_HEADING, TTITLE_SIZE, DOC_CENTER);
    }
    if (t->unit_line && *t->unit_line) {
        tp->has_unit = 1;
        prep_table_para(l, tp, &tp->unit, t->unit_line, LAY_FONT_BODY, UNIT_SIZE, DOC_RIGHT);
    }
    if (t->note && *t->note) {
        tp->has_note = 1;
        prep_table_para(l, tp, &tp->note, t->note, LAY_FONT_BODY, UNIT_SIZE, DOC_LEFT);
    }
    return tp;
}

static void free_table(tprep *tp)
{
    if (!tp)
        return;
    for (size_t k = 0; k < tp->ncells; k++)
        free(tp->cells[k].lines);
    free(tp->cells);
    free(tp->row_first);
    free(tp->colx);
    free(tp->hh);
    free(tp->bh);
    free(tp->ph);
    free(tp->ry);
    free(tp->spans);
    free(tp->order);
    free(tp->by_end);
    free(tp->end_first);
    free(tp->title.lines);
    free(tp->unit.lines);
    free(tp->note.lines);
    free(tp);
}

/* ---- tables: pagination ------------------------------------------------- */

/* The body rows that go on one page. */
typedef struct slice {
    size_t first, end; /* rows [first, end) */
    size_t done;       /* lines of row first already drawn (a row split across pages) */
    size_t cap;        /* nonzero: row end - 1 is split and shows cap lines here */
    double h;          /* height of the rows */
} slice;

static double title_block_h(const tprep *tp)
{
    return (tp->has_title ? para_height(&tp->title) : 0.0) +
           (tp->has_unit ? para_height(&tp->unit) : 0.0);
}

static double note_block_h(const tprep *tp)
{
    return tp->has_note ? NOTE_GAP + para_height(&tp->note) : 0.0;
}

/*
 * Height of the rest of row x when done lines of its cells are drawn, and
 * in *lines the most lines any of them still has to show.  A row-spanned
 * cell that ends at this row and has text left (a text taller than a
 * page) counts too: its text must finish within this row.
 */
static double row_rest(const tprep *tp, size_t x, size_t done, size_t *lines)
{
    size_t most = 0;
    for (size_t k = tp->row_first[x]; k < tp->row_first[x + 1]; k++) {
        const tcell *c = &tp->cells[k];
        if (c->rs == 1 && c->n > done && c->n - done > most)
            most = c->n - done;
    }
    for (size_t k = tp->end_first[x]; k < tp->end_first[x + 1]; k++) {
        const tcell *c = &tp->cells[tp->by_end[k]];
        if (c->shown > 0 && c->shown < c->n && c->n - c->shown > most)
            most = c->n - c->shown;
    }
    if (lines)
        *lines = most;
    return (double)(most ? most : 1) * tp->lh + 2 * CELL_PADY;
}

/* Height a row-spanned cell continued from an earlier page needs on a
 * page with avail points for rows: its whole text again (repeat_spans) if
 * that fits a page, else what is left of it (a text taller than a page
 * continues where it stopped). */
static double continued_need(const tprep *tp, const tcell *c, double avail)
{
    if (tp->t->repeat_spans && c->need <= avail)
        return c->need;
    if (c->shown < c->n)
        return (double)(c->n - c->shown) * tp->lh + 2 * CELL_PADY;
    return 0.0;
}

/*
 * Moves a page break before row `end` earlier when it would cut a
 * row-spanned cell that starts on this page (after its first row) before
 * the cell's text fits: the cell then starts on the next page, where it
 * can be drawn whole.  Not when that would leave more than MAX_KEEP_WASTE
 * of the page empty: the cell's text then continues on the next page
 * (emit_body_part()).  A cell starting at the page's first row cannot move
 * and continues too.
 */
static size_t keep_spans(const tprep *tp, size_t first, size_t end, double avail)
{
again:
    for (size_t i = 0; i < tp->nspans; i++) {
        const tcell *c = &tp->cells[tp->spans[i]];
        size_t a = (size_t)c->r, b = (size_t)(c->r + c->rs - 1);
        if (!(a > first && a < end && end <= b))
            continue;
        double part = 0.0, kept = 0.0;
        for (size_t r = a; r < end; r++)
            part += tp->ph[r];
        for (size_t r = first; r < a; r++)
            kept += tp->ph[r];
        /* moving leaves avail - kept empty at the bottom of this page */
        if (part + EPS < c->need && avail - kept <= MAX_KEEP_WASTE * avail) {
            end = a;
            goto again;
        }
    }
    return end;
}

/*
 * Chooses the body rows for a page with avail points below the header,
 * starting at row first (of which done lines are drawn already).  Row
 * heights for this page go to tp->ph.  A continued row-spanned cell that
 * ends on this page grows its last row if its text needs it.  Returns 0 if
 * not a single row fits and the page is not fresh (the caller breaks the
 * page); on a fresh page a row taller than the page is split.
 */
static int plan_slice(tprep *tp, size_t first, size_t done, double avail, int fresh, slice *s)
{
    size_t nb = (size_t)tp->t->n_body;
    double used = 0.0;
    size_t x = first;
    memset(s, 0, sizeof *s);
    s->first = first;
    s->done = done;
    for (; x < nb; x++) {
        double hx = x == first && done ? row_rest(tp, x, done, NULL) : tp->bh[x];
        for (size_t k = tp->end_first[x]; k < tp->end_first[x + 1]; k++) {
            const tcell *c = &tp->cells[tp->by_end[k]];
            if ((size_t)c->r < first || (c->shown > 0 && (size_t)c->r <= first))
                hx = fmax(hx, continued_need(tp, c, avail) - used);
        }
        if (used + hx > avail + EPS)
            break;
        tp->ph[x] = hx;
        used += hx;
    }
    size_t end = x;
    if (end < nb) {
        end = keep_spans(tp, first, end, avail);
    } else if (tp->has_note && used + note_block_h(tp) > avail + EPS && end - first >= 2) {
        /* the note does not fit below the last row: take a row along */
        end = keep_spans(tp, first, nb - 1, avail);
    }
    if (end == first) {
        if (!fresh)
            return 0;
        /* Row `first` alone is taller than the page: split it between
         * lines.  Its cells are drawn from the top in this case. */
        size_t rest;
        row_rest(tp, first, done, &rest);
        double room = avail - 2 * CELL_PADY;
        size_t cap = room > tp->lh ? (size_t)floor(room / tp->lh + EPS) : 1;
        tp->ph[first] = fmax(avail, tp->lh + 2 * CELL_PADY);
        s->cap = cap < rest ? cap : 0;
        end = first + 1;
    }
    s->end = end;
    s->h = 0.0;
    for (size_t r = first; r < end; r++)
        s->h += tp->ph[r];
    return 1;
}

/* ---- tables: drawing ---------------------------------------------------- */

/*
 * Draws lines [start, start + count) of cell c in box.  Middle: centred
 * vertically (header cells, whole cells); else from the top (a cell cut by
 * a page break continues from the top).
 */
static void emit_cell_text(lay *l, const tprep *tp, const tcell *c, lay_box box, size_t start,
                           size_t count, int middle)
{
    const char *text = c->src->text ? c->src->text : "";
    double text_h = (double)count * tp->lh;
    double top = box.y1 - CELL_PADY;
    if (middle && box.y1 - box.y0 > text_h + 2 * CELL_PADY)
        top = box.y1 - (box.y1 - box.y0 - text_h) / 2;
    double cw = box.x1 - box.x0 - 2 * CELL_PADX;
    lay_role role = c->head ? LAY_ROLE_HEAD : LAY_ROLE_CELL;
    for (size_t j = 0; j < count && start + j < c->n; j++) {
        const lb_line *ln = &c->lines[start + j];
        if (ln->len == 0)
            continue;
        double base = top - (double)j * tp->lh - (tp->lh - tp->size) / 2 - EM_ASCENT * tp->size;
        size_t nch;
        const char *s = copy_run(l, text + ln->start, ln->len, &nch);
        double x = box.x0 + CELL_PADX, cs = 0.0;
        if (c->align == DOC_CENTER)
            x = box.x0 + (box.x1 - box.x0 - ln->width) / 2;
        else if (c->align == DOC_RIGHT)
            x = box.x1 - CELL_PADX - ln->width;
        else
            cs = justify_space(ln, nch, cw, tp->size);
        emit_text(l, role, c->font, c->bold, tp->size, x, base, s, nch, ln->width, cs, box,
                  &c->src->pos);
    }
}

/* Grid lines of one cell part: right and bottom edges, and the left edge
 * of the first column (the outer frame is drawn heavier). */
static void emit_cell_grid(lay *l, const tprep *tp, const tcell *c, lay_box box, int last_row)
{
    int nc = tp->t->ncols;
    emit_line_op(l, box.x1, box.y1, box.x1, box.y0, c->c + c->cs >= nc ? GRID_OUTER : GRID_INNER);
    emit_line_op(l, box.x0, box.y0, box.x1, box.y0, last_row ? GRID_OUTER : GRID_INNER);
    if (c->c == 0)
        emit_line_op(l, box.x0, box.y1, box.x0, box.y0, GRID_OUTER);
}

static void emit_header(lay *l, const tprep *tp, double x0, double top)
{
    const doc_table *t = tp->t;
    if (t->n_head > 0) {
        lay_box all = {x0, top - tp->head_h, x0 + tp->width, top};
        emit_rect(l, all, HEAD_GRAY);
    }
    double *ry = xmalloc(((size_t)t->n_head + 1) * sizeof *ry);
    ry[0] = top;
    for (int r = 0; r < t->n_head; r++)
        ry[r + 1] = ry[r] - tp->hh[r];
    for (size_t k = 0; k < tp->nhcells; k++) {
        const tcell *c = &tp->cells[k];
        lay_box box = {x0 + tp->colx[c->c], ry[c->r + c->rs], x0 + tp->colx[c->c + c->cs],
                       ry[c->r]};
        emit_cell_text(l, tp, c, box, 0, c->n, 1);
        emit_cell_grid(l, tp, c, box, 0);
    }
    /* the top of the frame (emit_slice() draws it for a table without
     * header rows) */
    if (t->n_head > 0)
        emit_line_op(l, x0, top, x0 + tp->width, top, GRID_OUTER);
    free(ry);
}

/*
 * Draws one body cell's part on this page: rows [top_row, bot_row] of the
 * slice.  A row-spanned cell shows its text on the page where it starts
 * (as much as fits: plan_slice() moves a cell that does not fit to the next
 * page unless that would leave much of the page empty).  On a continuation
 * page it shows its whole text again if the table repeats spans (the rows
 * there were grown to hold it), else the rest of its text, if any.
 */
static void emit_body_part(lay *l, tprep *tp, tcell *c, double x0, const slice *s)
{
    size_t a = (size_t)c->r, b = (size_t)(c->r + c->rs - 1);
    size_t top_row = a > s->first ? a : s->first;
    size_t bot_row = b < s->end - 1 ? b : s->end - 1;
    lay_box box = {x0 + tp->colx[c->c], tp->ry[bot_row - s->first + 1], x0 + tp->colx[c->c + c->cs],
                   tp->ry[top_row - s->first]};
    size_t start = 0, count = c->n;
    int middle = 1;
    if (c->rs == 1) {
        if (s->done && a == s->first) {
            start = s->done;
            count = c->n > start ? c->n - start : 0;
            middle = 0;
        }
        if (s->cap && a == s->end - 1) {
            count = count < s->cap ? count : s->cap;
            middle = 0;
        }
    } else {
        double room = box.y1 - box.y0 - 2 * CELL_PADY;
        size_t k = room > 0 ? (size_t)floor(room / tp->lh + EPS) : 0;
        if (c->shown == 0 && a >= s->first) { /* the first part */
            count = c->n < k ? c->n : k;
            middle = count == c->n;
            c->shown = count;
        } else if (tp->t->repeat_spans && k >= c->n) {
            middle = 1;
        } else if (c->shown < c->n) {
            /* a text taller than a page: it continues where it stopped,
             * whether spans repeat or not, so that none of it is lost */
            start = c->shown;
            count = c->n - start < k ? c->n - start : k;
            middle = 0;
            c->shown = start + count;
        } else {
            count = 0;
        }
    }
    emit_cell_text(l, tp, c, box, start, count, middle);
    emit_cell_grid(l, tp, c, box, bot_row == s->end - 1);
}

static void emit_slice(lay *l, tprep *tp, double x0, double top, const slice *s)
{
    tp->ry[0] = top;
    for (size_t r = s->first; r < s->end; r++)
        tp->ry[r - s->first + 1] = tp->ry[r - s->first] - tp->ph[r];
    /* row-spanned cells that began on an earlier page */
    for (size_t i = 0; i < tp->nspans; i++) {
        tcell *c = &tp->cells[tp->spans[i]];
        if ((size_t)c->r < s->first && (size_t)(c->r + c->rs) > s->first)
            emit_body_part(l, tp, c, x0, s);
    }
    for (size_t k = tp->row_first[s->first]; k < tp->row_first[s->end]; k++)
        emit_body_part(l, tp, &tp->cells[k], x0, s);
    if (tp->t->n_head == 0) /* no header draws the top of the frame */
        emit_line_op(l, x0, top, x0 + tp->width, top, GRID_OUTER);
}

/* The least that must fit on a page together with the table's start:
 * title, unit line, header and first row (or the note of an empty table). */
static double table_lead(const tprep *tp)
{
    double h = title_block_h(tp) + tp->head_h;
    if (tp->t->n_body > 0)
        h += tp->bh[0];
    else
        h += note_block_h(tp);
    return h;
}

static void place_table(lay *l, prep *pp, size_t bi)
{
    tprep *tp = pp->t;
    const doc_table *t = tp->t;
    const doc_block *b = &l->dm->blocks[bi];
    size_t nb = (size_t)t->n_body;
    ensure_orientation(l, tp->landscape);

    /* Keep the title, the unit line and the header with the first row (or
     * the note): try the first page's rows before drawing anything. */
    if (!l->fresh) {
        double avail = l->y - TABLE_BEFORE - title_block_h(tp) - tp->head_h - l->cur.area.y0;
        slice s;
        int fits =
            nb ? avail > 0 && plan_slice(tp, 0, 0, avail, 0, &s) : avail + EPS >= note_block_h(tp);
        if (fits)
            l->y -= TABLE_BEFORE;
        else
            new_page(l, tp->landscape);
    }
    if (tp->has_title)
        add_mark(l, t->title, l->section + 1);
    for (size_t k = 0; k < tp->title.n && tp->has_title; k++) {
        emit_para_line(l, &tp->title, k, l->y, LAY_ROLE_TABLE, &b->src);
        l->y -= tp->title.lead;
    }
    for (size_t k = 0; k < tp->unit.n && tp->has_unit; k++) {
        emit_para_line(l, &tp->unit, k, l->y, LAY_ROLE_TABLE, &b->src);
        l->y -= tp->unit.lead;
    }
    l->fresh = 0;

    double x0 = l->cur.area.x0 + tp->xoff;
    size_t r = 0, done = 0;
    for (;;) {
        emit_header(l, tp, x0, l->y);
        l->y -= tp->head_h;
        if (r >= nb)
            break; /* an empty table: header only */
        slice s;
        plan_slice(tp, r, done, l->y - l->cur.area.y0, 1, &s);
        emit_slice(l, tp, x0, l->y, &s);
        l->y -= s.h;
        if (s.cap) {
            r = s.end - 1;
            done += s.cap;
        } else {
            r = s.end;
            done = 0;
        }
        if (r >= nb)
            break;
        new_page(l, tp->landscape);
        l->fresh = 0;
    }
    if (tp->has_note) {
        l->y -= NOTE_GAP;
        place_para(l, &tp->note, LAY_ROLE_TABLE, &b->src);
    }
    l->y -= TABLE_AFTER;
}

/* ---- charts --------------------------------------------------------------
 *
 * A grouped bar chart (doc_chart): for each category a group of bars, one
 * per series, over a value axis from 0.  It is set across the text block
 * of a portrait page and never split: a chart that does not fit below the
 * current position starts the next page, its title with it.  From the top:
 * the title (heading face, centred); a row with the unit at the left, over
 * the axis numbers, and the legend at the right; room for the value labels
 * of the tallest bars; the plot, CHART_PLOT_H high, with light gridlines at
 * 4 to 6 "nice" steps; the category labels under their groups.  About
 * 7.5 cm in all.
 *
 * Colours print well and stay apart in black-and-white print: last year a
 * mid grey, this year a deep blue.  Every label is measured so that none
 * overlaps another: a category label wraps within its column (two lines at
 * most, the type shrinking to CHART_MIN_SIZE first, then cut with an
 * ellipsis); value labels shrink the same way, then slide sideways or, as
 * a last resort, are lifted (place_value_labels()).
 *
 * Layout does not know the display unit; the axis numbers take it from
 * the value labels (chart_number_style()).  Everything is computed once
 * relative to the plot (prep_chart()) and shifted into place.
 */

#define CHART_TITLE_SIZE 12.0 /* the chart's title, heading face */
#define CHART_TEXT_SIZE 8.0   /* unit, axis numbers, legend, category labels */
#define CHART_VALUE_SIZE 7.5  /* value labels above the bars */
#define CHART_MIN_SIZE 6.0    /* labels shrink down to this, half a point at a time */
#define CHART_PLOT_H 150.0    /* value 0 to the top gridline */
#define CHART_BEFORE 9.0
#define CHART_AFTER 12.0
#define CHART_TITLE_GAP 2.0   /* title to the unit row */
#define CHART_ROW_LEAD 1.6    /* unit and legend rows, in em */
#define CHART_CAT_LEAD 1.3    /* category label lines, in em */
#define CHART_CAT_TOP 4.0     /* axis line to the category labels */
#define CHART_CAT_GAP 4.0     /* least space between two category labels */
#define CHART_TICK_GAP 4.0    /* axis numbers to the plot */
#define CHART_GROUP_FILL 0.7  /* share of a category's width its bars take */
#define CHART_BAR_MAX 32.0    /* widest bar: few categories give no slabs */
#define CHART_BAR_GAP 1.5     /* between the bars of a group */
#define CHART_BAR_MIN 1.0     /* a value above 0 shows at least this high */
#define CHART_VALUE_PAD 2.0   /* bar top (or what is under it) to its value label */
#define CHART_VALUE_SEP 0.5   /* between value labels side by side, in em */
#define CHART_SWATCH 7.0      /* legend colour square */
#define CHART_LEGEND_GAP 12.0 /* between legend items, and after the unit */
#define CHART_GRID_GRAY 0.82  /* gridlines: light grey, 0.5 pt */
#define CHART_GRID_W 0.5
#define CHART_AXIS_GRAY 0.35 /* the axis line at 0: dark grey, 0.75 pt */
#define CHART_AXIS_W 0.75

/* Series fills, 0xRRGGBB.  The last series (this year) is the deep blue;
 * a chart of one series is all blue. */
#define CHART_BLUE 0x1F4E8Cu
static const uint32_t CHART_COLORS[] = {0x9E9E9Eu, CHART_BLUE, 0xC55A11u,
                                        0x548235u, 0x7F6000u,  0x6FA8DCu};

uint32_t lay_series_rgb(int s, int n)
{
    if (n <= 1)
        return CHART_BLUE;
    if (n == 2)
        return CHART_COLORS[s == 1];
    return CHART_COLORS[(size_t)s % (sizeof CHART_COLORS / sizeof CHART_COLORS[0])];
}

/* One category label: at most two lines (arena strings). */
typedef struct cat_label {
    const char *line[2];
    double w[2];
    int n;
} cat_label;

struct cprep {
    const doc_chart *ch;
    para title;
    int has_title;
    lay_op *ops; /* all but the title: x from the text block's left edge,
                    y from the plot's bottom (malloc'd) */
    size_t n_ops, cap_ops;
    double above;   /* chart top to the plot's bottom, title included */
    double below;   /* plot bottom to the chart's bottom */
    lay_chart info; /* boxes in the coordinates of ops; cats malloc'd */
};

/* How the chart's labels print amounts.  build.c formats them as the
 * document does (money_format with the [units] settings), but the chart
 * does not carry the unit, and the axis numbers must match: the unit is
 * the one for which every label is its value formatted, the decimals and
 * the thousands separators are read off the labels. */
typedef struct chart_num {
    money_unit unit;
    int thousands;
} chart_num;

/* s without ',' into out (n bytes). */
static void no_commas(const char *s, char *out, size_t n)
{
    size_t k = 0;
    for (; *s && k + 1 < n; s++)
        if (*s != ',')
            out[k++] = *s;
    out[k] = '\0';
}

static chart_num chart_number_style(const doc_chart *ch)
{
    int nv = ch->n_series * ch->n_cats, dec = 0, commas = 0, big = 0;
    for (int i = 0; i < nv; i++) {
        const char *s = ch->labels[i] ? ch->labels[i] : "";
        const char *dot = strchr(s, '.');
        if (dot)
            dec = (int)strspn(dot + 1, "0123456789");
        commas |= strchr(s, ',') != NULL;
        char plain[64];
        no_commas(s, plain, sizeof plain);
        big |= strcspn(plain, ".") >= 4;
    }
    static const money_unit UNITS[] = {MONEY_WAN, MONEY_YUAN};
    int fits[2];
    for (int u = 0; u < 2; u++) {
        fits[u] = dec <= money_unit_max_decimals(UNITS[u]);
        for (int i = 0; i < nv && fits[u]; i++) {
            char want[64], got[64];
            no_commas(ch->labels[i] ? ch->labels[i] : "", want, sizeof want);
            money_format(ch->values[i], UNITS[u], dec, 0, 0, got, sizeof got);
            fits[u] = strcmp(want, got) == 0;
        }
    }
    chart_num r;
    if (fits[0] != fits[1])
        r.unit = fits[0] ? MONEY_WAN : MONEY_YUAN;
    else /* all zero, or labels of another making: the chart's unit decides */
        r.unit = ch->amount_unit;
    /* labels all under 1,000 cannot tell; the document default has them */
    r.thousands = commas || !big;
    return r;
}

/* The value axis (layout.h).  Successive candidate steps differ by 2.5
 * times at most, so the smallest that needs at most 6 steps needs at least
 * 4; units are powers of ten of the fen, so a nice step in fen is a nice
 * step in 元 and 万元. */
money lay_nice_step(money max, money unit_scale, int *n)
{
    static const int TENTHS[] = {10, 20, 25, 50};
    if (max <= 0) {
        *n = 5;
        return unit_scale;
    }
    for (money p = 1; p <= INT64_MAX / 100; p *= 10)
        for (size_t k = 0; k < sizeof TENTHS / sizeof TENTHS[0]; k++) {
            if (p * TENTHS[k] % 10)
                continue; /* 2.5 fen */
            money step = p * TENTHS[k] / 10;
            money cnt = max / step + (max % step != 0);
            if (cnt <= 6) {
                *n = (int)cnt;
                return step;
            }
        }
    *n = 1;
    return max;
}

static double measure(lay *l, int fnt, double size, const char *s)
{
    meas m = {l->fonts[fnt], size / 1000.0};
    return lb_measure(s, strlen(s), advance_cb, &m);
}

static lay_op *chart_op(cprep *cp, lay_op_kind kind, lay_role role)
{
    if (cp->n_ops == cp->cap_ops) {
        cp->cap_ops = cp->cap_ops ? 2 * cp->cap_ops : 64;
        cp->ops = xrealloc(cp->ops, cp->cap_ops * sizeof *cp->ops);
    }
    lay_op *op = &cp->ops[cp->n_ops++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->role = role;
    return op;
}

/* A one-line text run with its em box starting at x and its baseline at
 * y; its box is set when the chart's extent is known. */
static lay_op *chart_text(lay *l, cprep *cp, lay_role role, double size, double x, double y,
                          const char *s, double w, const diag_pos *pos)
{
    size_t nch;
    lay_op *op = chart_op(cp, LAY_TEXT, role);
    op->text = copy_run(l, s, strlen(s), &nch);
    op->font = LAY_FONT_BODY;
    op->size = size;
    op->x = x;
    op->y = y;
    op->width = w;
    op->pos = pos;
    return op;
}

static void chart_rect(cprep *cp, lay_box b, double gray, int has_rgb, uint32_t rgb)
{
    lay_op *op = chart_op(cp, LAY_RECT, LAY_ROLE_CHART);
    op->box = b;
    op->x = b.x0;
    op->y = b.y0;
    op->gray = gray;
    op->has_rgb = has_rgb;
    op->rgb = rgb;
}

/*
 * Breaks category label s into lines of width w at size; two lines are
 * balanced (因公出国 / （境）费, not 因公出国（境） / 费).  Returns the number
 * of lines; a label that needs more than two is cut when cut is set:
 * its second line ends in an ellipsis.
 */
static int break_cat(lay *l, const char *s, double size, double w, int cut, cat_label *out)
{
    meas m = {l->fonts[LAY_FONT_BODY], size / 1000.0};
    lb_line *ln;
    size_t n = lb_break(s, w, w, advance_cb, &m, &ln);
    if (n == 2) {
        double lo = fmax(lb_min_width(s, advance_cb, &m), w / 3), hi = w;
        for (int i = 0; i < 12 && hi - lo > 0.25; i++) {
            double mid = (lo + hi) / 2;
            lb_line *v;
            size_t k = lb_break(s, mid, mid, advance_cb, &m, &v);
            free(v);
            if (k <= 2)
                hi = mid;
            else
                lo = mid;
        }
        free(ln);
        n = lb_break(s, hi, hi, advance_cb, &m, &ln);
    }
    if (n > 2 && !cut) {
        free(ln);
        return (int)n;
    }
    out->n = n > 2 ? 2 : (int)n;
    for (int k = 0; k < out->n; k++) {
        size_t nch;
        out->line[k] = copy_run(l, s + ln[k].start, ln[k].len, &nch);
        out->w[k] = ln[k].width;
    }
    if (n > 2) {
        /* the second line and what follows, cut to fit with the ellipsis */
        const char *ell = font_has(l->fonts[LAY_FONT_BODY], 0x2026) ? "\xe2\x80\xa6" : "...";
        double ew = lb_measure(ell, strlen(ell), advance_cb, &m);
        const char *rest = s + ln[1].start, *end = rest;
        double used = 0.0;
        for (const char *p = rest; *p;) {
            const char *q = p;
            uint32_t cp = utf8_next(&q);
            double a = advance_cb(&m, cp);
            if (used + a + ew > w)
                break;
            used += a;
            end = p = q;
        }
        size_t nch;
        const char *cutl = copy_run(l, rest, (size_t)(end - rest), &nch);
        out->line[1] = arena_printf(l->a, "%s%s", cutl, ell);
        out->w[1] = used + ew;
    }
    free(ln);
    return out->n;
}

/* Whether two ranges overlap by more than a rounding error. */
static int overlaps(double a0, double a1, double b0, double b1)
{
    return a0 < b1 - EPS && b0 < a1 - EPS;
}

/* Adds the open interval (a, b) of forbidden label positions. */
static void forbid(double *lo, double *hi, double *raise, size_t *n, double a, double b, double r)
{
    lo[*n] = a;
    hi[*n] = b;
    raise[*n] = r;
    ++*n;
}

/*
 * Value labels: each as close above its bar as it can be.  Centred over
 * the bar if that covers nothing; else slid sideways, off a taller
 * neighbouring bar or a label placed before, as far as keeps the bar's
 * centre under the label (a label wider than its bar then reaches into the
 * space between the groups, not over its neighbour); lifted only when no
 * such position is free at this height, to the next top of what is in the
 * way.  Labels side by side keep half an em apart, above one another
 * 1 pt.  Lifts are finite (one per obstacle at most), so this ends.  Labels
 * stay within [xmin, xmax]; box[i] gets label i's em box.
 */
static void place_value_labels(const lay_box *bars, const double *w, int nv, double size,
                               double xmin, double xmax, lay_box *box)
{
    size_t cap = 2 * (size_t)nv + 1, nf;
    double *lo = xmalloc(cap * sizeof *lo), *hi = xmalloc(cap * sizeof *hi);
    double *raise = xmalloc(cap * sizeof *raise);
    /* two numbers side by side need a space between them, or 20.00 and
     * 24.60 read as one "20.0024.60" */
    double sep = CHART_VALUE_SEP * size;
    for (int i = 0; i < nv; i++) {
        double cx = (bars[i].x0 + bars[i].x1) / 2, pref = cx - w[i] / 2;
        double amin = fmax(xmin, cx - w[i]), amax = fmin(xmax - w[i], cx);
        if (amin > amax) /* wider than the plot allows: as centred as it can be */
            amin = amax = fmax(xmin, fmin(pref, xmax - w[i]));
        pref = fmax(amin, fmin(pref, amax));
        double y = bars[i].y1 + CHART_VALUE_PAD;
        for (;;) {
            /* where the label's left edge must not be, at this height */
            nf = 0;
            for (int j = 0; j < nv; j++)
                if (j != i && bars[j].y1 + CHART_VALUE_PAD > y + EPS)
                    forbid(lo, hi, raise, &nf, bars[j].x0 - 0.5 - w[i], bars[j].x1 + 0.5,
                           bars[j].y1 + CHART_VALUE_PAD);
            for (int j = 0; j < i; j++)
                if (overlaps(y - 1, y + size + 1, box[j].y0, box[j].y1))
                    forbid(lo, hi, raise, &nf, box[j].x0 - sep - w[i], box[j].x1 + sep,
                           box[j].y1 + 1);
            /* the free position nearest the preferred one: it, or the
             * edge of a forbidden interval */
            double best = 0.0, dist = INFINITY;
            for (size_t k = 0; k <= 2 * nf; k++) {
                double c = k == 0 ? pref : (k & 1) ? lo[(k - 1) / 2] : hi[(k - 1) / 2];
                if (c < amin - EPS || c > amax + EPS || fabs(c - pref) >= dist)
                    continue;
                int free_pos = 1;
                for (size_t f = 0; f < nf && free_pos; f++)
                    free_pos = !(c > lo[f] + EPS && c < hi[f] - EPS);
                if (free_pos) {
                    best = c;
                    dist = fabs(c - pref);
                }
            }
            if (dist < INFINITY) {
                box[i] = (lay_box){best, y, best + w[i], y + size};
                break;
            }
            /* nothing free: up to the lowest top of what is in the way */
            double up = INFINITY;
            for (size_t f = 0; f < nf; f++)
                if (lo[f] < amax && hi[f] > amin && raise[f] > y + EPS)
                    up = fmin(up, raise[f]);
            y = up < INFINITY ? up : y + size; /* (cannot happen) */
        }
    }
    free(lo);
    free(hi);
    free(raise);
}

static cprep *prep_chart(lay *l, size_t bi)
{
    const doc_block *b = &l->dm->blocks[bi];
    const doc_chart *ch = b->chart;
    const diag_pos *pos = &b->src;
    int nc = ch->n_cats, ns = ch->n_series, nv = nc * ns;
    double W = area_width(0);
    cprep *cp = xcalloc(1, sizeof *cp);
    cp->ch = ch;

    /* The value axis and its numbers, right-aligned left of the plot. */
    chart_num num = chart_number_style(ch);
    money scale = money_unit_scale(num.unit), max = 0;
    for (int i = 0; i < nv; i++)
        if (ch->values[i] > max)
            max = ch->values[i];
    int nsteps;
    money step = lay_nice_step(max, scale, &nsteps);
    int dec = 0;
    for (money q = scale; dec < money_unit_max_decimals(num.unit) && step % q; q /= 10)
        dec++;
    const char **ticks = xmalloc(((size_t)nsteps + 1) * sizeof *ticks);
    double *tick_w = xmalloc(((size_t)nsteps + 1) * sizeof *tick_w), axis_w = 0.0;
    for (int k = 0; k <= nsteps; k++) {
        char buf[64];
        money_format(step * k, num.unit, dec, num.thousands, 0, buf, sizeof buf);
        ticks[k] = arena_strdup(l->a, buf);
        tick_w[k] = measure(l, LAY_FONT_BODY, CHART_TEXT_SIZE, buf);
        axis_w = fmax(axis_w, tick_w[k]);
    }
    double px0 = axis_w + CHART_TICK_GAP, pitch = (W - px0) / nc;
    double gap = ns > 1 ? CHART_BAR_GAP : 0.0;
    double bar_w = fmin(CHART_BAR_MAX, (pitch * CHART_GROUP_FILL - (ns - 1) * gap) / ns);
    bar_w = fmax(bar_w, 0.5);
    double group_w = ns * bar_w + (ns - 1) * gap;
    double top_v = (double)step * nsteps;

    /* Gridlines first, so the bars cover them; the axis line at 0 last,
     * over the bars' feet. */
    for (int k = 1; k <= nsteps; k++) {
        double y = CHART_PLOT_H * k / nsteps;
        chart_rect(cp, (lay_box){px0, y - CHART_GRID_W / 2, W, y + CHART_GRID_W / 2},
                   CHART_GRID_GRAY, 0, 0);
    }
    lay_box *bars = xcalloc((size_t)nv + 1, sizeof *bars);
    double *vw = xcalloc((size_t)nv + 1, sizeof *vw);
    lay_box *vbox = xcalloc((size_t)nv + 1, sizeof *vbox);
    int k = 0; /* bars and value labels by category, then series */
    for (int c = 0; c < nc; c++)
        for (int s = 0; s < ns; s++, k++) {
            money v = ch->values[s * nc + c];
            double x = px0 + c * pitch + (pitch - group_w) / 2 + s * (bar_w + gap);
            double h = v > 0 ? fmax(CHART_PLOT_H * ((double)v / top_v), CHART_BAR_MIN) : 0.0;
            bars[k] = (lay_box){x, 0.0, x + bar_w, h};
            if (h > 0)
                chart_rect(cp, bars[k], 0.0, 1, lay_series_rgb(s, ns));
        }
    chart_rect(cp, (lay_box){px0, -CHART_AXIS_W / 2, W, CHART_AXIS_W / 2}, CHART_AXIS_GRAY, 0, 0);
    for (k = 0; k <= nsteps; k++) {
        double y = CHART_PLOT_H * k / nsteps;
        chart_text(l, cp, LAY_ROLE_CHART, CHART_TEXT_SIZE, px0 - CHART_TICK_GAP - tick_w[k],
                   y - (EM_ASCENT - EM_DESCENT) / 2 * CHART_TEXT_SIZE, ticks[k], tick_w[k], pos);
    }

    /* Value labels: the largest size at which every label fits the width
     * its bar has of the group (place_value_labels() then slides the
     * wider ones into the space between groups). */
    double vsize = CHART_VALUE_SIZE;
    for (;; vsize -= 0.5) {
        double widest = 0.0;
        for (int c = 0; c < nc; c++)
            for (int s = 0; s < ns; s++) {
                const char *t = ch->labels[s * nc + c] ? ch->labels[s * nc + c] : "";
                vw[c * ns + s] = measure(l, LAY_FONT_BODY, vsize, t);
                widest = fmax(widest, vw[c * ns + s]);
            }
        if (widest <= pitch / ns - CHART_VALUE_SEP * vsize || vsize <= CHART_MIN_SIZE + EPS)
            break;
    }
    place_value_labels(bars, vw, nv, vsize, px0, W, vbox);
    double label_top = CHART_PLOT_H + EM_ASCENT * CHART_TEXT_SIZE / 2; /* the top axis number */
    k = 0;
    for (int c = 0; c < nc; c++)
        for (int s = 0; s < ns; s++, k++) {
            const char *t = ch->labels[s * nc + c] ? ch->labels[s * nc + c] : "";
            chart_text(l, cp, LAY_ROLE_CHART_VALUE, vsize, vbox[k].x0,
                       vbox[k].y0 + EM_DESCENT * vsize, t, vw[k], pos);
            label_top = fmax(label_top, vbox[k].y1);
        }
    double band = label_top - CHART_PLOT_H + 2.0;

    /* The unit at the left and the legend at the right of the row above;
     * legend items that do not fit there go on rows of their own. */
    double row_lead = CHART_TEXT_SIZE * CHART_ROW_LEAD;
    double unit_w =
        ch->unit && *ch->unit ? measure(l, LAY_FONT_BODY, CHART_TEXT_SIZE, ch->unit) : 0;
    double *item_w = xcalloc((size_t)ns + 1, sizeof *item_w);
    int *item_row = xcalloc((size_t)ns + 1, sizeof *item_row);
    double *row_w = xcalloc((size_t)ns + 1, sizeof *row_w);
    int nrows = 1;
    for (int s = 0; s < ns; s++) {
        const char *name = ch->series[s] ? ch->series[s] : "";
        item_w[s] = CHART_SWATCH + 3.0 + measure(l, LAY_FONT_BODY, CHART_TEXT_SIZE, name);
        int r = nrows - 1;
        double avail = r == 0 && unit_w > 0 ? W - unit_w - CHART_LEGEND_GAP : W;
        double need = row_w[r] + (row_w[r] > 0 ? CHART_LEGEND_GAP : 0) + item_w[s];
        if (need > avail + EPS && row_w[r] > 0) {
            r = nrows++;
            need = item_w[s];
        } else if (need > avail + EPS && r == 0 && unit_w > 0) {
            r = nrows++; /* not even one item beside the unit */
        }
        item_row[s] = r;
        row_w[r] = need;
    }
    double rows_y0 = CHART_PLOT_H + band; /* bottom of the last row */
    if (unit_w > 0)
        chart_text(l, cp, LAY_ROLE_CHART, CHART_TEXT_SIZE, 0.0,
                   rows_y0 + (nrows - 1) * row_lead + (row_lead - CHART_TEXT_SIZE) / 2 +
                       EM_DESCENT * CHART_TEXT_SIZE,
                   ch->unit, unit_w, pos);
    double x = 0.0;
    for (int s = 0; s < ns; s++) {
        int r = item_row[s];
        if (s == 0 || item_row[s - 1] != r)
            x = W - row_w[r];
        double base = rows_y0 + (nrows - 1 - r) * row_lead + (row_lead - CHART_TEXT_SIZE) / 2 +
                      EM_DESCENT * CHART_TEXT_SIZE;
        double mid = base + (EM_ASCENT - EM_DESCENT) / 2 * CHART_TEXT_SIZE;
        chart_rect(cp,
                   (lay_box){x, mid - CHART_SWATCH / 2, x + CHART_SWATCH, mid + CHART_SWATCH / 2},
                   0.0, 1, lay_series_rgb(s, ns));
        chart_text(l, cp, LAY_ROLE_CHART, CHART_TEXT_SIZE, x + CHART_SWATCH + 3.0, base,
                   ch->series[s] ? ch->series[s] : "", item_w[s] - CHART_SWATCH - 3.0, pos);
        x += item_w[s] + CHART_LEGEND_GAP;
    }

    /* Category labels: the largest size at which every one fits its
     * column in two lines, leaving aside those that do not fit even at
     * the smallest size (they are cut: one overlong name should not make
     * all the others small). */
    double cw = pitch - CHART_CAT_GAP, csize = CHART_TEXT_SIZE;
    cat_label *cl = xcalloc((size_t)nc + 1, sizeof *cl);
    int *hopeless = xcalloc((size_t)nc + 1, sizeof *hopeless);
    for (int c = 0; c < nc; c++)
        hopeless[c] =
            break_cat(l, ch->cats[c] ? ch->cats[c] : "", CHART_MIN_SIZE, cw, 0, &cl[c]) > 2;
    for (;; csize -= 0.5) {
        int fit = 1;
        for (int c = 0; c < nc && fit; c++)
            fit = hopeless[c] ||
                  break_cat(l, ch->cats[c] ? ch->cats[c] : "", csize, cw, 0, &cl[c]) <= 2;
        if (fit || csize <= CHART_MIN_SIZE + EPS)
            break;
    }
    for (int c = 0; c < nc; c++)
        break_cat(l, ch->cats[c] ? ch->cats[c] : "", csize, cw, 1, &cl[c]);
    free(hopeless);
    double clead = csize * CHART_CAT_LEAD, ctop = -CHART_CAT_TOP;
    int most = 1;
    cp->info.cats = xcalloc((size_t)nc + 1, sizeof *cp->info.cats);
    for (int c = 0; c < nc; c++)
        most = cl[c].n > most ? cl[c].n : most;
    for (int c = 0; c < nc; c++) {
        double cx0 = px0 + c * pitch;
        lay_box box = {cx0 + CHART_CAT_GAP / 2, ctop - most * clead,
                       cx0 + pitch - CHART_CAT_GAP / 2, ctop};
        cp->info.cats[c] = box;
        for (int j = 0; j < cl[c].n; j++) {
            if (!*cl[c].line[j])
                continue;
            double base = ctop - j * clead - (clead - csize) / 2 - EM_ASCENT * csize;
            lay_op *op =
                chart_text(l, cp, LAY_ROLE_CHART_CAT, csize, cx0 + (pitch - cl[c].w[j]) / 2, base,
                           cl[c].line[j], cl[c].w[j], pos);
            op->box = box;
        }
    }

    /* The title, and the chart's extent. */
    if (ch->title && *ch->title) {
        para *p = &cp->title;
        cp->has_title = 1;
        p->text = ch->title;
        p->font = LAY_FONT_HEADING;
        p->size = CHART_TITLE_SIZE;
        p->lead = CHART_TITLE_SIZE * HEAD_LEAD;
        p->w = W;
        p->align = DOC_CENTER;
        break_para(l, p);
    }
    cp->above = rows_y0 + nrows * row_lead +
                (cp->has_title ? CHART_TITLE_GAP + para_height(&cp->title) : 0.0);
    cp->below = CHART_CAT_TOP + most * clead;
    lay_box all = {0.0, -cp->below, W, cp->above};
    for (size_t i = 0; i < cp->n_ops; i++)
        if (cp->ops[i].kind == LAY_TEXT && cp->ops[i].role != LAY_ROLE_CHART_CAT)
            cp->ops[i].box = all;
    cp->info.box = all;
    cp->info.plot = (lay_box){px0, 0.0, W, CHART_PLOT_H};
    cp->info.step = step;
    cp->info.n_steps = nsteps;
    cp->info.n_cats = nc;
    cp->info.cat_size = csize;
    cp->info.cat_lines = most;

    free(ticks);
    free(tick_w);
    free(bars);
    free(vw);
    free(vbox);
    free(item_w);
    free(item_row);
    free(row_w);
    free(cl);
    return cp;
}

static double chart_height(const cprep *cp)
{
    return cp->above + cp->below;
}

static void free_chart(cprep *cp)
{
    if (!cp)
        return;
    free(cp->title.lines);
    free(cp->ops);
    free(cp->info.cats);
    free(cp);
}

static lay_box shift_box(lay_box b, double dx, double dy)
{
    return (lay_box){b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy};
}

/* Places a chart whole: on the next page if it does not fit below the
 * current position (its title always with it). */
static void place_chart(lay *l, cprep *cp, size_t bi)
{
    const doc_block *b = &l->dm->blocks[bi];
    ensure_orientation(l, 0);
    if (!l->fresh) {
        if (l->y - CHART_BEFORE - chart_height(cp) < l->cur.area.y0 - EPS)
            new_page(l, 0);
        else
            l->y -= CHART_BEFORE;
    }
    if (cp->has_title)
        add_mark(l, cp->ch->title, l->section + 1);
    double top = l->y;
    for (size_t k = 0; k < cp->title.n && cp->has_title; k++) {
        emit_para_line(l, &cp->title, k, l->y, LAY_ROLE_CHART, &b->src);
        l->y -= cp->title.lead;
    }
    double dx = l->cur.area.x0, dy = top - cp->above;
    for (size_t i = 0; i < cp->n_ops; i++) {
        lay_op *op = push_op(l, cp->ops[i].kind);
        size_t block = op->block;
        *op = cp->ops[i];
        op->block = block;
        op->x += dx;
        op->y += dy;
        op->box = shift_box(op->box, dx, dy);
    }
    if (l->n_charts == l->cap_charts) {
        l->cap_charts = l->cap_charts ? 2 * l->cap_charts : 4;
        l->charts = xrealloc(l->charts, l->cap_charts * sizeof *l->charts);
    }
    lay_chart *info = &l->charts[l->n_charts++];
    *info = cp->info;
    info->block = bi;
    info->page = l->n_pages; /* the open page is the next to be finished */
    info->box = shift_box(info->box, dx, dy);
    info->plot = shift_box(info->plot, dx, dy);
    info->cats = arena_alloc(l->a, ((size_t)info->n_cats + 1) * sizeof *info->cats);
    for (int c = 0; c < info->n_cats; c++)
        info->cats[c] = shift_box(cp->info.cats[c], dx, dy);
    l->y = top - chart_height(cp) - CHART_AFTER;
    l->fresh = 0;
}

/* ---- blocks -------------------------------------------------------------- */

static double text_lead(const prep *pp)
{
    size_t n = pp->p.n < 2 ? pp->p.n : 2;
    return (double)n * pp->p.lead;
}

/*
 * Height that must fit below the current position for block i to start
 * here: a heading, label or title with everything it is kept with (the
 * next block's first two lines, or a table's start), a paragraph's first
 * two lines.
 */
static double lead_height(const lay *l, const prep *pp, size_t i)
{
    const doc *dm = l->dm;
    double h = 0.0;
    for (size_t j = i; j < dm->n; j++) {
        const doc_block *b = &dm->blocks[j];
        if (b->kind == DOC_PAGE_BREAK || pp[j].landscape != pp[i].landscape)
            break;
        if (b->kind == DOC_TABLE) {
            if (pp[j].t)
                h += TABLE_BEFORE + table_lead(pp[j].t);
            break;
        }
        if (b->kind == DOC_CHART) { /* kept whole, so wholly kept with its heading */
            if (pp[j].c)
                h += CHART_BEFORE + chart_height(pp[j].c);
            break;
        }
        if (j > i)
            h += pp[j].p.before;
        if (!keeps_with_next(b->kind)) {
            h += text_lead(&pp[j]);
            break;
        }
        h += para_height(&pp[j].p) + pp[j].p.after;
    }
    return h;
}

static void place_text(lay *l, prep *pp, size_t i)
{
    const doc_block *b = &l->dm->blocks[i];
    const para *p = &pp[i].p;
    ensure_orientation(l, pp[i].landscape);
    if (!l->fresh) {
        double need = p->before + lead_height(l, pp, i);
        double page_h = l->cur.area.y1 - l->cur.area.y0;
        /* a chain taller than a page cannot be kept together anyway */
        if (l->y - need < l->cur.area.y0 - EPS && need <= page_h)
            new_page(l, pp[i].landscape);
        else
            l->y -= p->before;
    }
    if (b->kind == DOC_HEADING) {
        l->section = b->level < 1 ? 1 : b->level;
        add_mark(l, p->text, l->section);
    } else if (b->bookmark) {
        add_mark(l, p->text, b->kind == DOC_TITLE ? 1 : l->section + 1);
    }
    place_para(l, p, LAY_ROLE_TEXT, &b->src);
    l->y -= p->after;
}

/* "第{页}页 共{总页}页" with the numbers filled in. */
static const char *footer_text(arena *a, const char *pat, size_t page, size_t total)
{
    static const char P[] = "{页}", T[] = "{总页}";
    size_t cap = strlen(pat) + 1, n = 0;
    for (const char *s = pat; (s = strchr(s, '{')); s++)
        cap += 40;
    char *out = arena_alloc(a, cap);
    for (const char *s = pat; *s;) {
        if (!strncmp(s, P, sizeof P - 1)) {
            n += (size_t)snprintf(out + n, cap - n, "%zu", page);
            s += sizeof P - 1;
        } else if (!strncmp(s, T, sizeof T - 1)) {
            n += (size_t)snprintf(out + n, cap - n, "%zu", total);
            s += sizeof T - 1;
        } else {
            out[n++] = *s++;
        }
    }
    out[n] = '\0';
    return out;
}

/* Page footers, once the page count is known: centred in the bottom
 * margin.  Without a pattern, the bare page number. */
static void add_footers(lay *l, lay_page *pages, size_t n)
{
    const char *pat = l->dm->footer ? l->dm->footer : "{页}";
    if (!*pat)
        return;
    meas m = {l->fonts[LAY_FONT_BODY], FOOTER_SIZE / 1000.0};
    for (size_t i = 0; i < n; i++) {
        lay_page *pg = &pages[i];
        size_t nch;
        const char *txt = footer_text(l->a, pat, i + 1, n);
        txt = copy_run(l, txt, strlen(txt), &nch);
        double w = lb_measure(txt, strlen(txt), advance_cb, &m);
        double base = MARGIN_BOTTOM / 2 - (EM_ASCENT - EM_DESCENT) / 2 * FOOTER_SIZE;
        lay_op *op = &pg->ops[pg->n_ops++]; /* finish_page() left room */
        memset(op, 0, sizeof *op);
        op->kind = LAY_TEXT;
        op->role = LAY_ROLE_FOOTER;
        op->text = txt;
        op->font = LAY_FONT_BODY;
        op->size = FOOTER_SIZE;
        op->x = (pg->width - w) / 2;
        op->y = base;
        op->width = w;
        op->box = (lay_box){0.0, 0.0, pg->width, pg->area.y0};
        op->block = l->dm->n;
    }
}

layout *layout_doc(arena *a, diag *d, const doc *dm, font *const fonts[LAY_NFONTS])
{
    lay l;
    memset(&l, 0, sizeof l);
    l.a = a;
    l.d = d;
    l.dm = dm;
    for (int f = 0; f < LAY_NFONTS; f++)
        l.fonts[f] = fonts[f];

    size_t n = dm->n;
    prep *pp = xcalloc(n ? n : 1, sizeof *pp);
    /* Orientation: a landscape table, and the headings and labels that
     * lead into it, go on landscape pages; everything else on portrait. */
    for (size_t i = n; i-- > 0;) {
        const doc_block *b = &dm->blocks[i];
        if (b->kind == DOC_TABLE)
            pp[i].landscape = b->table && b->table->landscape;
        else if (keeps_with_next(b->kind) && i + 1 < n)
            pp[i].landscape = pp[i + 1].landscape;
    }
    for (size_t i = 0; i < n; i++) {
        const doc_block *b = &dm->blocks[i];
        l.block = i;
        if (b->kind == DOC_TABLE) {
            if (b->table && b->table->ncols > 0)
                pp[i].t = prep_table(&l, i, pp[i].landscape);
        } else if (b->kind == DOC_CHART) {
            /* a chart without bars has nothing to show */
            if (b->chart && b->chart->n_cats > 0 && b->chart->n_series > 0)
                pp[i].c = prep_chart(&l, i);
        } else if (b->kind != DOC_PAGE_BREAK) {
            prep_text(&l, i, &pp[i]);
        }
    }
    prep_list_hangs(&l, pp, n);

    for (size_t i = 0; i < n; i++) {
        const doc_block *b = &dm->blocks[i];
        l.block = i;
        if (b->kind == DOC_PAGE_BREAK) {
            if (l.open && !l.fresh)
                new_page(&l, i + 1 < n && pp[i + 1].landscape);
        } else if (b->kind == DOC_TABLE) {
            if (pp[i].t)
                place_table(&l, &pp[i], i);
        } else if (b->kind == DOC_CHART) {
            if (pp[i].c)
                place_chart(&l, pp[i].c, i);
        } else {
            place_text(&l, pp, i);
        }
    }
    if (!l.open && l.n_pages == 0)
        new_page(&l, 0);
    finish_page(&l);

    layout *out = arena_alloc(a, sizeof *out);
    out->n_pages = l.n_pages;
    out->pages = arena_alloc(a, l.n_pages * sizeof *out->pages);
    memcpy(out->pages, l.pages, l.n_pages * sizeof *out->pages);
    add_footers(&l, out->pages, out->n_pages);
    out->n_marks = l.n_marks;
    out->marks = arena_alloc(a, (l.n_marks ? l.n_marks : 1) * sizeof *out->marks);
    if (l.n_marks)
        memcpy(out->marks, l.marks, l.n_marks * sizeof *out->marks);

    out->n_charts = l.n_charts;
    out->charts = arena_alloc(a, (l.n_charts ? l.n_charts : 1) * sizeof *out->charts);
    if (l.n_charts)
        memcpy(out->charts, l.charts, l.n_charts * sizeof *out->charts);

    for (size_t i = 0; i < n; i++) {
        free(pp[i].p.lines);
        free_table(pp[i].t);
        free_chart(pp[i].c);
    }
    free(pp);
    free(l.pages);
    free(l.marks);
    free(l.charts);
    free(l.ops);
    return out;
}
