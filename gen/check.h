/*
 * check — the rules that must hold before anything is published
 * (../shared/FORMAT.md section 4): totals, sums of items, the code
 * hierarchy, figures stated twice, duplicated rows, display precision.
 * Stage: check.  Input: the loaded budgets.  Output: findings through diag,
 * each at the file, line and column of the figure that is wrong, with the
 * expected and the found value.  Findings in the previous year's data are
 * warnings: last year's disclosure is already published and cannot change,
 * but a comparison with figures that do not add up deserves a look.
 */
#ifndef GEN_CHECK_H
#define GEN_CHECK_H

#include "config.h"
#include "data.h"
#include "diag.h"

/* Checks cur (and prev, when not NULL).  Returns the number of errors it
 * reported (warnings are counted by d). */
int check_budget(diag *d, const config *c, const budget *cur, const budget *prev);

/* 元 and 万元 mixed up (docs/input.md, "Units"): 1 when one of two figures
 * that should be of one size is 2,000 to 50,000 times the other (10,000
 * within a factor of 5), compared exactly; 0 otherwise, and when either is
 * zero or negative.  *ratio (may be NULL) gets the ratio rounded down. */
int check_unit_slip(money a, money b, long long *ratio);

#endif
