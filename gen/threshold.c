/*
 * threshold — parses the 优 良 中 差 cells of performance-target tables
 * (FORMAT.md §5) and indicator values into exact thresholds, checks that
 * the four grades of one indicator are ordered, and grades actual values.
 * Input: one cell's text.  Output: a threshold (threshold.h), or a reason.
 */
#include "threshold.h"
#include "i18n.h"

#include "utf8.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* 18 digits always fit in int64_t (< 9.22e18), so scaling a remainder of up
 * to 18 decimals by a power of ten never overflows (threshold_num_compare). */
#define MAX_DIGITS 18
#define UNIT_MAX_CPS 10

/* 10^k for 0 ≤ k ≤ MAX_DIGITS. */
static int64_t pow10i(int k)
{
    int64_t p = 1;
    assert(k >= 0 && k <= MAX_DIGITS);
    while (k-- > 0)
        p *= 10;
    return p;
}

static const char *const grade_names[4] = {"优", "良", "中", "差"};

/* How an operator can be typed.  Longer spellings come before their
 * prefixes (">=" before ">", "超过" before "超"): the first match wins. */
typedef struct spelling {
    const char *text;
    threshold_op op;
} spelling;

static const spelling op_spellings[] = {
    {">=", THRESHOLD_GE},     {"＞＝", THRESHOLD_GE},   {"≥", THRESHOLD_GE},
    {"≧", THRESHOLD_GE},      {"⩾", THRESHOLD_GE},      {"≮", THRESHOLD_GE},
    {"<=", THRESHOLD_LE},     {"＜＝", THRESHOLD_LE},   {"≤", THRESHOLD_LE},
    {"≦", THRESHOLD_LE},      {"⩽", THRESHOLD_LE},      {"≯", THRESHOLD_LE},
    {">", THRESHOLD_GT},      {"＞", THRESHOLD_GT},     {"﹥", THRESHOLD_GT},
    {"<", THRESHOLD_LT},      {"＜", THRESHOLD_LT},     {"﹤", THRESHOLD_LT},
    {"=", THRESHOLD_EQ},      {"＝", THRESHOLD_EQ},     {"不低于", THRESHOLD_GE},
    {"不少于", THRESHOLD_GE}, {"不小于", THRESHOLD_GE}, {"至少", THRESHOLD_GE},
    {"不高于", THRESHOLD_LE}, {"不超过", THRESHOLD_LE}, {"不多于", THRESHOLD_LE},
    {"不大于", THRESHOLD_LE}, {"至多", THRESHOLD_LE},   {"最多", THRESHOLD_LE},
    {"超过", THRESHOLD_GT},   {"高于", THRESHOLD_GT},   {"大于", THRESHOLD_GT},
    {"多于", THRESHOLD_GT},   {"超", THRESHOLD_GT},     {"低于", THRESHOLD_LT},
    {"小于", THRESHOLD_LT},   {"少于", THRESHOLD_LT},
};

/* Words after the value.  In legal and administrative Chinese 以上, 以下 and
 * 以内 include the number itself (刑法 §99: “本法所称以上、以下、以内，包括
 * 本数”), so they read as ≥ and ≤. */
static const spelling word_spellings[] = {
    {"及以上", THRESHOLD_GE}, {"或以上", THRESHOLD_GE}, {"以上", THRESHOLD_GE},
    {"及以下", THRESHOLD_LE}, {"或以下", THRESHOLD_LE}, {"以下", THRESHOLD_LE},
    {"以内", THRESHOLD_LE},   {"之内", THRESHOLD_LE},
};

/* “About”: a target, but no boundary a value can be graded against. */
static const char about_word[] = "左右";

/* Words for an activity that was not carried out (seed 004: 未执行). */
static const char *const not_done_words[] = {"未执行", "未完成", "未开展",
                                             "未实施", "未启动", "未落实"};

/* ---- messages -------------------------------------------------------- */

static void say(char *why, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void say(char *why, size_t n, const char *fmt, ...)
{
    if (!why || n == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, n, _(fmt), ap);
    va_end(ap);
}

/* ---- code points ----------------------------------------------------- */

typedef struct parser {
    const char *base; /* the text as given: offsets count from here */
    const char *p;    /* next unread byte */
    const char *end;  /* end of the text without trailing spaces */
    threshold *out;
    char *why;
    size_t whylen;
} parser;

static int fail(parser *ps, const char *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records a failure at byte `at` and returns -1.  out is reset so that a
 * caller that ignores the status sees an empty threshold, not half a parse. */
static int fail(parser *ps, const char *at, const char *fmt, ...)
{
    memset(ps->out, 0, sizeof *ps->out);
    ps->out->kind = THRESHOLD_NONE;
    ps->out->at = (size_t)(at - ps->base);
    if (ps->why && ps->whylen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ps->why, ps->whylen, _(fmt), ap);
        va_end(ap);
    }
    return -1;
}

/* The code point at q (0 at the end) and its length in *len. */
static uint32_t peek(const parser *ps, const char *q, int *len)
{
    uint32_t cp = 0;
    if (q >= ps->end) {
        *len = 0;
        return 0;
    }
    *len = utf8_decode(q, (size_t)(ps->end - q), &cp);
    assert(*len > 0); /* the text was validated in threshold_parse() */
    return cp;
}

/* 0–9 for an ASCII or full-width digit, -1 otherwise. */
static int digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

static int is_minus(uint32_t cp)
{
    return cp == '-' || cp == 0xFF0D || cp == 0x2212; /* - － − */
}

static int is_plus(uint32_t cp)
{
    return cp == '+' || cp == 0xFF0B; /* + ＋ */
}

static int is_point(uint32_t cp)
{
    return cp == '.' || cp == 0xFF0E; /* . ． */
}

static int is_percent(uint32_t cp)
{
    return cp == '%' || cp == 0xFF05; /* % ％ */
}

/* Stray punctuation tolerated at the end of a cell (≥90%, in seed 004). */
static int is_punct(uint32_t cp)
{
    switch (cp) {
    case ',':
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
    case ';':
    case 0xFF1B: /* ； */
    case 0x3001: /* 、 */
    case '.':
    case 0xFF0E: /* ． */
        return 1;
    default:
        return 0;
    }
}

static int is_range_sep(uint32_t cp)
{
    switch (cp) {
    case '-':
    case 0xFF0D: /* － */
    case '~':
    case 0xFF5E: /* ～ */
    case 0x301C: /* 〜 */
    case 0x2014: /* — (seed 001: 2—3名) */
    case 0x2013: /* – */
    case 0x81F3: /* 至 */
    case 0x5230: /* 到 */
        return 1;
    default:
        return 0;
    }
}

static int is_open_paren(uint32_t cp)
{
    return cp == '(' || cp == 0xFF08; /* ( （ */
}

static int is_close_paren(uint32_t cp)
{
    return cp == ')' || cp == 0xFF09; /* ) ） */
}

/* 1 if cp is one of the code points of the UTF-8 string set. */
static int in_set(uint32_t cp, const char *set)
{
    uint32_t c;
    while ((c = utf8_next(&set)) != 0)
        if (c == cp)
            return 1;
    return 0;
}

/* Characters that cannot be part of a unit: they end it. */
static int is_unit_stop(uint32_t cp)
{
    return digit_value(cp) >= 0 || utf8_is_space(cp) || is_percent(cp) || is_punct(cp) ||
           is_range_sep(cp) || is_open_paren(cp) || is_close_paren(cp) || is_plus(cp) ||
           is_minus(cp) || in_set(cp, "<>=≥≧⩾≮≤≦⩽≯＞﹥＜﹤＝");
}

/* Chinese numerals, which the parser does not read (八个, 一个, 亿元以上). */
static int is_chinese_numeral(uint32_t cp)
{
    return in_set(cp, "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟");
}

/* Length of word if the text at q starts with it, else 0. */
static size_t starts_with(const parser *ps, const char *q, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(ps->end - q) >= n && memcmp(q, word, n) == 0)
        return n;
    return 0;
}

/* The spelling of table[] the text at q starts with, or NULL. */
static const spelling *match(const parser *ps, const char *q, const spelling *table, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (starts_with(ps, q, table[i].text))
            return &table[i];
    return NULL;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const spelling *match_op(const parser *ps, const char *q)
{
    return match(ps, q, op_spellings, NELEM(op_spellings));
}

static const spelling *match_word(const parser *ps, const char *q)
{
    return match(ps, q, word_spellings, NELEM(word_spellings));
}

static void skip_spaces(parser *ps)
{
    int len;
    while (ps->p < ps->end && utf8_is_space(peek(ps, ps->p, &len)))
        ps->p += len;
}

/* 1 if a number starts at q: a digit, or a sign and a digit. */
static int number_starts(const parser *ps, const char *q)
{
    int len, len2;
    uint32_t cp = peek(ps, q, &len);
    if (digit_value(cp) >= 0)
        return 1;
    if (len && (is_minus(cp) || is_plus(cp)))
        return digit_value(peek(ps, q + len, &len2)) >= 0;
    return 0;
}

/* End of the run of digits, points and separators starting at q, for
 * quoting the whole number in a message (1.2.3, a 30-digit number). */
static const char *number_run_end(const parser *ps, const char *q)
{
    int len;
    uint32_t cp = peek(ps, q, &len);
    if (len && (is_minus(cp) || is_plus(cp)))
        q += len;
    for (;;) {
        cp = peek(ps, q, &len);
        if (!len || (digit_value(cp) < 0 && !is_point(cp) && cp != ',' && cp != 0xFF0C))
            return q;
        q += len;
    }
}

/* 1 if the text at q is a thousands group: exactly three digits, then no
 * further digit (so 1,000 is a thousand but 90,5 is 90 and a stray ','). */
static int thousands_group(const parser *ps, const char *q)
{
    int len;
    for (int i = 0; i < 3; i++) {
        if (digit_value(peek(ps, q, &len)) < 0)
            return 0;
        q += len;
    }
    return digit_value(peek(ps, q, &len)) < 0;
}

/*
 * Reads a decimal number at ps->p into *num.  The sign, digits, at most one
 * point and thousands separators are as in money_parse(); more than
 * MAX_DIGITS significant digits or decimals is an overflow, never a rounding.
 */
static int parse_number(parser *ps, threshold_num *num)
{
    const char *start = ps->p, *q = ps->p;
    int len, neg = 0, in_frac = 0, sig = 0, decimals = 0;
    int first_group = 0; /* digits before the first separator */
    int group = -1;      /* digits since the last separator, -1: none yet */
    int64_t v = 0;
    uint32_t cp = peek(ps, q, &len);

    if (is_minus(cp) || is_plus(cp)) {
        neg = is_minus(cp);
        q += len;
    }
    for (;;) {
        cp = peek(ps, q, &len);
        int d = digit_value(cp);
        if (d >= 0) {
            /* Leading zeros are not significant: 0.05 is {5, 2}. */
            if ((v != 0 || d != 0) && ++sig > MAX_DIGITS) {
                const char *e = number_run_end(ps, start);
                return fail(ps, start, "number '%.*s' has more than %d significant digits",
                            (int)(e - start), start, MAX_DIGITS);
            }
            v = v * 10 + d;
            if (in_frac) {
                if (++decimals > MAX_DIGITS) {
                    const char *e = number_run_end(ps, start);
                    return fail(ps, start, "number '%.*s' has more than %d decimals",
                                (int)(e - start), start, MAX_DIGITS);
                }
            } else if (group >= 0) {
                group++;
            } else {
                first_group++;
            }
            q += len;
            continue;
        }
        if ((cp == ',' || cp == 0xFF0C) && !in_frac &&
            (group >= 0 ? group == 3 : first_group <= 3) && thousands_group(ps, q + len)) {
            group = 0;
            q += len;
            continue;
        }
        if (len && is_point(cp)) {
            /* A point touching the digits always belongs to the number:
             * 90. and 1.2.3 are errors, not a number and a full stop. */
            const char *e = number_run_end(ps, start);
            int dlen;
            if (in_frac)
                return fail(ps, q, "number '%.*s' has more than one decimal point",
                            (int)(e - start), start);
            if (digit_value(peek(ps, q + len, &dlen)) < 0)
                return fail(ps, q, "number '%.*s' ends with a decimal point", (int)(e - start),
                            start);
            in_frac = 1;
            q += len;
            continue;
        }
        break;
    }
    num->digits = neg ? -v : v;
    num->decimals = decimals;
    ps->p = q;
    return 0;
}

/*
 * Reads what follows a number: '%' (sets *percent) or a unit string up to
 * the next space, punctuation, operator, range separator, digit, trailing
 * word or 左右.  Nothing is fine (a count without unit: ≥10).
 */
static int parse_unit(parser *ps, int *percent, char unit[THRESHOLD_UNIT_MAX])
{
    int len, cps = 0;
    const char *q = ps->p;
    uint32_t cp = peek(ps, q, &len);

    *percent = 0;
    unit[0] = '\0';
    if (len && is_percent(cp)) {
        *percent = 1;
        q += len;
        if (is_percent(peek(ps, q, &len)))
            return fail(ps, q, "'%%' appears twice");
        ps->p = q;
        return 0;
    }
    while (q < ps->end && !match_word(ps, q) && !starts_with(ps, q, about_word)) {
        cp = peek(ps, q, &len);
        if (is_unit_stop(cp))
            break;
        q += len;
        cps++;
    }
    if (q == ps->p)
        return 0;
    if (cps > UNIT_MAX_CPS || (size_t)(q - ps->p) >= THRESHOLD_UNIT_MAX)
        return fail(ps, ps->p, "unit '%.*s' is longer than %d characters", (int)(q - ps->p), ps->p,
                    UNIT_MAX_CPS);
    memcpy(unit, ps->p, (size_t)(q - ps->p));
    unit[q - ps->p] = '\0';
    ps->p = q;
    return 0;
}

/* +1 for ≥ >, -1 for ≤ <, 0 for =. */
static int direction(threshold_op op)
{
    switch (op) {
    case THRESHOLD_GE:
    case THRESHOLD_GT:
        return 1;
    case THRESHOLD_LE:
    case THRESHOLD_LT:
        return -1;
    default:
        return 0;
    }
}

/*
 * Folds a word after the value (以上, 以下, …) into the operator typed
 * before it.  They must say the same thing: the word only ever adds a
 * direction and an inclusive boundary, never overrides the operator.
 */
static int fold_word(parser *ps, const char *op_at, const spelling *op, const char *word_at,
                     const spelling *word)
{
    int oplen = (int)strlen(op->text);
    if (op->op == word->op)
        return 0;
    if (op->op == THRESHOLD_EQ || direction(op->op) != direction(word->op))
        return fail(ps, word_at, "'%.*s' and '%s' contradict each other", oplen, op_at, word->text);
    return fail(ps, word_at, "'%.*s' excludes the number but '%s' includes it", oplen, op_at,
                word->text);
}

/* Reads the upper end of a range; lo's unit is already in ps->out. */
static int parse_range_end(parser *ps, const char *lo_at, const char *sep_at, int seplen)
{
    threshold *t = ps->out;
    int hi_percent;
    char hi_unit[THRESHOLD_UNIT_MAX];

    skip_spaces(ps);
    if (!number_starts(ps, ps->p))
        return fail(ps, ps->p, "range '%.*s' has no upper end", (int)(sep_at + seplen - lo_at),
                    lo_at);
    const char *hi_at = ps->p;
    if (parse_number(ps, &t->hi) != 0)
        return -1;
    skip_spaces(ps);
    const char *unit_at = ps->p;
    if (parse_unit(ps, &hi_percent, hi_unit) != 0)
        return -1;
    int lo_has = t->percent || t->unit[0], hi_has = hi_percent || hi_unit[0];
    int len = (int)(ps->p - lo_at);
    if (lo_has && !hi_has)
        return fail(ps, hi_at, "range '%.*s': the upper end has no unit but the lower end has", len,
                    lo_at);
    if (lo_has && (t->percent != hi_percent || strcmp(t->unit, hi_unit) != 0))
        return fail(ps, unit_at, "range '%.*s' has ends in different units", len, lo_at);
    /* 80-90% : the unit on the upper end applies to both. */
    t->percent = hi_percent;
    memcpy(t->unit, hi_unit, sizeof t->unit);
    if (threshold_num_compare(t->value, t->hi) >= 0)
        return fail(ps, lo_at, "range '%.*s' does not run from low to high", len, lo_at);
    t->kind = THRESHOLD_RANGE;
    t->op = THRESHOLD_EQ;
    return 0;
}

/* Parses the value part: [op] number [unit] [sep number [unit]] [word]. */
static int parse_value(parser *ps)
{
    threshold *t = ps->out;
    const spelling *op = match_op(ps, ps->p);
    const char *op_at = ps->p;
    int len;

    if (op) {
        ps->p += strlen(op->text);
        skip_spaces(ps);
        const spelling *op2 = match_op(ps, ps->p);
        if (op2)
            return fail(ps, ps->p, "two comparison operators: '%s' then '%s'", op->text, op2->text);
    }
    if (!number_starts(ps, ps->p)) {
        int rest = (int)(ps->end - ps->p);
        if (is_chinese_numeral(peek(ps, ps->p, &len)))
            return fail(ps, ps->p,
                        "'%.*s' starts with a Chinese numeral; write the number in digits", rest,
                        ps->p);
        if (op)
            return fail(ps, ps->p, "'%s' is not followed by a number", op->text);
        return fail(ps, ps->p, "expected a number, found '%.*s'", rest, ps->p);
    }
    const char *lo_at = ps->p;
    if (parse_number(ps, &t->value) != 0)
        return -1;
    skip_spaces(ps);
    if (parse_unit(ps, &t->percent, t->unit) != 0)
        return -1;
    skip_spaces(ps);

    uint32_t cp = peek(ps, ps->p, &len);
    if (len && is_range_sep(cp)) {
        const char *sep_at = ps->p;
        ps->p += len;
        if (op)
            return fail(ps, op_at, "'%s' cannot come before a range", op->text);
        if (parse_range_end(ps, lo_at, sep_at, len) != 0)
            return -1;
        skip_spaces(ps);
    }

    if (starts_with(ps, ps->p, about_word))
        return fail(ps, ps->p, "'%s' (about) gives no exact boundary", about_word);
    const spelling *word = match_word(ps, ps->p);
    if (word) {
        const char *word_at = ps->p;
        if (t->kind == THRESHOLD_RANGE)
            return fail(ps, word_at, "a range cannot end in '%s'", word->text);
        if (op && fold_word(ps, op_at, op, word_at, word) != 0)
            return -1;
        if (!op)
            op = word;
        ps->p += strlen(word->text);
    }
    if (t->kind == THRESHOLD_RANGE)
        return 0;
    if (!op || op->op == THRESHOLD_EQ) {
        /* A plain value means "= that value" (threshold.h): 7次 in the 良
         * column of seed 004 is exactly 7, not "at least 7". */
        t->kind = THRESHOLD_EXACT;
        t->op = THRESHOLD_EQ;
    } else {
        t->kind = THRESHOLD_COMPARE;
        t->op = op->op;
    }
    return 0;
}

int threshold_parse(const char *text, threshold *out, char *why, size_t whylen)
{
    parser ps = {text ? text : "", NULL, NULL, out, why, whylen};
    size_t n = strlen(ps.base), len;
    int cplen;

    memset(out, 0, sizeof *out);
    out->kind = THRESHOLD_NONE;
    out->op = THRESHOLD_EQ;
    size_t bad = utf8_invalid_at(ps.base, n);
    if (bad != (size_t)-1) {
        ps.end = ps.base + n;
        return fail(&ps, ps.base + bad, "invalid UTF-8");
    }
    ps.p = utf8_trim(ps.base, &len);
    ps.end = ps.p + len;
    if (len == 0)
        return 0; /* an empty cell: no threshold for this grade */

    const char *open = NULL;
    int open_len = 0;
    if (is_open_paren(peek(&ps, ps.p, &cplen))) {
        /* （20分）: seed 000 writes points in parentheses. */
        open = ps.p;
        open_len = cplen;
        ps.p += cplen;
        skip_spaces(&ps);
    }

    const char *done = NULL;
    for (size_t i = 0; i < NELEM(not_done_words) && !done; i++)
        if (starts_with(&ps, ps.p, not_done_words[i]))
            done = not_done_words[i];
    if (done) {
        out->kind = THRESHOLD_NOT_DONE;
        out->word = done;
        ps.p += strlen(done);
    } else if (parse_value(&ps) != 0) {
        return -1;
    }

    skip_spaces(&ps);
    if (open) {
        if (!is_close_paren(peek(&ps, ps.p, &cplen))) {
            if (ps.p == ps.end)
                return fail(&ps, open, "'%.*s' is not closed", open_len, open);
            return fail(&ps, ps.p, "unexpected '%.*s' after the value", (int)(ps.end - ps.p), ps.p);
        }
        ps.p += cplen;
        skip_spaces(&ps);
    }
    /* Stray punctuation at the end (≥90%, in seed 004) is harmless but
     * noted, so that the caller can warn and the table gets fixed. */
    while (ps.p < ps.end) {
        uint32_t cp = peek(&ps, ps.p, &cplen);
        if (is_punct(cp)) {
            if (!(out->notes & THRESHOLD_NOTE_PUNCT)) {
                out->notes |= THRESHOLD_NOTE_PUNCT;
                out->at = (size_t)(ps.p - ps.base);
            }
        } else if (!utf8_is_space(cp)) {
            break;
        }
        ps.p += cplen;
    }
    if (ps.p < ps.end)
        return fail(&ps, ps.p, "unexpected '%.*s' after the value", (int)(ps.end - ps.p), ps.p);
    return 0;
}

/* ---- comparison ------------------------------------------------------ */

int threshold_num_compare(threshold_num a, threshold_num b)
{
    int sa = (a.digits > 0) - (a.digits < 0), sb = (b.digits > 0) - (b.digits < 0);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (sa == 0)
        return 0;
    assert(a.decimals >= 0 && a.decimals <= MAX_DIGITS);
    assert(b.decimals >= 0 && b.decimals <= MAX_DIGITS);
    /* Compare magnitudes: integer parts first, then the fractions scaled to
     * the same number of decimals (< 10^18, so no overflow). */
    int64_t ma = a.digits < 0 ? -a.digits : a.digits, mb = b.digits < 0 ? -b.digits : b.digits;
    int64_t ia = ma / pow10i(a.decimals), ib = mb / pow10i(b.decimals);
    int c;
    if (ia != ib) {
        c = ia < ib ? -1 : 1;
    } else {
        int d = a.decimals > b.decimals ? a.decimals : b.decimals;
        int64_t fa = (ma % pow10i(a.decimals)) * pow10i(d - a.decimals);
        int64_t fb = (mb % pow10i(b.decimals)) * pow10i(d - b.decimals);
        c = (fa > fb) - (fa < fb);
    }
    return sa > 0 ? c : -c;
}

int threshold_compare_units(const threshold *a, const threshold *b)
{
    return a->percent == b->percent && strcmp(a->unit, b->unit) == 0;
}

int threshold_satisfied(const threshold *t, threshold_num v)
{
    int c = threshold_num_compare(v, t->value);
    switch (t->kind) {
    case THRESHOLD_EXACT:
        return c == 0;
    case THRESHOLD_RANGE:
        return c >= 0 && threshold_num_compare(v, t->hi) <= 0;
    case THRESHOLD_COMPARE:
        switch (t->op) {
        case THRESHOLD_GE:
            return c >= 0;
        case THRESHOLD_GT:
            return c > 0;
        case THRESHOLD_LE:
            return c <= 0;
        case THRESHOLD_LT:
            return c < 0;
        case THRESHOLD_EQ:
            return c == 0;
        }
        return 0;
    default:
        return 0;
    }
}

/* ---- formatting ------------------------------------------------------ */

/* Appends to out[*used..n), truncating; *used never passes n - 1. */
static void append(char *out, size_t n, size_t *used, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void append(char *out, size_t n, size_t *used, const char *fmt, ...)
{
    if (n == 0 || *used >= n - 1)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(out + *used, n - *used, fmt, ap);
    va_end(ap);
    if (k > 0)
        *used = (size_t)k >= n - *used ? n - 1 : *used + (size_t)k;
}

static void append_value(char *out, size_t n, size_t *used, threshold_num v, const threshold *t)
{
    int64_t m = v.digits < 0 ? -v.digits : v.digits;
    const char *sign = v.digits < 0 ? "-" : "";
    if (v.decimals == 0)
        append(out, n, used, "%s%lld", sign, (long long)m);
    else
        append(out, n, used, "%s%lld.%0*lld", sign, (long long)(m / pow10i(v.decimals)), v.decimals,
               (long long)(m % pow10i(v.decimals)));
    append(out, n, used, "%s", t->percent ? "%" : t->unit);
}

void threshold_format(const threshold *t, char *out, size_t n)
{
    static const char *const symbols[] = {"=", "≥", ">", "≤", "<"};
    size_t used = 0;
    if (n == 0)
        return;
    out[0] = '\0';
    switch (t->kind) {
    case THRESHOLD_NONE:
        break;
    case THRESHOLD_NOT_DONE:
        append(out, n, &used, "%s", t->word ? t->word : "未执行");
        break;
    case THRESHOLD_COMPARE:
        append(out, n, &used, "%s", symbols[t->op]);
        append_value(out, n, &used, t->value, t);
        break;
    case THRESHOLD_EXACT:
        append_value(out, n, &used, t->value, t);
        break;
    case THRESHOLD_RANGE:
        append_value(out, n, &used, t->value, t);
        append(out, n, &used, "～");
        append_value(out, n, &used, t->hi, t);
        break;
    }
}

/* ---- order of the four grades ---------------------------------------- */

static int has_value(const threshold *t)
{
    return t->kind == THRESHOLD_COMPARE || t->kind == THRESHOLD_RANGE || t->kind == THRESHOLD_EXACT;
}

/* "is in %", "is in 次" or "has no unit", for messages. */
static const char *unit_phrase(const threshold *t, char *buf, size_t n)
{
    if (t->percent)
        return _("is in %");
    if (!t->unit[0])
        return _("has no unit");
    snprintf(buf, n, _("is in %s"), t->unit);
    return buf;
}

/* The value a grade starts at, seen from the better side: a range's lower
 * end when higher is better, its upper end otherwise. */
static threshold_num boundary(const threshold *t, int dir)
{
    return t->kind == THRESHOLD_RANGE && dir < 0 ? t->hi : t->value;
}

int threshold_check_order(const threshold g[4], char *why, size_t n)
{
    char a[96], b[96], c[96], ua[64], ub[64];
    int last = -1;

    for (int i = 0; i < 4; i++)
        if (g[i].kind != THRESHOLD_NONE)
            last = i;
    if (last < 0)
        return 0; /* no thresholds at all: nothing to order */

    /* Empty cells only at the end; 未执行 only as the last, never as 优. */
    for (int i = 0; i < last; i++) {
        if (g[i].kind == THRESHOLD_NONE) {
            int j = i + 1;
            while (g[j].kind == THRESHOLD_NONE)
                j++;
            threshold_format(&g[j], b, sizeof b);
            say(why, n, "%s is empty but %s '%s' is not", grade_names[i], grade_names[j], b);
            return -1;
        }
        if (g[i].kind == THRESHOLD_NOT_DONE) {
            threshold_format(&g[i], a, sizeof a);
            threshold_format(&g[i + 1], b, sizeof b);
            say(why, n, "%s '%s' may only be the last grade, but %s '%s' follows it",
                grade_names[i], a, grade_names[i + 1], b);
            return -1;
        }
    }
    if (g[0].kind == THRESHOLD_NOT_DONE) {
        threshold_format(&g[0], a, sizeof a);
        say(why, n, "优 cannot be '%s'", a);
        return -1;
    }
    int nv = g[last].kind == THRESHOLD_NOT_DONE ? last : last + 1; /* grades with a value */

    for (int i = 1; i < nv; i++) {
        if (!threshold_compare_units(&g[0], &g[i])) {
            threshold_format(&g[0], a, sizeof a);
            threshold_format(&g[i], b, sizeof b);
            say(why, n, "优 '%s' %s but %s '%s' %s", a, unit_phrase(&g[0], ua, sizeof ua),
                grade_names[i], b, unit_phrase(&g[i], ub, sizeof ub));
            return -1;
        }
    }
    if (nv < 2)
        return 0;

    /* Which way is better: 优's operator if it has one, else the way the
     * values go from 优 to 良 (100% then ≥95%: higher is better). */
    int dir;
    if (g[0].kind == THRESHOLD_COMPARE) {
        dir = direction(g[0].op);
    } else {
        int cmp = threshold_num_compare(g[0].value, g[1].value);
        if (cmp != 0)
            dir = cmp > 0 ? 1 : -1;
        else if (g[1].kind == THRESHOLD_COMPARE)
            dir = -direction(g[1].op); /* 7次 then ＜7次: 良 is the complement */
        else
            dir = 1; /* equal plain values: reported as unordered below */
    }

    int complement = -1;
    for (int i = 1; i < nv; i++) {
        const threshold *prev = &g[i - 1], *cur = &g[i];
        threshold_format(prev, a, sizeof a);
        threshold_format(cur, b, sizeof b);
        if (complement >= 0) {
            say(why, n, "%s '%s' comes after the complement %s '%s'", grade_names[i], b,
                grade_names[complement], a);
            return -1;
        }
        if (cur->kind == THRESHOLD_COMPARE && direction(cur->op) == -dir) {
            /* The rest below (or above) the previous grade: 差 ＜70% after
             * 中 ≥70%.  Built and compared as a threshold so the message can
             * show the expected text. */
            threshold want = *prev;
            want.kind = THRESHOLD_COMPARE;
            want.value = boundary(prev, dir);
            if (prev->kind == THRESHOLD_COMPARE && prev->op == THRESHOLD_GT)
                want.op = THRESHOLD_LE;
            else if (prev->kind == THRESHOLD_COMPARE && prev->op == THRESHOLD_LT)
                want.op = THRESHOLD_GE;
            else
                want.op = dir > 0 ? THRESHOLD_LT : THRESHOLD_GT;
            if (cur->op != want.op || threshold_num_compare(cur->value, want.value) != 0) {
                threshold_format(&want, c, sizeof c);
                say(why, n, "%s '%s' does not complement %s '%s': expected '%s'", grade_names[i], b,
                    grade_names[i - 1], a, c);
                return -1;
            }
            complement = i;
            continue;
        }
        /* A lower grade must start strictly below the one above it, or it
         * could never be reached (first match wins in grading). */
        int cmp = threshold_num_compare(boundary(cur, dir), boundary(prev, dir));
        if (dir > 0 ? cmp >= 0 : cmp <= 0) {
            say(why, n, "%s '%s' is not %s than %s '%s' (%s is better here)", grade_names[i], b,
                dir > 0 ? _("lower") : _("higher"), grade_names[i - 1], a,
                dir > 0 ? _("higher") : _("lower"));
            return -1;
        }
    }
    return 0;
}

/* ---- grading --------------------------------------------------------- */

int threshold_grade(const threshold g[4], const char *actual_text, int *grade, char *why, size_t n)
{
    threshold act = {0}; /* written by threshold_parse; zeroed for cppcheck */
    char msg[160], a[96], b[96], ua[64], ub[64];

    *grade = -1;
    if (threshold_parse(actual_text, &act, msg, sizeof msg) != 0) {
        say(why, n, "actual value: %s", msg);
        return -1;
    }
    threshold_format(&act, a, sizeof a);
    switch (act.kind) {
    case THRESHOLD_NONE:
        say(why, n, "no actual value");
        return -1;
    case THRESHOLD_COMPARE:
    case THRESHOLD_RANGE:
        say(why, n, "actual value '%s' is a threshold, not a value", a);
        return -1;
    case THRESHOLD_NOT_DONE:
        for (int i = 0; i < 4; i++) {
            if (g[i].kind == THRESHOLD_NOT_DONE) {
                *grade = i;
                return 0;
            }
        }
        say(why, n, "actual value '%s' but no grade is '%s'", a, a);
        return -1;
    case THRESHOLD_EXACT:
        break;
    }

    int any = 0;
    for (int i = 0; i < 4; i++) {
        if (!has_value(&g[i]))
            continue;
        any = 1;
        if (!threshold_compare_units(&act, &g[i])) {
            threshold_format(&g[i], b, sizeof b);
            say(why, n, "actual value '%s' %s but %s '%s' %s", a, unit_phrase(&act, ua, sizeof ua),
                grade_names[i], b, unit_phrase(&g[i], ub, sizeof ub));
            return -1;
        }
    }
    if (!any) {
        say(why, n, "no thresholds to grade actual value '%s' against", a);
        return -1;
    }
    for (int i = 0; i < 4; i++) {
        if (threshold_satisfied(&g[i], act.value)) {
            *grade = i;
            return 0;
        }
    }
    say(why, n, "actual value '%s' meets no grade", a);
    return -1;
}
