/*
 * test_layout_toc — the front matter of layout_toc.c and the outline of
 * layout.c on a hand-made document: a cover, a 目录, two headings with
 * pages of text, a subheading, a 附表 title line opening a part and a
 * table under it.
 *   - the cover and the 目录 are the first two pages, without footers; the
 *     body's footers say 第1页 共K页 … with K the body's pages;
 *   - the body is laid out exactly as without the front matter (every op
 *     of every body page at the same place);
 *   - the outline: 目录, then the headings, the 附表 line at level 1 (not
 *     under the last heading) and its table at level 2;
 *   - each 目录 entry shows the mark's title and, right-aligned on the
 *     text block's edge, the body page number of the mark; the dot leaders
 *     of all entries end in one column.
 * Run from the project folder; needs fonts-arphic-uming and
 * fonts-wqy-zenhei.
 */
#include "harness.h"

#include "doc.h"
#include "fonts.h"
#include "layout.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EPS 0.01

static doc_block *add(arena *a, doc *d, doc_block_kind kind, const char *number, const char *text)
{
    doc_block *b = doc_add(a, d, kind);
    b->number = number;
    b->text = text;
    b->src = diag_at("templates/test.tpl", (int)d->n, 1);
    return b;
}

static doc_block *heading(arena *a, doc *d, int level, const char *number, const char *text)
{
    doc_block *b = add(a, d, DOC_HEADING, number, text);
    b->level = level;
    b->bookmark = 1;
    return b;
}

/* The document; with_front adds the cover and the 目录. */
static doc *make_doc(arena *a, int with_front)
{
    doc *d = doc_new(a);
    d->footer = "第{页}页 共{总页}页";
    if (with_front) {
        add(a, d, DOC_COVER, NULL, "2021年")->level = 1;
        add(a, d, DOC_COVER, NULL, "示例部门部门预算")->level = 1;
        add(a, d, DOC_COVER, NULL, "编制单位：示例部门")->level = 2;
        add(a, d, DOC_TOC, NULL, "目录");
    }
    add(a, d, DOC_TITLE, NULL, "示例部门2021年部门预算");
    heading(a, d, 1, "一、", "部门概况");
    for (int i = 0; i < 60; i++)
        add(a, d, DOC_PARA, NULL,
            "本部门的主要职责是贯彻执行国家和省市有关方针政策，组织实施各项工作任务，"
            "加强预算管理，提高资金使用效益，做好信息公开。");
    heading(a, d, 1, "二、", "收支情况");
    heading(a, d, 2, "1、", "收入说明");
    add(a, d, DOC_PARA, NULL, "收入总计100万元。");
    add(a, d, DOC_TITLE, NULL, "附表：示例部门")->bookmark = 1; /* build_toc.c's rule */
    add(a, d, DOC_TITLE, NULL, "2021年部门预算公开表");
    doc_table *t = doc_table_new(a, 2);
    t->title = "附表一 收入总表";
    t->cols[0].kind = DOC_COL_TEXT;
    t->cols[1].kind = DOC_COL_AMOUNT;
    doc_cell *h = doc_table_add_head(a, t);
    h[0].text = "项目";
    h[1].text = "金额";
    doc_cell *r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
    r[0].text = "收入总计";
    r[1].text = "100.00";
    doc_block *tb = add(a, d, DOC_TABLE, NULL, NULL);
    tb->table = t;
    tb->bookmark = 1;
    return d;
}

static const lay_op *footer_of(const lay_page *pg)
{
    for (size_t i = 0; i < pg->n_ops; i++)
        if (pg->ops[i].kind == LAY_TEXT && pg->ops[i].role == LAY_ROLE_FOOTER)
            return &pg->ops[i];
    return NULL;
}

static void test_front(void)
{
    arena *a = arena_new();
    diag dg;
    diag_init(&dg, stdout);
    font *f[LAY_NFONTS];
    f[LAY_FONT_BODY] = font_open(&dg, diag_at(NULL, 0, 0), "AR PL UMing CN");
    f[LAY_FONT_HEADING] = font_open(&dg, diag_at(NULL, 0, 0), "WenQuanYi Zen Hei");
    f[LAY_FONT_TITLE] = f[LAY_FONT_SUBHEADING] = f[LAY_FONT_HEADING];
    f[LAY_FONT_TABLE] = f[LAY_FONT_TABLE_BOLD] = f[LAY_FONT_BODY];
    f[LAY_FONT_FIGURES] = f[LAY_FONT_FIGURES_BOLD] = f[LAY_FONT_FIGURES_TEXT] = NULL;
    if (!f[0] || !f[1]) {
        CHECK(!"fonts open");
        arena_free_all(a);
        return;
    }
    layout *L = layout_doc(a, &dg, make_doc(a, 1), f);
    layout *B = layout_doc(a, &dg, make_doc(a, 0), f);
    CHECK_INT(B->n_front, 0);
    CHECK_INT(L->n_front, 2);
    CHECK_INT(L->n_pages, B->n_pages + 2);
    CHECK(B->n_pages >= 3);
    size_t nf = L->n_front, nb = L->n_pages - nf;

    /* footers: none on the cover and the 目录; 第k页 共nb页 on the body */
    CHECK(footer_of(&L->pages[0]) == NULL);
    CHECK(footer_of(&L->pages[1]) == NULL);
    for (size_t p = 0; p < nb && p + nf < L->n_pages; p++) {
        char want[64];
        snprintf(want, sizeof want, "第%zu页 共%zu页", p + 1, nb);
        const lay_op *ft = footer_of(&L->pages[p + nf]);
        CHECK(ft && !strcmp(ft->text, want));
    }
    /* the cover shows its lines */
    int cover_lines = 0;
    for (size_t i = 0; i < L->pages[0].n_ops; i++)
        cover_lines += L->pages[0].ops[i].kind == LAY_TEXT;
    CHECK_INT(cover_lines, 3);

    /* the body is laid out as without the front matter */
    int same = 1;
    for (size_t p = 0; p < nb; p++) {
        const lay_page *x = &L->pages[p + nf], *y = &B->pages[p];
        same &= x->n_ops == y->n_ops;
        for (size_t i = 0; same && i < x->n_ops; i++)
            same &= x->ops[i].kind == y->ops[i].kind && fabs(x->ops[i].x - y->ops[i].x) < 1e-9 &&
                    fabs(x->ops[i].y - y->ops[i].y) < 1e-9 &&
                    (x->ops[i].kind != LAY_TEXT || !strcmp(x->ops[i].text, y->ops[i].text));
    }
    CHECK(same);

    /* the outline */
    static const struct {
        int level;
        const char *title;
    } want[] = {{1, "目录"},
                {1, "一、部门概况"},
                {1, "二、收支情况"},
                {2, "1、收入说明"},
                {1, "附表：示例部门2021年部门预算公开表"},
                {2, "附表一 收入总表"}};
    size_t nw = sizeof want / sizeof want[0];
    CHECK_INT(L->n_marks, nw);
    for (size_t k = 0; k < nw && k < L->n_marks; k++) {
        CHECK_INT(L->marks[k].level, want[k].level);
        CHECK_STR(L->marks[k].title, want[k].title);
    }
    CHECK_INT(L->marks[0].page, 1);
    /* the body's marks on the same pages as without the front matter */
    for (size_t k = 1; k < L->n_marks && k - 1 < B->n_marks; k++)
        CHECK_INT(L->marks[k].page, B->marks[k - 1].page + nf);

    /* the 目录 page: each entry's title, leader and number */
    const lay_page *tp = &L->pages[1];
    size_t i = 0;
    double leader_end = -1.0;
    int leaders_aligned = 1, entries = 0;
    while (i < tp->n_ops && !(tp->ops[i].kind == LAY_TEXT && !strcmp(tp->ops[i].text, "目录")))
        i++;
    CHECK(i < tp->n_ops);
    i++;
    for (size_t k = 1; k < L->n_marks; k++) {
        /* title (one line here), leader, number */
        if (i + 2 >= tp->n_ops)
            break;
        const lay_op *t = &tp->ops[i], *dots = &tp->ops[i + 1], *num = &tp->ops[i + 2];
        CHECK_STR(t->text, L->marks[k].title);
        CHECK(dots->text[0] == '.' && strspn(dots->text, ".") == strlen(dots->text));
        char n[32];
        snprintf(n, sizeof n, "%zu", L->marks[k].page - nf + 1);
        CHECK_STR(num->text, n);
        CHECK(fabs(num->x + num->width - tp->area.x1) < EPS);
        CHECK(num->y == t->y && dots->y == t->y);
        CHECK(dots->x > t->x + t->width);
        double end = dots->x + dots->width;
        if (leader_end < 0)
            leader_end = end;
        leaders_aligned &= fabs(end - leader_end) < EPS;
        entries++;
        i += 3;
    }
    CHECK_INT(entries, (int)L->n_marks - 1);
    CHECK(leaders_aligned);
    font_close(f[0]);
    font_close(f[1]);
    arena_free_all(a);
}

int main(void)
{
    RUN(test_front);
    return harness_end();
}
