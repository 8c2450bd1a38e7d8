/*
 * money — exact decimal parsing and half-up rounding (see money.h).
 */
#include "money.h"
#include "i18n.h"

#include "utf8.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
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
        snprintf(why, n, "%s", _(msg));
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
                        snprintf(why, whylen, _("more than %d decimals for an amount in %s"), maxdec,
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
        say(why, whylen,
            !seen_digit ? N_("no digits") : N_("thousands separators must separate groups of three digits"));
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

int money_change_decimals(money v, money_unit unit, int decimals)
{
    int maxdec = money_unit_max_decimals(unit);
    if (decimals < 0)
        decimals = 0;
    if (v < 0)
        v = v == INT64_MIN ? INT64_MAX : -v;
    int d = decimals;
    while (d < maxdec) {
        money step = money_step(unit, d), r = money_round(v, unit, d);
        if (r == v || r / step >= 10) /* exact, or two significant digits */
            break;
        d++;
    }
    return d > maxdec ? maxdec : d;
}

void money_format_finding(money v, money_unit unit, char *out, size_t size)
{
    money_format(v, unit, money_unit_max_decimals(unit), 0, 1, out, size);
    const char *dot = strchr(out, '.');
    size_t len = strlen(out);
    if (!dot)
        snprintf(out + len, size - len, ".00");
    else if (strlen(dot) == 2)
        snprintf(out + len, size - len, "0");
}

void money_format_change(money v, money_unit unit, int decimals, int thousands, int trim, char *out,
                         size_t n)
{
    if (v < 0)
        v = v == INT64_MIN ? INT64_MAX : -v;
    int d = money_change_decimals(v, unit, decimals);
    money_format(v, unit, d, thousands, d > decimals ? 1 : trim, out, n);
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

money money_step(money_unit unit, int decimals)
{
    int maxdec = money_unit_max_decimals(unit);
    return decimals >= maxdec ? 1 : pow10i(maxdec - (decimals < 0 ? 0 : decimals));
}

money_pct_kind money_change_percent(money cur, money prev, int decimals, int64_t cap,
                                    int64_t *scaled)
{
    __extension__ typedef __int128 i128;
    i128 c = cur, p = prev;
    i128 change = c - p, base = p;
    if (change < 0)
        change = -change;
    if (base < 0)
        base = -base;
    i128 full = (i128)100 * pow10i(decimals); /* 100% scaled */
    /* change/base > cap/full, compared without dividing (no overflow: both
     * sides stay below 2^127). */
    if (cap > 0 && change * full > (i128)cap * base) {
        *scaled = cap;
        return MONEY_PCT_ABOVE;
    }
    i128 n = change * full, q = n / base, r = n % base;
    if (2 * r >= base)
        q++;
    *scaled = (int64_t)q;
    if (q == 0 && change != 0) {
        *scaled = 1;
        return MONEY_PCT_BELOW;
    }
    /* A fall that leaves money (cur on the same side of 0 as prev, not 0)
     * yet rounds to 100%. */
    int falls = (p > 0 && c < p && c > 0) || (p < 0 && c > p && c < 0);
    if (falls && q >= full) {
        *scaled = (int64_t)full - 1;
        return MONEY_PCT_NEAR_ALL;
    }
    return MONEY_PCT_PLAIN;
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

/* ---- controlled rounding as a flow ------------------------------------------
 * Each cell that is not a multiple of step is rounded down, then takes one
 * step or none; the steps flow source → row → cell → column → sink, with a
 * lower and upper bound on each row's, column's and the whole block's
 * count.  A feasible flow with bounds is found the usual way (a circulation
 * with an edge sink → source, the lower bounds moved into demands, one
 * maximum flow from a super source), by breadth-first augmenting paths:
 * any rounding that exists is found. */

typedef struct fedge {
    int to, next;
    long cap;
} fedge;

typedef struct flownet {
    int n, ne, cap_e;
    int *head;
    fedge *e;
    long *demand;
} flownet;

static int fn_edge(flownet *g, int u, int v, long cap)
{
    if (g->ne + 2 > g->cap_e) {
        int nc = g->cap_e ? 2 * g->cap_e : 64;
        fedge *ne = realloc(g->e, (size_t)nc * sizeof *ne);
        if (!ne)
            return -1;
        g->e = ne;
        g->cap_e = nc;
    }
    g->e[g->ne] = (fedge){v, g->head[u], cap};
    g->head[u] = g->ne++;
    g->e[g->ne] = (fedge){u, g->head[v], 0};
    g->head[v] = g->ne++;
    return g->ne - 2;
}

/* An edge u → v carrying between lo and hi units. */
static int fn_bounded(flownet *g, int u, int v, long lo, long hi)
{
    g->demand[v] += lo;
    g->demand[u] -= lo;
    return fn_edge(g, u, v, hi - lo);
}

/* Dinic's maximum flow: level graph by breadth-first search, blocking
 * flow by depth-first search with per-node edge iterators (iterative, so
 * deep trees do not exhaust the stack). */
static long fn_maxflow(flownet *g, int s, int t)
{
    long total = 0;
    int n = g->n;
    int *level = malloc((size_t)n * sizeof *level), *queue = malloc((size_t)n * sizeof *queue);
    int *it = malloc((size_t)n * sizeof *it), *path = malloc((size_t)n * sizeof *path);
    if (!level || !queue || !it || !path) {
        total = -1;
        goto out;
    }
    for (;;) {
        for (int i = 0; i < n; i++)
            level[i] = -1;
        int qh = 0, qt = 0;
        queue[qt++] = s;
        level[s] = 0;
        while (qh < qt) {
            int u = queue[qh++];
            for (int ei = g->head[u]; ei >= 0; ei = g->e[ei].next)
                if (g->e[ei].cap > 0 && level[g->e[ei].to] < 0) {
                    level[g->e[ei].to] = level[u] + 1;
                    queue[qt++] = g->e[ei].to;
                }
        }
        if (level[t] < 0)
            break;
        for (int i = 0; i < n; i++)
            it[i] = g->head[i];
        /* path[] holds the edges from s to the current node */
        int depth = 0, u = s;
        for (;;) {
            if (u == t) {
                long f = LONG_MAX;
                for (int d = 0; d < depth; d++)
                    if (g->e[path[d]].cap < f)
                        f = g->e[path[d]].cap;
                for (int d = 0; d < depth; d++) {
                    g->e[path[d]].cap -= f;
                    g->e[path[d] ^ 1].cap += f;
                }
                total += f;
                depth = 0;
                u = s;
                continue;
            }
            int ei = it[u];
            while (ei >= 0 && !(g->e[ei].cap > 0 && level[g->e[ei].to] == level[u] + 1))
                ei = g->e[ei].next;
            it[u] = ei;
            if (ei >= 0) {
                path[depth++] = ei;
                u = g->e[ei].to;
                continue;
            }
            /* dead end: retreat */
            level[u] = -1;
            if (depth == 0)
                break;
            depth--;
            u = g->e[path[depth] ^ 1].to;
            it[u] = g->e[it[u]].next;
        }
    }
out:
    free(level);
    free(queue);
    free(it);
    free(path);
    return total;
}

/* With the lower bounds of fn_bounded as node demands: connects them to a
 * super source ss and super sink tt and sends the flow.  Returns 0 when
 * every demand is met (a flow within all the bounds exists), else -1. */
static int fn_feasible(flownet *g, int ss, int tt)
{
    long want = 0;
    for (int v = 0; v < g->n; v++) {
        if (v == ss || v == tt)
            continue;
        if (g->demand[v] > 0) {
            want += g->demand[v];
            if (fn_edge(g, ss, v, g->demand[v]) < 0)
                return -1;
        } else if (g->demand[v] < 0 && fn_edge(g, v, tt, -g->demand[v]) < 0) {
            return -1;
        }
    }
    return fn_maxflow(g, ss, tt) == want ? 0 : -1;
}

/* Steps between a money bound and the floors' sum: (v - fl) / step, or
 * out of range (-1) when v is below fl or not on a step. */
static long steps_of(money v, money fl, money step)
{
    if (v < fl || (v - fl) % step)
        return -1;
    return (long)((v - fl) / step);
}

int money_round_block_bounded(const money *x, money *shown, int m, int k, const money *row_min,
                              const money *row_max, const money *col_min, const money *col_max,
                              money total_min, money total_max, money step)
{
    if (m <= 0 || k <= 0 || step <= 0 || (size_t)m > SIZE_MAX / (size_t)k ||
        (size_t)m * (size_t)k > (size_t)INT32_MAX / 4)
        return -1;
    size_t cells = (size_t)m * (size_t)k;
    flownet g = {0};
    int S = 0, T = 1, R0 = 2, C0 = 2 + m, SS = 2 + m + k, TT = SS + 1;
    g.n = TT + 1;
    g.head = malloc((size_t)g.n * sizeof *g.head);
    g.demand = calloc((size_t)g.n, sizeof *g.demand);
    int *cell_edge = malloc(cells * sizeof *cell_edge);
    money *colfl = calloc((size_t)k, sizeof *colfl);
    int rc = -1;
    if (!g.head || !g.demand || !cell_edge || !colfl)
        goto out;
    for (int i = 0; i < g.n; i++)
        g.head[i] = -1;
    money all_fl = 0;
    for (int i = 0; i < m; i++) {
        money fl = 0;
        for (int j = 0; j < k; j++) {
            size_t c = (size_t)i * k + j;
            shown[c] = floor_step(x[c], step);
            fl += shown[c];
            colfl[j] += shown[c];
            cell_edge[c] = shown[c] != x[c] ? fn_edge(&g, R0 + i, C0 + j, 1) : -1;
            if (shown[c] != x[c] && cell_edge[c] < 0)
                goto out;
        }
        all_fl += fl;
        long lo = steps_of(row_min[i], fl, step), hi = steps_of(row_max[i], fl, step);
        if (lo < 0 || hi < lo || fn_bounded(&g, S, R0 + i, lo, hi) < 0)
            goto out;
    }
    for (int j = 0; j < k; j++) {
        long lo = steps_of(col_min[j], colfl[j], step), hi = steps_of(col_max[j], colfl[j], step);
        if (lo < 0 || hi < lo || fn_bounded(&g, C0 + j, T, lo, hi) < 0)
            goto out;
    }
    long tlo = steps_of(total_min, all_fl, step), thi = steps_of(total_max, all_fl, step);
    if (tlo < 0 || thi < tlo || fn_bounded(&g, T, S, tlo, thi) < 0)
        goto out;
    if (fn_feasible(&g, SS, TT) < 0)
        goto out;
    for (size_t c = 0; c < cells; c++)
        if (cell_edge[c] >= 0 && g.e[cell_edge[c]].cap == 0)
            shown[c] += step;
    rc = 0;
out:
    free(g.head);
    free(g.e);
    free(g.demand);
    free(cell_edge);
    free(colfl);
    return rc;
}

int money_round_block(const money *x, money *shown, int m, int k, const money *row,
                      const money *col, money step)
{
    if (m <= 0 || k <= 0)
        return -1;
    money t = 0;
    for (int i = 0; i < m; i++)
        t += row[i];
    return money_round_block_bounded(x, shown, m, k, row, row, col, col, t, t, step);
}

/* Each row's exact total rounded down and up to a step (NULL: no memory). */
static int row_range(const money *x, int m, int k, money step, money **lo, money **hi)
{
    *lo = malloc((size_t)m * sizeof **lo);
    *hi = malloc((size_t)m * sizeof **hi);
    if (!*lo || !*hi)
        return -1;
    for (int i = 0; i < m; i++) {
        money ex = 0;
        for (int j = 0; j < k; j++)
            ex += x[(size_t)i * k + j];
        (*lo)[i] = floor_step(ex, step);
        (*hi)[i] = (*lo)[i] + ((*lo)[i] != ex ? step : 0);
    }
    return 0;
}

int money_round_block_rows_free(const money *x, money *shown, int m, int k, const money *col,
                                money step)
{
    if (m <= 0 || k <= 0)
        return -1;
    money *lo = NULL, *hi = NULL, t = 0;
    int rc = -1;
    for (int j = 0; j < k; j++)
        t += col[j];
    if (row_range(x, m, k, step, &lo, &hi) == 0)
        rc = money_round_block_bounded(x, shown, m, k, lo, hi, col, col, t, t, step);
    free(lo);
    free(hi);
    return rc;
}

/* v rounded down to a step, in steps (floor division). */
static money lo_steps(money v, money step)
{
    return floor_step(v, step) / step;
}

int money_round_tree(const money *x, money *shown, int n, int k, const int *parent,
                     const money *total_pin, const money *root_parts, money step)
{
    if (n <= 0 || k <= 0 || step <= 0 || (size_t)n > SIZE_MAX / ((size_t)k + 1) ||
        (size_t)n * ((size_t)k + 1) > (size_t)INT32_MAX / 8)
        return -1;
    size_t cells = (size_t)n * (size_t)k;
    if (step == 1) {
        memcpy(shown, x, cells * sizeof *shown);
        return 0;
    }
    /* nodes: S, T, SS, TT, a total node per row, a part node per cell */
    int S = 0, T = 1, SS = 2, TT = 3, R0 = 4, P0 = 4 + n;
    flownet g = {0};
    g.n = P0 + (int)cells;
    g.head = malloc((size_t)g.n * sizeof *g.head);
    g.demand = calloc((size_t)g.n, sizeof *g.demand);
    int *nkids = calloc((size_t)n, sizeof *nkids), *cell_edge = malloc(cells * sizeof *cell_edge);
    long *elo = malloc(cells * sizeof *elo), *ecap = malloc(cells * sizeof *ecap);
    int rc = -1;
    if (!g.head || !g.demand || !nkids || !cell_edge || !elo || !ecap)
        goto out;
    for (int i = 0; i < g.n; i++)
        g.head[i] = -1;
    for (int r = 0; r < n; r++) {
        if (parent[r] >= r || (r == 0) != (parent[r] < 0))
            goto out; /* parents first, row 0 the only root */
        if (parent[r] >= 0)
            nkids[parent[r]]++;
    }
    for (int r = 0; r < n; r++) {
        money tot = 0;
        for (int j = 0; j < k; j++)
            tot += x[(size_t)r * k + j];
        long lo = (long)lo_steps(tot, step), hi = lo + (floor_step(tot, step) != tot);
        if (total_pin && total_pin[r] != MONEY_FREE) {
            if (total_pin[r] % step)
                goto out;
            lo = hi = (long)(total_pin[r] / step);
        }
        int from = parent[r] < 0 ? S : R0 + parent[r];
        if (fn_bounded(&g, from, R0 + r, lo, hi) < 0)
            goto out;
        for (int j = 0; j < k; j++) {
            size_t c = (size_t)r * k + j;
            long plo = (long)lo_steps(x[c], step), phi = plo + (floor_step(x[c], step) != x[c]);
            if (!nkids[r] && fn_bounded(&g, R0 + r, P0 + (int)c, plo, phi) < 0)
                goto out; /* a leaf's total feeds its parts */
            if (r == 0 && root_parts) { /* row 0's parts as given */
                if (root_parts[j] % step || root_parts[j] / step < plo || root_parts[j] / step > phi)
                    goto out;
                plo = phi = (long)(root_parts[j] / step);
            }
            /* part j of row r leaves its part node, up to its parent's */
            int to = parent[r] < 0 ? T : P0 + (int)((size_t)parent[r] * k + j);
            cell_edge[c] = fn_bounded(&g, P0 + (int)c, to, plo, phi);
            if (cell_edge[c] < 0)
                goto out;
            elo[c] = plo;
            ecap[c] = phi - plo;
        }
    }
    if (fn_edge(&g, T, S, LONG_MAX / 4) < 0)
        goto out;
    if (fn_feasible(&g, SS, TT) < 0)
        goto out;
    for (size_t c = 0; c < cells; c++) /* flow: lower bound + what the edge carried */
        shown[c] = (money)(elo[c] + ecap[c] - g.e[cell_edge[c]].cap) * step;
    rc = 0;
out:
    free(g.head);
    free(g.e);
    free(g.demand);
    free(nkids);
    free(cell_edge);
    free(elo);
    free(ecap);
    return rc;
}
