/*
 * layout_toc — the front matter: the cover page and the 目录 (see layout.c
 * for the rules, layout_priv.h for what is shared).
 *
 * Page numbers, as printed Chinese disclosures count them: the cover and
 * the 目录 carry no footer and no number; the body's footers number its
 * pages from 1, and {总页} counts the body's pages.  The 目录 shows, for
 * every entry, the number printed in the footer of the page where the
 * entry starts.  Since the front matter does not move the body's numbers,
 * the body is laid out once, first, and the 目录 after it from the body's
 * outline entries: however many pages the 目录 takes, no number changes,
 * and a document without a 目录 costs nothing more.
 *
 * The 目录 lists exactly the outline (bookmarks): every heading and
 * subheading, table and chart title, and every title line that opens a
 * part (build_toc.c); level 1 in the heading face, deeper levels indented
 * two characters a level.  Each entry ends with a dot leader and its page
 * number, right-aligned; the leaders of all entries end in one column, and
 * their dots stand in columns from line to line.  A long entry wraps, its
 * following lines under its text after the heading's number (one character
 * in for other entries); the leader follows its last line.
 *
 * The cover: its title lines (一号 黑体) centred in the upper part of the
 * page, its other lines (三号 黑体: 编制单位, the date) in the lower part.
 */
#include "layout_priv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COVER_TITLE_SIZE 26.0 /* 一号 */
#define COVER_TITLE_LEAD 1.6
#define COVER_LINE_SIZE 16.0 /* 三号 */
#define COVER_LINE_LEAD 2.0
#define COVER_TITLE_TOP 0.20 /* of the text block's height, from its top */
#define COVER_LINES_TOP 0.34 /* of the text block's height, from its bottom */
#define COVER_GAP 36.0       /* least space between the two groups */

#define TOC_SIZE BODY_SIZE
#define TOC_LEAD 2.0       /* em */
#define TOC_LEAD_MIN 1.5   /* em: tighter, to keep the 目录 on one page */
#define TOC_DOT_PITCH 0.5  /* leader dots every half character */
#define TOC_MIN_LEADER 3.0 /* em kept free for the leader at the end of a line */
#define TOC_NUM_GAP 0.5    /* em between the leader and the number column */
#define TOC_MAX_INDENT 3   /* levels indented (deeper ones as the third) */

static void set_para(para *p, const char *text, int fnt, double size, double lead, double w)
{
    memset(p, 0, sizeof *p);
    p->text = text ? text : "";
    p->font = fnt;
    p->size = size;
    p->lead = lead;
    p->w = w;
    p->align = DOC_CENTER;
    p->title = 1; /* lb_break_title() */
}

/* The cover page: every DOC_COVER block, title lines first. */
static void place_cover(lay *l)
{
    const doc *dm = l->dm;
    lay_new_page(l, 0);
    double area_h = l->cur.area.y1 - l->cur.area.y0, w = lay_area_width(0);
    l->y = l->cur.area.y1 - COVER_TITLE_TOP * area_h;
    for (int level = 1; level <= 2; level++) {
        if (level == 2) {
            double top = l->cur.area.y0 + COVER_LINES_TOP * area_h;
            l->y = l->y - COVER_GAP < top ? l->y - COVER_GAP : top;
        }
        for (size_t i = 0; i < dm->n; i++) {
            const doc_block *b = &dm->blocks[i];
            if (b->kind != DOC_COVER || (b->level == 2) != (level == 2))
                continue;
            para p;
            double size = level == 1 ? COVER_TITLE_SIZE : COVER_LINE_SIZE;
            set_para(&p, b->text, LAY_FONT_HEADING, size,
                     size * (level == 1 ? COVER_TITLE_LEAD : COVER_LINE_LEAD), w);
            l->block = i;
            lay_break_para(l, &p);
            lay_place_para(l, &p, LAY_ROLE_TEXT, &b->src);
            free(p.lines);
        }
    }
}

/* Draws a run of one font at x, baseline y, in the line box [top - lead, top]. */
static void toc_run(lay *l, int fnt, const char *s, size_t nch, double x, double base,
                    double natural, double cs, double top, double lead, const diag_pos *pos)
{
    lay_box box = {l->cur.area.x0, top - lead, l->cur.area.x1, top};
    lay_emit_text(l, LAY_ROLE_TEXT, fnt, 0, TOC_SIZE, x, base, s, nch, natural, cs, box, pos);
}

/* The 目录: its title, then one entry per body mark (page numbers from 1). */
static void place_toc(lay *l, size_t bi, const lay_mark *marks, size_t n)
{
    const doc_block *b = &l->dm->blocks[bi];
    l->block = bi;
    lay_new_page(l, 0);
    double w = lay_area_width(0);
    para t;
    set_para(&t, b->text, LAY_FONT_HEADING, TITLE_SIZE, TITLE_SIZE * TITLE_LEAD, w);
    lay_break_para(l, &t);
    lay_add_mark(l, t.text, 1);
    lay_place_para(l, &t, LAY_ROLE_TEXT, &b->src);
    free(t.lines);
    l->y -= TITLE_AFTER;

    meas mb = lay_meas(l, LAY_FONT_BODY, TOC_SIZE, 0);
    char num[32];
    double num_max = 0.0;
    for (size_t k = 0; k < n; k++) {
        snprintf(num, sizeof num, "%zu", marks[k].page + 1);
        double nw = lb_measure(num, strlen(num), lay_advance_cb, &mb);
        num_max = nw > num_max ? nw : num_max;
    }
    double dot_w = lb_measure(".", 1, lay_advance_cb, &mb);
    double pitch = TOC_DOT_PITCH * TOC_SIZE;
    if (pitch < dot_w)
        pitch = dot_w;
    double cs = pitch - dot_w;
    double lead = TOC_SIZE * TOC_LEAD;
    double lead_end = w - num_max - TOC_NUM_GAP * TOC_SIZE; /* from the block's left */
    para *ps = xcalloc(n ? n : 1, sizeof *ps);
    size_t lines = 0;
    for (size_t k = 0; k < n; k++) {
        int lv = marks[k].level < 1 ? 1 : marks[k].level;
        para *p = &ps[k];
        set_para(p, marks[k].title, lv == 1 ? LAY_FONT_HEADING : LAY_FONT_BODY, TOC_SIZE, lead,
                 0.0);
        p->align = DOC_LEFT;
        p->xoff = (lv > TOC_MAX_INDENT ? TOC_MAX_INDENT - 1 : lv - 1) * INDENT_EM * TOC_SIZE;
        /* a wrapped heading goes on under its text, after its number */
        const doc_block *mk = &l->dm->blocks[marks[k].block];
        meas mf = lay_meas(l, p->font, TOC_SIZE, 0);
        p->hang = mk->kind == DOC_HEADING && mk->number && *mk->number
                      ? lb_measure(mk->number, strlen(mk->number), lay_advance_cb, &mf)
                      : TOC_SIZE;
        p->w = lead_end - p->xoff - TOC_MIN_LEADER * TOC_SIZE;
        if (p->w < 4 * TOC_SIZE)
            p->w = 4 * TOC_SIZE;
        lay_break_para(l, p); /* as the title or heading it lists (set_para) */
        lines += p->n;
    }
    /* A 目录 a little longer than its page closes its lines up rather
     * than leave a few entries alone on a second page. */
    double room = l->y - l->cur.area.y0;
    if (lines && (double)lines * lead > room && (double)lines * TOC_LEAD_MIN * TOC_SIZE <= room)
        lead = room / (double)lines - EPS;
    for (size_t k = 0; k < n; k++) {
        para p = ps[k];
        p.lead = lead;
        if (!l->fresh && l->y - (double)p.n * lead < l->cur.area.y0 - EPS)
            lay_new_page(l, 0);
        for (size_t q = 0; q < p.n; q++) {
            double top = l->y;
            lay_emit_para_line(l, &p, q, top, LAY_ROLE_TEXT, &b->src);
            if (q + 1 == p.n) {
                double base = top - (lead - TOC_SIZE) / 2 - EM_ASCENT * TOC_SIZE;
                double x0 = l->cur.area.x0;
                double end = x0 + p.xoff + (q ? p.hang : 0.0) + p.lines[q].width;
                double from = end + TOC_NUM_GAP * TOC_SIZE, to = x0 + lead_end;
                size_t dots = from < to ? (size_t)floor((to - from + cs) / pitch + EPS) : 0;
                if (dots > 0) {
                    char *s = arena_alloc(l->a, dots + 1);
                    memset(s, '.', dots);
                    s[dots] = '\0';
                    double width = (double)dots * pitch - cs;
                    toc_run(l, LAY_FONT_BODY, s, dots, to - width, base, (double)dots * dot_w, cs,
                            top, lead, &b->src);
                }
                size_t nch;
                snprintf(num, sizeof num, "%zu", marks[k].page + 1);
                const char *ns = lay_copy_run(l, num, strlen(num), &nch);
                double nw = lb_measure(ns, strlen(ns), lay_advance_cb, &mb);
                toc_run(l, LAY_FONT_BODY, ns, nch, l->cur.area.x1 - nw, base, nw, 0.0, top, lead,
                        &b->src);
            }
            l->y -= lead;
            l->fresh = 0;
        }
        free(p.lines);
    }
    free(ps);
}

size_t lay_front_matter(lay *l)
{
    const doc *dm = l->dm;
    int cover = 0;
    size_t toc = dm->n;
    for (size_t i = 0; i < dm->n; i++) {
        cover |= dm->blocks[i].kind == DOC_COVER;
        if (dm->blocks[i].kind == DOC_TOC && toc == dm->n)
            toc = i;
    }
    if (!cover && toc == dm->n)
        return 0;
    lay_page *body = l->pages;
    size_t n_body = l->n_pages;
    lay_mark *marks = l->marks;
    size_t n_marks = l->n_marks;
    l->pages = NULL;
    l->n_pages = l->cap_pages = 0;
    l->marks = NULL;
    l->n_marks = l->cap_marks = 0;
    l->open = 0;
    if (cover)
        place_cover(l);
    if (toc < dm->n)
        place_toc(l, toc, marks, n_marks);
    lay_finish_page(l);

    size_t nf = l->n_pages;
    l->pages = xrealloc(l->pages, (nf + n_body) * sizeof *l->pages);
    memcpy(l->pages + nf, body, n_body * sizeof *body);
    l->n_pages = l->cap_pages = nf + n_body;
    l->marks = xrealloc(l->marks, (l->n_marks + n_marks + 1) * sizeof *l->marks);
    for (size_t k = 0; k < n_marks; k++) {
        l->marks[l->n_marks] = marks[k];
        l->marks[l->n_marks++].page += nf;
    }
    l->cap_marks = l->n_marks + 1;
    for (size_t k = 0; k < l->n_charts; k++)
        l->charts[k].page += nf;
    free(body);
    free(marks);
    return nf;
}
