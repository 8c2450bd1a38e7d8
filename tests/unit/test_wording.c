/*
 * Unit tests for the generated comparison sentences (build_text.c with the
 * shared templates/wording.tpl): increase, decrease, equal, last year zero
 * or absent, this year zero, and a change that rounds to 0.0%.  Each case
 * is worked out by hand in its comment; the budgets are built in C.
 */
#include "build.h"
#include "harness.h"
#include "template.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static arena *A;
static diag D;
static config C;
static tmpl *T;

/* A template of body, which may include the shared wording. */
static tmpl *load_template_text(const char *body)
{
    char dir[] = "/tmp/test_wording.XXXXXX";
    if (!mkdtemp(dir))
        return NULL;
    char path[256], inc[256];
    snprintf(path, sizeof path, "%s/t.tpl", dir);
    snprintf(inc, sizeof inc, "%s/wording.tpl", dir);
    /* wording.tpl is copied so that include finds it beside t.tpl. */
    char cmd[600];
    snprintf(cmd, sizeof cmd, "cp templates/wording.tpl %s", inc);
    if (system(cmd) != 0)
        return NULL;
    FILE *f = fopen(path, "w");
    fputs(body, f);
    fclose(f);
    /* the template keeps the path for its messages: not a stack buffer */
    tmpl *t = template_load(A, &D, arena_strdup(A, path), NULL);
    unlink(path);
    unlink(inc);
    rmdir(dir);
    return t;
}

/* A template with one paragraph per family, using the shared wording. */
static tmpl *load_template(void)
{
    return load_template_text("include wording.tpl\n"
                              "para {比较:三公项:公务接待费}\n"
                              "para {比较:三公总:三公合计}\n"
                              "para {比较:总额:支出总计}\n"
                              "para {比较:分项:基本支出}\n"
                              "para 甲[[；地区：{地区}]]乙\n"
                              "para [[{部门}，]]{年度}年\n"
                              "para 开[[无闭合\n"
                              "para [[无占位符]]。\n");
}

/* Issue 13: a family with every case, the shared 三公句, and two figures
 * as the text prints them (paragraphs 0, 1, 2; 3 is {比较:三公项:公务接待费}). */
static tmpl *T13;
static tmpl *load_template13(void)
{
    return load_template_text("include wording.tpl\n"
                              "compare 测 up    增加{差额}{单位}，增长{百分比}\n"
                              "compare 测 down  减少{差额}{单位}，下降{百分比}\n"
                              "compare 测 same  无增减\n"
                              "compare 测 new   上年无该预算，增长率无可比性\n"
                              "compare 测 gone  本年无此项预算\n"
                              "compare 测 zero  两年均无此项预算\n"
                              "para {比较:测:公务用车购置费}\n"
                              "para 三公：{列举:三公:三公句:；}\n"
                              "para {公务接待费}|{上年:公务接待费}\n"
                              "para {比较:三公项:公务接待费}\n");
}

static money wan(double x) /* test data only: exact for these literals */
{
    return (money)(x * 1000000.0 + (x >= 0 ? 0.5 : -0.5));
}

static void set_tp(budget *b, tp_kind k, money v)
{
    b->has_tp = 1;
    b->tp[k].present = 1;
    b->tp[k].label = tp_name(k);
    b->tp[k].total.v = v;
    b->tp[k].total.present = 1;
}

static void set_sum(budget *b, summary_kind k, money v)
{
    b->summary[k].v = v;
    b->summary[k].present = 1;
}

/* Builds with cur/prev and returns paragraph i's text. */
static const char *para(const budget *cur, const budget *prev, int i)
{
    doc *d = build_document(A, &D, &C, T, cur, prev);
    if (!d || (size_t)i >= d->n)
        return "(no document)";
    return d->blocks[i].text;
}

static void init(budget *cur, budget *prev)
{
    memset(cur, 0, sizeof *cur);
    memset(prev, 0, sizeof *prev);
    cur->year = 2021;
    prev->year = 2020;
    cur->dir = "cur";
    prev->dir = "prev";
}

static void test_up_down_same(void)
{
    budget cur, prev;
    init(&cur, &prev);
    /* 公务接待费 8 → 8.5: +0.5, 0.5/8 = 6.25% → 6.3 (half-up) */
    set_tp(&cur, TP_RECEPTION, wan(8.5));
    set_tp(&prev, TP_RECEPTION, wan(8));
    /* 三公合计 245 → 240 (seed 004): −5, 5/245 = 2.04% → 2.0 */
    set_tp(&cur, TP_TOTAL, wan(240));
    set_tp(&prev, TP_TOTAL, wan(245));
    /* 支出总计 unchanged; 基本支出 19946 → 16356: −3590 */
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(100));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(100));
    set_sum(&cur, SUM_BASIC, wan(16356));
    set_sum(&prev, SUM_BASIC, wan(19946));
    CHECK_STR(para(&cur, &prev, 0), "较上年度增加0.50万元，同比增长6.3%");
    CHECK_STR(para(&cur, &prev, 1), "较2020年下降2.0%");
    CHECK_STR(para(&cur, &prev, 2), "与2020年预算持平");
    CHECK_STR(para(&cur, &prev, 3), "基本支出减少3,590.00万元");
}

static void test_previous_zero_or_absent(void)
{
    budget cur, prev;
    init(&cur, &prev);
    /* Last year 0: new, and no percentage against nothing. */
    set_tp(&cur, TP_RECEPTION, wan(3));
    set_tp(&prev, TP_RECEPTION, 0);
    set_tp(&cur, TP_TOTAL, wan(3));
    set_tp(&prev, TP_TOTAL, 0);
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(5));
    set_sum(&cur, SUM_BASIC, wan(5)); /* absent last year */
    CHECK_STR(para(&cur, &prev, 0), "上年无此项预算");
    CHECK_STR(para(&cur, &prev, 1), "2020年无此项预算");
    CHECK_STR(para(&cur, &prev, 3), "基本支出上年无此项预算");
}

static void test_current_zero(void)
{
    budget cur, prev;
    init(&cur, &prev);
    /* This year 0, last year 30: gone. */
    set_tp(&cur, TP_RECEPTION, 0);
    set_tp(&prev, TP_RECEPTION, wan(30));
    set_tp(&cur, TP_TOTAL, wan(1));
    set_tp(&prev, TP_TOTAL, wan(1));
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&cur, SUM_BASIC, 0);
    set_sum(&prev, SUM_BASIC, wan(2));
    CHECK_STR(para(&cur, &prev, 0), "本年无此项预算");
    CHECK_STR(para(&cur, &prev, 3), "基本支出本年无此项预算");
}

static void test_rounds_to_zero(void)
{
    budget cur, prev;
    init(&cur, &prev);
    /* 10000 → 10000.04 万元: +0.04, 0.04/10000 = 0.0004% → rounds to 0.0%:
     * worded 不足0.1%, never "增长0.0%". */
    set_tp(&cur, TP_RECEPTION, wan(10000.04));
    set_tp(&prev, TP_RECEPTION, wan(10000));
    /* The boundary itself: 0.05/100 = 0.05% → 0.1% (half-up). */
    set_tp(&cur, TP_TOTAL, wan(100.05));
    set_tp(&prev, TP_TOTAL, wan(100));
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&cur, SUM_BASIC, wan(1));
    set_sum(&prev, SUM_BASIC, wan(1));
    CHECK_STR(para(&cur, &prev, 0), "较上年度增加0.04万元，同比增长不足0.1%");
    CHECK_STR(para(&cur, &prev, 1), "较2020年增长0.1%");
}

static void test_percent_trim(void)
{
    budget cur, prev;
    init(&cur, &prev);
    C.percent_trim = 1; /* seed 004 writes 2% for 2.0% */
    set_tp(&cur, TP_RECEPTION, wan(40));
    set_tp(&prev, TP_RECEPTION, wan(45));
    set_tp(&cur, TP_TOTAL, wan(240));
    set_tp(&prev, TP_TOTAL, wan(245));
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&cur, SUM_BASIC, wan(1));
    set_sum(&prev, SUM_BASIC, wan(1));
    CHECK_STR(para(&cur, &prev, 0), "较上年度减少5.00万元，同比下降11.1%");
    CHECK_STR(para(&cur, &prev, 1), "较2020年下降2%");
    C.percent_trim = 0;
}

/* Optional groups [[…]] (build_text.c, bld_expand): kept when every placeholder
 * inside has a value, dropped with their brackets when one is empty. */
static void test_optional_groups(void)
{
    budget cur, prev;
    init(&cur, &prev);
    CHECK_STR(para(&cur, &prev, 4), "甲；地区：测试市乙");
    CHECK_STR(para(&cur, &prev, 5), "测试部门，2021年");
    CHECK_STR(para(&cur, &prev, 6), "开[[无闭合"); /* no ]]: plain text */
    CHECK_STR(para(&cur, &prev, 7), "无占位符。");
    const char *region = C.region;
    C.region = "";
    CHECK_STR(para(&cur, &prev, 4), "甲乙");
    C.region = region;
}

/* Issue 13, point 4: each case its own wording; zero (nothing in either
 * year) is its own case, and falls back to same where a family has none. */
static const char *para13(const budget *cur, const budget *prev, int i)
{
    tmpl *save = T;
    T = T13;
    const char *r = para(cur, prev, i);
    T = save;
    return r;
}

/* Every figure the issue-13 template names, so that it builds. */
static void init13(budget *cur, budget *prev)
{
    init(cur, prev);
    set_tp(cur, TP_RECEPTION, wan(1));
    set_tp(prev, TP_RECEPTION, wan(1));
    set_tp(cur, TP_VEHICLE_BUY, wan(1));
    set_tp(prev, TP_VEHICLE_BUY, wan(1));
}

static void test_every_case(void)
{
    budget cur, prev;
    init13(&cur, &prev);
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&cur, SUM_BASIC, wan(1));
    set_sum(&prev, SUM_BASIC, wan(1));
    set_tp(&cur, TP_TOTAL, wan(10));
    set_tp(&prev, TP_TOTAL, wan(10));
    /* 0 → 0: zero */
    set_tp(&cur, TP_VEHICLE_BUY, 0);
    set_tp(&prev, TP_VEHICLE_BUY, 0);
    CHECK_STR(para13(&cur, &prev, 0), "两年均无此项预算");
    /* 三公项 has no zero wording: same */
    set_tp(&cur, TP_RECEPTION, 0);
    set_tp(&prev, TP_RECEPTION, 0);
    CHECK_STR(para13(&cur, &prev, 3), "与上年持平");
    /* 12 → 12: same */
    set_tp(&cur, TP_VEHICLE_BUY, wan(12));
    set_tp(&prev, TP_VEHICLE_BUY, wan(12));
    CHECK_STR(para13(&cur, &prev, 0), "无增减");
    /* 0 → 28: new, no percentage */
    set_tp(&cur, TP_VEHICLE_BUY, wan(28));
    set_tp(&prev, TP_VEHICLE_BUY, 0);
    CHECK_STR(para13(&cur, &prev, 0), "上年无该预算，增长率无可比性");
    /* 28 → 0: gone */
    set_tp(&cur, TP_VEHICLE_BUY, 0);
    set_tp(&prev, TP_VEHICLE_BUY, wan(28));
    CHECK_STR(para13(&cur, &prev, 0), "本年无此项预算");
}

/* Issue 13, point 4: the shared 三公句 words a gone item without the
 * self-contradicting "预算安排0.00万元，本年无此项预算", and leaves out an
 * item with nothing in either year. */
static void test_three_public_sentences(void)
{
    budget cur, prev;
    init13(&cur, &prev);
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&cur, SUM_BASIC, wan(1));
    set_sum(&prev, SUM_BASIC, wan(1));
    set_tp(&cur, TP_VEHICLE_RUN, wan(28)); /* same */
    set_tp(&prev, TP_VEHICLE_RUN, wan(28));
    set_tp(&cur, TP_VEHICLE_BUY, 0); /* gone: 30 → 0 */
    set_tp(&prev, TP_VEHICLE_BUY, wan(30));
    set_tp(&cur, TP_RECEPTION, 0); /* zero: left out */
    set_tp(&prev, TP_RECEPTION, 0);
    set_tp(&cur, TP_ABROAD, wan(5)); /* new */
    set_tp(&prev, TP_ABROAD, 0);
    set_tp(&cur, TP_TOTAL, wan(33));
    set_tp(&prev, TP_TOTAL, wan(58));
    CHECK_STR(para13(&cur, &prev, 1), "三公：公务用车运行费2021年预算安排28.00万元，与上年持平；"
                                      "公务用车购置费2021年无此项预算，较上年度减少30.00万元；"
                                      "因公出国（境）费2021年预算安排5.00万元，上年无此项预算");
}

/* Issue 13, point 1: with decimals = 0 a change of 0.5 is "增加0.5万元",
 * never "增加1万元" (9 − 8 as printed) nor "增加0万元" (29.2 → 29.4 both
 * print 29); the amounts are rounded as the tables print them. */
static void test_change_never_false(void)
{
    budget cur, prev;
    init13(&cur, &prev);
    C.decimals = 0;
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&cur, SUM_BASIC, wan(1));
    set_sum(&prev, SUM_BASIC, wan(1));
    set_tp(&cur, TP_TOTAL, wan(10));
    set_tp(&prev, TP_TOTAL, wan(10));
    /* 8 → 8.5: +0.5, 6.25% → 6.3% */
    set_tp(&cur, TP_RECEPTION, wan(8.5));
    set_tp(&prev, TP_RECEPTION, wan(8));
    CHECK_STR(para13(&cur, &prev, 3), "较上年度增加0.5万元，同比增长6.3%");
    CHECK_STR(para13(&cur, &prev, 2), "9|8");
    /* 29.2 → 29.4: +0.2 (0.68…% → 0.7%) */
    set_tp(&cur, TP_RECEPTION, wan(29.4));
    set_tp(&prev, TP_RECEPTION, wan(29.2));
    CHECK_STR(para13(&cur, &prev, 3), "较上年度增加0.2万元，同比增长0.7%");
    CHECK_STR(para13(&cur, &prev, 2), "29|29");
    /* 41 → 29.5, printed 41 → 30: 11.5 is within half a step of 41 − 30,
     * which has two digits: written as printed, so the sentence adds up */
    set_tp(&cur, TP_RECEPTION, wan(29.5));
    set_tp(&prev, TP_RECEPTION, wan(41));
    CHECK_STR(para13(&cur, &prev, 3), "较上年度减少11万元，同比下降28.0%");
    /* 300 → 0.4: a fall leaving money: 99.87% → 99.9%, never 100%; the
     * change 299.6 keeps its two significant digits as 300 */
    set_tp(&cur, TP_RECEPTION, wan(0.4));
    set_tp(&prev, TP_RECEPTION, wan(300));
    CHECK_STR(para13(&cur, &prev, 3), "较上年度减少300万元，同比下降99.9%");
    C.percent_decimals = 0; /* 99.87 rounds to 100: worded 超过99% */
    CHECK_STR(para13(&cur, &prev, 3), "较上年度减少300万元，同比下降超过99%");
    C.percent_decimals = 1;
    C.decimals = 2;
}

/* Issue 13, point 1: the text's own format ([units] text_decimals,
 * text_trim): 0.5万元 and 29万元 in the text, while the tables keep 0.50. */
static void test_text_format(void)
{
    budget cur, prev;
    init13(&cur, &prev);
    C.text_own = 1;
    C.text_decimals = 2;
    C.text_trim = 1;
    C.text_thousands = 0;
    set_sum(&cur, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&prev, SUM_EXPENSE_TOTAL, wan(1));
    set_sum(&cur, SUM_BASIC, wan(1));
    set_sum(&prev, SUM_BASIC, wan(1));
    set_tp(&cur, TP_TOTAL, wan(10));
    set_tp(&prev, TP_TOTAL, wan(10));
    set_tp(&cur, TP_RECEPTION, wan(5322.5));
    set_tp(&prev, TP_RECEPTION, wan(5322));
    CHECK_STR(para13(&cur, &prev, 3), "较上年度增加0.5万元，同比增长不足0.1%");
    CHECK_STR(para13(&cur, &prev, 2), "5322.5|5322");
    /* text_decimals 0 below the tables' 2: the text's own rounding */
    C.text_decimals = 0;
    set_tp(&cur, TP_RECEPTION, wan(29.45));
    set_tp(&prev, TP_RECEPTION, wan(29));
    CHECK_STR(para13(&cur, &prev, 2), "29|29");
    CHECK_STR(para13(&cur, &prev, 3), "较上年度增加0.45万元，同比增长1.6%");
    C.text_own = 0;
}

/* Issue 13, point 4: rules no template can break.  {百分比} against a zero
 * base and {差额} of an unchanged item are errors (never "增长100%" on
 * nothing, never "增加0万元"), unless inside [[…]], which they empty. */
static void test_rules_no_template_breaks(void)
{
    tmpl *t = load_template_text("compare 坏 new   增长{百分比}\n"
                                 "compare 坏 same  增加{差额}{单位}\n"
                                 "compare 好 new   新增[[，增长{百分比}]]\n"
                                 "compare 好 same  持平[[，增加{差额}{单位}]]\n"
                                 "para {比较:坏:公务接待费}\n"
                                 "para {比较:好:公务接待费}\n");
    CHECK(t != NULL);
    if (!t)
        return;
    tmpl *save = T;
    budget cur, prev;
    init(&cur, &prev);
    set_tp(&cur, TP_RECEPTION, wan(3));
    set_tp(&prev, TP_RECEPTION, 0);
    int errors = D.errors;
    T = t;
    CHECK_STR(para(&cur, &prev, 0), "(no document)");
    CHECK_INT(D.errors, errors + 1);
    set_tp(&prev, TP_RECEPTION, wan(3));
    CHECK_STR(para(&cur, &prev, 0), "(no document)");
    CHECK_INT(D.errors, errors + 2);
    D.errors = errors;
    /* inside [[…]]: the group is left out */
    t = load_template_text("compare 好 new   新增[[，增长{百分比}]]\n"
                           "compare 好 same  持平[[，增加{差额}{单位}]]\n"
                           "para {比较:好:公务接待费}\n");
    T = t;
    CHECK_STR(para(&cur, &prev, 0), "持平");
    set_tp(&prev, TP_RECEPTION, 0);
    CHECK_STR(para(&cur, &prev, 0), "新增");
    T = save;
}

int main(void)
{
    A = arena_new();
    diag_init(&D, stdout);
    C.department = "测试部门";
    C.region = "测试市";
    C.year = 2021;
    C.previous_year = 2020;
    C.unit = C.text_unit = MONEY_WAN;
    C.decimals = 2;
    C.thousands = 1;
    C.percent_decimals = 1;
    T = load_template();
    CHECK(T != NULL);
    T13 = load_template13();
    CHECK(T13 != NULL);
    if (T && T13) {
        RUN(test_up_down_same);
        RUN(test_previous_zero_or_absent);
        RUN(test_current_zero);
        RUN(test_rounds_to_zero);
        RUN(test_percent_trim);
        RUN(test_optional_groups);
        RUN(test_every_case);
        RUN(test_three_public_sentences);
        RUN(test_change_never_false);
        RUN(test_text_format);
        RUN(test_rules_no_template_breaks);
    }
    CHECK_INT(D.errors, 0);
    arena_free_all(A);
    return harness_end();
}
