/*
 * Unit tests for gen/audit.c: the self-audit of typed text.  A department
 * made by hand (2021; 收入总计 and 支出总计 26,341.19 万元, 基本支出 16,356,
 * 项目支出 9,985.19, “三公” 合计 65.95 and 公务接待费 8.15), a word list
 * written here (the shipped templates/audit.txt is only checked to parse),
 * and sentences each with the exact messages expected, or none: the near
 * misses (a year in a comparison, 100%, 3个, a code, a date, a figure of
 * another year, 一般公共预算基本支出) must not warn.
 */
#include "fixture.h"
#include "harness.h"

#include "audit.h"
#include "textio.h"

#define WAN(x) ((money)((x)*1000000.0 + ((x) >= 0 ? 0.5 : -0.5)))

static const char WORDS[] = "# a list as a region writes it\n"
                            "[placeholders]\nXX\n××\n某某\n待填写\n（略）\n□\n"
                            "[instructions]\n请填写\n（根据实际情况填写）\n示例：\n"
                            "[this-year]\n部门预算\n预算安排\n"
                            "[other-year]\n上年\n较\n比\n执行\n"
                            "[change]\n增加\n减少\n"
                            "[share]\n占\n比重\n"
                            "[link]\n为\n预算\n合计\n:\n"
                            "[before]\n其中\n"
                            "[figures]\n“三公”经费 = 三公合计\n购置费 = -\n";

static budget B;

static void make_budget(void)
{
    memset(&B, 0, sizeof B);
    B.year = 2021;
    const money s[SUM_COUNT] = {WAN(26341.19), WAN(26341.19), WAN(16356), WAN(9985.19), WAN(120)};
    for (int k = 0; k < SUM_COUNT; k++) {
        B.summary[k].v = s[k];
        B.summary[k].present = 1;
        B.summary[k].pos = diag_at("summary.csv", k + 2, 2);
    }
    B.has_summary = 1;
    B.has_tp = 1;
    B.tp[TP_TOTAL].present = 1;
    B.tp[TP_TOTAL].total.v = WAN(65.95);
    B.tp[TP_TOTAL].total.pos = diag_at("three_public.csv", 6, 2);
    B.tp[TP_RECEPTION].present = 1;
    B.tp[TP_RECEPTION].total.v = WAN(8.15);
    B.tp[TP_RECEPTION].total.pos = diag_at("three_public.csv", 4, 2);
}

/* The messages audit_text gives for one line of notes.txt (column 1). */
static const char *audit_line(fixture *f, const char *text)
{
    const audit_words *w = audit_words_parse(f->a, &f->d, "words.txt", WORDS);
    if (!w)
        return "(word list refused)";
    fflush(f->out);
    size_t before = f->size;
    audit_text(w, &B, &f->d, text, diag_at("notes.txt", 1, 1), 0, 1);
    fflush(f->out);
    return f->buf + before;
}

#define EXPECT(text, msgs)                                                                         \
    do {                                                                                           \
        fixture f_;                                                                                \
        fx_init(&f_);                                                                              \
        CHECK_STR(audit_line(&f_, (text)), (msgs));                                                \
        fx_done(&f_);                                                                              \
    } while (0)

/* The rounding of a number as typed: exact rounded down or up. */
static void test_matches(void)
{
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26341.19), MONEY_WAN, 2), 1);
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26341.2), MONEY_WAN, 1), 1);
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26341.1), MONEY_WAN, 1), 1);
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26341), MONEY_WAN, 0), 1);
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26342), MONEY_WAN, 0), 1);
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26343), MONEY_WAN, 0), 0);
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26341.0), MONEY_WAN, 1), 0);
    CHECK_INT(audit_amount_matches(WAN(26341.19), WAN(26341.20), MONEY_WAN, 2), 0);
    CHECK_INT(audit_amount_matches(WAN(65.95), WAN(66.00), MONEY_WAN, 2), 0);
    CHECK_INT(audit_amount_matches(WAN(65.95), WAN(66), MONEY_WAN, 0), 1);
    /* in 元: 500 万元 is 5,000,000 元 */
    CHECK_INT(audit_amount_matches(WAN(500), 500000000, MONEY_YUAN, 0), 1);
    CHECK_INT(audit_amount_matches(WAN(500), 500000100, MONEY_YUAN, 0), 0);
    CHECK_INT(audit_amount_matches(WAN(0.5), WAN(1), MONEY_WAN, 0), 1);
    CHECK_INT(audit_amount_matches(WAN(0.5), 0, MONEY_WAN, 0), 1);
    CHECK_INT(audit_amount_matches(WAN(0.5), WAN(2), MONEY_WAN, 0), 0);
}

/* Figures named in the text, with their amounts in 万元 and 元. */
static void test_figures(void)
{
    EXPECT("收入总计26341.19万元。", "");
    EXPECT("收入总计26341.2万元。", "");
    EXPECT("收入总计26,341万元。", "");
    EXPECT("本年收入总计：26341.19万元。", "");
    EXPECT("收入总计26343万元。",
           "notes.txt:1:1: warning: 收入总计 is 26341.19万元 in the data (summary.csv:2:2) but "
           "26343万元 here: correct the text or the data\n");
    EXPECT("2021年“三公”经费预算为66.00万元。",
           "notes.txt:1:6: warning: “三公”经费 is 65.95万元 in the data (three_public.csv:6:2) "
           "but 66.00万元 here: correct the text or the data\n");
    EXPECT("2021年“三公”经费预算为65.95万元，其中公务接待费8.15万元。", "");
    EXPECT("其中公务接待费8.20万元。",
           "notes.txt:1:3: warning: 公务接待费 is 8.15万元 in the data (three_public.csv:4:2) but "
           "8.20万元 here: correct the text or the data\n");
    /* in 元 */
    EXPECT("支出总计263411900元。", "");
    EXPECT("支出总计 263411800 元。",
           "notes.txt:1:1: warning: 支出总计 is 263411900元 in the data (summary.csv:3:2) but "
           "263411800 元 here: correct the text or the data\n");
    /* a name inside a longer one is another figure */
    EXPECT("一般公共预算基本支出100万元。", "");
    EXPECT("设备购置费100万元，机关运行经费120万元。", "");
    /* another year's figure, and a change, are not this year's figure */
    EXPECT("2020年支出总计100万元。", "");
    EXPECT("上年支出总计100万元。", "");
    EXPECT("基本支出增加100万元，项目支出减少5万元。", "");
    /* a figure the data does not give */
    EXPECT("事业收入100万元。", "");
}

/* The other kinds, and their near misses. */
static void test_kinds(void)
{
    EXPECT(
        "本部门2021年无XX收支，（略）。",
        "notes.txt:1:10: warning: placeholder \"XX\" left in: write the text it stands for\n"
        "notes.txt:1:15: warning: placeholder \"（略）\" left in: write the text it stands for\n");
    EXPECT(
        "××××单位某某某",
        "notes.txt:1:1: warning: placeholder \"××××\" left in: write the text it stands for\n"
        "notes.txt:1:7: warning: placeholder \"某某某\" left in: write the text it stands for\n");
    EXPECT("20xx年，ＸＸ局",
           "notes.txt:1:3: warning: placeholder \"xx\" left in: write the text it stands for\n"
           "notes.txt:1:7: warning: placeholder \"ＸＸ\" left in: write the text it stands for\n");
    EXPECT("XXL号，MAXX", "");
    EXPECT("示例：请填写本部门职责。",
           "notes.txt:1:1: warning: template instruction \"示例：\" left in: replace it with the "
           "text it asks for\n"
           "notes.txt:1:4: warning: template instruction \"请填写\" left in: replace it with the "
           "text it asks for\n");
    EXPECT("示例市住房和城乡建设局", "");
    EXPECT("2020年部门预算",
           "notes.txt:1:1: warning: \"2020年部门预算\" in the 2021 budget: write 2021年, or, if "
           "last year's is meant, say so (上年, 较2020年)\n");
    EXPECT("一、2020年度预算安排情况",
           "notes.txt:1:3: warning: \"2020年度预算安排\" in the 2021 budget: write 2021年, or, "
           "if last year's is meant, say so (上年, 较2020年)\n");
    EXPECT("2021年部门预算较2020年部门预算增加10%。", "");
    EXPECT("2020年部门预算执行情况良好。", "");
    EXPECT("2021年3月15日，2020年12月，科目2010301，完成率100%，新建3个。", "");
    EXPECT("较上年增加0万元，减少0.00元。",
           "notes.txt:1:4: warning: \"增加0万元\" states a change of nothing: write 与上年持平, "
           "or the change with the decimals that show it\n"
           "notes.txt:1:10: warning: \"减少0.00元\" states a change of nothing: write "
           "与上年持平, or the change with the decimals that show it\n");
    EXPECT("增加0.5万元，减少10万元，增加0%。", "");
    EXPECT("基本支出占76.23，比重为12.5。",
           "notes.txt:1:5: warning: share or rate \"占76.23\" has no %: write 76.23%\n"
           "notes.txt:1:12: warning: share or rate \"比重为12.5\" has no %: write 12.5%\n");
    EXPECT("占总支出的62.1。",
           "notes.txt:1:1: warning: share or rate \"占总支出的62.1\" has no %: write 62.1%\n");
    EXPECT("占76.23%，占3个，占地1200平方米，占比76.23％。", "");
}

/* A cell: every finding at the cell; an indented line: counted from its
 * first character. */
static void test_positions(void)
{
    fixture f;
    fx_init(&f);
    const audit_words *w = audit_words_parse(f.a, &f.d, "words.txt", WORDS);
    audit_text(w, &B, &f.d, "提高示例工作质量XX。", diag_at("duty_goals.csv", 2, 2), 1, 0);
    audit_text(w, &B, &f.d, "无XX", diag_at("notes.txt", 3, 3), 0, 1);
    CHECK_STR(fx_msgs(&f),
              "duty_goals.csv:2:2: warning: placeholder \"XX\" left in: write the text it stands "
              "for\n"
              "notes.txt:3:4: warning: placeholder \"XX\" left in: write the text it stands for\n");
    fx_done(&f);
}

/* The word list's own errors, and the shipped list. */
static void test_words(void)
{
    fixture f;
    fx_init(&f);
    CHECK(audit_words_parse(f.a, &f.d, "w.txt", "XX\n[figure]\n[figures]\n三公 = 三公费\n") ==
          NULL);
    CHECK_STR(
        fx_msgs(&f),
        "w.txt:1:1: error: \"XX\" is outside a section: put it under [placeholders], "
        "[instructions] …\n"
        "w.txt:2:1: error: unknown section [figure]; expected one of: [placeholders], "
        "[instructions], [this-year], [other-year], [change], [share], [link], [before], "
        "[figures]\n"
        "w.txt:4:1: error: \"三公费\" is not a figure name; expected e.g. 收入总计, 支出总计, "
        "基本支出, 项目支出, 三公合计, 公务接待费, or - for none\n");
    fx_done(&f);
    fx_init(&f);
    size_t len;
    const char *enc;
    char *s = textio_read_utf8(f.a, &f.d, "templates/audit.txt", 1 << 20, &len, &enc);
    CHECK(s != NULL);
    CHECK(s && audit_words_parse(f.a, &f.d, "templates/audit.txt", s) != NULL);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

int main(void)
{
    make_budget();
    RUN(test_matches);
    RUN(test_figures);
    RUN(test_kinds);
    RUN(test_positions);
    RUN(test_words);
    return harness_end();
}
