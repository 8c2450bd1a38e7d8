/*
 * libFuzzer target for gen/threshold.c (grade thresholds of performance
 * tables: ≥95%, 80%-90%, ＜6次, 未执行).  The input is split at newlines
 * into up to five cells: the grades 优 良 中 差 and an actual value.  Checks,
 * besides crashes and sanitizer reports:
 *   - a refused cell says why and points inside the text; a parsed one is
 *     well formed (kind and op agree, % has no unit string, a range is
 *     lo < hi, numbers within 18 digits and 18 decimals, valid UTF-8 unit);
 *   - threshold_format's canonical text parses back to the same threshold
 *     (what the document prints means what the table said);
 *   - comparison is antisymmetric and scale-independent (80 = 80.0);
 *   - a threshold is met by its own boundary where the op includes it;
 *   - when threshold_grade succeeds, the actual meets the grade it names
 *     and none before it.
 */
#include "fuzz_common.h"

#include "threshold.h"
#include "utf8.h"

#define MAX_DIGITS 999999999999999999LL /* 18 digits */

static void check_num(threshold_num v)
{
    FZ_ASSERT(v.decimals >= 0 && v.decimals <= 18);
    FZ_ASSERT(v.digits >= -MAX_DIGITS && v.digits <= MAX_DIGITS);
    FZ_ASSERT(threshold_num_compare(v, v) == 0);
    /* The same value at one more decimal compares equal (80 = 80.0). */
    if (v.decimals < 18 && v.digits > -MAX_DIGITS / 10 && v.digits < MAX_DIGITS / 10) {
        threshold_num w = {v.digits * 10, v.decimals + 1};
        FZ_ASSERT(threshold_num_compare(v, w) == 0 && threshold_num_compare(w, v) == 0);
    }
}

static void check_parsed(const char *text, int rc, const threshold *t, const char *why)
{
    if (rc != 0) {
        FZ_ASSERT(rc == -1 && t->kind == THRESHOLD_NONE);
        FZ_ASSERT(why[0] != '\0');
        FZ_ASSERT(t->at <= strlen(text));
        return;
    }
    FZ_ASSERT(memchr(t->unit, '\0', sizeof t->unit) != NULL);
    FZ_ASSERT(utf8_invalid_at(t->unit, strlen(t->unit)) == (size_t)-1);
    FZ_ASSERT(!t->percent || t->unit[0] == '\0');
    switch (t->kind) {
    case THRESHOLD_NONE:
        break;
    case THRESHOLD_NOT_DONE:
        FZ_ASSERT(t->word != NULL);
        break;
    case THRESHOLD_COMPARE:
        FZ_ASSERT(t->op == THRESHOLD_GE || t->op == THRESHOLD_GT || t->op == THRESHOLD_LE ||
                  t->op == THRESHOLD_LT);
        check_num(t->value);
        /* ≥v and ≤v are met by v itself, >v and <v are not. */
        FZ_ASSERT(threshold_satisfied(t, t->value) ==
                  (t->op == THRESHOLD_GE || t->op == THRESHOLD_LE));
        break;
    case THRESHOLD_EXACT:
        FZ_ASSERT(t->op == THRESHOLD_EQ);
        check_num(t->value);
        FZ_ASSERT(threshold_satisfied(t, t->value));
        break;
    case THRESHOLD_RANGE:
        FZ_ASSERT(t->op == THRESHOLD_EQ);
        check_num(t->value);
        check_num(t->hi);
        FZ_ASSERT(threshold_num_compare(t->value, t->hi) < 0);
        FZ_ASSERT(threshold_num_compare(t->hi, t->value) > 0);
        FZ_ASSERT(threshold_satisfied(t, t->value) && threshold_satisfied(t, t->hi));
        break;
    default:
        FZ_ASSERT(!"unknown kind");
    }
}

static int same(const threshold *a, const threshold *b)
{
    if (a->kind != b->kind)
        return 0;
    if (a->kind == THRESHOLD_NONE || a->kind == THRESHOLD_NOT_DONE)
        return 1;
    if (a->op != b->op || a->percent != b->percent || strcmp(a->unit, b->unit) != 0 ||
        threshold_num_compare(a->value, b->value) != 0)
        return 0;
    return a->kind != THRESHOLD_RANGE || threshold_num_compare(a->hi, b->hi) == 0;
}

/* The canonical text of t parses back to t. */
static void check_round_trip(const char *text, const threshold *t)
{
    char canon[256], why[160] = "";
    threshold u;
    threshold_format(t, canon, sizeof canon);
    int rc = threshold_parse(canon, &u, why, sizeof why);
    if (rc != 0 || !same(t, &u)) {
        fprintf(stderr, "\"%s\" → canonical \"%s\" → %s%s\n", text, canon,
                rc ? "refused: " : "a different threshold", rc ? why : "");
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 1024)
        return 0;
    char buf[1025];
    memcpy(buf, data, size);
    buf[size] = '\0';
    if (strlen(buf) != size) /* cells are C strings: no NUL inside */
        return 0;

    /* Up to five cells: 优 良 中 差 and an actual value. */
    char *cell[5] = {NULL};
    int n = 0;
    for (char *p = buf; n < 5;) {
        cell[n++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }

    threshold t[5];
    int ok[5] = {0};
    for (int i = 0; i < n; i++) {
        char why[160] = "";
        int rc = threshold_parse(cell[i], &t[i], why, sizeof why);
        check_parsed(cell[i], rc, &t[i], why);
        ok[i] = rc == 0;
        if (ok[i])
            check_round_trip(cell[i], &t[i]);
    }
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if (ok[i] && ok[j] && t[i].kind >= THRESHOLD_COMPARE && t[j].kind >= THRESHOLD_COMPARE)
                FZ_ASSERT(threshold_num_compare(t[i].value, t[j].value) ==
                          -threshold_num_compare(t[j].value, t[i].value));

    if (n < 4 || !(ok[0] && ok[1] && ok[2] && ok[3]))
        return 0;
    char why[160] = "";
    if (threshold_check_order(t, why, sizeof why) != 0)
        FZ_ASSERT(why[0] != '\0');
    if (n < 5)
        return 0;
    int grade = 7;
    why[0] = '\0';
    if (threshold_grade(t, cell[4], &grade, why, sizeof why) != 0) {
        FZ_ASSERT(grade == -1 && why[0] != '\0');
        return 0;
    }
    FZ_ASSERT(grade >= 0 && grade <= 3);
    /* The actual meets the grade named, and none before it. */
    if (ok[4] && t[4].kind == THRESHOLD_EXACT) {
        FZ_ASSERT(threshold_satisfied(&t[grade], t[4].value));
        for (int g = 0; g < grade; g++)
            FZ_ASSERT(!threshold_satisfied(&t[g], t[4].value));
    } else if (ok[4] && t[4].kind == THRESHOLD_NOT_DONE) {
        FZ_ASSERT(t[grade].kind == THRESHOLD_NOT_DONE);
    }
    return 0;
}
