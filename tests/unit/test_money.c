/*
 * Unit tests for money.c: exact parsing, half-up rounding, formatting and
 * percentages.  Expected values are worked out by hand in the comments.
 */
#include "harness.h"
#include "money.h"

static money parse_ok(const char *s, money_unit u)
{
    money v = -12345;
    money_status st = money_parse(s, u, &v, NULL, 0);
    CHECK_INT(st, MONEY_OK);
    return v;
}

static void test_parse_plain(void)
{
    CHECK_INT(parse_ok("72899", MONEY_WAN), 72899LL * 1000000); /* 万元 → fen */
    CHECK_INT(parse_ok("70", MONEY_YUAN), 7000);
    CHECK_INT(parse_ok("0", MONEY_YUAN), 0);
    CHECK_INT(parse_ok("12.5", MONEY_YUAN), 1250);
    CHECK_INT(parse_ok("0.01", MONEY_YUAN), 1);
    CHECK_INT(parse_ok("1.234567", MONEY_WAN), 1234567); /* 6 decimals of 万元 = fen */
    CHECK_INT(parse_ok("  42 ", MONEY_YUAN), 4200);
    CHECK_INT(parse_ok("\xe3\x80\x80" "60", MONEY_WAN), 60000000); /* U+3000 then 60 (seed 004) */
}

static void test_parse_separators(void)
{
    CHECK_INT(parse_ok("72,899.00", MONEY_WAN), 72899LL * 1000000);
    CHECK_INT(parse_ok("1,234,567.89", MONEY_YUAN), 123456789);
    CHECK_INT(parse_ok("１２３", MONEY_YUAN), 12300);             /* full-width digits */
    CHECK_INT(parse_ok("７２，８９９．５", MONEY_WAN), 72899500000LL); /* full-width , and . */
    money v;
    CHECK_INT(money_parse("72,89", MONEY_WAN, &v, NULL, 0), MONEY_SYNTAX);
    CHECK_INT(money_parse("7289,999", MONEY_WAN, &v, NULL, 0), MONEY_SYNTAX);
    CHECK_INT(money_parse(",999", MONEY_WAN, &v, NULL, 0), MONEY_SYNTAX);
    CHECK_INT(money_parse("1,2345", MONEY_WAN, &v, NULL, 0), MONEY_SYNTAX);
}

static void test_parse_negative(void)
{
    CHECK_INT(parse_ok("-5", MONEY_WAN), -5000000);
    CHECK_INT(parse_ok("－3.5", MONEY_YUAN), -350);
    money v;
    CHECK_INT(money_parse("5-", MONEY_YUAN, &v, NULL, 0), MONEY_SYNTAX);
    CHECK_INT(money_parse("--5", MONEY_YUAN, &v, NULL, 0), MONEY_SYNTAX);
}

static void test_parse_errors(void)
{
    money v;
    char why[128];
    CHECK_INT(money_parse("", MONEY_YUAN, &v, why, sizeof why), MONEY_EMPTY);
    CHECK_INT(money_parse(" \xe3\x80\x80 ", MONEY_YUAN, &v, why, sizeof why), MONEY_EMPTY);
    CHECK_INT(money_parse("12,3x", MONEY_YUAN, &v, why, sizeof why), MONEY_SYNTAX);
    CHECK_INT(money_parse("1.2.3", MONEY_YUAN, &v, why, sizeof why), MONEY_SYNTAX);
    CHECK_INT(money_parse("-", MONEY_YUAN, &v, why, sizeof why), MONEY_SYNTAX);
    CHECK_INT(money_parse(".", MONEY_YUAN, &v, why, sizeof why), MONEY_SYNTAX);
    CHECK_INT(money_parse("1.001", MONEY_YUAN, &v, why, sizeof why), MONEY_PRECISION);
    CHECK_STR(why, "more than 2 decimals for an amount in 元");
    CHECK_INT(money_parse("1.0000001", MONEY_WAN, &v, why, sizeof why), MONEY_PRECISION);
    /* 20 digits overflow; the largest 元 amount that fits is 92233720368547758.07. */
    CHECK_INT(money_parse("12345678901234567890", MONEY_YUAN, &v, why, sizeof why),
              MONEY_OVERFLOW);
    CHECK_INT(money_parse("92233720368547758", MONEY_YUAN, &v, why, sizeof why), MONEY_OVERFLOW);
    CHECK_INT(money_parse("92233720368547757", MONEY_YUAN, &v, why, sizeof why), MONEY_OK);
    CHECK_INT(money_parse("1e5", MONEY_YUAN, &v, why, sizeof why), MONEY_SYNTAX);
}

/* Found by fuzzing (tests/fuzz/fuzz_money.c): the largest amount accepted
 * must stay readable after display rounding.  9223372036853.999999 万元
 * was accepted, but shown with 0 decimals it is 9,223,372,036,854, which
 * was refused: the bound is now a whole number of units. */
static void test_parse_bound_survives_rounding(void)
{
    money v = 0;
    char out[64];
    CHECK_INT(money_parse("9223372036853.999999", MONEY_WAN, &v, NULL, 0), MONEY_OVERFLOW);
    CHECK_INT(money_parse("92233720368547757.01", MONEY_YUAN, &v, NULL, 0), MONEY_OVERFLOW);
    CHECK_INT(money_parse("9223372036853", MONEY_WAN, &v, NULL, 0), MONEY_OK);
    /* The largest 万元 amount, and the largest below it at full precision,
     * shown at every number of decimals, parse back to their rounding. */
    const char *top[] = {"9223372036853", "9223372036852.999999", "92233720368547757",
                         "92233720368547756.99"};
    for (int i = 0; i < 4; i++) {
        money_unit u = i < 2 ? MONEY_WAN : MONEY_YUAN;
        CHECK_INT(money_parse(top[i], u, &v, NULL, 0), MONEY_OK);
        for (int dec = 0; dec <= money_unit_max_decimals(u); dec++) {
            money w = -1;
            money_format(v, u, dec, 1, 0, out, sizeof out);
            CHECK_INT(money_parse(out, u, &w, NULL, 0), MONEY_OK);
            CHECK_INT(w, money_round(v, u, dec));
        }
    }
}

static void test_round(void)
{
    /* 万元 with 0 decimals: 2.5 万元 → 3, -2.5 → -3 (half away from zero), 2.4999 → 2 */
    CHECK_INT(money_round(2500000, MONEY_WAN, 0), 3000000);
    CHECK_INT(money_round(-2500000, MONEY_WAN, 0), -3000000);
    CHECK_INT(money_round(2499900, MONEY_WAN, 0), 2000000);
    CHECK_INT(money_round(1005, MONEY_YUAN, 1), 1010); /* 10.05 元 → 10.1 */
    CHECK_INT(money_round(1234, MONEY_YUAN, 2), 1234);
}

static void test_format(void)
{
    char b[64];
    money_format(72899LL * 1000000, MONEY_WAN, 0, 0, 0, b, sizeof b);
    CHECK_STR(b, "72899");
    money_format(72899LL * 1000000, MONEY_WAN, 2, 1, 0, b, sizeof b);
    CHECK_STR(b, "72,899.00");
    money_format(123456789, MONEY_YUAN, 2, 1, 0, b, sizeof b);
    CHECK_STR(b, "1,234,567.89");
    money_format(-123456789, MONEY_YUAN, 0, 1, 0, b, sizeof b); /* -1234567.89 → -1,234,568 */
    CHECK_STR(b, "-1,234,568");
    money_format(500000, MONEY_WAN, 2, 0, 1, b, sizeof b); /* 0.5 万元 trimmed */
    CHECK_STR(b, "0.5");
    money_format(-4, MONEY_YUAN, 1, 0, 0, b, sizeof b); /* -0.04 → -0.0 → shown 0.0 */
    CHECK_STR(b, "0.0");
    money_format(100, MONEY_YUAN, 2, 1, 1, b, sizeof b);
    CHECK_STR(b, "1");
    money_format(99999, MONEY_YUAN, 0, 1, 0, b, sizeof b); /* 999.99 → 1,000 */
    CHECK_STR(b, "1,000");
}

/* Issue 13, point 1: amounts as a text writes them.  A table keeps fixed
 * decimals (29.00, 0.50); a text drops trailing zeros up to N decimals
 * (29万元, 0.5万元, 5322.5万元, 0万元).  Worked out by hand. */
static void test_format_text(void)
{
    char b[64];
    const money W = 1000000; /* fen per 万元 */
    struct {
        money v;
        int dec, thousands, trim;
        const char *want;
    } cases[] = {
        {29 * W, 2, 0, 0, "29.00"}, /* a table: fixed 2 decimals */
        {29 * W, 2, 0, 1, "29"},    /* the text: up to 2, zeros dropped */
        {W / 2, 2, 0, 0, "0.50"},
        {W / 2, 2, 0, 1, "0.5"},
        {53225 * W / 10, 2, 0, 1, "5322.5"},
        {53225 * W / 10, 2, 1, 1, "5,322.5"},
        {0, 2, 0, 1, "0"},
        {0, 2, 0, 0, "0.00"},
        {1234567, 2, 0, 1, "1.23"}, /* 1.234567 rounds half-up, then trims nothing */
        {1005000, 2, 0, 1, "1.01"}, /* 1.005 → 1.01 */
        {1004999, 2, 0, 1, "1"},    /* 1.004999 → 1.00 → 1 */
        {1950000, 1, 0, 1, "2"},    /* 1.95 at 1 decimal: 2.0 → 2 */
        {-W / 2, 2, 0, 1, "-0.5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        money_format(cases[i].v, MONEY_WAN, cases[i].dec, cases[i].thousands, cases[i].trim, b,
                     sizeof b);
        CHECK_STR(b, cases[i].want);
    }
}

/* Issue 13, point 1: a change is never rounded into a false figure.  With
 * decimals 0 a change of 0.5 万元 is "0.5", never "1" (half-up) or "0";
 * the digits added are the fewest that show it exactly or keep two
 * significant digits.  Worked out by hand. */
static void test_format_change(void)
{
    char b[64];
    const money W = 1000000;
    struct {
        money v;
        int dec, trim;
        const char *want;
        int digits;
    } cases[] = {
        {W / 2, 0, 0, "0.5", 1},   /* not "增加1万元" */
        {-W / 2, 0, 0, "0.5", 1},  /* no sign: the wording says which way */
        {W / 5, 0, 0, "0.2", 1},   /* 29.2 → 29.4: not "增加0万元" */
        {W / 4, 0, 0, "0.25", 2},  /* 0.3 would be 20% off: exact */
        {1250000, 0, 0, "1.3", 1}, /* 1.25: two significant digits, 4% off */
        {1500000, 0, 0, "1.5", 1}, /* not "2" */
        {12500000, 0, 0, "13", 0}, /* 12.5: two digits already */
        {5 * W, 0, 0, "5", 0},     /* exact: as money_format */
        {5 * W, 2, 0, "5.00", 2},  /* fixed decimals kept when exact */
        {5 * W, 2, 1, "5", 2},     {W / 2, 2, 0, "0.50", 2}, {W / 2, 2, 1, "0.5", 2},
        {4000, 2, 0, "0.004", 3},  /* 0.004 万元 (40 元) at 2 decimals: not "0.00" */
        {4020, 2, 0, "0.004", 4},  /* 0.00402: two significant digits 0.0040, trimmed */
        {123456, 2, 0, "0.12", 2}, /* 0.123456: two digits at 2 decimals */
        {0, 2, 0, "0.00", 2},      {1, 0, 0, "0.000001", 6}, /* one fen of 万元: the unit's last
                                                                digit */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        money_format_change(cases[i].v, MONEY_WAN, cases[i].dec, 1, cases[i].trim, b, sizeof b);
        CHECK_STR(b, cases[i].want);
        CHECK_INT(money_change_decimals(cases[i].v, MONEY_WAN, cases[i].dec), cases[i].digits);
    }
    /* 元: 0.5 元 at 0 decimals is 0.50 → "0.5"; 1234.5 元 keeps thousands. */
    money_format_change(50, MONEY_YUAN, 0, 1, 0, b, sizeof b);
    CHECK_STR(b, "0.5");
    money_format_change(123450, MONEY_YUAN, 0, 1, 0, b, sizeof b);
    CHECK_STR(b, "1,235");
}

/* Issue 13, point 1: percentages as regions write them: "1.75%", "100%",
 * "100.00%", one or two decimals. */
static void test_percent_formats(void)
{
    char b[64];
    int64_t p;
    /* 400 → 407: 7/400 = 1.75% */
    CHECK_INT(money_change_percent(407, 400, 2, 1000000, &p), MONEY_PCT_PLAIN);
    money_format_percent(p, 2, 1, b, sizeof b);
    CHECK_STR(b, "1.75");
    CHECK_INT(money_change_percent(407, 400, 1, 100000, &p), MONEY_PCT_PLAIN);
    money_format_percent(p, 1, 0, b, sizeof b);
    CHECK_STR(b, "1.8"); /* 1.75 half-up */
    /* 29 → 58: 100% */
    CHECK_INT(money_change_percent(58, 29, 2, 1000000, &p), MONEY_PCT_PLAIN);
    money_format_percent(p, 2, 1, b, sizeof b);
    CHECK_STR(b, "100");
    money_format_percent(p, 2, 0, b, sizeof b);
    CHECK_STR(b, "100.00");
    /* 300 → 0.4: 99.87% falls, 1 decimal: 99.9; 0 decimals rounds to 100, so
     * "超过99%" (NEAR_ALL), never 100% while money remains. */
    CHECK_INT(money_change_percent(4, 3000, 1, 100000, &p), MONEY_PCT_PLAIN);
    CHECK_INT(p, 999);
    CHECK_INT(money_change_percent(4, 3000, 0, 10000, &p), MONEY_PCT_NEAR_ALL);
    CHECK_INT(p, 99);
}

static void test_percent(void)
{
    char b[32];
    /* 因公出国经费 45 → 40: 5/45 = 11.111% → 11.1 */
    CHECK_INT(money_percent(5, 45, 1), 111);
    /* 三公 total 245 → 240: 5/245 = 2.0408% → 2.0, trimmed "2" */
    int64_t p = money_percent(5, 245, 1);
    CHECK_INT(p, 20);
    money_format_percent(p, 1, 1, b, sizeof b);
    CHECK_STR(b, "2");
    money_format_percent(p, 1, 0, b, sizeof b);
    CHECK_STR(b, "2.0");
    /* boundary: 1/2000 = 0.05% → 0.1 (half-up); 1/2001 = 0.04998% → 0.0 */
    CHECK_INT(money_percent(1, 2000, 1), 1);
    CHECK_INT(money_percent(1, 2001, 1), 0);
    CHECK_INT(money_percent(-1, 2000, 1), -1);
    /* 10000 / 62899 = 15.8985% → 15.9 */
    CHECK_INT(money_percent(10000, 62899, 1), 159);
    /* large amounts: 9e18 fen / 3e18 = 300% without overflow */
    CHECK_INT(money_percent(9000000000000000000LL, 3000000000000000000LL, 2), 30000);
    money_format_percent(-111, 1, 0, b, sizeof b);
    CHECK_STR(b, "-11.1");
    money_format_percent(5, 0, 0, b, sizeof b);
    CHECK_STR(b, "5");
}

static void test_round_to_total(void)
{
    /* Three 项 of 0.4 万元 each under a 款 of 1.2 万元, shown with 0
     * decimals: plain rounding gives 0+0+0 = 0 but the 款 shows 1; the 尾差
     * of 1 goes to the first of the equal remainders. */
    money ex[3] = {400000, 400000, 400000}, sh[3];
    CHECK_INT(money_round_to_total(ex, sh, 3, 1000000, MONEY_WAN, 0), 0);
    CHECK_INT(sh[0], 1000000);
    CHECK_INT(sh[1], 0);
    CHECK_INT(sh[2], 0);
    /* 0.6 + 0.6 + 0.8 = 2.0: rounded 1 + 1 + 1 = 3, parent 2: one step down,
     * taken from the value rounded up the most (0.6 → 1 moved +0.4, the
     * earlier of the two; 0.8 → 1 moved only +0.2). */
    money ex2[3] = {600000, 600000, 800000}, sh2[3];
    CHECK_INT(money_round_to_total(ex2, sh2, 3, 2000000, MONEY_WAN, 0), 0);
    CHECK_INT(sh2[0], 0);
    CHECK_INT(sh2[1], 1000000);
    CHECK_INT(sh2[2], 1000000);
    /* Already consistent: unchanged. */
    money ex3[2] = {1500, 2500}, sh3[2]; /* 15.00 元 + 25.00 元 with 2 decimals */
    CHECK_INT(money_round_to_total(ex3, sh3, 2, 4000, MONEY_YUAN, 2), 0);
    CHECK_INT(sh3[0], 1500);
    CHECK_INT(sh3[1], 2500);
    /* A parent that is not the rounded sum by more than n steps: refused. */
    money ex4[2] = {100000, 100000}, sh4[2];
    CHECK_INT(money_round_to_total(ex4, sh4, 2, 5000000, MONEY_WAN, 0), -1);
}

static void test_round_block(void)
{
    /* Two children × two parts, 万元 shown with 0 decimals (step 1,000,000
     * fen).  Exact: [0.6 0.6 | 1.2], [0.6 0.6 | 1.2]; column totals 1.2,
     * 1.2 → shown 1, 1 (say); row totals shown 1, 1.  Each row and each
     * column must get exactly one of its two cells rounded up. */
    const money S = 1000000;
    money x[4] = {600000, 600000, 600000, 600000}, sh[4];
    money row[2] = {S, S}, col[2] = {S, S};
    CHECK_INT(money_round_block(x, sh, 2, 2, row, col, S), 0);
    CHECK_INT(sh[0] + sh[1], S);
    CHECK_INT(sh[2] + sh[3], S);
    CHECK_INT(sh[0] + sh[2], S);
    CHECK_INT(sh[1] + sh[3], S);
    /* Exact cells stay exact: [2 | 0.5] with row 3, column totals 2 and 1. */
    money x2[2] = {2 * S, 500000}, sh2[2], row2[1] = {3 * S}, col2[2] = {2 * S, S};
    CHECK_INT(money_round_block(x2, sh2, 1, 2, row2, col2, S), 0);
    CHECK_INT(sh2[0], 2 * S);
    CHECK_INT(sh2[1], S);
    /* Impossible margins: a row wants a step that only an exact cell could
     * take.  [0.9 0] / [0 0.9], rows (1, 0), columns (0, 1). */
    money x3[4] = {900000, 0, 0, 900000}, sh3[4], row3[2] = {S, 0}, col3[2] = {0, S};
    CHECK_INT(money_round_block(x3, sh3, 2, 2, row3, col3, S), -1);
    /* A margin below the floors: [2 | 0.5] cannot print as 1 in all. */
    money row4[1] = {S}, col4[2] = {2 * S, S};
    CHECK_INT(money_round_block(x2, sh2, 1, 2, row4, col4, S), -1);
}

/* A block far beyond the old bound of 4,096 cells / 64 columns: 3,000 rows
 * (项 of one 款) × 2 parts, every cell 0.5 万元 shown with 0 decimals.  Each
 * row's 合计 is 1 (0.5 + 0.5), each column 1,500: a rounding exists (one
 * cell up per row, 1,500 per column) and must be found. */
static void test_round_block_large(void)
{
    const money S = 1000000;
    enum { M = 3000 };
    static money x[2 * M], sh[2 * M], row[M];
    for (int i = 0; i < 2 * M; i++)
        x[i] = S / 2;
    for (int i = 0; i < M; i++)
        row[i] = S;
    money col[2] = {1500 * S, 1500 * S};
    CHECK_INT(money_round_block(x, sh, M, 2, row, col, S), 0);
    money c0 = 0, c1 = 0;
    int rows_ok = 1;
    for (int i = 0; i < M; i++) {
        c0 += sh[2 * i];
        c1 += sh[2 * i + 1];
        rows_ok &= sh[2 * i] + sh[2 * i + 1] == S;
    }
    CHECK_INT(rows_ok, 1);
    CHECK_INT(c0, 1500 * S);
    CHECK_INT(c1, 1500 * S);
    /* 70 columns (more than the old 64). */
    enum { K = 70 };
    static money y[K], shy[K];
    for (int j = 0; j < K; j++)
        y[j] = S / 2; /* one row: 35 in all */
    money rowy[1] = {35 * S}, coly[K];
    for (int j = 0; j < K; j++)
        coly[j] = j < 35 ? S : 0;
    CHECK_INT(money_round_block(y, shy, 1, K, rowy, coly, S), 0);
    CHECK_INT(shy[69], 0);
    CHECK_INT(shy[0], S);
}

static void test_step(void)
{
    CHECK_INT(money_step(MONEY_YUAN, 2), 1);   /* 元, fen shown: exact */
    CHECK_INT(money_step(MONEY_YUAN, 1), 10);
    CHECK_INT(money_step(MONEY_YUAN, 0), 100);
    CHECK_INT(money_step(MONEY_WAN, 6), 1);
    CHECK_INT(money_step(MONEY_WAN, 2), 10000); /* 0.01 万元 = 100 元 */
    CHECK_INT(money_step(MONEY_WAN, 0), 1000000);
}

static void test_change_percent(void)
{
    int64_t p;
    /* 45 → 40 万元: fall of 5/45 = 11.11% → 111 (1 decimal). */
    CHECK_INT(money_change_percent(40, 45, 1, 100000, &p), MONEY_PCT_PLAIN);
    CHECK_INT(p, 111);
    /* 100 → 0.004 (万元, in fen 100000000 → 4000): a fall of 99.996%,
     * which rounds to 100.0 but money is left: 99.9, "near all". */
    CHECK_INT(money_change_percent(4000, 100000000, 1, 100000, &p), MONEY_PCT_NEAR_ALL);
    CHECK_INT(p, 999);
    /* 100 → 0: a true fall of 100%. */
    CHECK_INT(money_change_percent(0, 100000000, 1, 100000, &p), MONEY_PCT_PLAIN);
    CHECK_INT(p, 1000);
    /* 100000 → 100001: +0.001%, too small for 1 decimal: below, one step. */
    CHECK_INT(money_change_percent(100001, 100000, 1, 100000, &p), MONEY_PCT_BELOW);
    CHECK_INT(p, 1);
    /* 0.01 元 → 2,003,764,205,196.89 元: ratio 2e16%, above a cap of
     * 10000.0% (scaled 100000): capped, no overflow. */
    CHECK_INT(money_change_percent(200376420519689LL, 1, 1, 100000, &p), MONEY_PCT_ABOVE);
    CHECK_INT(p, 100000);
    /* Exactly at the cap is not above it: 1 → 101 is +10000.0%. */
    CHECK_INT(money_change_percent(101, 1, 1, 100000, &p), MONEY_PCT_PLAIN);
    CHECK_INT(p, 100000);
    /* Largest amounts: 9.2e18 fen against 1 fen with 4 decimals, no cap:
     * the 128-bit product does not overflow and the cap check is skipped
     * only when cap is 0; with a cap it is capped. */
    CHECK_INT(money_change_percent(INT64_MAX, 1, 4, 1000000000LL, &p), MONEY_PCT_ABOVE);
    CHECK_INT(p, 1000000000LL);
    /* Rising 99.96%: rounds to 100.0, which is fine for a rise. */
    CHECK_INT(money_change_percent(19996, 10000, 1, 100000, &p), MONEY_PCT_PLAIN);
    CHECK_INT(p, 1000);
}

/* A class tree: 合计 (row 0) over rows 1 and 2, two parts each, 元 shown
 * with 1 decimal (step 10 fen).  Every cell is 1.5 角 (15 fen): rows 1 and
 * 2 total 30 (on a step: must print 30), 合计's parts 30 and 30, total 60.
 * Each row rounds one cell up and one down; each column of 合计 gets one
 * up: [20 10] / [10 20] or the mirror. */
static void test_round_tree(void)
{
    money x[6] = {30, 30, 15, 15, 15, 15}, sh[6];
    int parent[3] = {-1, 0, 0};
    CHECK_INT(money_round_tree(x, sh, 3, 2, parent, NULL, NULL, 10), 0);
    CHECK_INT(sh[0], 30);
    CHECK_INT(sh[1], 30);
    CHECK_INT(sh[2] + sh[3], 30);
    CHECK_INT(sh[4] + sh[5], 30);
    CHECK_INT(sh[2] + sh[4], 30);
    CHECK_INT(sh[3] + sh[5], 30);
    CHECK_INT(sh[2] == 10 || sh[2] == 20, 1);
    /* Pinning row 1's total to 40 forces row 2 to 20: not its exact 30
     * rounded (it is on a step): no rounding. */
    money pin[3] = {MONEY_FREE, 40, MONEY_FREE};
    CHECK_INT(money_round_tree(x, sh, 3, 2, parent, pin, NULL, 10), -1);
    /* Pinning 合计 to its exact 60 is always possible. */
    money pin2[3] = {60, MONEY_FREE, MONEY_FREE};
    CHECK_INT(money_round_tree(x, sh, 3, 2, parent, pin2, NULL, 10), 0);
    /* 合计's parts pinned to 40 and 20: one row takes both column-0 steps
     * (20 + 20 = 40), so each row's other cell rounds down; 40 is not
     * 30 rounded, so pinning it to 40 fails. */
    money parts[2] = {30, 30}, parts_bad[2] = {40, 20};
    CHECK_INT(money_round_tree(x, sh, 3, 2, parent, NULL, parts, 10), 0);
    CHECK_INT(sh[0], 30);
    CHECK_INT(money_round_tree(x, sh, 3, 2, parent, NULL, parts_bad, 10), -1);
    /* step 1: exact copy */
    CHECK_INT(money_round_tree(x, sh, 3, 2, parent, NULL, NULL, 1), 0);
    CHECK_INT(sh[2], 15);
    /* Parents must come first. */
    int bad[3] = {-1, 2, 0};
    CHECK_INT(money_round_tree(x, sh, 3, 2, bad, NULL, NULL, 10), -1);
    /* A 款 with 200 项 of 0.05 元 (5 fen) each, one part, step 10: total
     * 1000 fen on a step, so exactly 100 项 print 10 and 100 print 0. */
    enum { N = 201 };
    static money y[N], shy[N];
    static int py[N];
    y[0] = 1000;
    py[0] = -1;
    for (int i = 1; i < N; i++) {
        y[i] = 5;
        py[i] = 0;
    }
    CHECK_INT(money_round_tree(y, shy, N, 1, py, NULL, NULL, 10), 0);
    money s = 0;
    int ok = 1;
    for (int i = 1; i < N; i++) {
        s += shy[i];
        ok &= shy[i] == 0 || shy[i] == 10;
    }
    CHECK_INT(s, 1000);
    CHECK_INT(shy[0], 1000);
    CHECK_INT(ok, 1);
}

/* Rows free: a block met by the property test (issue 12), step 10.  Row
 * 0's exact total 493690 is on a step and must stay: its floors give
 * 493670, so it needs two steps among (0,0), (0,6), (0,7).  With column
 * totals that let columns 6 and 7 take none, no rounding exists (-1), even
 * with rows free; moving one step from column 2 (105000 → 104990, its
 * exact 104996 rounded down) to column 6 (292500 → 292510, exact 292505
 * rounded up) makes one: row 0 takes (0,0) and (0,6). */
static void test_round_block_rows_free(void)
{
    const money x[3 * 8] = {226907, 0, 0, 0, 0, 0, 39214, 227569,
                            779189, 104270, 104996, 277278, 66637, 648188, 253291, 0,
                            0, 0, 0, 0, 253567, 0, 0, 0};
    const money col[8] = {1006100, 104270, 105000, 277280, 320210, 648180, 292500, 227560};
    money sh[24];
    CHECK_INT(money_round_block_rows_free(x, sh, 3, 8, col, 10), -1);
    const money col2[8] = {1006100, 104270, 104990, 277280, 320210, 648180, 292510, 227560};
    CHECK_INT(money_round_block_rows_free(x, sh, 3, 8, col2, 10), 0);
    int cols_ok = 1, rows_ok = 1;
    for (int j = 0; j < 8; j++) {
        money c = 0;
        for (int i = 0; i < 3; i++)
            c += sh[i * 8 + j];
        cols_ok &= c == col2[j];
    }
    const money lo[3] = {493690, 2233840, 253560}, hi[3] = {493690, 2233850, 253570};
    for (int i = 0; i < 3; i++) {
        money r = 0;
        for (int j = 0; j < 8; j++)
            r += sh[i * 8 + j];
        rows_ok &= r >= lo[i] && r <= hi[i];
    }
    CHECK_INT(cols_ok, 1);
    CHECK_INT(rows_ok, 1);
    CHECK_INT(sh[0], 226910);
    CHECK_INT(sh[6], 39220);
    CHECK_INT(sh[7], 227560);
}

int main(void)
{
    RUN(test_round_tree);
    RUN(test_round_block_rows_free);
    RUN(test_round_block_large);
    RUN(test_step);
    RUN(test_change_percent);
    RUN(test_round_block);
    RUN(test_round_to_total);
    RUN(test_parse_plain);
    RUN(test_parse_separators);
    RUN(test_parse_negative);
    RUN(test_parse_errors);
    RUN(test_parse_bound_survives_rounding);
    RUN(test_round);
    RUN(test_format);
    RUN(test_percent);
    RUN(test_format_text);
    RUN(test_format_change);
    RUN(test_percent_formats);
    return harness_end();
}
