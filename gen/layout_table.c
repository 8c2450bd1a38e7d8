/*
 * layout_table — tables on pages: column widths, page breaks, drawing
 * (see layout.c for the rules, layout_priv.h for what is shared).
 */
#include "layout_priv.h"
#include "i18n.h"

#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Table type sizes tried in turn until the columns' minimum widths fit. */
static const double PORTRAIT_SIZES[] = {10.5, 9.0, 7.5};
static const double LANDSCAPE_SIZES[] = {9.0, 8.0, 7.0};

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
            /* Header cells and 合计 rows in the table's bold face ([fonts]
             * bold); a face that is not bold is drawn bold (fill then
             * stroke, render_pdf.c). */
            tc->bold = head || (t->row_kind && t->row_kind[r] == DOC_ROW_TOTAL);
            tc->font = tc->bold ? LAY_FONT_TABLE_BOLD : LAY_FONT_TABLE;
            tc->align = head ? DOC_CENTER : body_align(t, x, c);
            meas m = lay_meas(l, tc->font, 1.0, 1); /* figures: layout_figures.c */
            const char *s = x->text ? x->text : "";
            tc->nat_em = lay_natural_width(s, &m, &tc->sum_em, &tc->pieces);
            /* amounts, codes and percentages are never broken */
            tc->min_em = !head && tc->cs == 1 && nowrap_kind(t->cols[c].kind)
                             ? tc->nat_em
                             : lb_min_width(s, lay_advance_cb, &m);
        }
    }
    if (!head)
        tp->row_first[rows] = *k;
}

/*
 * A table of long texts (performance targets, task lists: the texts on one
 * line would need more than TEXT_HEAVY page widths, or the template weights
 * its columns): its widths are chosen to make it short (distribute());
 * other tables get their widths from their content as a browser's
 * automatic table layout does.  pf holds the preferences so far (the body
 * cells' widest lines).
 */
static int text_heavy(const tprep *tp, double size, double avail, const double *pf)
{
    const doc_table *t = tp->t;
    double sum = 0.0;
    for (int c = 0; c < t->ncols; c++) {
        if (t->cols[c].weight > 0 && t->cols[c].weight != 1)
            return 1;
        sum += pf[c];
    }
    (void)size;
    return sum > TEXT_HEAVY * avail;
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
static double col_limits(tprep *tp, double size, double avail, int short_rule, double *mn,
                         double *pf, double *pb)
{
    const doc_table *t = tp->t;
    int nc = t->ncols;
    double pad2 = 2 * PADX(size) + WIDTH_EPS;
    for (int c = 0; c < nc; c++) {
        /* codes and figures need no more than their own width */
        double floor_em = nowrap_kind(t->cols[c].kind) ? MIN_CODE_EM : MIN_COL_EM;
        double em = t->cols[c].min_chars > floor_em ? t->cols[c].min_chars : floor_em;
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
    for (int c = 0; c < nc; c++)
        pb[c] = pf[c];
    for (size_t k = 0; k < tp->nhcells; k++) {
        const tcell *x = &tp->cells[k];
        if (x->cs != 1)
            continue;
        /* a header label takes at most HEAD_LINES lines (whole characters) */
        double cm = fmax(x->min_em, ceil(x->nat_em / HEAD_LINES - EPS)) * size + pad2;
        /* a header prefers one line when short, else two: the names in the
         * body need the width more than the labels above the figures */
        double two = x->nat_em <= SHORT_EM ? x->nat_em : ceil(x->nat_em / 2 - EPS);
        double cap = fmax(fmin(HEAD_PREF_EM, two) * size + pad2, pf[x->c]);
        double cp = fmax(cm, fmin(x->nat_em * size + pad2, cap));
        mn[x->c] = fmax(mn[x->c], cm);
        pf[x->c] = fmax(pf[x->c], cp);
    }
    tp->heavy = text_heavy(tp, size, avail, pf);
    for (int c = 0; c < nc; c++) {
        if (tp->heavy)
            pf[c] = fmin(pf[c], fmax(PREF_CAP * avail, mn[c]));
        if (short_rule && pf[c] <= SHORT_EM * size + pad2)
            mn[c] = pf[c];
        pb[c] = fmin(fmax(pb[c], mn[c]), pf[c]);
    }
    for (size_t k = 0; k < tp->ncells; k++) {
        const tcell *x = &tp->cells[k];
        if (x->cs == 1)
            continue;
        double have_mn = 0.0, have_pf = 0.0, have_pb = 0.0;
        for (int c = x->c; c < x->c + x->cs; c++) {
            have_mn += mn[c];
            have_pf += pf[c];
            have_pb += pb[c];
        }
        /* a header over several columns (科目编码 over 类 款 项) on one line */
        double need_mn = (x->head ? fmax(x->min_em, x->nat_em) : x->min_em) * size + pad2;
        double need_pf = fmax(need_mn, x->nat_em * size + pad2);
        for (int c = x->c; c < x->c + x->cs; c++) {
            if (need_mn > have_mn)
                mn[c] += (need_mn - have_mn) / x->cs;
            if (need_pf > have_pf)
                pf[c] += (need_pf - have_pf) / x->cs;
            if (!x->head && need_pf > have_pb)
                pb[c] += (need_pf - have_pb) / x->cs;
            pf[c] = fmax(pf[c], mn[c]);
            pb[c] = fmin(fmax(pb[c], mn[c]), pf[c]);
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
    double lh = size * CELL_LEAD, min_h = lh + 2 * PADY(size), own = 0.0, total = 0.0;
    eb->x[0] = 0.0;
    for (int c = 0; c < t->ncols; c++)
        eb->x[c + 1] = eb->x[c] + w[c];
    for (size_t k = 0; k < tp->ncells; k++) {
        const tcell *x = &tp->cells[k];
        double cw = eb->x[x->c + x->cs] - eb->x[x->c] - 2 * PADX(size);
        double lines = (double)(x->pieces - 1) + (cw > 0 ? x->sum_em * size / cw : 1e6);
        eb->need[k] = (lines > 1 ? lines : 1) * lh + 2 * PADY(size);
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
                       const double *pf, const double *pb, double *w)
{
    const doc_table *t = tp->t;
    int nc = t->ncols;
    double smn = 0.0, spf = 0.0;
    for (int c = 0; c < nc; c++) {
        smn += mn[c];
        spf += pf[c];
        w[c] = mn[c];
    }
    if (!tp->heavy) {
        /* Automatic layout, as browsers set tables: every column between
         * its minimum (widest unbreakable piece, header on HEAD_LINES lines)
         * and its preference (widest text on one line), the width beyond
         * the minimums shared in proportion to what each column would still
         * use; if every preference fits, the rest in proportion to them.
         * Codes and empty amount columns stay narrow, names get their
         * width. */
        if (spf <= avail) {
            /* the rest in proportion to the preferences, codes aside */
            double grow = 0.0;
            for (int c = 0; c < nc; c++)
                grow += t->cols[c].kind == DOC_COL_CODE ? 0.0 : pf[c];
            for (int c = 0; c < nc; c++) {
                double g = grow > EPS ? (t->cols[c].kind == DOC_COL_CODE ? 0.0 : pf[c]) / grow
                                      : 1.0 / nc;
                w[c] = pf[c] + (avail - spf) * g;
            }
            return;
        }
        /* the body's texts first (names on one line), then the headers'
         * (labels on fewer lines) */
        double spb = 0.0;
        for (int c = 0; c < nc; c++)
            spb += pb[c];
        const double *lo = spb <= avail ? pb : mn, *hi = spb <= avail ? pf : pb;
        double slo = spb <= avail ? spb : smn, shi = spb <= avail ? spf : spb;
        double f = shi - slo > EPS ? (avail - slo) / (shi - slo) : 0.0;
        for (int c = 0; c < nc; c++)
            w[c] = lo[c] + (hi[c] - lo[c]) * f;
        return;
    }
    if (spf <= avail) {
        /* Every column gets the same extra (times its weight). */
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
        size_t n = lb_break(text, mid, mid, lay_advance_cb, m, &v);
        free(v);
        if (n <= x->n)
            hi = mid;
        else
            lo = mid;
    }
    if (hi < cw) {
        free(x->lines);
        x->n = lb_break(text, hi, hi, lay_advance_cb, m, &x->lines);
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
    p->title = align == DOC_CENTER; /* the table's title */
    p->figs = fnt == LAY_FONT_BODY;  /* the unit line and the note */
    lay_break_para(l, p);
}

/*
 * Line height, vertical padding and the heights of the rows at them: the
 * normal ones, or (tight) those of a table set a little closer so that its
 * last few rows do not stand alone on a page (see squeeze()).  The lines
 * of the cells are broken already; their widths do not change.
 */
static void row_heights(tprep *tp, int tight)
{
    const doc_table *t = tp->t;
    tp->lh = tp->size * (tight ? TIGHT_LEAD : CELL_LEAD);
    tp->pady = PADY(tp->size) * (tight ? TIGHT_PADY : 1.0);
    double *need = xmalloc((tp->ncells + 1) * sizeof *need);
    for (size_t k = 0; k < tp->ncells; k++)
        need[k] = tp->cells[k].need = (double)tp->cells[k].n * tp->lh + 2 * tp->pady;
    double min_h = tp->lh + 2 * tp->pady;
    grid_heights(tp->cells, 0, tp->nhcells, need, tp->order, tp->nhorder, t->n_head, min_h, tp->hh);
    grid_heights(tp->cells, tp->nhcells, tp->ncells, need + tp->nhcells, tp->order + tp->nhorder,
                 tp->nborder, t->n_body, min_h, tp->bh);
    free(need);
    tp->head_h = 0.0;
    for (int r = 0; r < t->n_head; r++)
        tp->head_h += tp->hh[r];
}

tprep *lay_prep_table(lay *l, size_t bi, int landscape)
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
    double avail = lay_area_width(landscape);
    const double *sizes = landscape ? LANDSCAPE_SIZES : PORTRAIT_SIZES;
    size_t nsizes = landscape ? sizeof LANDSCAPE_SIZES / sizeof LANDSCAPE_SIZES[0]
                              : sizeof PORTRAIT_SIZES / sizeof PORTRAIT_SIZES[0];
    double *mn = xmalloc((size_t)nc * sizeof *mn), *pf = xmalloc((size_t)nc * sizeof *pf);
    double *w = xmalloc((size_t)nc * sizeof *w), *pb = xmalloc((size_t)nc * sizeof *pb);
    int fitted = 0;
    for (size_t s = 0; s < nsizes && !fitted; s++) {
        tp->size = sizes[s];
        if (col_limits(tp, tp->size, avail, 1, mn, pf, pb) <= avail + EPS ||
            col_limits(tp, tp->size, avail, 0, mn, pf, pb) <= avail + EPS)
            fitted = 1;
    }
    if (fitted) {
        distribute(tp, tp->size, avail, mn, pf, pb, w);
    } else {
        /* Even the smallest size does not fit: squeeze the minimums.  Long
         * words and numbers will then be broken; say so. */
        double sum = col_limits(tp, tp->size, avail, 0, mn, pf, pb);
        for (int c = 0; c < nc; c++)
            w[c] = mn[c] * avail / sum;
        const doc_cell *first = t->n_head ? t->head : t->body;
        diag_report(l->d, DIAG_WARNING, first ? first->pos : b->src,
                    "table \"%s\" is too wide for the %s page even at %.1f pt: some numbers "
                    "or words are broken (set the table landscape or shorten its texts)",
                    t->title ? t->title
                    : t->id  ? t->id
                             : "",
                    landscape ? _("landscape") : _("portrait"), tp->size);
    }
    tp->colx = xmalloc(((size_t)nc + 1) * sizeof *tp->colx);
    tp->colx[0] = 0.0;
    for (int c = 0; c < nc; c++)
        tp->colx[c + 1] = tp->colx[c] + w[c];
    tp->width = tp->colx[nc];
    tp->xoff = (avail - tp->width) / 2;
    free(mn);
    free(pf);
    free(pb);
    free(w);

    /* Lines of every cell at its final width. */
    for (k = 0; k < tp->ncells; k++) {
        tcell *x = &tp->cells[k];
        meas m = lay_meas(l, x->font, tp->size, 1);
        double cw = tp->colx[x->c + x->cs] - tp->colx[x->c] - 2 * PADX(tp->size);
        const char *text = x->src->text ? x->src->text : "";
        x->n = lb_break(text, cw, cw, lay_advance_cb, &m, &x->lines);
        if (x->align == DOC_CENTER && x->n > 1 && x->pieces == 1)
            balance_lines(x, text, x->min_em * tp->size, cw, &m);
    }
    tp->hh = xcalloc((size_t)t->n_head + 1, sizeof *tp->hh);
    tp->bh = xcalloc((size_t)t->n_body + 1, sizeof *tp->bh);
    tp->ph = xcalloc((size_t)t->n_body + 1, sizeof *tp->ph);
    tp->ry = xcalloc((size_t)t->n_body + 1, sizeof *tp->ry);
    row_heights(tp, 0);

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
    if (t->unit_left && *t->unit_left) {
        /* beside the unit line, in the width it leaves (less two characters) */
        double used = 0;
        for (size_t i = 0; tp->has_unit && i < tp->unit.n; i++)
            if (tp->unit.lines[i].width > used)
                used = tp->unit.lines[i].width;
        tp->has_left = 1;
        para *p = &tp->left;
        memset(p, 0, sizeof *p);
        p->text = t->unit_left;
        p->font = LAY_FONT_BODY;
        p->size = UNIT_SIZE;
        p->lead = UNIT_SIZE * 1.5;
        p->xoff = tp->xoff;
        p->w = tp->width - used - (used > 0 ? 2 * UNIT_SIZE : 0);
        if (p->w < 4 * UNIT_SIZE)
            p->w = 4 * UNIT_SIZE;
        p->align = DOC_LEFT;
        lay_break_para(l, p);
    }
    if (l->dm->continued && *l->dm->continued) {
        tp->has_cont = 1;
        prep_table_para(l, tp, &tp->cont, l->dm->continued, LAY_FONT_HEADING, UNIT_SIZE, DOC_LEFT);
        tp->cont.justify = 0;
    }
    if (t->note && *t->note) {
        tp->has_note = 1;
        prep_table_para(l, tp, &tp->note, t->note, LAY_FONT_BODY, UNIT_SIZE, DOC_LEFT);
    }
    return tp;
}

void lay_free_table(tprep *tp)
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
    free(tp->left.lines);
    free(tp->note.lines);
    free(tp->cont.lines);
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

/* The unit line and the text at its left share their first line. */
static double unit_block_h(const tprep *tp)
{
    double u = tp->has_unit ? lay_para_height(&tp->unit) : 0.0;
    double left = tp->has_left ? lay_para_height(&tp->left) : 0.0;
    return u > left ? u : left;
}

static double title_block_h(const tprep *tp)
{
    return (tp->has_title ? lay_para_height(&tp->title) : 0.0) + unit_block_h(tp);
}

static double note_block_h(const tprep *tp)
{
    return tp->has_note ? NOTE_GAP + lay_para_height(&tp->note) : 0.0;
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
    return (double)(most ? most : 1) * tp->lh + 2 * tp->pady;
}

/* Height a row-spanned cell continued from an earlier page needs: the
 * lines of its text not yet drawn (a merged cell is split only between
 * lines and continues where it stopped; no line is printed twice). */
static double continued_need(const tprep *tp, const tcell *c)
{
    if (c->shown < c->n)
        return (double)(c->n - c->shown) * tp->lh + 2 * tp->pady;
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
                hx = fmax(hx, continued_need(tp, c) - used);
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
        double room = avail - 2 * tp->pady;
        size_t cap = room > tp->lh ? (size_t)floor(room / tp->lh + EPS) : 1;
        tp->ph[first] = fmax(avail, tp->lh + 2 * tp->pady);
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
    double top = box.y1 - tp->pady;
    if (middle && box.y1 - box.y0 > text_h + 2 * tp->pady)
        top = box.y1 - (box.y1 - box.y0 - text_h) / 2;
    double cw = box.x1 - box.x0 - 2 * PADX(tp->size);
    lay_role role = c->head ? LAY_ROLE_HEAD : LAY_ROLE_CELL;
    for (size_t j = 0; j < count && start + j < c->n; j++) {
        const lb_line *ln = &c->lines[start + j];
        if (ln->len == 0)
            continue;
        double base = top - (double)j * tp->lh - (tp->lh - tp->size) / 2 - EM_ASCENT * tp->size;
        size_t nch;
        const char *s = lay_copy_run(l, text + ln->start, ln->len, &nch);
        double x = box.x0 + PADX(tp->size), cs = 0.0;
        if (c->align == DOC_CENTER)
            x = box.x0 + (box.x1 - box.x0 - ln->width) / 2;
        else if (c->align == DOC_RIGHT)
            x = box.x1 - PADX(tp->size) - ln->width;
        /* left-aligned cells are set ragged: no character spacing, which
         * in a narrow column spreads a line into single characters that
         * copy and paste as 指 导 全 区 */
        (void)cw;
        lay_emit_runs(l, role, c->font, c->bold, tp->size, x, base, s, nch, ln->width, cs, box,
                      &c->src->pos);
    }
}

/* Grid lines of one cell part: right and bottom edges, and the left edge
 * of the first column (the outer frame is drawn heavier). */
static void emit_cell_grid(lay *l, const tprep *tp, const tcell *c, lay_box box, int last_row)
{
    int nc = tp->t->ncols;
    lay_emit_line_op(l, box.x1, box.y1, box.x1, box.y0,
                     c->c + c->cs >= nc ? GRID_OUTER : GRID_INNER);
    lay_emit_line_op(l, box.x0, box.y0, box.x1, box.y0, last_row ? GRID_OUTER : GRID_INNER);
    if (c->c == 0)
        lay_emit_line_op(l, box.x0, box.y1, box.x0, box.y0, GRID_OUTER);
}

static void emit_header(lay *l, const tprep *tp, double x0, double top)
{
    const doc_table *t = tp->t;
    if (t->n_head > 0) {
        lay_box all = {x0, top - tp->head_h, x0 + tp->width, top};
        lay_emit_rect(l, all, HEAD_GRAY);
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
        lay_emit_line_op(l, x0, top, x0 + tp->width, top, GRID_OUTER);
    free(ry);
}

/*
 * Draws one body cell's part on this page: rows [top_row, bot_row] of the
 * slice.  A row-spanned cell shows its text on the page where it starts
 * (as much as fits: plan_slice() moves a cell that does not fit to the next
 * page unless that would leave much of the page empty), cut between two
 * lines.  On a continuation page it shows the rest of its text from the
 * top (the rows there were grown to hold it), if any: every line is
 * printed once.
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
        double room = box.y1 - box.y0 - 2 * tp->pady;
        size_t k = room > 0 ? (size_t)floor(room / tp->lh + EPS) : 0;
        if (c->shown == 0 && a >= s->first) { /* the first part */
            count = c->n < k ? c->n : k;
            middle = count == c->n;
            c->shown = count;
        } else if (c->shown < c->n) {
            /* the rest of a text cut at a line boundary by the page
             * break: it continues where it stopped */
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
        lay_emit_line_op(l, x0, top, x0 + tp->width, top, GRID_OUTER);
}

/* Body rows kept with the title and header at a table's start: KEEP_ROWS,
 * or all of a shorter table. */
static size_t keep_rows(const tprep *tp)
{
    size_t nb = (size_t)tp->t->n_body;
    return nb < KEEP_ROWS ? nb : KEEP_ROWS;
}

/* The least that must fit on a page together with the table's start:
 * title, unit line, header and first keep_rows() rows (or the note of an
 * empty table). */
double lay_table_lead(const tprep *tp)
{
    double h = title_block_h(tp) + tp->head_h;
    for (size_t r = 0; r < keep_rows(tp); r++)
        h += tp->bh[r];
    if (tp->t->n_body == 0)
        h += note_block_h(tp);
    return h;
}

/* "续表" (the template's `continued`) at the top of a continuation page. */
static void emit_continued(lay *l, const tprep *tp, const doc_block *b)
{
    if (!tp->has_cont)
        return;
    for (size_t k = 0; k < tp->cont.n; k++) {
        lay_emit_para_line(l, &tp->cont, k, l->y, LAY_ROLE_TABLE, &b->src);
        l->y -= tp->cont.lead;
    }
}

/*
 * Pages the body rows take, starting with the header at y on the current
 * page, at the current row heights; *last gets the rows of the last page.
 * 0 when a dry run cannot tell: a table with row-spanned cells (whose pages
 * depend on what is drawn) or a row taller than a page.
 */
static size_t count_pages(const lay *l, tprep *tp, double y, size_t *last)
{
    size_t nb = (size_t)tp->t->n_body, r = 0, pages = 0;
    if (tp->nspans)
        return 0;
    double cont = tp->has_cont ? (double)tp->cont.n * tp->cont.lead : 0.0;
    double avail = y - tp->head_h - l->cur.area.y0;
    while (r < nb) {
        slice s;
        if (avail <= 0 || !plan_slice(tp, r, 0, avail, 1, &s) || s.cap)
            return 0;
        pages++;
        *last = s.end - r;
        r = s.end;
        avail = l->cur.area.y1 - l->cur.area.y0 - cont - tp->head_h;
    }
    return pages;
}

/*
 * A table whose last page would hold at most SQUEEZE_ROWS rows is set a
 * little closer (TIGHT_LEAD, TIGHT_PADY) when that saves the page, as a
 * typesetter tightens a table rather than leave its last rows alone on a
 * page (often before a landscape page, a page mostly empty).  The type
 * size and the column widths stay.
 */
static void squeeze(const lay *l, tprep *tp, double y)
{
    size_t last = 0, tight_last = 0;
    size_t pages = count_pages(l, tp, y, &last);
    if (pages < 2 || last > SQUEEZE_ROWS)
        return;
    row_heights(tp, 1);
    size_t tight = count_pages(l, tp, y, &tight_last);
    if (tight == 0 || tight >= pages)
        row_heights(tp, 0);
}

void lay_place_table(lay *l, prep *pp, size_t bi)
{
    tprep *tp = pp->t;
    const doc_table *t = tp->t;
    const doc_block *b = &l->dm->blocks[bi];
    size_t nb = (size_t)t->n_body;
    lay_ensure_orientation(l, tp->landscape);

    /* Keep the title, the unit line and the header with the first row (or
     * the note): try the first page's rows before drawing anything. */
    if (!l->fresh) {
        double avail = l->y - TABLE_BEFORE - title_block_h(tp) - tp->head_h - l->cur.area.y0;
        slice s;
        int fits = nb ? avail > 0 && plan_slice(tp, 0, 0, avail, 0, &s) && !s.cap &&
                            s.end >= keep_rows(tp)
                      : avail + EPS >= note_block_h(tp);
        if (fits)
            l->y -= TABLE_BEFORE;
        else
            lay_new_page(l, tp->landscape);
    }
    if (tp->has_title)
        lay_add_mark(l, t->title, l->section + 1);
    for (size_t k = 0; k < tp->title.n && tp->has_title; k++) {
        lay_emit_para_line(l, &tp->title, k, l->y, LAY_ROLE_TABLE, &b->src);
        l->y -= tp->title.lead;
    }
    double top = l->y;
    for (size_t k = 0; k < tp->unit.n && tp->has_unit; k++)
        lay_emit_para_line(l, &tp->unit, k, top - (double)k * tp->unit.lead, LAY_ROLE_TABLE,
                           &b->src);
    for (size_t k = 0; k < tp->left.n && tp->has_left; k++)
        lay_emit_para_line(l, &tp->left, k, top - (double)k * tp->left.lead, LAY_ROLE_TABLE,
                           &b->src);
    l->y = top - unit_block_h(tp);
    l->fresh = 0;
    squeeze(l, tp, l->y);

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
        lay_new_page(l, tp->landscape);
        l->fresh = 0;
        emit_continued(l, tp, b);
    }
    if (tp->has_note) {
        l->y -= NOTE_GAP;
        lay_place_para(l, &tp->note, LAY_ROLE_TABLE, &b->src);
    }
    l->y -= TABLE_AFTER;
}
