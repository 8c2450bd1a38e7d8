/*
 * test_layout_figures — the figures face of layout_figures.c ([fonts]
 * figures) on a hand-made document: justified paragraphs full of amounts
 * ("2021年全年预计收入1,300.50万元，…"), a table of amounts with a 合计
 * row and a bar chart.  Body, table and bold face AR PL UMing CN, headings WenQuanYi Zen
 * Hei, figures DejaVu Serif (bold: DejaVu Serif Bold).
 *   - without figures faces, or with the table's own face as figures face,
 *     the operations are those of a layout without them (nothing split);
 *   - with DejaVu Serif: every operation in a figures face holds figures
 *     only (0-9 . , % - +), every paragraph or cell operation in the body
 *     face none; 合计 figures in the bold figures face;
 *   - each operation is as wide as its characters' advances in its face
 *     (DejaVu's for the figures), and the runs of a line follow one
 *     another without gap or overlap (Tc included); a justified line's last
 *     run ends on the text block's right edge, and the amounts of a column
 *     end on one vertical line, as with one face: breaking and alignment
 *     were measured with the faces drawn;
 *   - a chart's axis numbers and value labels in the figures face, its
 *     category labels in the body face.
 * Run from the project folder; needs fonts-arphic-uming, fonts-wqy-zenhei
 * and fonts-dejavu-core.
 */
#include "harness.h"

#include "doc.h"
#include "fonts.h"
#include "layout.h"
#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 0.01

static doc_block *add(arena *a, doc *d, doc_block_kind kind, const char *text)
{
    doc_block *b = doc_add(a, d, kind);
    b->text = text;
    b->src = diag_at("templates/test.tpl", (int)d->n, 1);
    return b;
}

static doc *make_doc(arena *a)
{
    doc *d = doc_new(a);
    d->footer = "第{页}页 共{总页}页";
    add(a, d, DOC_TITLE, "示例部门2021年部门预算");
    for (int i = 0; i < 12; i++)
        add(a, d, DOC_PARA,
            "2021年全年预计收入1,300.50万元，其中：财政拨款收入1,200.50万元，事业收入100.00万元；"
            "较2020年预算增加100.50万元，增长8.4%，其中基本支出增加0.50万元，项目支出增加"
            "100.00万元，公务接待费同比增长6.3%，公务用车购置费下降-100%。");
    doc_table *t = doc_table_new(a, 3);
    t->title = "2021年收入总表";
    t->cols[0].kind = DOC_COL_TEXT;
    t->cols[1].kind = DOC_COL_AMOUNT;
    t->cols[2].kind = DOC_COL_PERCENT;
    doc_cell *h = doc_table_add_head(a, t);
    h[0].text = "项目";
    h[1].text = "2021年预算数";
    h[2].text = "增长率";
    static const char *rows[][3] = {{"一般公共预算拨款收入", "1,200.50", "8.4%"},
                                    {"事业收入", "100.00", "-100%"},
                                    {"其他收入", "0.50", "+6.3%"}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        doc_cell *r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
        for (int c = 0; c < 3; c++)
            r[c].text = rows[i][c];
    }
    doc_cell *r = doc_table_add_body(a, t, DOC_ROW_TOTAL);
    r[0].text = "合计";
    r[1].text = "1,301.00";
    r[2].text = "8.4%";
    add(a, d, DOC_TABLE, NULL)->table = t;

    /* a chart: its axis numbers and value labels are figures only */
    static const char *cats[] = {"公务接待费", "2021"}, *series[] = {"2021年"},
                      *labels[] = {"8.50", "1,200.50"};
    static const long long cents[] = {850, 120050};
    doc_chart *ch = arena_alloc(a, sizeof *ch);
    memset(ch, 0, sizeof *ch);
    ch->id = "test";
    ch->title = "对比图";
    ch->unit = "单位：万元";
    ch->amount_unit = MONEY_WAN;
    ch->n_cats = 2;
    ch->cats = cats;
    ch->n_series = 1;
    ch->series = series;
    ch->labels = labels;
    ch->values = arena_alloc(a, 2 * sizeof *ch->values);
    for (int i = 0; i < 2; i++)
        ch->values[i] = cents[i] * 10000LL; /* 0.01 万元 in fen */
    add(a, d, DOC_CHART, NULL)->chart = ch;
    return d;
}

static int figures_only(const char *s)
{
    return *s && strspn(s, "0123456789.,%-+") == strlen(s);
}

static double advances(font *f, const char *s, double size)
{
    double w = 0.0;
    uint32_t cp;
    while ((cp = utf8_next(&s)) != 0)
        w += font_advance(f, cp) * (size / 1000.0);
    return w;
}

static int same_ops(const layout *x, const layout *y)
{
    int same = x->n_pages == y->n_pages;
    for (size_t p = 0; same && p < x->n_pages; p++) {
        const lay_page *a = &x->pages[p], *b = &y->pages[p];
        same &= a->n_ops == b->n_ops;
        for (size_t i = 0; same && i < a->n_ops; i++)
            same &= a->ops[i].kind == b->ops[i].kind && a->ops[i].x == b->ops[i].x &&
                    a->ops[i].y == b->ops[i].y && a->ops[i].font == b->ops[i].font &&
                    a->ops[i].char_space == b->ops[i].char_space &&
                    (a->ops[i].kind != LAY_TEXT || !strcmp(a->ops[i].text, b->ops[i].text));
    }
    return same;
}

static void test_figures(void)
{
    arena *a = arena_new();
    diag dg;
    diag_init(&dg, stdout);
    font *f[LAY_NFONTS];
    f[LAY_FONT_BODY] = font_open(&dg, diag_at(NULL, 0, 0), "AR PL UMing CN");
    f[LAY_FONT_HEADING] = font_open(&dg, diag_at(NULL, 0, 0), "WenQuanYi Zen Hei");
    font *dv = font_open(&dg, diag_at(NULL, 0, 0), "DejaVu Serif");
    font *dvb = font_open(&dg, diag_at(NULL, 0, 0), "DejaVu Serif:bold");
    if (!f[LAY_FONT_BODY] || !f[LAY_FONT_HEADING] || !dv || !dvb) {
        CHECK(!"fonts open");
        arena_free_all(a);
        return;
    }
    f[LAY_FONT_TITLE] = f[LAY_FONT_SUBHEADING] = f[LAY_FONT_HEADING];
    f[LAY_FONT_TABLE] = f[LAY_FONT_TABLE_BOLD] = f[LAY_FONT_BODY];

    /* no figures faces, and the text's own face as figures face: the same */
    f[LAY_FONT_FIGURES] = f[LAY_FONT_FIGURES_BOLD] = f[LAY_FONT_FIGURES_TEXT] = NULL;
    layout *N = layout_doc(a, &dg, make_doc(a), f);
    f[LAY_FONT_FIGURES] = f[LAY_FONT_FIGURES_BOLD] = f[LAY_FONT_FIGURES_TEXT] = f[LAY_FONT_BODY];
    layout *S = layout_doc(a, &dg, make_doc(a), f);
    CHECK(same_ops(N, S));

    f[LAY_FONT_FIGURES] = f[LAY_FONT_FIGURES_TEXT] = dv;
    f[LAY_FONT_FIGURES_BOLD] = dvb;
    layout *L = layout_doc(a, &dg, make_doc(a), f);

    int fig_ops = 0, fig_only = 1, body_digits = 0, bold_fig = 0, widths = 1, contiguous = 1;
    int justified_end = 0, end_ok = 1, amount_cells = 0, amount_col_ok = 1;
    int chart_nums = 0, chart_ok = 1;
    double amount_end = -1.0;
    for (size_t p = 0; p < L->n_pages; p++) {
        const lay_page *pg = &L->pages[p];
        for (size_t i = 0; i < pg->n_ops; i++) {
            const lay_op *op = &pg->ops[i];
            if (op->kind != LAY_TEXT || op->role == LAY_ROLE_FOOTER)
                continue;
            int figs = op->font == LAY_FONT_FIGURES || op->font == LAY_FONT_FIGURES_BOLD ||
                       op->font == LAY_FONT_FIGURES_TEXT;
            if (figs) {
                fig_ops++;
                fig_only &= figures_only(op->text);
                bold_fig += op->font == LAY_FONT_FIGURES_BOLD && op->role == LAY_ROLE_CELL;
            } else if ((op->font == LAY_FONT_BODY || op->font == LAY_FONT_TABLE) &&
                       op->role != LAY_ROLE_CHART && op->role != LAY_ROLE_CHART_CAT) {
                body_digits += strpbrk(op->text, "0123456789") != NULL;
            }
            /* a chart's numbers in the figures face; its category labels
             * ("2021") and legend ("2021年") in the body face */
            if (op->role == LAY_ROLE_CHART_VALUE || op->role == LAY_ROLE_CHART_CAT ||
                (op->role == LAY_ROLE_CHART && figures_only(op->text))) {
                chart_nums += op->role != LAY_ROLE_CHART_CAT;
                chart_ok &= op->font == (op->role == LAY_ROLE_CHART_CAT ? LAY_FONT_BODY
                                                                        : LAY_FONT_FIGURES_TEXT);
            }
            /* as wide as its characters in its face, plus Tc between them */
            font *face = f[op->font];
            size_t n = 0;
            for (const char *s = op->text; utf8_next(&s);)
                n++;
            double want = advances(face, op->text, op->size) +
                          (n > 1 ? op->char_space * (double)(n - 1) : 0.0);
            widths &= fabs(op->width - want) < 1e-6;
            /* the next run of the same line starts where this one ends */
            const lay_op *nx = i + 1 < pg->n_ops ? &pg->ops[i + 1] : NULL;
            int chart = op->role == LAY_ROLE_CHART || op->role == LAY_ROLE_CHART_CAT ||
                        op->role == LAY_ROLE_CHART_VALUE;
            int same_line = !chart && nx && nx->kind == LAY_TEXT && nx->y == op->y &&
                            nx->role == op->role && nx->block == op->block &&
                            nx->box.x0 == op->box.x0 && nx->x > op->x;
            if (same_line)
                contiguous &= fabs(nx->x - (op->x + op->width + op->char_space)) < 1e-6;
            /* a justified paragraph line ends on the text block's edge */
            if (op->role == LAY_ROLE_TEXT && op->char_space > 0 && !same_line) {
                justified_end++;
                end_ok &= fabs(op->x + op->width - pg->area.x1) < EPS;
            }
            /* the amounts of column 1 end on one line */
            if (op->role == LAY_ROLE_CELL && strchr(op->text, '.') && !strchr(op->text, '%')) {
                double end = op->x + op->width;
                if (amount_end < 0)
                    amount_end = end;
                amount_col_ok &= fabs(end - amount_end) < EPS;
                amount_cells++;
            }
        }
    }
    CHECK(fig_ops > 100);
    CHECK(fig_only);
    CHECK_INT(body_digits, 0);
    CHECK_INT(bold_fig, 2); /* 合计 1,301.00 and 8.4% */
    CHECK(widths);
    CHECK(contiguous);
    CHECK(justified_end > 12);
    CHECK(end_ok);
    CHECK_INT(amount_cells, 4);
    CHECK(amount_col_ok);
    CHECK(chart_nums >= 5); /* two value labels, three axis numbers at least */
    CHECK(chart_ok);
    CHECK_INT(L->n_charts, 1);
    CHECK(!same_ops(N, L));

    font_close(f[LAY_FONT_BODY]);
    font_close(f[LAY_FONT_HEADING]);
    font_close(dv);
    font_close(dvb);
    arena_free_all(a);
}

int main(void)
{
    RUN(test_figures);
    return harness_end();
}
