/*
 * layout_figures — the figures face ([fonts] figures): the digits and
 * number signs (lay_is_figure: 0-9 . , % - +) of table cells and
 * paragraphs set in a face of their own, a Latin face with proportional
 * lining figures beside the CJK text face.  Stage: layout.
 *
 * A role that has a figures face (l->fig) is measured with lay_meas(),
 * whose advance (lay_advance_cb) takes a figure from the figures face when
 * that face has it, anything else from the role's own face; the text is
 * drawn by lay_emit_runs(), one operation per run of figures and per run of
 * other characters, each run where the advances before it end.  Measuring
 * and drawing use the same rule character by character, so line breaking
 * and alignment stay exact.  A figure the figures face lacks stays in the
 * role's face (and is checked there by the renderer).
 *
 * When a figures face is the role's own face (the default: [fonts]
 * figures unset), nothing is split: the operations, and so the PDF, are
 * those of a layout without figures faces.
 */
#include "layout_priv.h"

#include "utf8.h"

#include <string.h>

void lay_figures_init(lay *l)
{
    static const int of[][2] = {{LAY_FONT_TABLE, LAY_FONT_FIGURES},
                                {LAY_FONT_TABLE_BOLD, LAY_FONT_FIGURES_BOLD},
                                {LAY_FONT_BODY, LAY_FONT_FIGURES_TEXT}};
    for (int k = 0; k < LAY_NFONTS; k++)
        l->fig[k] = -1;
    for (size_t i = 0; i < sizeof of / sizeof of[0]; i++) {
        int role = of[i][0], figs = of[i][1];
        if (!l->fonts[figs])
            l->fonts[figs] = l->fonts[role];
        if (l->fonts[figs] != l->fonts[role])
            l->fig[role] = figs;
    }
}

meas lay_meas(const lay *l, int fnt, double size, int figs)
{
    meas m = {l->fonts[fnt], size / 1000.0, NULL};
    if (figs && l->fig[fnt] >= 0)
        m.fig = l->fonts[l->fig[fnt]];
    return m;
}

int lay_figures_font(const lay *l, int fnt, const char *s)
{
    if (l->fig[fnt] < 0 || !*s)
        return fnt;
    const font *f = l->fonts[l->fig[fnt]];
    uint32_t cp;
    while ((cp = utf8_next(&s)) != 0)
        if (!lay_is_figure(cp) || !font_has(f, cp))
            return fnt;
    return l->fig[fnt];
}

/* Whether cp is drawn in the figures face of m (as lay_advance_cb measures). */
static int in_figures(const meas *m, uint32_t cp)
{
    return m->fig && lay_is_figure(cp) && font_has(m->fig, cp);
}

void lay_emit_runs(lay *l, lay_role role, int fnt, int bold, double size, double x, double y,
                   const char *text, size_t nchars, double natural, double cs, lay_box box,
                   const diag_pos *pos)
{
    meas m = lay_meas(l, fnt, size, 1);
    if (!m.fig) {
        lay_emit_text(l, role, fnt, bold, size, x, y, text, nchars, natural, cs, box, pos);
        return;
    }
    const char *s = text;
    while (*s) {
        const char *p = s;
        uint32_t cp = utf8_next(&p);
        int figs = in_figures(&m, cp < 0x20 ? ' ' : cp);
        /* the run of characters of the same face */
        const char *end = s;
        size_t n = 0;
        double w = 0.0;
        for (;;) {
            const char *q = end;
            uint32_t c = utf8_next(&q);
            if (!c || in_figures(&m, c < 0x20 ? ' ' : c) != figs)
                break;
            w += lay_advance_cb(&m, c);
            n++;
            end = q;
        }
        const char *run = arena_strndup(l->a, s, (size_t)(end - s));
        lay_emit_text(l, role, figs ? l->fig[fnt] : fnt, bold, size, x, y, run, n, w, cs, box,
                      pos);
        /* Tc follows every character, the run's last one too */
        x += w + cs * (double)n;
        s = end;
    }
    (void)nchars;
    (void)natural;
}
