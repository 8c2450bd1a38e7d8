/*
 * Unit tests for gen/template.c: a good template parsed into statements,
 * compare families, sentences and a table (two header lines, six columns),
 * with if/end nesting; then every kind of error with its line number, all
 * of them reported in one run.  Templates are written to a mkdtemp
 * directory under /tmp, which becomes the working directory so messages
 * carry short relative paths; it is removed at the end.  Diagnostics are
 * captured with open_memstream and compared whole.
 *
 * Placeholder errors ({…} inside a text) also carry the column (in
 * characters) of the offending brace: a paragraph line can be long.
 */
#define _DEFAULT_SOURCE /* realpath */
#include "fixture.h"
#include "harness.h"

#include "arena.h"
#include "diag.h"
#include "template.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_template.XXXXXX";

#define LOAD(f, name, lit)                                                                         \
    (fx_write((name), (lit), sizeof(lit) - 1), template_load((f)->a, &(f)->d, (name), NULL))

static const char GOOD[] = "# 模板\n"                                                    /* 1 */
                           "meta title {地区}{年度}年部门预算\n"                         /* 2 */
                           "footer 第{页}页\n"                                           /* 3 */
                           "numbering heading 第{中文}部分、\n"                          /* 4 */
                           "compare 总额 up    增加{差额}{单位}\n"                       /* 5 */
                           "compare 总额 down  减少{差额}{单位}\n"                       /* 6 */
                           "compare 分项 same  {名称}持平\n"                             /* 7 */
                           "sentence 收入项 {名称}{本年}{单位}\n"                        /* 8 */
                           "sentence 三公句 {名称}{比较:三公项}\n"                       /* 9 */
                           "\n"                                                          /* 10 */
                           "title {地区}\n"                                              /* 11 */
                           "heading 收入\n"                                              /* 12 */
                           "subheading 说明\n"                                           /* 13 */
                           "para  文本{{字面}}括号   \n"                                 /* 14 */
                           "label 标签：\n"                                              /* 15 */
                           "if previous\n"                                               /* 16 */
                           "  para {比较:总额:支出总计}\n"                               /* 17 */
                           "  if has:三公合计\n"                                         /* 18 */
                           "    para 三公\n"                                             /* 19 */
                           "  end\n"                                                     /* 20 */
                           "end\n"                                                       /* 21 */
                           "table three_public\n"                                        /* 22 */
                           "  title {年度}年表\n"                                        /* 23 */
                           "  unit  单位：{单位}\n"                                      /* 24 */
                           "  sheet 三公\n"                                              /* 25 */
                           "  landscape\n"                                               /* 26 */
                           "  head  项目^2 | 合计^2 | 资金来源>3 | 同比^2\n"             /* 27 */
                           "  head  一般预算 | 基金预算 | 财政专户\n"                    /* 28 */
                           "  col   项目      text left\n"                               /* 29 */
                           "  col   合计      amount\n"                                  /* 30 */
                           "  col   一般预算  amount blank-zero\n"                       /* 31 */
                           "  col   基金预算  amount center\n"                           /* 32 */
                           "  col   财政专户  amount\n"                                  /* 33 */
                           "  col   同比      percent compare=同比下降 weight=2 min=4\n" /* 34 */
                           "  note  注：无\n"                                            /* 35 */
                           "  empty-note 本年无\n"                                       /* 36 */
                           "end\n"                                                       /* 37 */
                           "pagebreak\n"                                                 /* 38 */
                           "text notes\n"                                                /* 39 */
                           "list glossary {序号}、 | {名称}：{内容}\n"                   /* 40 */
                           "if no:previous\n"                                            /* 41 */
                           "  table performance\n"                                       /* 42 */
                           "    col 职责名称 text merge=duty\n"                          /* 43 */
                           "    col 活动名称 code merge=activity\n"                      /* 44 */
                           "  end\n"                                                     /* 45 */
                           "end\n";                                                      /* 46 */

static void test_good(void)
{
    fixture f;
    fx_init(&f);
    tmpl *t = LOAD(&f, "good.tpl", GOOD);
    CHECK(t != NULL);
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    if (!t) {
        fx_done(&f);
        return;
    }
    CHECK_STR(t->path, "good.tpl");
    CHECK_STR(t->meta_title, "{地区}{年度}年部门预算");
    CHECK(t->meta_subject == NULL);
    CHECK_STR(t->footer, "第{页}页");
    CHECK_STR(t->num_heading, "第{中文}部分、");
    CHECK_STR(t->num_subheading, "{数字}、"); /* default */

    /* Statements, in order, with their lines. */
    static const struct {
        tmpl_kind kind;
        int line;
        const char *arg;
    } want[] = {
        {T_TITLE, 11, "{地区}"},
        {T_HEADING, 12, "收入"},
        {T_SUBHEADING, 13, "说明"},
        {T_PARA, 14, "文本{{字面}}括号"},
        {T_LABEL, 15, "标签："},
        {T_IF, 16, "previous"},
        {T_PARA, 17, "{比较:总额:支出总计}"},
        {T_IF, 18, "has:三公合计"},
        {T_PARA, 19, "三公"},
        {T_END, 20, NULL},
        {T_END, 21, NULL},
        {T_TABLE, 22, "three_public"},
        {T_PAGEBREAK, 38, NULL},
        {T_TEXT, 39, "notes"},
        {T_LIST, 40, "glossary"},
        {T_IF, 41, "no:previous"},
        {T_TABLE, 42, "performance"},
        {T_END, 46, NULL},
    };
    int nwant = (int)(sizeof want / sizeof want[0]);
    CHECK_INT(t->n, nwant);
    for (int i = 0; i < nwant && i < t->n; i++) {
        CHECK_INT(t->stmts[i].kind, want[i].kind);
        CHECK_INT(t->stmts[i].line, want[i].line);
        if (want[i].arg)
            CHECK_STR(t->stmts[i].arg, want[i].arg);
        else
            CHECK(t->stmts[i].arg == NULL);
    }
    if (t->n == nwant) {
        /* if/end nesting: each if knows its matching end. */
        CHECK_INT(t->stmts[5].end, 10);
        CHECK_INT(t->stmts[7].end, 9);
        CHECK_INT(t->stmts[15].end, 17);
        CHECK_STR(t->stmts[14].arg2, "{序号}、");
        CHECK_STR(t->stmts[14].arg3, "{名称}：{内容}");
        CHECK(t->stmts[16].table != NULL && t->stmts[16].table->ncols == 2);
        if (t->stmts[16].table && t->stmts[16].table->ncols == 2) {
            CHECK_INT(t->stmts[16].table->cols[0].merge, 1);
            CHECK_INT(t->stmts[16].table->cols[1].merge, 2);
            CHECK_INT(t->stmts[16].table->cols[1].kind, DOC_COL_CODE);
        }
    }

    /* Compare families and sentences. */
    CHECK_INT(t->n_compare, 2);
    const tmpl_compare *c = template_compare(t, "总额");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->text[TC_UP], "增加{差额}{单位}");
        CHECK_STR(c->text[TC_DOWN], "减少{差额}{单位}");
        CHECK(c->text[TC_SAME] == NULL && c->text[TC_NEW] == NULL && c->text[TC_GONE] == NULL);
        CHECK_INT(c->line[TC_UP], 5);
        CHECK_INT(c->line[TC_DOWN], 6);
    }
    c = template_compare(t, "分项");
    CHECK(c && c->text[TC_SAME] && strcmp(c->text[TC_SAME], "{名称}持平") == 0);
    CHECK(template_compare(t, "三公项") == NULL);
    CHECK_INT(t->n_sentence, 2);
    const tmpl_sentence *s = template_sentence(t, "三公句");
    CHECK(s != NULL);
    if (s) {
        CHECK_STR(s->text, "{名称}{比较:三公项}");
        CHECK_INT(s->line, 9);
    }
    CHECK(template_sentence(t, "收入项") != NULL);
    CHECK(template_sentence(t, "无") == NULL);

    /* The table: two header lines, six columns with their options. */
    const tmpl_table *tb = t->n > 11 ? t->stmts[11].table : NULL;
    CHECK(tb != NULL);
    if (tb) {
        CHECK_STR(tb->source, "three_public");
        CHECK_STR(tb->title, "{年度}年表");
        CHECK_STR(tb->unit, "单位：{单位}");
        CHECK_STR(tb->sheet, "三公");
        CHECK_STR(tb->note, "注：无");
        CHECK_STR(tb->empty_note, "本年无");
        CHECK_INT(tb->landscape, 1);
        CHECK_INT(tb->n_head, 2);
        if (tb->n_head == 2) {
            CHECK_STR(tb->head[0], "项目^2 | 合计^2 | 资金来源>3 | 同比^2");
            CHECK_STR(tb->head[1], "一般预算 | 基金预算 | 财政专户");
            CHECK_INT(tb->head_line[0], 27);
            CHECK_INT(tb->head_line[1], 28);
        }
        CHECK_INT(tb->ncols, 6);
        if (tb->ncols == 6) {
            static const struct {
                const char *key;
                doc_col_kind kind;
                doc_align align;
                int flags;
                int line;
            } col[6] = {
                {"项目", DOC_COL_TEXT, DOC_LEFT, 0, 29},
                {"合计", DOC_COL_AMOUNT, DOC_RIGHT, 0, 30},
                {"一般预算", DOC_COL_AMOUNT, DOC_RIGHT, TC_BLANK_ZERO, 31},
                {"基金预算", DOC_COL_AMOUNT, DOC_CENTER, 0, 32},
                {"财政专户", DOC_COL_AMOUNT, DOC_RIGHT, 0, 33},
                {"同比", DOC_COL_PERCENT, DOC_RIGHT, 0, 34},
            };
            for (int i = 0; i < 6; i++) {
                CHECK_STR(tb->cols[i].key, col[i].key);
                CHECK_INT(tb->cols[i].kind, col[i].kind);
                CHECK_INT(tb->cols[i].align, col[i].align);
                CHECK_INT(tb->cols[i].flags, col[i].flags);
                CHECK_INT(tb->cols[i].line, col[i].line);
                CHECK_INT(tb->cols[i].merge, 0);
            }
            CHECK(tb->cols[0].compare == NULL);
            CHECK_STR(tb->cols[5].compare, "同比下降");
            CHECK(tb->cols[5].weight == 2.0);
            CHECK(tb->cols[5].min_chars == 4.0);
            CHECK(tb->cols[0].weight == 1.0); /* default */
        }
    }
    fx_done(&f);
}

/* CRLF line endings and a BOM: texts carry no '\r', lines count right. */
static void test_crlf_bom(void)
{
    fixture f;
    fx_init(&f);
    tmpl *t = LOAD(&f, "crlf.tpl", "\xEF\xBB\xBF# c\r\ntitle 标题\r\npara 正文\r\n");
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(t->n, 2);
        CHECK_STR(t->stmts[0].arg, "标题");
        CHECK_INT(t->stmts[1].line, 3);
        CHECK_STR(t->stmts[1].arg, "正文");
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, "crlf2.tpl", "title 标题\r\n\r\nparagraph 正文\r\n") == NULL);
    CHECK_STR(fx_msgs(&f),
              "crlf2.tpl:3: error: unknown directive \"paragraph\"; expected title, heading, "
              "subheading, para, label, line, text, list, table, chart, if, end, pagebreak, compare, "
              "sentence, meta, footer, continued, numbering, units, empty-note, table-note, for, "
              "cover, toc or include\n");
    fx_done(&f);
}

/* One file with a mistake on nearly every line: each reported with its
 * line, in one run, and the template refused. */
static const char BAD[] = "title\n"                   /* 1 */
                          "paragraph x\n"             /* 2 */
                          "end\n"                     /* 3 */
                          "para {部门\n"              /* 4 */
                          "para 部门}\n"              /* 5 */
                          "para {}\n"                 /* 6 */
                          "para {foo:bar}\n"          /* 7 */
                          "text foo\n"                /* 8 */
                          "list foo a | b\n"          /* 9 */
                          "list glossary 无分隔\n"    /* 10 */
                          "if whatever\n"             /* 11 */
                          "end\n"                     /* 12 */
                          "compare 总额 more 文本\n"  /* 13 */
                          "compare 总额 up 增加\n"    /* 14 */
                          "compare 总额 up 又增加\n"  /* 15 */
                          "sentence 名字\n"           /* 16 */
                          "sentence 句 {名称}\n"      /* 17 */
                          "sentence 句 {名称}\n"      /* 18 */
                          "meta author 某人\n"        /* 19 */
                          "numbering chapter 一\n"    /* 20 */
                          "table foo\n"               /* 21 */
                          "  col\n"                   /* 22 */
                          "  col x bogus\n"           /* 23 */
                          "  bold\n"                  /* 24 */
                          "  head a | {b\n"           /* 25 */
                          "end\n"                     /* 26 */
                          "table institutions\n"      /* 27 */
                          "end\n"                     /* 28 */
                          "heading {上年:支出总计}\n" /* 29: fine */
                          "para 全角｛不是占位符｝\n" /* 30: fine */
                          "if previous\n";            /* 31: never closed */

static void test_every_error_reported(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "bad.tpl", BAD) == NULL);
    CHECK_STR(fx_msgs(&f),
              "bad.tpl:1: error: title needs text after it\n"
              "bad.tpl:2: error: unknown directive \"paragraph\"; expected title, heading, "
              "subheading, para, label, line, text, list, table, chart, if, end, pagebreak, compare, "
              "sentence, meta, footer, continued, numbering, units, empty-note, table-note, for, "
              "cover, toc or include\n"
              "bad.tpl:3: error: end without an open table, if or for\n"
              "bad.tpl:4:6: error: placeholder \"{部门\" is not closed with '}'\n"
              "bad.tpl:5:8: error: unmatched '}' (write }} for a literal brace)\n"
              "bad.tpl:6:6: error: empty placeholder {}\n"
              "bad.tpl:7:6: error: unknown function {foo:…}; expected 上年, 比较, 列举, 原因, 占比, 金额 or 决算\n"
              "bad.tpl:8: error: text foo: expected duties, overall_goal or notes\n"
              "bad.tpl:9: error: list foo: expected duty_goals, glossary or csv:FILE\n"
              "bad.tpl:10: error: expected: list NAME NUMBER-PATTERN | ITEM-PATTERN\n"
              "bad.tpl:11: error: if whatever: expected previous, has:NAME or no:NAME\n"
              "bad.tpl:13: error: expected: compare FAMILY same|up|down|new|gone|zero TEXT\n"
              "bad.tpl:15: error: compare 总额 up is given twice (first at line 14)\n"
              "bad.tpl:16: error: expected: sentence NAME TEXT\n"
              "bad.tpl:18: error: sentence 句 is defined twice (first at line 17)\n"
              "bad.tpl:19: error: meta author: expected title, subject or keywords\n"
              "bad.tpl:20: error: numbering chapter: expected heading or subheading\n"
              "bad.tpl:21: error: table foo: expected institutions, three_public, performance, "
              "income_expense_summary, income, expenditure, fiscal_summary, general_expenditure, "
              "general_project, general_basic, general_three_public, fund_expenditure, "
              "state_capital_expenditure, comparison, grade_summary, procurement, assets, a 决算 "
              "table js_* or csv:FILE\n"
              "bad.tpl:22: error: col needs a field name\n"
              "bad.tpl:23: error: unknown column option \"bogus\"; expected text, code, amount, "
              "percent, left, center, right, merge=duty, merge=activity, merge=blank, "
              "blank-zero, classes=FILE, compare=FAMILY, points-of=COLUMN, points-with=COLUMN, "
              "span-into=COLUMN, min=EM or weight=N\n"
              "bad.tpl:24: error: \"bold\" is not a table directive; expected title, unit, unit-left, "
              "units, head, col, note, empty-note, sheet, landscape, if or end\n"
              "bad.tpl:25:12: error: placeholder \"{b\" is not closed with '}'\n"
              "bad.tpl:28: error: table institutions has no col lines\n"
              "bad.tpl:31: error: if is not closed with end\n");
    CHECK_INT(f.d.errors, 24);
    fx_done(&f);
}

/* span-into=COLUMN names the next col line of a csv:FILE table; the three
 * ways to get it wrong are each reported at the col line. */
static void test_span_into(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "s.tpl",
               "table csv:tasks.csv\n"
               "  col 类别 span-into=工作任务\n" /* 2: not the next column */
               "  col 分值\n"
               "  col 工作任务 span-into=分值\n" /* 4: fine, 分值 follows */
               "  col 分值\n"
               "  col 内容 span-into=备注\n" /* 6: last column */
               "end\n"
               "table three_public\n"
               "  col 项目 span-into=合计\n" /* 9: not a csv:FILE table */
               "  col 合计\n"
               "end\n") == NULL);
    CHECK_STR(fx_msgs(&f),
              "s.tpl:2: error: span-into=工作任务: expected the name of the next col line "
              "(分值), outside if blocks\n"
              "s.tpl:6: error: span-into=备注: expected the name of the next col line, but this "
              "is the last\n"
              "s.tpl:9: error: span-into=合计: only a csv:FILE table may span a cell into the "
              "next column\n");
    CHECK_INT(f.d.errors, 3);
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, "ok.tpl",
               "table csv:tasks.csv\n"
               "  col 类别 merge=blank span-into=工作任务\n"
               "  col 工作任务\n"
               "end\n") != NULL);
    CHECK_INT(f.d.errors, 0);
    fx_done(&f);
}

/* classes=FILE: only on the 支出项目 column of the two 决算 summaries; the
 * file is relative to the template file that names it. */
static void test_classes(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "c.tpl",
               "table js_income\n"
               "  col 科目名称 classes=l.csv\n" /* 2: not a summary */
               "end\n"
               "table js_summary\n"
               "  col 收入项目 classes=l.csv\n" /* 5: not the 支出 side */
               "end\n") == NULL);
    CHECK_STR(fx_msgs(&f),
              "c.tpl:2: error: classes=l.csv: only the 支出项目 column of js_summary and "
              "js_fiscal_summary lists a file of 类\n"
              "c.tpl:5: error: classes=l.csv: only the 支出项目 column of js_summary and "
              "js_fiscal_summary lists a file of 类\n");
    fx_done(&f);

    fx_init(&f);
    CHECK(mkdir("js", 0755) == 0);
    const tmpl *t = LOAD(&f, "js/t.tpl",
                         "table js_fiscal_summary\n"
                         "  col 支出项目 text classes=classes.csv\n"
                         "end\n");
    CHECK(t != NULL);
    const char *got = NULL;
    for (int i = 0; t && i < t->n; i++)
        if (t->stmts[i].table)
            got = t->stmts[i].table->cols[0].classes;
    CHECK_STR(got ? got : "(none)", "js/classes.csv");
    fx_done(&f);
    unlink("js/t.tpl");
    rmdir("js");
}

/* line needs a side and text; table-note may be empty (it ends the note). */
static void test_line_and_table_note(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "l.tpl",
               "line middle 文号\n"
               "line right\n"
               "line left {金额:\n") == NULL);
    CHECK_STR(fx_msgs(&f), "l.tpl:1: error: expected: line left|center|right TEXT\n"
                           "l.tpl:2: error: line needs text after it\n"
                           "l.tpl:3:11: error: placeholder \"{金额:\" is not closed with '}'\n");
    fx_done(&f);

    fx_init(&f);
    tmpl *t = LOAD(&f, "ok.tpl",
                   "table-note 注：{部门}\n"
                   "line right {部门}\n"
                   "table-note\n");
    CHECK(t != NULL);
    if (t) {
        CHECK_INT((int)t->n, 3);
        CHECK_INT(t->stmts[0].kind, T_TABLE_NOTE);
        CHECK_STR(t->stmts[1].arg2, "right");
        CHECK_STR(t->stmts[2].arg, "");
    }
    fx_done(&f);
}

/* Blocks left open at the end of the file are reported at the line that
 * opened them (a line past the end of the file helps nobody). */
static void test_unclosed_blocks(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "t1.tpl",
               "title 标题\n"
               "table institutions\n" /* 2 */
               "  col 单位名称\n"
               "\n") == NULL);
    CHECK_STR(fx_msgs(&f), "t1.tpl:2: error: table institutions is not closed with end\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    /* Two ifs left open (the one at line 3 is closed): each is named, in
     * file order, since each needs its own end. */
    fx_init(&f);
    CHECK(LOAD(&f, "t2.tpl",
               "if previous\n" /* 1 */
               "para a\n"
               "if has:三公合计\n" /* 3 */
               "para b\n"
               "end\n"
               "if no:previous\n" /* 6 */
               "para c\n") == NULL);
    CHECK_STR(fx_msgs(&f), "t2.tpl:1: error: if is not closed with end\n"
                           "t2.tpl:6: error: if is not closed with end\n");
    CHECK_INT(f.d.errors, 2);
    fx_done(&f);

    /* A table's end inside an if closes the table, the next the if. */
    fx_init(&f);
    tmpl *t = LOAD(&f, "t3.tpl",
                   "if previous\n"
                   "table institutions\n"
                   "  col 单位名称\n"
                   "end\n"
                   "end\n");
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(t->n, 3); /* if, table, end */
        CHECK_INT(t->stmts[0].end, 2);
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* Issue 14.4: for csv:FILE … end: the block's end and opener point at
 * each other (an if inside keeps its own), its file is listed as needed
 * only when reached ("?FILE"), and for blocks do not nest. */
static void test_for(void)
{
    fixture f;
    fx_init(&f);
    tmpl *t = LOAD(&f, "f1.tpl",
                   "for csv:p.csv\n"     /* 0 */
                   "subheading {名称}\n" /* 1 */
                   "if previous\n"       /* 2 */
                   "para {金额:金额}\n"  /* 3 */
                   "end\n"               /* 4 */
                   "end\n"               /* 5 */
                   "table csv:q.csv\n"   /* 6 */
                   "  col a\n"
                   "end\n");
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(t->n, 7);
        CHECK_INT(t->stmts[0].kind, T_FOR);
        CHECK_INT(t->stmts[0].end, 5);
        CHECK_INT(t->stmts[5].end, 0);
        CHECK_INT(t->stmts[2].end, 4);
        CHECK_INT(t->stmts[4].end, 2);
        const char **files;
        size_t n = template_csv_files(f.a, t, &files);
        CHECK_INT((int)n, 2);
        if (n == 2) {
            CHECK_STR(files[0], "?p.csv");
            CHECK_STR(files[1], "q.csv");
        }
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, "f2.tpl",
               "for csv:p.csv\n"
               "for csv:p.csv\n" /* 2 */
               "end\n"
               "for p.csv\n"     /* 4 */
               "end\n"
               "for csv:p.csv\n" /* 6 */
               "para {未知:x}\n") == NULL);
    CHECK_STR(fx_msgs(&f), "f2.tpl:2: error: for inside a for block (line 1): for blocks do not nest\n"
                           "f2.tpl:4: error: for p.csv: expected for csv:FILE\n"
                           "f2.tpl:5: error: end without an open table, if or for\n"
                           "f2.tpl:7:6: error: unknown function {未知:…}; expected 上年, 比较, 列举, 原因, 占比, 金额 or 决算\n"
                           "f2.tpl:6: error: for is not closed with end\n");
    fx_done(&f);
}

/* Issue 13.7: if blocks inside a table, around head and col lines; the
 * table's end comes after them.  13.8: empty-note TABLE TEXT outside a
 * table.  13.9: a numbering pattern keeps its trailing ASCII space. */
static void test_table_if(void)
{
    fixture f;
    fx_init(&f);
    tmpl *t = LOAD(&f, "ti.tpl",
                   "numbering heading 第{中文}部分 \n"             /* 1 */
                   "numbering subheading {数字}.  \n"              /* 2 */
                   "empty-note fund_expenditure 本部门无，故本表为空表\n" /* 3 */
                   "table three_public\n"                          /* 4 */
                   "  if previous\n"                               /* 5 */
                   "  head 项目 | 合计 | 同比\n"                   /* 6 */
                   "  end\n"                                       /* 7 */
                   "  if no:previous\n"                            /* 8 */
                   "  head 项目 | 合计\n"                          /* 9 */
                   "  end\n"                                       /* 10 */
                   "  col 项目\n"                                  /* 11 */
                   "  col 合计 amount\n"                           /* 12 */
                   "  if previous\n"                               /* 13 */
                   "    if has:三公合计\n"                          /* 14 */
                   "  col 同比 percent compare=同比增减\n"          /* 15 */
                   "    end\n"                                     /* 16 */
                   "  end\n"                                       /* 17 */
                   "end\n"                                         /* 18 */
                   "para 后\n");                                   /* 19 */
    CHECK(t != NULL);
    CHECK_STR(fx_msgs(&f), "");
    if (t) {
        CHECK_STR(t->num_heading, "第{中文}部分 ");
        CHECK_STR(t->num_subheading, "{数字}.  ");
        CHECK_INT(t->n_empty_note, 1);
        if (t->n_empty_note == 1) {
            CHECK_STR(t->empty_notes[0].source, "fund_expenditure");
            CHECK_STR(t->empty_notes[0].text, "本部门无，故本表为空表");
        }
        CHECK_INT(t->n, 2); /* the table, the para: the ifs belong to the table */
        const tmpl_table *tb = t->stmts[0].table;
        CHECK(tb && tb->conditional);
        if (tb) {
            CHECK_INT(tb->n_head, 2);
            CHECK_INT(tb->head_cond[0].n, 1);
            CHECK_STR(tb->head_cond[0].c[0], "previous");
            CHECK_STR(tb->head_cond[1].c[0], "no:previous");
            CHECK_INT(tb->ncols, 3);
            CHECK_INT(tb->cols[0].cond.n, 0);
            CHECK_INT(tb->cols[2].cond.n, 2);
            CHECK_STR(tb->cols[2].cond.c[0], "previous");
            CHECK_STR(tb->cols[2].cond.c[1], "has:三公合计");
        }
        CHECK_INT(t->stmts[1].line, 19);
    }
    fx_done(&f);

    /* Only head and col lines may depend on a condition; an if left open
     * inside a table is named; a bad condition is an error. */
    fx_init(&f);
    CHECK(LOAD(&f, "ti2.tpl",
               "table three_public\n"  /* 1 */
               "  if previous\n"       /* 2 */
               "  title 表\n"          /* 3 */
               "  end\n"               /* 4 */
               "  if maybe\n"          /* 5 */
               "  col 项目\n"          /* 6 */
               "  end\n"               /* 7: closes the if of line 5 */
               "end\n"                 /* 8 */
               "empty-note budget 无\n" /* 9 */
               "empty-note fund_expenditure\n" /* 10 */
               "table institutions\n"  /* 11 */
               "  col 单位名称\n"
               "  if previous\n"       /* 13: the file ends inside it */
               ) == NULL);
    CHECK_STR(fx_msgs(&f),
              "ti2.tpl:3: error: \"title\" inside an if block of a table: only head and col "
              "lines may depend on a condition\n"
              "ti2.tpl:5: error: if maybe: expected previous, has:NAME or no:NAME\n"
              "ti2.tpl:9: error: empty-note budget: expected a table source such as "
              "fund_expenditure, general_basic or three_public (the name after \"table\"; not "
              "csv:FILE)\n"
              "ti2.tpl:10: error: expected: empty-note TABLE TEXT (outside a table block)\n"
              "ti2.tpl:11: error: table institutions is not closed with end\n"
              "ti2.tpl:13: error: if is not closed with end (inside table institutions)\n");
    fx_done(&f);
}

static void test_missing_file(void)
{
    fixture f;
    fx_init(&f);
    CHECK(template_load(f.a, &f.d, "nosuch.tpl", NULL) == NULL);
    CHECK_STR(fx_msgs(&f),
              "budgetgen: error: cannot open 'nosuch.tpl': No such file or directory\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

/* The shipped template parses cleanly (run from the project root). */
static void test_seed004(void)
{
    fixture f;
    fx_init(&f);
    char path[4096];
    const char *root = getenv("BUDGETGEN_ROOT");
    snprintf(path, sizeof path, "%s/templates/seed004.tpl", root ? root : ".");
    if (access(path, R_OK) != 0) {
        fx_done(&f);
        return; /* not in a checkout: nothing to test */
    }
    tmpl *t = template_load(f.a, &f.d, path, NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK(template_compare(t, "三公项") != NULL);
        CHECK(template_sentence(t, "三公句") != NULL);
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* An included file must lead into the project folder: one that leads
 * out is an error at its include line; without a root it is read. */
static void test_include_confined(void)
{
    char top[PATH_MAX];
    CHECK(realpath(".", top) != NULL);
    CHECK_INT(mkdir("proj", 0777), 0);
    fx_write("proj/main.tpl", "title 测试\ninclude part.tpl\ninclude ../outside.tpl\n", 53);
    fx_write("proj/part.tpl", "para 内\n", 9);
    fx_write("outside.tpl", "para 外\n", 9);
    paths_root root;
    CHECK_INT(paths_root_init(&root, "proj"), 0);
    fixture f;
    fx_init(&f);
    CHECK(template_load(f.a, &f.d, "proj/main.tpl", &root) == NULL);
    static char want[4 * PATH_MAX];
    snprintf(want, sizeof want,
             "proj/main.tpl:3: error: include ../outside.tpl: leads to %s/outside.tpl, outside "
             "the project folder %s/proj (--root): budgetgen reads and writes only under it; "
             "move the files under it, or give a wider --root\n",
             top, top);
    CHECK_STR(fx_msgs(&f), want);
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
    fx_init(&f);
    tmpl *t = template_load(f.a, &f.d, "proj/main.tpl", NULL);
    CHECK(t != NULL && t->n == 3);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
    unlink("proj/main.tpl");
    unlink("proj/part.tpl");
    rmdir("proj");
}

/* A sentence that expands itself, directly or through other sentences or a
 * compare wording, is an error at the placeholder that closes the cycle
 * (budgetgen crashed on it: SIGSEGV).  Sentences that share a sentence
 * without a cycle (a diamond) are fine, and so is a long chain. */
static void test_sentence_cycles(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "self.tpl", "sentence S {列举:三公:S:，}\npara {列举:三公:S:，}\n") == NULL);
    CHECK_STR(fx_msgs(&f), "self.tpl:1:12: error: {列举:三公:S:，} expands sentence S inside "
                           "itself (S → S): a sentence or compare wording cannot contain itself, "
                           "directly or through others\n");
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, "mutual.tpl",
               "sentence A 甲{列举:三公:B:，}\nsentence B 乙{列举:收入来源:A}\n"
               "para {列举:三公:A:，}\n") == NULL);
    CHECK_STR(fx_msgs(&f), "mutual.tpl:2:13: error: {列举:收入来源:A} expands sentence A inside "
                           "itself (A → B → A): a sentence or compare wording cannot contain "
                           "itself, directly or through others\n");
    fx_done(&f);

    /* Through a compare family: T → X → T. */
    fx_init(&f);
    CHECK(LOAD(&f, "cmp.tpl",
               "compare X same 同\ncompare X up 增{列举:三公:T:，}\nsentence T {名称}{比较:X}\n") ==
          NULL);
    CHECK_STR(fx_msgs(&f), "cmp.tpl:2:15: error: {列举:三公:T:，} expands sentence T inside "
                           "itself (T → X → T): a sentence or compare wording cannot contain "
                           "itself, directly or through others\n");
    fx_done(&f);

    /* A diamond is no cycle. */
    fx_init(&f);
    CHECK(LOAD(&f, "diamond.tpl",
               "sentence A {列举:三公:B}{列举:三公:C}\nsentence B {列举:三公:D}\n"
               "sentence C {列举:三公:D}{比较:F}\nsentence D {名称}\ncompare F up 增\n"
               "para {列举:三公:A}\n") != NULL);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    /* 20,000 sentences in a chain, the last one naming the first: one
     * cycle, found without recursion ("sentence S19999 " is 16 characters). */
    enum { N = 20000 };
    static char big[N * 48];
    size_t n = 0;
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "sentence S%d {列举:三公:S%d}\n", i,
                              (i + 1) % N);
    fx_write("chain.tpl", big, n);
    fx_init(&f);
    CHECK(template_load(f.a, &f.d, "chain.tpl", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "chain.tpl:20000:17: error: {列举:三公:S0} expands sentence S0 inside "
                           "itself (S0 → S1 → S2 → S3 → … → S19997 → S19998 → S19999 → S0): a "
                           "sentence or compare wording cannot contain itself, directly or "
                           "through others\n");
    fx_done(&f);
}

/* Includes fanning out 200 × 200 × 200 stop at the inclusion that passes
 * TEMPLATE_MAX_INCLUDES (1000); so does a template that includes a large
 * file again and again, at TEMPLATE_MAX_BYTES (8 MiB). */
static void test_include_limits(void)
{
    static char buf[3 << 20];
    size_t n = 0;
    for (int i = 0; i < 200; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "include fan1.tpl\n");
    fx_write("fan0.tpl", buf, n);
    n = 0;
    for (int i = 0; i < 200; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "include fan2.tpl\n");
    fx_write("fan1.tpl", buf, n);
    n = 0;
    for (int i = 0; i < 200; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "include fan3.tpl\n");
    fx_write("fan2.tpl", buf, n);
    fx_write("fan3.tpl", "para 叶\n", 9);
    fixture f;
    fx_init(&f);
    CHECK(template_load(f.a, &f.d, "fan0.tpl", NULL) == NULL);
    /* Inclusion 1 is fan0:1, 2 fan1:1, 3..202 fan2:1..200, 203 fan1:2, and
     * so on: 1001 is the 195th line of the fifth fan2. */
    CHECK_STR(fx_msgs(&f), "fan2.tpl:195: error: include fan3.tpl: more than 1000 inclusions in "
                           "all (every inclusion of a file counts, also of the same file again): "
                           "include each file once\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    /* 3 MiB of comments, included three times. */
    memset(buf, '#', sizeof buf);
    for (size_t i = 99; i < sizeof buf; i += 100)
        buf[i] = '\n';
    fx_write("big.tpl", buf, sizeof buf);
    static const char thrice[] = "title 大\ninclude big.tpl\ninclude big.tpl\ninclude big.tpl\n";
    fx_write("thrice.tpl", thrice, sizeof thrice - 1);
    fx_init(&f);
    CHECK(template_load(f.a, &f.d, "thrice.tpl", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "thrice.tpl:4: error: include big.tpl: the template and the files it "
                           "includes come to more than 8 MiB (every inclusion of a file counts, "
                           "also of the same file again)\n");
    fx_done(&f);
}

/* Placeholder columns on a line of 50,000 placeholders (counted on from
 * the previous placeholder: the line used to be rescanned from its start
 * for each one). */
static void test_long_line_columns(void)
{
    static char line[5 + 50000 * 8 + 3];
    size_t n = (size_t)snprintf(line, sizeof line, "para ");
    for (int i = 0; i < 50000; i++) {
        memcpy(line + n, "{部门}", 8);
        n += 8;
    }
    memcpy(line + n, "}\n", 2);
    n += 2;
    fx_write("long.tpl", line, n);
    fixture f;
    fx_init(&f);
    CHECK(template_load(f.a, &f.d, "long.tpl", NULL) == NULL);
    /* "para " is 5 characters, each {部门} 4. */
    CHECK_STR(fx_msgs(&f), "long.tpl:1:200006: error: unmatched '}' (write }} for a literal brace)\n");
    fx_done(&f);
}

/* units tables|text UNIT (template-wide) and units UNIT in a table or
 * chart block: parsed into money units, -1 where not given; wrong ones
 * reported at their lines. */
static void test_units(void)
{
    fixture f;
    fx_init(&f);
    tmpl *t = LOAD(&f, "u.tpl",
                   "units tables 元\n"          /* 1 */
                   "units text   万元\n"        /* 2 */
                   "table three_public\n"       /* 3 */
                   "  units 万元\n"             /* 4 */
                   "  col 项目 text\n"          /* 5 */
                   "end\n"                      /* 6 */
                   "chart three_public\n"       /* 7 */
                   "  units 元\n"               /* 8 */
                   "end\n"                      /* 9 */
                   "table institutions\n"       /* 10 */
                   "  col 单位名称 text\n"      /* 11 */
                   "end\n");                    /* 12 */
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(t->table_units, MONEY_YUAN);
        CHECK_INT(t->table_units_line, 1);
        CHECK_INT(t->text_units, MONEY_WAN);
        CHECK_INT(t->text_units_line, 2);
        CHECK_INT(t->stmts[0].table->units, MONEY_WAN);
        CHECK_INT(t->stmts[0].table->units_line, 4);
        CHECK_INT(t->stmts[1].table->units, MONEY_YUAN);
        CHECK_INT(t->stmts[2].table->units, -1);
    }
    fx_done(&f);

    fx_init(&f);
    t = LOAD(&f, "n.tpl", "para 无\n");
    CHECK(t && t->table_units == -1 && t->text_units == -1);
    fx_done(&f);

    /* unit-left: the text at the left of the unit line */
    fx_init(&f);
    t = LOAD(&f, "l.tpl", "table institutions\n  unit-left 编制部门：{部门}\n  unit 单位：元\n"
                          "  col 单位名称 text\nend\n");
    CHECK(t && t->stmts[0].table->unit_left &&
          !strcmp(t->stmts[0].table->unit_left, "编制部门：{部门}") &&
          !strcmp(t->stmts[0].table->unit, "单位：元"));
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, "bad.tpl",
               "units tables 千元\n"
               "units pages 元\n"
               "units text\n"
               "table three_public\n"
               "  units 元元\n"
               "  col 项目 text\n"
               "end\n") == NULL);
    CHECK_STR(fx_msgs(&f), "bad.tpl:1: error: units tables 千元: expected 万元 or 元\n"
                           "bad.tpl:2: error: units pages: expected units tables 万元|元 or "
                           "units text 万元|元\n"
                           "bad.tpl:3: error: units text (nothing): expected 万元 or 元\n"
                           "bad.tpl:5: error: units 元元: expected 万元 or 元\n");
    fx_done(&f);
}

int main(void)
{
    char cwd[4096];
    if (!getenv("BUDGETGEN_ROOT") && getcwd(cwd, sizeof cwd))
        setenv("BUDGETGEN_ROOT", cwd, 0);
    if (fx_tmp_enter(tmpdir) != 0) {
        printf("cannot create %s\n", tmpdir);
        return 2;
    }
    RUN(test_good);
    RUN(test_include_confined);
    RUN(test_crlf_bom);
    RUN(test_every_error_reported);
    RUN(test_unclosed_blocks);
    RUN(test_span_into);
    RUN(test_classes);
    RUN(test_line_and_table_note);
    RUN(test_table_if);
    RUN(test_for);
    RUN(test_missing_file);
    RUN(test_seed004);
    RUN(test_sentence_cycles);
    RUN(test_include_limits);
    RUN(test_long_line_columns);
    RUN(test_units);
    if (fx_tmp_leave() != 0)
        printf("cannot remove %s\n", tmpdir);
    return harness_end();
}
