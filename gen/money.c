/*
 * money — exact decimal parsing and half-up rounding (see money.h).
 */
#include "money.h"

#include "utf8.h"

#include <stdio.h>
#include <string.h>

money money_unit_scale(money_unit u)
{
    return u == MONEY_WAN ? 1000000 : 100;
}

const char *money_unit_name(money_unit u)
{
    return u == MONEY_WAN ? "万元" : "元";
}

int money_unit_max_decimals(money_unit u)
{
    return u == MONEY_WAN ? 6 : 2;
}

static void say(char *why, size_t n, const char *msg)
{
    if (why && n)
        snprintf(why, n, "%s", msg);
}

/* Maps full-width forms to ASCII: digits, '-', ',', '.'; 0 otherwise. */
static int ascii_of(uint32_t cp)
{
    if (cp < 0x80)
        return (int)cp;
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)('0' + (cp - 0xFF10));
    switch (cp) {
    case 0xFF0D: return '-'; /* － */
    case 0xFF0C: return ','; /* ， */
    case 0xFF0E: return '.'; /* ． */
    default: return 0;
    }
}

money_status money_parse(const char *text, money_unit unit, money *out, char *why, size_t whylen)
{
    size_t len;
    const char *s = utf8_trim(text, &len);
    const char *end = s + len;
    if (len == 0) {
        say(why, whylen, "empty");
        return MONEY_EMPTY;
    }
    int neg = 0, seen_digit = 0, seen_point = 0, frac_digits = 0;
    int group = -1;       /* digits since the last ',' (-1: no ',' seen) */
    int int_digits = 0;   /* digits before the first ',' or point */
    const int maxdec = money_unit_max_decimals(unit);
    const money scale = money_unit_scale(unit);
    /* Accumulate the value in fen directly: integer part * scale plus the
     * fraction digits placed by position. */
    money ipart = 0, fpart = 0, fscale = scale;
    int first = 1;
    while (s < end) {
        uint32_t cp;
        int k = utf8_decode(s, (size_t)(end - s), &cp);
        if (k == 0) {
            say(why, whylen, "invalid UTF-8");
            return MONEY_SYNTAX;
        }
        s += k;
        int c = ascii_of(cp);
        if (c == '-' && first) {
            neg = 1;
            first = 0;
            continue;
        }
        first = 0;
        if (c >= '0' && c <= '9') {
            int d = c - '0';
            seen_digit = 1;
            if (seen_point) {
                if (++frac_digits > maxdec) {
                    if (why && whylen)
                        snprintf(why, whylen, "more than %d decimals for an amount in %s", maxdec,
                                 money_unit_name(unit));
                    return MONEY_PRECISION;
                }
                fscale /= 10;
                fpart += d * fscale;
            } else {
                if (group >= 0)
                    group++;
                else
                    int_digits++;
                if (group > 3) {
                    say(why, whylen, "thousands separators must separate groups of three digits");
                    return MONEY_SYNTAX;
                }
                if (ipart > (INT64_MAX / scale - 1 - d) / 10) {
                    say(why, whylen, "too large an amount");
                    return MONEY_OVERFLOW;
                }
                ipart = ipart * 10 + d;
            }
        } else if (c == ',' && !seen_point) {
            if (!seen_digit || (group >= 0 && group != 3) || (group < 0 && int_digits > 3)) {
                say(why, whylen, "thousands separators must separate groups of three digits");
                return MONEY_SYNTAX;
            }
            group = 0;
        } else if (c == '.' && !seen_point) {
            if (group >= 0 && group != 3) {
                say(why, whylen, "thousands separators must separate groups of three digits");
                return MONEY_SYNTAX;
            }
            seen_point = 1;
        } else {
            say(why, whylen, "expected digits, with an optional sign, thousands separators and decimal point");
            return MONEY_SYNTAX;
        }
    }
    if (!seen_digit || (group >= 0 && group != 3)) {
        say(why, whylen, !seen_digit ? "no digits" : "thousands separators must separate groups of three digits");
        return MONEY_SYNTAX;
    }
    /* The largest amount is a whole number of units (INT64_MAX / scale - 1):
     * display rounding moves a value to a multiple of its step, never past
     * such a bound, so whatever is printed can be parsed again.  Without
     * this, 9223372036853.999999 万元 was accepted but printed with 0
     * decimals as 9,223,372,036,854, which was refused (found by fuzzing). */
    if (ipart == INT64_MAX / scale - 1 && fpart > 0) {
        say(why, whylen, "too large an amount");
        return MONEY_OVERFLOW;
    }
    money v = ipart * scale + fpart;
    *out = neg ? -v : v;
    return MONEY_OK;
}

/* Divides a by b (b > 0) rounding half away from zero. */
static int64_t div_half_up(int64_t a, int64_t b)
{
    int64_t q = a / b, r = a % b;
    if (r < 0)
        r = -r;
    if (2 * r >= b)
        q += a < 0 ? -1 : 1;
    return q;
}

/* Writes v as exactly `digits` decimal digits, zero-padded (v < 10^digits). */
static void zero_pad(uint64_t v, int digits, char *out)
{
    for (int i = digits - 1; i >= 0; i--) {
        out[i] = (char)('0' + v % 10);
        v /= 10;
    }
    out[digits] = '\0';
}

static int64_t pow10i(int d)
{
    int64_t p = 1;
    while (d-- > 0)
        p *= 10;
    return p;
}

money money_round(money v, money_unit unit, int decimals)
{
    int maxdec = money_unit_max_decimals(unit);
    if (decimals >= maxdec)
        return v;
    int64_t step = pow10i(maxdec - decimals);
    return div_half_up(v, step) * step;
}

void money_format(money v, money_unit unit, int decimals, int thousands, int trim, char *out,
                  size_t n)
{
    int maxdec = money_unit_max_decimals(unit);
    if (decimals > maxdec)
        decimals = maxdec;
    if (decimals < 0)
        decimals = 0;
    /* Value in units of 10^-decimals of the display unit. */
    int64_t scaled = div_half_up(v, pow10i(maxdec - decimals));
    int neg = scaled < 0;
    uint64_t a = neg ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
    uint64_t p = (uint64_t)pow10i(decimals);
    uint64_t ip = a / p, fp = a % p;
    char digits[32], buf[64];
    snprintf(digits, sizeof digits, "%llu", (unsigned long long)ip);
    size_t nd = strlen(digits), o = 0;
    if (neg)
        buf[o++] = '-';
    for (size_t i = 0; i < nd; i++) {
        if (thousands && i > 0 && (nd - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    if (decimals > 0) {
        char frac[16];
        zero_pad(fp, decimals, frac);
        int fl = decimals;
        if (trim)
            while (fl > 0 && frac[fl - 1] == '0')
                fl--;
        if (fl > 0) {
            buf[o++] = '.';
            memcpy(buf + o, frac, (size_t)fl);
            o += (size_t)fl;
        }
    }
    buf[o] = '\0';
    /* "-0" after rounding is shown as "0". */
    if (neg && strspn(buf + 1, "0.,") == strlen(buf + 1))
        memmove(buf, buf + 1, o);
    snprintf(out, n, "%s", buf);
}

int64_t money_percent(money num, money den, int decimals)
{
    /* 100 * 10^decimals * num / den with a 128-bit intermediate: amounts up
     * to 9.2e18 fen times 10^8 do not fit in 64 bits. */
    __extension__ typedef __int128 i128;
    i128 n = (i128)num * 100 * pow10i(decimals);
    i128 d = den;
    if (d < 0) {
        d = -d;
        n = -n;
    }
    i128 q = n / d, r = n % d;
    if (r < 0)
        r = -r;
    if (2 * r >= d)
        q += n < 0 ? -1 : 1;
    return (int64_t)q;
}

void money_format_percent(int64_t scaled, int decimals, int trim, char *out, size_t n)
{
    /* A percentage is formatted like an amount in a unit whose scale is
     * 10^decimals: reuse the decimal formatter via plain arithmetic. */
    int neg = scaled < 0;
    uint64_t a = neg ? (uint64_t)0 - (uint64_t)scaled : (uint64_t)scaled;
    uint64_t p = (uint64_t)pow10i(decimals);
    char frac[16] = "";
    int fl = 0;
    if (decimals > 0) {
        zero_pad(a % p, decimals, frac);
        fl = decimals;
        if (trim)
            while (fl > 0 && frac[fl - 1] == '0')
                fl--;
    }
    if (neg && a == 0)
        neg = 0;
    snprintf(out, n, "%s%llu%s%.*s", neg ? "-" : "", (unsigned long long)(a / p), fl ? "." : "",
             fl, frac);
}

int money_round_to_total(const money *exact, money *shown, int n, money total, money_unit unit,
                         int decimals)
{
    int maxdec = money_unit_max_decimals(unit);
    money step = decimals >= maxdec ? 1 : pow10i(maxdec - decimals);
    money sum = 0;
    for (int i = 0; i < n; i++) {
        shown[i] = money_round(exact[i], unit, decimals);
        sum += shown[i];
    }
    money diff = total - sum;
    if (diff % step != 0 || (diff < 0 ? -diff : diff) / step > n)
        return -1;
    /* Each step goes to the value whose rounding moved it furthest in the
     * opposite direction (largest remainder), and no value twice. */
    while (diff != 0) {
        int best = -1;
        money best_rem = 0;
        for (int i = 0; i < n; i++) {
            money rem = exact[i] - shown[i]; /* > 0: rounded down */
            if (diff > 0 ? rem > best_rem : rem < best_rem) {
                best = i;
                best_rem = rem;
            }
        }
        if (best < 0) /* nothing rounded the right way: the earliest value */
            for (int i = 0; i < n && best < 0; i++)
                if (exact[i] != 0 || n == 1)
                    best = i;
        if (best < 0)
            return -1;
        shown[best] += diff > 0 ? step : -step;
        diff += diff > 0 ? -step : step;
    }
    return 0;
}

/* Floor of v to a multiple of step (toward −∞). */
static money floor_step(money v, money step)
{
    money q = v / step;
    if (v % step != 0 && v < 0)
        q--;
    return q * step;
}

/* One augmenting path in the row→cell→column graph (depth-first).
 * cap[i*k+j] is 1 while cell (i,j) may still take a step, used[] marks the
 * cells that took one. */
static int augment(int i, int m, int k, const unsigned char *cap, unsigned char *used,
                   int *col_left, unsigned char *seen_col, int *col_from)
{
    for (int j = 0; j < k; j++) {
        if (!cap[i * k + j] || used[i * k + j] || seen_col[j])
            continue;
        seen_col[j] = 1;
        if (col_left[j] > 0) {
            col_left[j]--;
            used[i * k + j] = 1;
            return 1;
        }
        /* Column j is full: move one of its steps from another row i2 to
         * another column, if that row can. */
        for (int i2 = 0; i2 < m; i2++) {
            if (i2 == i || !used[i2 * k + j])
                continue;
            used[i2 * k + j] = 0;
            if (augment(i2, m, k, cap, used, col_left, seen_col, col_from)) {
                used[i * k + j] = 1;
                return 1;
            }
            used[i2 * k + j] = 1;
        }
    }
    (void)col_from;
    return 0;
}

int money_round_block(const money *x, money *shown, int m, int k, const money *row,
                      const money *col, money step)
{
    if (m <= 0 || k <= 0 || m * k > 4096 || k > 64)
        return -1;
    unsigned char cap[4096], used[4096], seen[64];
    int row_left[4096 / 1], col_left[64];
    for (int j = 0; j < k; j++) {
        money s = 0;
        for (int i = 0; i < m; i++)
            s += floor_step(x[i * k + j], step);
        money d = col[j] - s;
        if (d < 0 || d % step != 0 || d / step > m)
            return -1;
        col_left[j] = (int)(d / step);
    }
    for (int i = 0; i < m; i++) {
        money s = 0;
        for (int j = 0; j < k; j++) {
            money f = floor_step(x[i * k + j], step);
            shown[i * k + j] = f;
            s += f;
            cap[i * k + j] = f != x[i * k + j]; /* only cells that were rounded */
            used[i * k + j] = 0;
        }
        money d = row[i] - s;
        if (d < 0 || d % step != 0 || d / step > k)
            return -1;
        row_left[i] = (int)(d / step);
    }
    for (int i = 0; i < m; i++)
        while (row_left[i] > 0) {
            memset(seen, 0, sizeof seen);
            if (!augment(i, m, k, cap, used, col_left, seen, NULL))
                return -1;
            row_left[i]--;
        }
    for (int j = 0; j < k; j++)
        if (col_left[j])
            return -1;
    for (int c = 0; c < m * k; c++)
        if (used[c])
            shown[c] += step;
    return 0;
}
