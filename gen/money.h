/*
 * money — exact amounts.  An amount is an int64_t count of fen (0.01 元),
 * parsed from decimal text without floating point, summed exactly, and
 * rounded only for display, half-up (四舍五入: halves away from zero).
 * Percentages are computed from the exact values with integer arithmetic.
 */
#ifndef GEN_MONEY_H
#define GEN_MONEY_H

#include <stddef.h>
#include <stdint.h>

typedef int64_t money; /* fen: 1 元 = 100, 1 万元 = 1,000,000 */

/* The unit amounts are entered and shown in. */
typedef enum money_unit { MONEY_YUAN, MONEY_WAN } money_unit;

/* Fen per unit: 100 for 元, 1,000,000 for 万元. */
money money_unit_scale(money_unit u);
/* "元" or "万元". */
const char *money_unit_name(money_unit u);
/* Digits after the point a unit can hold exactly (2 for 元, 6 for 万元). */
int money_unit_max_decimals(money_unit u);

typedef enum money_status {
    MONEY_OK,
    MONEY_EMPTY,     /* only spaces */
    MONEY_SYNTAX,    /* not a number */
    MONEY_PRECISION, /* more decimals than the unit holds exactly */
    MONEY_OVERFLOW   /* beyond ±9.2e16 元 */
} money_status;

/*
 * Parses text as an amount in unit.  Accepted: surrounding spaces (also
 * U+3000), a leading '-' or '－', ASCII or full-width digits, thousands
 * separators ',' or '，' between groups of exactly three digits, one decimal
 * point '.' or '．'.  On failure returns the status and, if why is not NULL,
 * writes an English explanation into why (whylen bytes).
 */
money_status money_parse(const char *text, money_unit unit, money *out, char *why, size_t whylen);

/* Rounds v half-up to `decimals` digits of unit (0..max decimals). */
money money_round(money v, money_unit unit, int decimals);

/*
 * Rounds the n values exact[] half-up to `decimals` digits of unit into
 * shown[], then corrects the rounding differences (尾差) so the shown values
 * add up to `total` (itself a shown, rounded value): each step of the
 * difference goes to the value whose rounding moved it most the other way
 * (largest remainder), ties to the earlier value.  Returns 0, or -1 if the
 * difference is larger than n steps (then shown[] is plain rounding).
 */
int money_round_to_total(const money *exact, money *shown, int n, money total, money_unit unit,
                         int decimals);

/*
 * Controlled rounding of a block of m rows × k columns (row-major): rounds
 * each exact x[] down or up to a multiple of `step` into shown[] so that
 * every row adds up to row[i] and every column to col[j] (both already
 * rounded, with Σrow = Σcol).  Cells that need no rounding stay exact.
 * Found as a flow (money_round_block_bounded): any such rounding that
 * exists is found.  Returns 0, or -1 when no such rounding exists or memory runs out
 * (shown[] is then undefined).  No bound on m or k: scratch space is
 * allocated for the block.
 */
int money_round_block(const money *x, money *shown, int m, int k, const money *row,
                      const money *col, money step);

/*
 * Like money_round_block, but the rows' totals are free: each row may add
 * up to its exact total rounded down or up (to a multiple of step), while
 * every column adds up to col[j] exactly.  For when the rows' totals,
 * rounded on their own, admit no block rounding: every cell and every row
 * total still prints within one step of its exact value.  Returns 0, or
 * -1 when no such rounding exists or memory runs out.
 */
int money_round_block_rows_free(const money *x, money *shown, int m, int k, const money *col,
                                money step);

/*
 * The general form: rounds each cell of x down or up to a multiple of step
 * (cells already on a step stay) so that row i adds up to a value in
 * [row_min[i], row_max[i]], column j to one in [col_min[j], col_max[j]]
 * and the whole block to one in [total_min, total_max] (all multiples of
 * step).  A flow with bounds: found whenever it exists.  Returns 0, or -1
 * when none exists or memory runs out.
 */
int money_round_block_bounded(const money *x, money *shown, int m, int k, const money *row_min,
                              const money *row_max, const money *col_min, const money *col_max,
                              money total_min, money total_max, money step);

/*
 * Controlled rounding of a classification table: n rows in a tree (row 0
 * the 合计 row, parent[r] < r for the others; a parent's parts are the
 * sums of its children's) × k parts (row-major x[]).  Rounds every part of
 * every row down or up to a multiple of step so that each parent's part
 * is the sum of its children's printed parts, and each row's total (the
 * sum of its printed parts) is its exact total rounded down or up, or
 * total_pin[r] when given and not MONEY_FREE (printed totals to keep: may
 * make it impossible).  Without total_pin, or with only row 0's total
 * pinned to its exact total rounded down or up, such a rounding always
 * exists (the constraints form a network flow, and the exact table is a
 * fractional solution of it), and it is found.  root_parts (may be NULL)
 * fixes row 0's k printed parts (each its exact value rounded down or up,
 * else -1).  step 1 copies x.  Returns 0, or -1 when none exists (with
 * pins) or memory runs out.
 */
#define MONEY_FREE INT64_MIN
int money_round_tree(const money *x, money *shown, int n, int k, const int *parent,
                     const money *total_pin, const money *root_parts, money step);

/* The display step in fen: 10^(max decimals - decimals), 1 when the unit
 * shows every digit it holds (元 with 2 decimals). */
money money_step(money_unit unit, int decimals);

/*
 * The change from prev to cur as a percentage of prev, for wording such as
 * "同比下降11.1%": |cur - prev| * 100 / |prev| rounded half-up to `decimals`
 * digits into *scaled (scaled by 10^decimals).  prev must not be 0.  The
 * result never prints a misleading figure:
 *   MONEY_PCT_BELOW  a change too small to show at this precision: *scaled
 *                    is the smallest step (0.1 → "不足0.1%");
 *   MONEY_PCT_NEAR_ALL  a fall that leaves money but rounds to 100%: *scaled
 *                    is 100% minus one step (99.9 → "超过99.9%"), never 100%;
 *   MONEY_PCT_ABOVE  more than cap (scaled like *scaled, > 0): *scaled is
 *                    cap (an absurd ratio never overflows the printed digits);
 *   MONEY_PCT_PLAIN  otherwise.
 */
typedef enum money_pct_kind {
    MONEY_PCT_PLAIN,
    MONEY_PCT_BELOW,
    MONEY_PCT_NEAR_ALL,
    MONEY_PCT_ABOVE
} money_pct_kind;
money_pct_kind money_change_percent(money cur, money prev, int decimals, int64_t cap,
                                    int64_t *scaled);

/*
 * Formats v in unit with exactly `decimals` digits after the point, rounded
 * half-up; thousands != 0 inserts ',' every three digits; trim != 0 drops
 * trailing zeros of the fraction (and the point).  out gets at most n bytes.
 */
void money_format(money v, money_unit unit, int decimals, int thousands, int trim, char *out,
                  size_t n);

/*
 * A change (差额) as a sentence writes it when it must be written exactly
 * (build.c uses the difference of the printed figures when that is true):
 * never rounded into a false figure.
 * |v| is written with `decimals` digits when those show it exactly or keep
 * at least two significant digits; else with the fewest more digits that do
 * (at most the unit's).  So at 0 decimals a change of 0.5 is "0.5", not "1";
 * 0.2 is "0.2", never "0"; 1.25 is "1.3"; 12.5 is "13" (two significant
 * digits: within 5% of the change).  A value that needs no more digits is
 * formatted as money_format() would.  Extra digits are trimmed of trailing
 * zeros.  money_change_decimals() returns the digits chosen.
 */
int money_change_decimals(money v, money_unit unit, int decimals);
/* An amount as findings show it: every significant decimal, at least two
 * ("240.00", "0.125"), no thousands separators, so it can be searched for
 * in the input file. */
void money_format_finding(money v, money_unit unit, char *out, size_t size);

void money_format_change(money v, money_unit unit, int decimals, int thousands, int trim, char *out,
                         size_t n);

/*
 * 100 * num / den rounded half-up to `decimals` digits, returned scaled by
 * 10^decimals (11.1% with 1 decimal is 111).  den must not be 0.
 */
int64_t money_percent(money num, money den, int decimals);

/* Formats a scaled percentage from money_percent() without the '%' sign. */
void money_format_percent(int64_t scaled, int decimals, int trim, char *out, size_t n);

#endif
