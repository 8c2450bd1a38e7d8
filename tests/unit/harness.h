/*
 * A minimal unit-test harness.  Each test file defines test functions,
 * calls them from main() with RUN(name), and ends with return harness_end().
 * Every CHECK counts as one assertion; the file prints one line per failed
 * assertion and a closing "N passed, N failed" line for its assertions.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include <stdio.h>
#include <string.h>

static int h_passed, h_failed;
static const char *h_test = "";

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (cond) {                                                                                \
            h_passed++;                                                                            \
        } else {                                                                                   \
            h_failed++;                                                                            \
            printf("FAIL %s:%d: %s: %s\n", __FILE__, __LINE__, h_test, #cond);                     \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *g_ = (got), *w_ = (want);                                                      \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                                     \
            h_passed++;                                                                            \
        } else {                                                                                   \
            h_failed++;                                                                            \
            printf("FAIL %s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, h_test,        \
                   g_ ? g_ : "(null)", w_ ? w_ : "(null)");                                        \
        }                                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long g_ = (long long)(got), w_ = (long long)(want);                                   \
        if (g_ == w_) {                                                                            \
            h_passed++;                                                                            \
        } else {                                                                                   \
            h_failed++;                                                                            \
            printf("FAIL %s:%d: %s: got %lld, want %lld\n", __FILE__, __LINE__, h_test, g_, w_);   \
        }                                                                                          \
    } while (0)

#define RUN(fn)                                                                                    \
    do {                                                                                           \
        h_test = #fn;                                                                              \
        fn();                                                                                      \
    } while (0)

static inline int harness_end(void)
{
    printf("%d passed, %d failed\n", h_passed, h_failed);
    return h_failed ? 1 : 0;
}

#endif
