/*
 * Unit tests for linebreak (gen/linebreak.h).  A fake advance function makes
 * every expectation computable by hand: CJK and other non-ASCII = 10 units,
 * ASCII = 5, space = 3.  Expected lines are worked out in the comments; the
 * property test at the end breaks real paragraphs of seed 004 at every width
 * from 15 to 400 and checks the invariants instead of exact lines.
 */
#include "harness.h"
#include "linebreak.h"
#include "utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

static double fake_adv(void *ctx, uint32_t cp)
{
    int *calls = ctx;
    if (calls)
        (*calls)++;
    if (cp == ' ')
        return 3;
    if (cp < 0x80)
        return 5;
    return 10;
}

/* The bytes of one line as a string (a static buffer, overwritten). */
static const char *line_text(const char *text, const lb_line *l)
{
    static char buf[4096];
    size_t n = l->len < sizeof buf - 1 ? l->len : sizeof buf - 1;
    memcpy(buf, text + l->start, n);
    buf[n] = '\0';
    return buf;
}

/* Breaks text and checks the lines against want[] (NULL-terminated) and
 * their widths against widths[]; every line but the last is soft. */
static void expect_lines(const char *text, double first, double width, const char *const *want,
                         const double *widths)
{
    lb_line *l = NULL;
    size_t n = lb_break(text, first, width, fake_adv, NULL, &l);
    size_t nwant = 0;
    while (want[nwant])
        nwant++;
    CHECK_INT(n, nwant);
    for (size_t i = 0; i < n && i < nwant; i++) {
        CHECK_STR(line_text(text, &l[i]), want[i]);
        CHECK(l[i].width == widths[i]);
        CHECK_INT(l[i].hard, i + 1 == n);
    }
    free(l);
}

static void test_cjk_break(void)
{
    /* 10 ideographs of 10 at width 35: 3 per line (30), the 4th would
     * make 40. */
    const char *want[] = {"一二三", "四五六", "七八九", "十", NULL};
    const double w[] = {30, 30, 30, 10};
    expect_lines("一二三四五六七八九十", 35, 35, want, w);

    /* Exactly full lines stay full: width 30 gives the same lines. */
    expect_lines("一二三四五六七八九十", 30, 30, want, w);
}

static void test_no_closing_at_start(void)
{
    /* "一二三P四五" at width 30: the natural break after 一二三 (30) would
     * start line 2 with P, so 三 moves down with it: "一二" (20), then
     * "三P四" and "五".  Each closing mark is tried in turn. */
    static const char *const marks[] = {"，", "。", "、", "；", "：", "？", "！", "）",
                                        "”",  "》", "’",  "」", "…",  "%",  ",",  ".",
                                        ";",  ":",  "?",  "!",  ")",  NULL};
    for (int i = 0; marks[i]; i++) {
        char text[64];
        snprintf(text, sizeof text, "一二三%s四五", marks[i]);
        lb_line *l = NULL;
        size_t n = lb_break(text, 30, 30, fake_adv, NULL, &l);
        CHECK_INT(n, 3);
        CHECK_STR(line_text(text, &l[0]), "一二");
        CHECK(l[0].width == 20);
        CHECK_INT(l[1].start, 6);
        /* 三 + mark: 10 + 10 = 20 (full-width) or 10 + 5 = 15 (ASCII), then 四 */
        CHECK(strncmp(text + l[1].start, "三", 3) == 0);
        CHECK(l[1].width == (strlen(marks[i]) == 1 ? 25 : 30));
        free(l);
    }

    /* A chain of closing marks moves as a whole: 三。” = 30 cannot follow
     * 一二 (20) within 30, so line 1 is "一二". */
    const char *want[] = {"一二", "三。”", "四", NULL};
    const double w[] = {20, 30, 10};
    expect_lines("一二三。”四", 30, 30, want, w);
}

static void test_no_opening_at_end(void)
{
    /* "一二O三四" at width 30: 一二O is 30 and would end line 1 with the
     * opening mark O; it goes down with 三: "一二" (20), "O三四" (30). */
    static const char *const marks[] = {"（", "“", "《", "‘", "「", "【", "〔", NULL};
    for (int i = 0; marks[i]; i++) {
        char text[64];
        snprintf(text, sizeof text, "一二%s三四", marks[i]);
        lb_line *l = NULL;
        size_t n = lb_break(text, 30, 30, fake_adv, NULL, &l);
        CHECK_INT(n, 2);
        CHECK_STR(line_text(text, &l[0]), "一二");
        CHECK_INT(l[1].start, 6);
        CHECK(l[1].width == 30);
        free(l);
    }
    /* ASCII '(' is 5 wide: 一二( is 25, 三 would make 35 > 30; "(三四" = 25. */
    const char *want[] = {"一二", "(三四", NULL};
    const double w[] = {20, 25};
    expect_lines("一二(三四", 30, 30, want, w);
}

static void test_numbers_whole(void)
{
    /* 预 算 (20) + "72,899" (6 x 5 = 30) = 50 > 40: the number goes down
     * whole; "72,899万" is 40, 元 is left. */
    {
        const char *want[] = {"预算", "72,899万", "元", NULL};
        const double w[] = {20, 40, 10};
        expect_lines("预算72,899万元", 40, 40, want, w);
    }
    /* 同比下降 (40) + "11.1%。" (20 + 5 + 10 = 35) = 75.  At width 55 a
     * character breaker would keep "11." on line 1 (40 + 15 = 55);
     * at 70 it would keep "11.1%" (65) and start line 2 with 。. */
    {
        const char *want[] = {"同比下降", "11.1%。", NULL};
        const double w[] = {40, 35};
        expect_lines("同比下降11.1%。", 55, 55, want, w);
        expect_lines("同比下降11.1%。", 70, 70, want, w);
    }
    /* 目标值 (30) + "≥80%" (10 + 10 + 5 = 25) = 55 > 50: ≥ opens the number
     * and goes down with it: "≥80%以上" = 25 + 20 = 45. */
    {
        const char *want[] = {"目标值", "≥80%以上", NULL};
        const double w[] = {30, 45};
        expect_lines("目标值≥80%以上", 50, 50, want, w);
        /* the same for ＜ (full-width less-than) */
        const char *want2[] = {"目标值", "＜70%以上", NULL};
        expect_lines("目标值＜70%以上", 50, 50, want2, w);
    }
    /* "2020年" may break between 2020 and 年, never inside 2020:
     * at 40, 预算 (20) + 2020 (20) = 40 fits, 年 does not;
     * at 35, 预算2020 is 40 > 35, so 2020 goes down whole: "2020年" = 30,
     * and 度 would make 40. */
    {
        const char *want[] = {"预算2020", "年度", NULL};
        const double w[] = {40, 20};
        expect_lines("预算2020年度", 40, 40, want, w);
        const char *want2[] = {"预算", "2020年", "度", NULL};
        const double w2[] = {20, 30, 10};
        expect_lines("预算2020年度", 35, 35, want2, w2);
    }
    /* A ',' after a CJK character is punctuation, not part of "2020":
     * 年 (10) + "," (5) stick together, so line 2 cannot start with ','.
     * 一二三年 = 40, "," would make 45 > 40: "一二三" (30), "年,2020" (35). */
    {
        const char *want[] = {"一二三", "年,2020", NULL};
        const double w[] = {30, 35};
        expect_lines("一二三年,2020", 40, 40, want, w);
    }
}

static void test_seed_paragraphs(void)
{
    /*
     * Seed 004, 比上年增减情况, at width 100 (ten ideographs):
     *  1: 2020(20) 年部门预算收支安 (7 x 10) = 100; 排 would be 110.
     *  2: 排 10, 72899 +25 = 35, 万 45, 元， 65, 较 75, 2019 95; 年 105.
     *  3: 年预算增加 50, 10000 75, 万 85; "元，" stick together: 105 > 100,
     *     so 元 moves down with the comma (a plain breaker would keep 元
     *     at 95 and start line 4 with ，).
     *  4: 元，其中：基本支出减 = 100; 少 110.
     *  5: 少 10, 3590 30, 万 40, 元， 60, 项目支出 100; 增 110.
     *  6: 增加 20, 13600 45, 万 55, 元。 75.
     */
    const char *text = "2020年部门预算收支安排72899万元，较2019年预算增加10000万元，"
                       "其中：基本支出减少3590万元，项目支出增加13600万元。";
    const char *want[] = {"2020年部门预算收支安",
                          "排72899万元，较2019",
                          "年预算增加10000万",
                          "元，其中：基本支出减",
                          "少3590万元，项目支出",
                          "增加13600万元。",
                          NULL};
    const double w[] = {100, 95, 85, 100, 100, 75};
    expect_lines(text, 100, 100, want, w);

    /*
     * 三公: 因公出国经费2020年预算安排40万元，较上年度减少5万元，同比下降11.1%。
     * at width 60:
     *  1: 因公出国经费 60; 2020 would be 80.
     *  2: 2020 20, 年预算安 60; 排 70.
     *  3: 排 10, 40 20, 万 30, 元， 50, 较 60; 上 70.
     *  4: 上年度减少 50, 5 55; 万 65.
     *  5: 万 10, 元， 30, 同比下 60; 降 70.
     *  6: 降 10, 11.1%。 45.
     */
    const char *text2 = "因公出国经费2020年预算安排40万元，较上年度减少5万元，同比下降11.1%。";
    const char *want2[] = {"因公出国经费",
                           "2020年预算安",
                           "排40万元，较",
                           "上年度减少5",
                           "万元，同比下",
                           "降11.1%。",
                           NULL};
    const double w2[] = {60, 60, 60, 55, 60, 45};
    expect_lines(text2, 60, 60, want2, w2);
}

static void test_long_word(void)
{
    /* 16 letters (80) at width 22: 4 letters (20) per line. */
    {
        const char *want[] = {"abcd", "efgh", "ijkl", "mnop", NULL};
        const double w[] = {20, 20, 20, 20};
        expect_lines("abcdefghijklmnop", 22, 22, want, w);
    }
    /* Full-width letters are a Latin run too, 10 and 3 bytes each: at
     * width 25 two fit (20); lines start at bytes 0, 6, 12. */
    {
        const char *want[] = {"ＡＢ", "ＣＤ", "Ｅ", NULL};
        const double w[] = {20, 20, 10};
        expect_lines("ＡＢＣＤＥ", 25, 25, want, w);
    }
    /* "see www.czkfq.gov.cn now" at 40: see (15) + space (3) + the address
     * (16 x 5 = 80) does not fit, so "see"; the address alone is wider than
     * the line: 8 characters (40) per line; "now" would make 40+3+15. */
    {
        const char *text = "see www.czkfq.gov.cn now";
        lb_line *l = NULL;
        size_t n = lb_break(text, 40, 40, fake_adv, NULL, &l);
        CHECK_INT(n, 4);
        if (n == 4) {
            CHECK_INT(l[0].start, 0);
            CHECK_INT(l[0].len, 3);
            CHECK_INT(l[1].start, 4);
            CHECK_INT(l[1].len, 8);
            CHECK_INT(l[2].start, 12);
            CHECK_INT(l[2].len, 8);
            CHECK_INT(l[3].start, 21);
            CHECK_INT(l[3].len, 3);
            CHECK(l[1].width == 40 && l[2].width == 40 && l[3].width == 15);
        }
        free(l);
    }
    /* Inside a too-wide piece the cut avoids a closing mark at the line
     * start: "abcdefg" fills 35, but "." would start line 2, so the cut
     * moves back one letter: "abcdef" (30), "g.hij" (25). */
    {
        const char *want[] = {"abcdef", "g.hij", NULL};
        const double w[] = {30, 25};
        expect_lines("abcdefg.hij", 35, 35, want, w);
    }
    /* "（1）" (25) at 15 cannot obey both rules; the fullest cut is kept:
     * "（1" (15), "）" (10). */
    {
        const char *want[] = {"（1", "）", NULL};
        const double w[] = {15, 10};
        expect_lines("（1）", 15, 15, want, w);
    }
    /* "（ 一" is one piece (an opening mark holds across a space), 23 wide.
     * At 15 the cut falls after the space: line 1 is "（" alone (10; the
     * space is dropped, not counted), line 2 "一" at byte 4. */
    {
        const char *want[] = {"（", "一", NULL};
        const double w[] = {10, 10};
        expect_lines("（ 一", 15, 15, want, w);
    }
}

static void test_newline(void)
{
    {
        /* both lines hard; line 2 starts after the '\n' at byte 6 */
        const char *want[] = {"一二", "三四", NULL};
        const double w[] = {20, 20};
        const char *text = "一二\n三四";
        lb_line *l = NULL;
        size_t n = lb_break(text, 100, 100, fake_adv, NULL, &l);
        CHECK_INT(n, 2);
        for (size_t i = 0; i < n && i < 2; i++) {
            CHECK_STR(line_text(text, &l[i]), want[i]);
            CHECK(l[i].width == w[i]);
            CHECK_INT(l[i].hard, 1);
        }
        CHECK_INT(l[1].start, 7);
        free(l);
    }
    {
        /* an empty line between two '\n'; a '\n' inside a long paragraph
         * forces a hard line in the middle of soft ones */
        const char *text = "一\n\n二三四\n五";
        lb_line *l = NULL;
        size_t n = lb_break(text, 20, 20, fake_adv, NULL, &l);
        /* 一 | (empty) | 二三 | 四 | 五 */
        CHECK_INT(n, 5);
        if (n == 5) {
            CHECK_INT(l[0].hard, 1);
            CHECK_INT(l[1].len, 0);
            CHECK_INT(l[1].start, 4);
            CHECK_INT(l[1].hard, 1);
            CHECK_STR(line_text(text, &l[2]), "二三");
            CHECK_INT(l[2].hard, 0);
            CHECK_STR(line_text(text, &l[3]), "四");
            CHECK_INT(l[3].hard, 1);
            CHECK_STR(line_text(text, &l[4]), "五");
            CHECK_INT(l[4].hard, 1);
        }
        free(l);
    }
    {
        /* trailing '\n': the text after it is an empty last line */
        lb_line *l = NULL;
        size_t n = lb_break("一\n", 20, 20, fake_adv, NULL, &l);
        CHECK_INT(n, 2);
        if (n == 2)
            CHECK(l[1].len == 0 && l[1].start == 4 && l[1].hard == 1);
        free(l);
    }
}

static void test_first_width(void)
{
    /* first line 20 (an indent of 10 in a 30 box): 一二 (20), then 3 per line */
    const char *want[] = {"一二", "三四五", "六七八", NULL};
    const double w[] = {20, 30, 30};
    expect_lines("一二三四五六七八", 20, 30, want, w);
    /* and wider first line: 一二三四 (40), then 五六 (20) per line */
    const char *want2[] = {"一二三四", "五六", "七八", NULL};
    const double w2[] = {40, 20, 20};
    expect_lines("一二三四五六七八", 40, 20, want2, w2);
}

static void test_spaces(void)
{
    {
        /* "ab cd ef" at 30: ab 10, space 13, cd 23, space 26, ef 36 > 30:
         * line 1 is "ab cd" (23, len 5: the trailing space excluded), line 2
         * starts at byte 6. */
        const char *text = "ab cd ef";
        lb_line *l = NULL;
        size_t n = lb_break(text, 30, 30, fake_adv, NULL, &l);
        CHECK_INT(n, 2);
        CHECK_INT(l[0].start, 0);
        CHECK_INT(l[0].len, 5);
        CHECK(l[0].width == 23);
        CHECK_INT(l[1].start, 6);
        CHECK_INT(l[1].len, 2);
        CHECK(l[1].width == 10);
        free(l);
    }
    {
        /* trailing and leading spaces of the paragraph are dropped */
        const char *text = "  ab   ";
        lb_line *l = NULL;
        size_t n = lb_break(text, 30, 30, fake_adv, NULL, &l);
        CHECK_INT(n, 1);
        CHECK_INT(l[0].start, 2);
        CHECK_INT(l[0].len, 2);
        CHECK(l[0].width == 10 && l[0].hard == 1);
        free(l);
    }
    {
        /* a space run does not count against the line it ends: "abcd" (20)
         * + 3 spaces = 29 + "ef" would be 39 > 30; the spaces are dropped */
        const char *text = "abcd   ef";
        lb_line *l = NULL;
        size_t n = lb_break(text, 20, 20, fake_adv, NULL, &l);
        CHECK_INT(n, 2);
        CHECK_INT(l[0].len, 4);
        CHECK(l[0].width == 20);
        CHECK_INT(l[1].start, 7);
        free(l);
    }
    {
        /* an inner space is kept in the width: "a b" = 5 + 3 + 5 */
        lb_line *l = NULL;
        size_t n = lb_break("a b", 100, 100, fake_adv, NULL, &l);
        CHECK_INT(n, 1);
        CHECK(l[0].len == 3 && l[0].width == 13);
        free(l);
    }
}

static void test_degenerate(void)
{
    lb_line *l = NULL;
    size_t n = lb_break("", 100, 100, fake_adv, NULL, &l);
    CHECK_INT(n, 1);
    CHECK(l[0].start == 0 && l[0].len == 0 && l[0].width == 0 && l[0].hard == 1);
    free(l);

    /* only spaces: one empty line, inside the text */
    n = lb_break("   ", 100, 100, fake_adv, NULL, &l);
    CHECK_INT(n, 1);
    CHECK(l[0].len == 0 && l[0].width == 0 && l[0].hard == 1 && l[0].start <= 3);
    free(l);

    /* a character wider than the line still gets its own line */
    {
        const char *want[] = {"一", "二", NULL};
        const double w[] = {10, 10};
        expect_lines("一二", 5, 5, want, w);
    }
    /* width <= 0 (or NaN): one character per line, spaces still dropped */
    {
        const char *want[] = {"一", "二", "三", NULL};
        const double w[] = {10, 10, 10};
        expect_lines("一二三", 0, 0, want, w);
        expect_lines("一二三", -5, -5, want, w);
        expect_lines("一二三", NAN, NAN, want, w);
        const char *want2[] = {"a", "b", NULL};
        const double w2[] = {5, 5};
        expect_lines("a b", 0, 0, want2, w2);
    }
    /* a zero first width only affects line 1 */
    {
        const char *want[] = {"一", "二三四", NULL};
        const double w[] = {10, 30};
        expect_lines("一二三四", 0, 30, want, w);
    }
}

static void test_measure(void)
{
    /* "一a b" = 10 + 5 + 3 + 5; 一 alone is its 3 bytes */
    CHECK(lb_measure("一a b", 6, fake_adv, NULL) == 23);
    CHECK(lb_measure("一a b", 3, fake_adv, NULL) == 10);
    CHECK(lb_measure("一a b", 0, fake_adv, NULL) == 0);
}

static void test_min_width(void)
{
    /* pieces: 预 算 (10), "72,899" (30), 万 元 (10) */
    CHECK(lb_min_width("预算72,899万元", fake_adv, NULL) == 30);
    /* "11.1%。" = 20 + 5 + 10 */
    CHECK(lb_min_width("同比下降11.1%。", fake_adv, NULL) == 35);
    /* "≥80%" = 25; "（1）" = 25 beats "务。" = 20 */
    CHECK(lb_min_width("目标值≥80%", fake_adv, NULL) == 25);
    CHECK(lb_min_width("（1） 政务服务。", fake_adv, NULL) == 25);
    /* “三 and 公” are 20 each */
    CHECK(lb_min_width("“三公”经费", fake_adv, NULL) == 20);
    /* spaces are not part of a piece: "abc" = 15 */
    CHECK(lb_min_width("  abc def  ", fake_adv, NULL) == 15);
    CHECK(lb_min_width("", fake_adv, NULL) == 0);
    CHECK(lb_min_width("   ", fake_adv, NULL) == 0);
    CHECK(lb_min_width("一\n二", fake_adv, NULL) == 10);

    /* At the minimum width no line is wider than the width, and nothing
     * narrower avoids an overfull or broken piece: at 34 "11.1%。" must be
     * cut inside. */
    const char *text = "同比下降11.1%。";
    lb_line *l = NULL;
    size_t n = lb_break(text, 35, 35, fake_adv, NULL, &l);
    int ok = 1;
    for (size_t i = 0; i < n; i++)
        ok &= l[i].width <= 35;
    CHECK(ok);
    CHECK_STR(line_text(text, &l[n - 1]), "11.1%。");
    free(l);
}

static void test_linear(void)
{
    /* A 100000-letter word at 50 (10 letters per line) and 50000 ideographs
     * at 100 (10 per line).  A quadratic breaker would take minutes; the
     * advance function must be called once per code point. */
    size_t nw = 100000;
    char *word = malloc(nw + 1);
    memset(word, 'a', nw);
    word[nw] = '\0';
    int calls = 0;
    lb_line *l = NULL;
    size_t n = lb_break(word, 50, 50, fake_adv, &calls, &l);
    CHECK_INT(n, 10000);
    CHECK_INT(calls, (long long)nw);
    CHECK(l[n - 1].start == nw - 10 && l[n - 1].len == 10 && l[n - 1].hard);
    free(l);
    free(word);

    size_t nc = 50000;
    char *cjk = malloc(3 * nc + 1);
    for (size_t i = 0; i < nc; i++)
        memcpy(cjk + 3 * i, "字", 3);
    cjk[3 * nc] = '\0';
    n = lb_break(cjk, 100, 100, fake_adv, NULL, &l);
    CHECK_INT(n, 5000);
    free(l);
    free(cjk);
}

/*
 * Property check.  The test's own, deliberately smaller, notion of what
 * must stay together: closing marks stick to what precedes them, opening
 * marks to what follows, ASCII letters and digits to each other, ',' '.'
 * inside a word or number, and a comparison sign to its digit.  It must
 * never glue more than linebreak.c does, or the checks below would demand
 * breaks that the breaker rightly refuses.  A line boundary
 * inside such a group is allowed only if the group is wider than the line.
 */
typedef struct tcp {
    size_t off;
    uint32_t cp;
} tcp;

static int t_forbidden_start(uint32_t cp)
{
    static const char *set = "，。、；：？！）”’》」』】〕…%,.;:?!)]}";
    char buf[5] = {0};
    int k = utf8_encode(cp, buf);
    buf[k] = '\0';
    return strstr(set, buf) != NULL;
}

static int t_opening(uint32_t cp)
{
    static const char *set = "（“‘《「『【〔([{";
    char buf[5] = {0};
    int k = utf8_encode(cp, buf);
    buf[k] = '\0';
    return strstr(set, buf) != NULL;
}

static int t_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static int t_alnum(uint32_t cp)
{
    return t_digit(cp) || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static int t_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == 0x3000;
}

/* Must the boundary between c[k-1] and c[k] not be broken? */
static int t_glued(const tcp *c, size_t k)
{
    uint32_t a = c[k - 1].cp, b = c[k].cp;
    if (t_space(a) || t_space(b))
        return 0;
    if (t_forbidden_start(b) || t_opening(a))
        return 1;
    if (t_alnum(a) && t_alnum(b))
        return 1;
    /* "72,899", "11.1", and "gov.cn" (no break after a dot inside a word) */
    if ((a == '.' || a == ',') && t_alnum(b) && k >= 2 && t_alnum(c[k - 2].cp))
        return 1;
    if ((a == 0x2265 || a == 0x2264 || a == 0xFF1C || a == 0xFF1E) && t_digit(b))
        return 1;
    return 0;
}

static double t_sum(const tcp *c, size_t a, size_t b)
{
    double w = 0;
    for (size_t i = a; i < b; i++)
        w += fake_adv(NULL, c[i].cp);
    return w;
}

static int report_once(int *reported, const char *text, double first, double width, size_t line,
                       const char *what)
{
    if (!*reported)
        printf("  property: %s at width %g/%g, line %zu of \"%.60s...\"\n", what, first, width,
               line, text);
    *reported = 1;
    return 1;
}

/* Returns the number of violated invariants for text at (first, width). */
static int check_properties(const char *text, double first, double width)
{
    size_t total = strlen(text);
    tcp *c = malloc((total + 1) * sizeof *c);
    long *at = malloc((total + 1) * sizeof *at); /* byte -> code point index */
    size_t n = 0;
    for (size_t i = 0; i <= total; i++)
        at[i] = -1;
    for (size_t i = 0; i < total;) {
        uint32_t cp;
        int k = utf8_decode(text + i, total - i, &cp);
        if (k == 0)
            abort(); /* the seeds are valid UTF-8 */
        c[n].off = i, c[n].cp = cp;
        at[i] = (long)n++;
        i += (size_t)k;
    }
    at[total] = (long)n;

    lb_line *l = NULL;
    size_t nl = lb_break(text, first, width, fake_adv, NULL, &l);
    int bad = 0, rep = 0;
    size_t prev_end = 0;
    if (nl < 1)
        bad += report_once(&rep, text, first, width, 0, "no line");
    for (size_t i = 0; i < nl; i++) {
        const lb_line *L = &l[i];
        double avail = i == 0 ? first : width;
        size_t end = L->start + L->len;
        if (L->start < prev_end || end > total) {
            bad += report_once(&rep, text, first, width, i, "order");
            break;
        }
        if (at[L->start] < 0 || at[end] < 0) {
            bad += report_once(&rep, text, first, width, i, "split UTF-8");
            break;
        }
        /* between lines only spaces, and a '\n' exactly after hard lines */
        int newlines = 0;
        for (long k = at[prev_end]; k < at[L->start]; k++) {
            if (!t_space(c[k].cp))
                bad += report_once(&rep, text, first, width, i, "byte lost");
            newlines += c[k].cp == '\n';
        }
        if (i > 0 && newlines != (l[i - 1].hard ? 1 : 0))
            bad += report_once(&rep, text, first, width, i, "hard flag / newline");
        long a = at[L->start], b = at[end];
        for (long k = a; k < b; k++)
            if (c[k].cp == '\n')
                bad += report_once(&rep, text, first, width, i, "newline inside a line");
        if (b > a && (t_space(c[a].cp) || t_space(c[b - 1].cp)))
            bad += report_once(&rep, text, first, width, i, "space at line edge");
        if (L->width != lb_measure(text + L->start, L->len, fake_adv, NULL) ||
            L->width != t_sum(c, (size_t)a, (size_t)b))
            bad += report_once(&rep, text, first, width, i, "width");
        if (!(L->width <= avail) && b - a != 1)
            bad += report_once(&rep, text, first, width, i, "overfull");

        /* the boundary to the next soft line */
        if (i + 1 < nl && !L->hard && b > a) {
            long f = at[l[i + 1].start];
            if (f == b && t_glued(c, (size_t)f)) {
                /* forced: the glued group must be wider than the line */
                size_t lo = (size_t)f - 1, hi = (size_t)f;
                while (lo > 0 && t_glued(c, lo))
                    lo--;
                while (hi + 1 < n && t_glued(c, hi + 1))
                    hi++;
                if (t_sum(c, lo, hi + 1) <= avail)
                    bad += report_once(&rep, text, first, width, i, "kinsoku or run split");
            } else if (f < (long)n) {
                /* greedy: the next group did not fit after the spaces */
                size_t hi = (size_t)f;
                while (hi + 1 < n && t_glued(c, hi + 1))
                    hi++;
                double need =
                    L->width + t_sum(c, (size_t)b, (size_t)f) + t_sum(c, (size_t)f, hi + 1);
                if (need <= avail)
                    bad += report_once(&rep, text, first, width, i, "line not full");
            }
        }
        prev_end = end;
    }
    if (nl > 0 && !l[nl - 1].hard)
        bad += report_once(&rep, text, first, width, nl, "last line soft");
    for (long k = at[prev_end]; k < (long)n; k++)
        if (!t_space(c[k].cp) || c[k].cp == '\n')
            bad += report_once(&rep, text, first, width, nl, "tail lost");
    free(l);
    free(at);
    free(c);
    return bad;
}

/* Paragraphs of seed 004 (as extracted, with their leading spaces) and the
 * cangzhou-2020 inputs, plus mixed text that the seeds lack. */
static const char *const paragraphs[] = {
    " 2020年部门预算收支安排72899万元，较2019年预算增加10000万元，其中：基本支出减少3590万元，"
    "项目支出增加13600万元。基本支出的减少主要是落实中央关于压减一般性支出的精神，大力压减我区一般"
    "性"
    "支出；项目支出的增加主要是落实市委、市政府和党工委、管委会拟定的2020年的重点项目。",
    "车辆运行费2020年预算安排70万元，与上年持平；车辆购置费2020年预算安排60万元，与上年持平；"
    "公务接待费2020年预算安排70万元，与上年持平；因公出国经费2020年预算安排40万元，较上年度减少5万"
    "元，同比下降11.1%。",
    "   2020年，沧州经济开发区管理委员会安排“三公经费”240万元，较2019年下降2%。",
    "（10） "
    "科技创新项目支撑。获得一批重要原始创新成果，培养一批高层次科技人才和创新团队，提升我区基"
    "础研究能力。为产业转型升级、现代农业建设、和谐宜居环境创建和民生改善提供创新支撑；提升科技开放"
    "与合作的水平，提高科技成果转化和产业化能力，促进京津冀科技协同创新。",
    "其主要职责是：编制辖区的总体规划和经济、社会发展规划，经批准后组织实施；负责辖区环境保护和安全"
    "生产监督管理工作；负责辖区教育，文化， 人口和计划生育等社会事务管理工作，维护社会维定。",
    "加大我区工业转型升级步伐，实施“中国制造020205”，加快制造强区建设，提升工业发展的质量和效益。"
    "提升行业管理水平，促进行业健康发展。实施“互联网+”计划，提升全区信息化建设和发展水平",
    "年度内已按期办结的案件数量占案件总数的比例：优≥80%，良≥75%，中≥70%，差＜70%。组织开展主题"
    "宣传教育活动（次）；绿化养护面积（平方米）。",
    "2020年全年预计收入72,899万元，其中：财政拨款收入72,899万元（占100%），较上年增加0.2亿元；"
    "详见《沧州经济开发区2020年部门预算》和www.czkfq.gov.cn, see Table 3 (p. 12).",
    "一、部门主要职责\n  （一）编制规划；审批或审核辖区固定资产投资项目。\n\n其主要职责是：编制辖区"
    "区域性城市发展规划、国土利用规划，经批准后组织实施。\n",
};

static void test_properties(void)
{
    for (size_t p = 0; p < sizeof paragraphs / sizeof *paragraphs; p++) {
        int bad = 0;
        for (int w = 15; w <= 400; w++) {
            bad += check_properties(paragraphs[p], w, w);
            bad += check_properties(paragraphs[p], w - 20, w); /* first-line indent */
            bad += check_properties(paragraphs[p], w + 20, w);
        }
        CHECK_INT(bad, 0);

        /* at its minimum width a paragraph breaks without an overfull line */
        double mw = lb_min_width(paragraphs[p], fake_adv, NULL);
        lb_line *l = NULL;
        size_t n = lb_break(paragraphs[p], mw, mw, fake_adv, NULL, &l);
        int over = 0;
        for (size_t i = 0; i < n; i++)
            over += l[i].width > mw;
        CHECK_INT(over, 0);
        free(l);
    }
}

/* Centred titles (lb_break_title): broken at a title's own points, into
 * balanced lines, never inside a number. */
static void title_is(const char *text, double width, const char *const *want)
{
    lb_line *l = NULL;
    size_t n = lb_break_title(text, width, width, fake_adv, NULL, &l);
    size_t nwant = 0;
    while (want[nwant])
        nwant++;
    CHECK_INT(n, nwant);
    for (size_t i = 0; i < n && i < nwant; i++) {
        CHECK_STR(line_text(text, &l[i]), want[i]);
        CHECK(l[i].width <= width);
    }
    CHECK(n > 0 && l[n - 1].hard); /* and the lines a '\n' ends */
    free(l);
}

static void test_title(void)
{
    /* 附表：甲乙丙丁戊己庚辛壬癸2020年部门预算公开表: 3 + 10 + 4 digits (20)
     * + 年 + 7 = 260 wide; at 200 the greedy break falls inside 部门 */
    const char *t = "附表：甲乙丙丁戊己庚辛壬癸2020年部门预算公开表";
    title_is(t, 200, (const char *const[]){"附表：甲乙丙丁戊己庚辛壬癸2020年", "部门预算公开表", NULL});
    /* wide enough for all: one line */
    title_is(t, 300, (const char *const[]){t, NULL});
    /* no title point fits: 12 ideographs at width 100 balance as 6 + 6,
     * not 10 + 2 */
    title_is("甲乙丙丁戊己庚辛壬癸子丑", 100,
             (const char *const[]){"甲乙丙丁戊己", "庚辛壬癸子丑", NULL});
    /* after ： rather than mid-word, and a year's 年 only after digits */
    title_is("表一：部门收支总表", 60, (const char *const[]){"表一：", "部门收支总表", NULL});
    /* 2020 is never split; '\n' forces a break */
    title_is("甲乙\n丙丁", 100, (const char *const[]){"甲乙", "丙丁", NULL});
    /* a narrower first line (a heading's indent): only 80 wide, so the
     * break after 年 cannot be used; the one after ：is, the rest (200)
     * fits the other lines */
    lb_line *f = NULL;
    size_t nf = lb_break_title(t, 80, 200, fake_adv, NULL, &f);
    CHECK_INT(nf, 2);
    if (nf == 2) {
        CHECK_STR(line_text(t, &f[0]), "附表：");
        CHECK(f[1].width <= 200);
    }
    free(f);
    /* a run wider than the width: lb_break's emergency cut */
    lb_line *l = NULL;
    size_t n = lb_break_title("ABCDEFGHIJ", 20, 20, fake_adv, NULL, &l);
    CHECK(n >= 3);
    free(l);
}

int main(void)
{
    RUN(test_cjk_break);
    RUN(test_no_closing_at_start);
    RUN(test_no_opening_at_end);
    RUN(test_numbers_whole);
    RUN(test_seed_paragraphs);
    RUN(test_long_word);
    RUN(test_newline);
    RUN(test_first_width);
    RUN(test_spaces);
    RUN(test_degenerate);
    RUN(test_measure);
    RUN(test_min_width);
    RUN(test_linear);
    RUN(test_properties);
    RUN(test_title);
    return harness_end();
}
