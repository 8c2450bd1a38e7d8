/*
 * threshold — grade thresholds of performance-target tables (绩效目标表, the
 * 优 良 中 差 columns, FORMAT.md §5) and indicator values (指标值), parsed
 * exactly as people type them, checked for order, and used to grade an
 * actual value.  No floating point: numbers are scaled integers.
 */
#ifndef GEN_THRESHOLD_H
#define GEN_THRESHOLD_H

#include <stddef.h>
#include <stdint.h>

/*
 * An exact decimal: value = digits / 10^decimals, as typed (0.2 is {2, 1},
 * 80 is {80, 0}, 80.0 is {800, 1}; the latter two compare equal).  At most
 * 18 significant digits and 18 decimals, so every comparison is exact in
 * int64_t.  Negative values are allowed (a growth rate may be ≥-5%).
 */
typedef struct threshold_num {
    int64_t digits;
    int decimals;
} threshold_num;

typedef enum threshold_kind {
    THRESHOLD_NONE,     /* empty cell: no threshold for this grade */
    THRESHOLD_NOT_DONE, /* 未执行, 未完成, 未开展, 未实施, 未启动, 未落实 */
    THRESHOLD_COMPARE,  /* op value: ≥80%, ＜6次, 5000万元以上 */
    THRESHOLD_RANGE,    /* lo..hi, both ends included: 80%-90%, 2—3名 */
    THRESHOLD_EXACT     /* a plain value or =value: 7次, 100%, ＝3 */
} threshold_kind;

typedef enum threshold_op {
    THRESHOLD_EQ, /* = ＝, and every plain value */
    THRESHOLD_GE, /* ≥ ≧ ⩾ >= ＞＝ ≮, 不低于 不少于 不小于 至少, …以上 */
    THRESHOLD_GT, /* > ＞ ﹥, 超过 超 高于 大于 多于 */
    THRESHOLD_LE, /* ≤ ≦ ⩽ <= ＜＝ ≯, 不高于 不超过 不多于 不大于 至多 最多, …以下 以内 */
    THRESHOLD_LT  /* < ＜ ﹤, 低于 小于 少于 */
} threshold_op;

/* Bits of threshold.notes: tolerated oddities the caller should warn about. */
enum {
    THRESHOLD_NOTE_PUNCT = 1 /* stray trailing , ， 。 ; ； 、 . (≥90%,) */
};

#define THRESHOLD_UNIT_MAX 48 /* bytes, with the NUL; at most 10 code points */

typedef struct threshold {
    threshold_kind kind;
    threshold_op op;     /* COMPARE: GE GT LE LT; EXACT and RANGE: EQ */
    threshold_num value; /* COMPARE, EXACT: the value; RANGE: the lower end */
    threshold_num hi;    /* RANGE: the upper end */
    int percent;         /* the value is in % (then unit is "") */
    /* Anything typed after the number that is not %: 次 家 个 万元 亿美元
     * 个百分点 分 …, "" for none.  Compared as a string: 万元 and 亿元 are
     * different units and never converted. */
    char unit[THRESHOLD_UNIT_MAX];
    const char *word; /* NOT_DONE: the word as recognised (static string) */
    unsigned notes;   /* THRESHOLD_NOTE_* */
    /* Byte offset into the text: on failure, where the problem is; with
     * THRESHOLD_NOTE_PUNCT, where the stray punctuation starts.  The caller
     * turns it into a column with utf8_column() and adds file:line:col. */
    size_t at;
} threshold;

/*
 * Parses one cell.  Returns 0 and fills *out, or -1, sets out->kind to NONE
 * and out->at, and writes an English reason into why (whylen bytes; why may
 * be NULL).  text must be NUL-terminated; invalid UTF-8 is an error.
 *
 * The rules:
 *  - Empty or only spaces → NONE.  A NOT_DONE word alone → NOT_DONE.
 *  - [op] number [% | unit] [range-separator number [% | unit]] [word],
 *    optionally inside one pair of （） or (), e.g. （20分）.  Spaces are
 *    allowed between the parts, not inside the number.
 *  - Numbers: ASCII or full-width digits, one '.' or '．', thousands
 *    separators ',' '，' only between groups of exactly three digits, an
 *    optional sign - － − + ＋.  Chinese numerals (八个, 一个, 亿元以上) are
 *    rejected: write the number in digits.
 *  - A plain value (7次, 100%) is EXACT and means "= that value"; "≥" is
 *    never assumed.
 *  - Words after the value: 以上 及以上 或以上 mean ≥, 以下 及以下 或以下
 *    以内 之内 mean ≤ (they include the number, 刑法 §99 usage).  With an
 *    operator they must agree: ≥8次及以上 is ≥8次; ≥80%以下 (opposite),
 *    ＞5以上 (＞ excludes what 以上 includes) and =5以上 are errors.
 *  - 左右 ("about") is rejected: it gives no exact boundary.
 *  - Range separators: - － ~ ～ 〜 — – 至 到.  A unit on the upper end only
 *    applies to both (80-90%); ends in different units, a unit on the lower
 *    end only, lo ≥ hi, an operator or a word with a range are errors.
 *  - Stray trailing punctuation is accepted and flagged (THRESHOLD_NOTE_PUNCT).
 */
int threshold_parse(const char *text, threshold *out, char *why, size_t whylen);

/* Returns 1 if a and b are in the same unit (both %, the same unit string,
 * or both without unit), else 0.  Kinds are not looked at. */
int threshold_compare_units(const threshold *a, const threshold *b);

/* -1, 0 or 1 as a is below, equal to or above b, exactly. */
int threshold_num_compare(threshold_num a, threshold_num b);

/* Returns 1 if the value v (in t's unit, not checked here) meets t: COMPARE
 * by its op, EXACT by equality, RANGE lo ≤ v ≤ hi; NONE and NOT_DONE never. */
int threshold_satisfied(const threshold *t, threshold_num v);

/* Writes t in canonical form into out (n bytes): ≥80%, <6次, 7次,
 * 80%～90%, 未执行, "" for NONE.  Operators are written ≥ > ≤ < . */
void threshold_format(const threshold *t, char *out, size_t n);

/*
 * Checks the four grades g[0..3] = 优 良 中 差 of one indicator.  Returns 0,
 * or -1 with the first problem in why (n bytes).  The rules:
 *  - Empty grades may only come at the end (优 良 filled, 中 差 empty is
 *    fine); all four empty is fine.  NOT_DONE may only be the last filled
 *    grade, and not 优.
 *  - All grades with a value are in the same unit (threshold_compare_units).
 *  - Direction: 优's operator if it has one (≥ > higher is better, ≤ <
 *    lower is better); for a plain value or range in 优, whether 良's value
 *    is lower or higher (100% then ≥95%: higher is better; 7次 then ＜7次:
 *    良 is the complement, so higher is better).
 *  - The leading grades (ops of the direction, plain values, ranges) are
 *    strictly ordered by their boundary (the value; a range's lower end
 *    when higher is better, its upper end otherwise): an equal boundary
 *    would leave the lower grade unreachable.
 *  - At most one grade with the opposite op follows them: the complement of
 *    the grade before it, same value: ≥v → <v, >v → ≤v, plain v or a range
 *    v..w → <v (and ≤v → >v, <v → ≥v, v or u..v → >v).  After it only
 *    NOT_DONE may follow.
 * Gaps between a range and the grade above are not checked; grading
 * reports a value that meets no grade.
 */
int threshold_check_order(const threshold g[4], char *why, size_t n);

/*
 * Grades an actual value against g[0..3] = 优 良 中 差: parses actual_text,
 * which must be a plain value (85%, 9次, 0.25亿美元) or a NOT_DONE word, and
 * sets *grade to the first grade (0 优 … 3 差) it meets, boundaries exact
 * (80% meets ≥80%).  Returns 0, or -1 with the reason in why (n bytes): an
 * empty actual ("no actual value"), one that does not parse, an operator or
 * range in it, a unit that differs from any graded threshold, a NOT_DONE
 * actual with no NOT_DONE grade, or a value that meets no grade; *grade is
 * then -1.  The order of g is not checked here (threshold_check_order does
 * that), and a stray punctuation note on the actual is ignored.
 */
int threshold_grade(const threshold g[4], const char *actual_text, int *grade, char *why, size_t n);

#endif
