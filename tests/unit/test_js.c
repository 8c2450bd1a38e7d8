/*
 * Unit tests for the arithmetic of the 决算 (js_calc.c, js_check.c): the
 * sums the nine tables and the text share, and the identities and the
 * 年初预算 threshold the checks apply.  A small department is built in
 * memory; every expected figure is worked out by hand below (amounts in
 * fen: 1 万元 = 1,000,000).
 */
#include "fixture.h"
#include "harness.h"
#include "js.h"

#include <string.h>

#define WAN 1000000LL

static amount am(long long v)
{
    return (amount){v, 1, {"x.csv", 2, 3}};
}

/* 一般公共预算: 2010101 basic 100, 2010102 project 60 (年初预算 50);
 * 其他资金: 2010101 经营支出 7.  Income: 财政拨款 160, 事业 7.
 * Fiscal: 一般公共预算 年初 10 + 160 − 160 = 10.  Balance: 年初 10, 年末 10. */
static void small(js_data *j, js_line *ln, js_iline *in, js_eline *ec)
{
    memset(j, 0, sizeof *j);
    memset(ln, 0, 3 * sizeof *ln);
    memset(in, 0, 2 * sizeof *in);
    ln[0] = (js_line){.code = "2010101", .name = "行政运行", .src = JS_GENERAL,
                      .v = {am(100 * WAN)}, .plan = am(100 * WAN), .has_plan = 1,
                      .reason = "", .use = "", .pos = {"x.csv", 2, 1},
                      .reason_pos = {"x.csv", 2, 9}};
    ln[1] = (js_line){.code = "2010102", .name = "一般行政管理事务", .src = JS_GENERAL,
                      .v = {am(0), am(60 * WAN)}, .plan = am(50 * WAN), .has_plan = 1,
                      .reason = "", .use = "", .pos = {"x.csv", 3, 1},
                      .reason_pos = {"x.csv", 3, 9}};
    ln[2] = (js_line){.code = "2010101", .name = "行政运行", .src = JS_OTHER,
                      .v = {am(0), am(0), am(0), am(7 * WAN)}, .plan = am(0),
                      .reason = "", .use = "", .pos = {"x.csv", 4, 1},
                      .reason_pos = {"x.csv", 4, 9}};
    j->exp = ln;
    j->n_exp = 3;
    j->has_exp = 1;
    in[0].code = "2010101";
    in[0].v[JI_FISCAL] = am(100 * WAN);
    in[0].v[JI_BUSINESS] = am(7 * WAN);
    in[1].code = "2010102";
    in[1].v[JI_FISCAL] = am(60 * WAN);
    j->inc = in;
    j->n_inc = 2;
    j->has_inc = 1;
    j->fis[JS_GENERAL][JF_CARRY_IN] = am(10 * WAN);
    j->fis[JS_GENERAL][JF_INCOME] = am(160 * WAN);
    j->fis[JS_GENERAL][JF_SPEND] = am(160 * WAN);
    j->fis[JS_GENERAL][JF_CARRY_OUT] = am(10 * WAN);
    j->has_fis = 1;
    j->bal[JB_CARRY_IN] = am(10 * WAN);
    j->bal[JB_CARRY_OUT] = am(10 * WAN);
    j->has_bal = 1;
    ec[0] = (js_eline){"30101", "基本工资", am(70 * WAN), {"e.csv", 2, 1}};
    ec[1] = (js_eline){"30302", "退休费", am(5 * WAN), {"e.csv", 3, 1}};
    ec[2] = (js_eline){"30201", "办公费", am(25 * WAN), {"e.csv", 4, 1}};
    j->econ = ec;
    j->n_econ = 3;
    j->has_econ = 1;
    j->dir = "in";
}

static void sums(void)
{
    js_data j;
    js_line ln[3];
    js_iline in[2];
    js_eline ec[3];
    small(&j, ln, in, ec);
    CHECK_INT(js_exp_total(&j, -1, -1), 167 * WAN); /* 100 + 60 + 7 */
    CHECK_INT(js_exp_total(&j, JS_GENERAL, -1), 160 * WAN);
    CHECK_INT(js_exp_total(&j, -1, JE_OPERATING), 7 * WAN);
    CHECK_INT(js_inc_total(&j, -1), 167 * WAN);
    CHECK_INT(js_inc_total(&j, JI_FISCAL), 160 * WAN);
    CHECK_INT(js_fiscal_income(&j), 160 * WAN);
    CHECK_INT(js_econ_total(&j, 1), 75 * WAN);        /* 301 and 303 */
    CHECK_INT(js_econ_total(&j, 0), 25 * WAN);        /* 302 */
    CHECK_INT(js_revenue_grand_total(&j), 177 * WAN); /* 167 + 0 + 10 */
    CHECK_INT(js_expense_grand_total(&j), 177 * WAN); /* 167 + 0 + 10 */
    /* 三公: 合计 = 出国 + 购置 + 运行 + 接待; 外宾 is part of 接待. */
    j.tp[JT_ABROAD].plan = am(6 * WAN), j.tp[JT_ABROAD].actual = am(5 * WAN);
    j.tp[JT_VEH_RUN].actual = am(2 * WAN);
    j.tp[JT_RECEPTION].actual = am(3 * WAN);
    j.tp[JT_FOREIGN].actual = am(1 * WAN);
    CHECK_INT(js_tp_actual(&j, -1), 10 * WAN);
    CHECK_INT(js_tp_plan(&j, -1), 6 * WAN);
}

static void identities_hold(void)
{
    fixture f;
    fx_init(&f);
    config c;
    memset(&c, 0, sizeof c);
    c.unit = c.input_unit = MONEY_WAN;
    c.js_reason_threshold = 20; /* 60 against 50 is exactly 20%: no finding */
    js_data j;
    js_line ln[3];
    js_iline in[2];
    js_eline ec[3];
    small(&j, ln, in, ec);
    js_check(&f.d, &c, &j, 1);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

static void identities_broken(void)
{
    fixture f;
    fx_init(&f);
    config c;
    memset(&c, 0, sizeof c);
    c.unit = c.input_unit = MONEY_WAN;
    c.js_reason_threshold = 10; /* 60 against 50 is 20%: over 10, no reason */
    js_data j;
    js_line ln[3];
    js_iline in[2];
    js_eline ec[3];
    small(&j, ln, in, ec);
    j.fis[JS_GENERAL][JF_CARRY_OUT] = am(11 * WAN); /* 10 + 160 − 160 = 10 */
    ec[2].v = am(24 * WAN);                         /* 75 + 24 ≠ 100 */
    js_check(&f.d, &c, &j, 1);
    CHECK_STR(
        fx_msgs(&f),
        "x.csv:2:3: error: 年末结转和结余 of 一般公共预算 is 11.00 but 年初结转和结余 10.00 + "
        "本年收入 160.00 − 本年支出 160.00 = 10.00\n"
        "x.csv:2:3: error: 年末结转和结余 is 10.00, less than the 财政拨款 年末结转和结余 11.00 "
        "of js_fiscal.csv it includes\n"
        "in/js_basic_economic.csv: error: js_basic_economic.csv adds up to 99.00 (人员经费 "
        "75.00 + 公用经费 24.00) but the 一般公共预算 基本支出 of js_expenditure.csv is 100.00\n"
        "x.csv:3:9: warning: 2010102: 决算 60.00 against 年初预算 50.00, more than the 10% of "
        "js_reason_threshold, but 原因 gives no reason\n");
    fx_done(&f);
}

int main(void)
{
    RUN(sums);
    RUN(identities_hold);
    RUN(identities_broken);
    return harness_end();
}
