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

/* A template with one paragraph per family, using the shared wording. */
static tmpl *load_template(void)
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
    fputs("include wording.tpl\n"
          "para {比较:三公项:公务接待费}\n"
          "para {比较:三公总:三公合计}\n"
          "para {比较:总额:支出总计}\n"
          "para {比较:分项:基本支出}\n"
          "para 甲[[；地区：{地区}]]乙\n"
          "para [[{部门}，]]{年度}年\n"
          "para 开[[无闭合\n"
          "para [[无占位符]]。\n",
          f);
    fclose(f);
    tmpl *t = template_load(A, &D, path, NULL);
    unlink(path);
    unlink(inc);
    rmdir(dir);
    return t;
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

int main(void)
{
    A = arena_new();
    diag_init(&D, stdout);
    C.department = "测试部门";
    C.region = "测试市";
    C.year = 2021;
    C.previous_year = 2020;
    C.unit = MONEY_WAN;
    C.decimals = 2;
    C.thousands = 1;
    C.percent_decimals = 1;
    T = load_template();
    CHECK(T != NULL);
    if (T) {
        RUN(test_up_down_same);
        RUN(test_previous_zero_or_absent);
        RUN(test_current_zero);
        RUN(test_rounds_to_zero);
        RUN(test_percent_trim);
        RUN(test_optional_groups);
    }
    CHECK_INT(D.errors, 0);
    arena_free_all(A);
    return harness_end();
}
