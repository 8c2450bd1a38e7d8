/*
 * layout_chart — grouped bar charts on pages (see layout.c for the rules,
 * layout_priv.h for what is shared).
 */
#include "layout_priv.h"

#include "utf8.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

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
 * relative to the plot (lay_prep_chart()) and shifted into place.
 */

#define CHART_TITLE_SIZE 12.0 /* the chart's title, heading face */
#define CHART_TEXT_SIZE 8.0   /* unit, axis numbers, legend, category labels */
#define CHART_VALUE_SIZE 7.5  /* value labels above the bars */
#define CHART_MIN_SIZE 6.0    /* labels shrink down to this, half a point at a time */
#define CHART_PLOT_H 150.0    /* value 0 to the top gridline */
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

/* Axis numbers, value labels, the unit and the legend: a text of figures
 * only is set in the figures face (lay_figures_font), here and in
 * chart_text(); category labels are broken in the body face. */
static double measure(lay *l, int fnt, double size, const char *s)
{
    meas m = lay_meas(l, lay_figures_font(l, fnt, s), size, 0);
    return lb_measure(s, strlen(s), lay_advance_cb, &m);
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
    op->text = lay_copy_run(l, s, strlen(s), &nch);
    op->font = role == LAY_ROLE_CHART_CAT ? LAY_FONT_BODY
                                          : lay_figures_font(l, LAY_FONT_BODY, op->text);
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
    meas m = lay_meas(l, LAY_FONT_BODY, size, 0);
    lb_line *ln;
    size_t n = lb_break(s, w, w, lay_advance_cb, &m, &ln);
    if (n == 2) {
        double lo = fmax(lb_min_width(s, lay_advance_cb, &m), w / 3), hi = w;
        for (int i = 0; i < 12 && hi - lo > 0.25; i++) {
            double mid = (lo + hi) / 2;
            lb_line *v;
            size_t k = lb_break(s, mid, mid, lay_advance_cb, &m, &v);
            free(v);
            if (k <= 2)
                hi = mid;
            else
                lo = mid;
        }
        free(ln);
        n = lb_break(s, hi, hi, lay_advance_cb, &m, &ln);
    }
    if (n > 2 && !cut) {
        free(ln);
        return (int)n;
    }
    out->n = n > 2 ? 2 : (int)n;
    for (int k = 0; k < out->n; k++) {
        size_t nch;
        out->line[k] = lay_copy_run(l, s + ln[k].start, ln[k].len, &nch);
        out->w[k] = ln[k].width;
    }
    if (n > 2) {
        /* the second line and what follows, cut to fit with the ellipsis */
        const char *ell = font_has(l->fonts[LAY_FONT_BODY], 0x2026) ? "\xe2\x80\xa6" : "...";
        double ew = lb_measure(ell, strlen(ell), lay_advance_cb, &m);
        const char *rest = s + ln[1].start, *end = rest;
        double used = 0.0;
        for (const char *p = rest; *p;) {
            const char *q = p;
            uint32_t cp = utf8_next(&q);
            double a = lay_advance_cb(&m, cp);
            if (used + a + ew > w)
                break;
            used += a;
            end = p = q;
        }
        size_t nch;
        const char *cutl = lay_copy_run(l, rest, (size_t)(end - rest), &nch);
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

cprep *lay_prep_chart(lay *l, size_t bi)
{
    const doc_block *b = &l->dm->blocks[bi];
    const doc_chart *ch = b->chart;
    const diag_pos *pos = &b->src;
    int nc = ch->n_cats, ns = ch->n_series, nv = nc * ns;
    double W = lay_area_width(0);
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
        lay_break_para(l, p);
    }
    cp->above = rows_y0 + nrows * row_lead +
                (cp->has_title ? CHART_TITLE_GAP + lay_para_height(&cp->title) : 0.0);
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

double lay_chart_height(const cprep *cp)
{
    return cp->above + cp->below;
}

void lay_free_chart(cprep *cp)
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
void lay_place_chart(lay *l, cprep *cp, size_t bi)
{
    const doc_block *b = &l->dm->blocks[bi];
    lay_ensure_orientation(l, 0);
    if (!l->fresh) {
        if (l->y - CHART_BEFORE - lay_chart_height(cp) < l->cur.area.y0 - EPS)
            lay_new_page(l, 0);
        else
            l->y -= CHART_BEFORE;
    }
    if (cp->has_title)
        lay_add_mark(l, cp->ch->title, l->section + 1);
    double top = l->y;
    for (size_t k = 0; k < cp->title.n && cp->has_title; k++) {
        lay_emit_para_line(l, &cp->title, k, l->y, LAY_ROLE_CHART, &b->src);
        l->y -= cp->title.lead;
    }
    double dx = l->cur.area.x0, dy = top - cp->above;
    for (size_t i = 0; i < cp->n_ops; i++) {
        lay_op *op = lay_push_op(l, cp->ops[i].kind);
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
    l->y = top - lay_chart_height(cp) - CHART_AFTER;
    l->fresh = 0;
}
