/*
 * Unit tests for check.c's rule of 元 and 万元 mixed up (check_unit_slip,
 * issue 13 point 10): a ratio from 2,000 to 50,000 (10,000 within a factor
 * of 5) is a slip, both bounds included, in either order; anything smaller
 * or larger, and any zero or negative figure, is not.  Expected values are
 * worked out by hand from that rule.
 */
#include "check.h"
#include "harness.h"

static void slip_bounds(void)
{
    long long r;
    CHECK_INT(check_unit_slip(20, 200000, &r), 1); /* exactly 10,000 */
    CHECK_INT(r, 10000);
    CHECK_INT(check_unit_slip(200000, 20, &r), 1); /* either order */
    CHECK_INT(r, 10000);
    CHECK_INT(check_unit_slip(1000, 2000000, &r), 1); /* 2,000: lower bound included */
    CHECK_INT(r, 2000);
    CHECK_INT(check_unit_slip(1000, 1999999, &r), 0); /* just under 2,000 */
    CHECK_INT(r, 1999);
    CHECK_INT(check_unit_slip(1000, 50000000, &r), 1); /* 50,000: upper bound included */
    CHECK_INT(r, 50000);
    CHECK_INT(check_unit_slip(1000, 50000001, &r), 0); /* just over 50,000 */
    CHECK_INT(r, 50000);
}

static void slip_cases_of_the_issue(void)
{
    long long r;
    /* 三公 117,000 typed in 元 against last year's 38.80 万元 (in units of
     * 0.01 here): 11700000 / 3880 = 3015.4, a slip. */
    CHECK_INT(check_unit_slip(11700000, 3880, &r), 1);
    CHECK_INT(r, 3015);
    /* 12,000,000 元 for 1,300.50 万元: 9227.2. */
    CHECK_INT(check_unit_slip(1200000000, 130050, &r), 1);
    CHECK_INT(r, 9227);
    /* A real change, even a large one, is not: 0.5 → 30 (60 times). */
    CHECK_INT(check_unit_slip(50, 3000, &r), 0);
    CHECK_INT(r, 60);
    /* 1,000 times (a 千元 slip, or a real jump) is outside the band. */
    CHECK_INT(check_unit_slip(100, 100000, NULL), 0);
}

static void slip_zero_and_negative(void)
{
    long long r = 7;
    CHECK_INT(check_unit_slip(0, 200000, &r), 0);
    CHECK_INT(r, 0);
    CHECK_INT(check_unit_slip(200000, 0, NULL), 0);
    CHECK_INT(check_unit_slip(-20, -200000, NULL), 0);
    CHECK_INT(check_unit_slip(5, 5, &r), 0);
    CHECK_INT(r, 1);
    /* No overflow at the top of the range: INT64_MAX / 16 is the largest
     * folder total load.c accepts. */
    CHECK_INT(check_unit_slip(INT64_MAX / 16, (INT64_MAX / 16) / 10000, NULL), 1);
}

int main(void)
{
    RUN(slip_bounds);
    RUN(slip_cases_of_the_issue);
    RUN(slip_zero_and_negative);
    return harness_end();
}
