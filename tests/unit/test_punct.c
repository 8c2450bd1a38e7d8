/*
 * Unit tests for punct.c: the punctuation rule of docs/templates.md, on
 * texts written by hand with the result each should print as.
 */
#include "harness.h"

#include "arena.h"
#include "punct.h"

#include <string.h>

static arena *A;

static void same(const char *in)
{
    const char *out = punct_fullwidth(A, in);
    CHECK(out == in); /* unchanged text is not copied */
    CHECK_STR(out, in);
}

static void becomes(const char *in, const char *want)
{
    CHECK_STR(punct_fullwidth(A, in), want);
}

static void test_marks(void)
{
    becomes("工作推进;出台", "工作推进；出台");
    becomes("市发改委,市财政局", "市发改委，市财政局");
    becomes("牵头单位:市发改委", "牵头单位：市发改委");
    becomes("是否完成?是!", "是否完成？是！");
    becomes("完成3,000万元,增长5%", "完成3,000万元，增长5%"); /* digits on both sides stay */
    becomes("“三公”,", "“三公”，"); /* after a full-width quote: Chinese punctuation */
    same("10:30");
    same("GDP:6%, CPI:2%");
    same("1,000.00");
    same("");
    same("没有半角标点。");
}

static void test_brackets(void)
{
    becomes("各县(市)区政府", "各县（市）区政府");
    becomes("实施意见(初稿)》", "实施意见（初稿）》");
    becomes("任务(1)", "任务（1）");     /* Chinese before "(" */
    becomes("(1)任务", "（1）任务");     /* Chinese after ")" */
    becomes("(市发改委)", "（市发改委）"); /* Chinese inside */
    becomes("A(B(市)C)D", "A（B（市）C）D"); /* both hold 市 */
    becomes("f(x)(市)", "f(x)（市）");    /* only the pair that qualifies */
    same("f(x)");
    same("(未闭合");
    same("未闭合)");
    becomes("((市)", "(（市）");
}

static void test_doc(void)
{
    doc *d = doc_new(A);
    doc_block *p = doc_add(A, d, DOC_PARA);
    p->text = "各县(市)区;";
    doc_block *tb = doc_add(A, d, DOC_TABLE);
    doc_table *t = doc_table_new(A, 2);
    t->cols[0].kind = DOC_COL_TEXT;
    t->cols[1].kind = DOC_COL_AMOUNT;
    doc_cell *row = doc_table_add_body(A, t, DOC_ROW_NORMAL);
    row[0].text = "县(市)";
    row[1].text = "(1,000.00)";
    tb->table = t;
    punct_doc(A, d);
    CHECK_STR(p->text, "各县（市）区；");
    CHECK_STR(doc_body_cell(t, 0, 0)->text, "县（市）");
    CHECK_STR(doc_body_cell(t, 0, 1)->text, "(1,000.00)"); /* an amount column: as printed */
}

int main(void)
{
    A = arena_new();
    RUN(test_marks);
    RUN(test_brackets);
    RUN(test_doc);
    arena_free_all(A);
    return harness_end();
}
