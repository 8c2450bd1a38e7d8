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
 * Found as a flow: each row's missing steps go to the cells of that row
 * that were rounded down, one step each, matching each column's missing
 * steps.  Returns 0, or -1 when no such rounding exists (shown[] is then
 * undefined).  m*k must not exceed 4096.
 */
int money_round_block(const money *x, money *shown, int m, int k, const money *row,
                      const money *col, money step);

/*
 * Formats v in unit with exactly `decimals` digits after the point, rounded
 * half-up; thousands != 0 inserts ',' every three digits; trim != 0 drops
 * trailing zeros of the fraction (and the point).  out gets at most n bytes.
 */
void money_format(money v, money_unit unit, int decimals, int thousands, int trim, char *out,
                  size_t n);

/*
 * 100 * num / den rounded half-up to `decimals` digits, returned scaled by
 * 10^decimals (11.1% with 1 decimal is 111).  den must not be 0.
 */
int64_t money_percent(money num, money den, int decimals);

/* Formats a scaled percentage from money_percent() without the '%' sign. */
void money_format_percent(int64_t scaled, int decimals, int trim, char *out, size_t n);

#endif
