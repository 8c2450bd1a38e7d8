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
 * by a page break is cut between two lines of its text and continues at
 * the top of the next page (each line printed once); one that does
 * not fit where it starts moves to the next page unless that would leave
 * much of the page empty (keep_spans()).
 *
 * House style, as in printed 部门预算信息公开 and GB/T 9704 公文 practice:
 * Song/Ming body text and tables (bold Song for table headers and totals),
 * Hei titles and headings; the text block is a whole number of body
 * characters wide so that lines of pure Chinese text fill it exactly and
 * characters stand in columns from line to line.
 */
#include "layout_priv.h"

#include "linebreak.h"
#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* lb_advance_fn over a font.  Control characters are drawn as spaces
 * (lay_copy_run()), so they are measured as spaces. */
double lay_advance_cb(void *ctx, uint32_t cp)
{
    const meas *m = ctx;
    if (cp < 0x20)
        cp = ' ';
    if (m->fig && lay_is_figure(cp) && font_has(m->fig, cp))
        return font_advance(m->fig, cp) * m->k; /* layout_figures.c */
    return font_advance(m->f, cp) * m->k;
}

/* Widest '\n'-separated piece of s, unbroken; *sum gets the width of all
 * pieces and *pieces their number. */
double lay_natural_width(const char *s, meas *m, double *sum, int *pieces)
{
    double best = 0.0;
    *sum = 0.0;
    *pieces = 0;
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        double w = lb_measure(s, n, lay_advance_cb, m);
        *sum += w;
        ++*pieces;
        if (w > best)
            best = w;
        if (!nl)
            return best;
        s = nl + 1;
    }
}

double lay_area_width(int landscape)
{
    double page_w = landscape ? LAY_A4_LONG : LAY_A4_SHORT;
    return floor((page_w - 2 * MARGIN_SIDE) / BODY_SIZE + EPS) * BODY_SIZE;
}

void lay_finish_page(lay *l)
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
void lay_new_page(lay *l, int landscape)
{
    lay_finish_page(l);
    memset(&l->cur, 0, sizeof l->cur);
    l->cur.landscape = landscape;
    l->cur.width = landscape ? LAY_A4_LONG : LAY_A4_SHORT;
    l->cur.height = landscape ? LAY_A4_SHORT : LAY_A4_LONG;
    double w = lay_area_width(landscape);
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
void lay_ensure_orientation(lay *l, int landscape)
{
    if (!l->open || l->cur.landscape != landscape)
        lay_new_page(l, landscape);
}

lay_op *lay_push_op(lay *l, lay_op_kind kind)
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

void lay_add_mark(lay *l, const char *title, int level)
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
    m->block = l->block;
}

/*
 * Copies len bytes of s into the arena for drawing.  Control characters
 * (a stray tab or CR inside a cell) become spaces: a font has no glyph for
 * them and they would show as boxes.  Counts the code points into *nchars.
 */
const char *lay_copy_run(lay *l, const char *s, size_t len, size_t *nchars)
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

void lay_emit_text(lay *l, lay_role role, int fnt, int bold, double size, double x, double y,
                   const char *text, size_t nchars, double natural, double cs, lay_box box,
                   const diag_pos *pos)
{
    lay_op *op = lay_push_op(l, LAY_TEXT);
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

void lay_emit_line_op(lay *l, double x, double y, double x2, double y2, double width)
{
    lay_op *op = lay_push_op(l, LAY_LINE);
    op->x = x;
    op->y = y;
    op->x2 = x2;
    op->y2 = y2;
    op->line_width = width;
}

void lay_emit_rect(lay *l, lay_box box, double gray)
{
    lay_op *op = lay_push_op(l, LAY_RECT);
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
double lay_justify_space(const lb_line *ln, size_t nchars, double avail, double size)
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
void lay_break_para(lay *l, para *p)
{
    meas m = lay_meas(l, p->font, p->size, p->figs);
    if (p->title) /* titles, headings, 目录 entries: at their own points, balanced */
        p->n = lb_break_title(p->text, p->w - p->indent, p->w - p->hang, lay_advance_cb, &m,
                              &p->lines);
    else
        p->n = lb_break(p->text, p->w - p->indent, p->w - p->hang, lay_advance_cb, &m, &p->lines);
}

/* Draws line k of p with its line box starting at top. */
void lay_emit_para_line(lay *l, const para *p, size_t k, double top, lay_role role,
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
        const char *num = lay_copy_run(l, p->number, strlen(p->number), &nch);
        (p->figs ? lay_emit_runs : lay_emit_text)(l, role, p->font, p->bold, p->size,
                                                  x0 + p->num_x, base, num, nch, p->num_w, 0.0,
                                                  box, pos);
    }
    if (ln->len == 0)
        return;
    const char *s = lay_copy_run(l, p->text + ln->start, ln->len, &nch);
    double x = left, cs = 0.0;
    if (p->align == DOC_CENTER)
        x = left + (avail - ln->width) / 2;
    else if (p->align == DOC_RIGHT)
        x = left + avail - ln->width;
    else if (p->justify)
        cs = lay_justify_space(ln, nch, avail, p->size);
    (p->figs ? lay_emit_runs : lay_emit_text)(l, role, p->font, p->bold, p->size, x, base, s, nch,
                                              ln->width, cs, box, pos);
}

/*
 * Places the lines of p from the current position, breaking pages between
 * lines.  Orphan and widow control: the first line is not left alone at a
 * page bottom, and the last line does not go alone to the next page, when
 * the paragraph has lines enough to avoid it.
 */
void lay_place_para(lay *l, const para *p, lay_role role, const diag_pos *pos)
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
                lay_new_page(l, l->cur.landscape);
                continue;
            }
            take = 1; /* a line taller than a page: place it anyway */
        }
        for (size_t k = i; k < i + take; k++) {
            lay_emit_para_line(l, p, k, l->y, role, pos);
            l->y -= p->lead;
        }
        l->fresh = 0;
        i += take;
        if (i < n)
            lay_new_page(l, l->cur.landscape);
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
    p->w = lay_area_width(pp->landscape);
    p->text = b->text ? b->text : "";
    p->font = LAY_FONT_BODY;
    p->size = BODY_SIZE;
    p->lead = BODY_SIZE * BODY_LEAD;
    p->align = DOC_LEFT;
    p->justify = 1;
    switch (b->kind) {
    case DOC_TITLE:
        p->title = 1;
        p->font = LAY_FONT_TITLE;
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
        p->title = 1;
        p->font = b->level <= 1 ? LAY_FONT_HEADING : LAY_FONT_SUBHEADING;
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
    case DOC_LINE:
        p->align = b->align;
        p->justify = 0;
        break;
    case DOC_LIST_ITEM:
        /* indent and hang are set by prep_list_hangs() once every item of
         * the list is measured */
        p->number = b->number;
        break;
    default:
        assert(0);
    }
    p->figs = p->font == LAY_FONT_BODY; /* paragraphs: figures in their face */
    if (b->kind != DOC_LIST_ITEM)
        lay_break_para(l, p);
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
        meas m = lay_meas(l, LAY_FONT_BODY, BODY_SIZE, 1);
        for (; j < n && l->dm->blocks[j].kind == DOC_LIST_ITEM; j++) {
            para *p = &pp[j].p;
            const char *num = p->number ? p->number : "";
            p->num_w = lb_measure(num, strlen(num), lay_advance_cb, &m);
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
            lay_break_para(l, p);
        }
        i = j;
    }
}

double lay_para_height(const para *p)
{
    return (double)p->n * p->lead;
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
        if (b->kind == DOC_PAGE_BREAK || lay_front_kind(b->kind) ||
            pp[j].landscape != pp[i].landscape)
            break;
        if (b->kind == DOC_TABLE) {
            if (pp[j].t)
                h += TABLE_BEFORE + lay_table_lead(pp[j].t);
            break;
        }
        if (b->kind == DOC_CHART) { /* kept whole, so wholly kept with its heading */
            if (pp[j].c)
                h += CHART_BEFORE + lay_chart_height(pp[j].c);
            break;
        }
        if (j > i)
            h += pp[j].p.before;
        if (!keeps_with_next(b->kind)) {
            h += text_lead(&pp[j]);
            break;
        }
        h += lay_para_height(&pp[j].p) + pp[j].p.after;
    }
    return h;
}

static void place_text(lay *l, prep *pp, size_t i)
{
    const doc_block *b = &l->dm->blocks[i];
    const para *p = &pp[i].p;
    lay_ensure_orientation(l, pp[i].landscape);
    if (!l->fresh) {
        double need = p->before + lead_height(l, pp, i);
        double page_h = l->cur.area.y1 - l->cur.area.y0;
        /* a chain taller than a page cannot be kept together anyway */
        if (l->y - need < l->cur.area.y0 - EPS && need <= page_h)
            lay_new_page(l, pp[i].landscape);
        else
            l->y -= p->before;
    }
    if (b->kind == DOC_HEADING) {
        l->section = b->level < 1 ? 1 : b->level;
        lay_add_mark(l, p->text, l->section);
    } else if (b->bookmark && b->kind == DOC_TITLE) {
        /* a run of title lines opening a part (build_toc.c): one top-level
         * entry, its lines joined; what follows nests under it */
        const char *t = p->text;
        for (size_t j = i + 1; j < l->dm->n && l->dm->blocks[j].kind == DOC_TITLE; j++)
            t = arena_printf(l->a, "%s%s", t, pp[j].p.text);
        l->section = 1;
        lay_add_mark(l, t, 1);
    } else if (b->bookmark) {
        lay_add_mark(l, p->text, l->section + 1);
    }
    lay_place_para(l, p, LAY_ROLE_TEXT, &b->src);
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
    meas m = lay_meas(l, LAY_FONT_BODY, FOOTER_SIZE, 0);
    for (size_t i = 0; i < n; i++) {
        lay_page *pg = &pages[i];
        size_t nch;
        const char *txt = footer_text(l->a, pat, i + 1, n);
        txt = lay_copy_run(l, txt, strlen(txt), &nch);
        double w = lb_measure(txt, strlen(txt), lay_advance_cb, &m);
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
    lay_figures_init(&l);

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
                pp[i].t = lay_prep_table(&l, i, pp[i].landscape);
        } else if (b->kind == DOC_CHART) {
            /* a chart without bars has nothing to show */
            if (b->chart && b->chart->n_cats > 0 && b->chart->n_series > 0)
                pp[i].c = lay_prep_chart(&l, i);
        } else if (b->kind != DOC_PAGE_BREAK && !lay_front_kind(b->kind)) {
            prep_text(&l, i, &pp[i]);
        }
    }
    prep_list_hangs(&l, pp, n);

    for (size_t i = 0; i < n; i++) {
        const doc_block *b = &dm->blocks[i];
        l.block = i;
        if (b->kind == DOC_PAGE_BREAK) {
            if (l.open && !l.fresh)
                lay_new_page(&l, i + 1 < n && pp[i + 1].landscape);
        } else if (b->kind == DOC_TABLE) {
            if (pp[i].t)
                lay_place_table(&l, &pp[i], i);
        } else if (b->kind == DOC_CHART) {
            if (pp[i].c)
                lay_place_chart(&l, pp[i].c, i);
        } else if (!lay_front_kind(b->kind)) { /* the front matter: lay_front_matter() */
            place_text(&l, pp, i);
        }
    }
    if (!l.open && l.n_pages == 0)
        lay_new_page(&l, 0);
    lay_finish_page(&l);
    /* The cover and the 目录 go before the body, unnumbered: the body's
     * pages are numbered from 1 whatever comes before them, so the 目录 is
     * set once, after the body, with the numbers its footers print. */
    size_t nf = lay_front_matter(&l);

    layout *out = arena_alloc(a, sizeof *out);
    out->n_pages = l.n_pages;
    out->pages = arena_alloc(a, l.n_pages * sizeof *out->pages);
    memcpy(out->pages, l.pages, l.n_pages * sizeof *out->pages);
    add_footers(&l, out->pages + nf, out->n_pages - nf);
    out->n_front = nf;
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
        lay_free_table(pp[i].t);
        lay_free_chart(pp[i].c);
    }
    free(pp);
    free(l.pages);
    free(l.marks);
    free(l.charts);
    free(l.ops);
    return out;
}
