/*
 * Unit tests for gen/csv.c: encodings (UTF-8, BOM, GBK), line endings,
 * record line numbers, quoting errors, limits and column mapping.  Inputs
 * are written to a mkdtemp directory under /tmp, which becomes the working
 * directory so that messages carry short relative paths; it is removed at
 * the end.  Diagnostics are captured with open_memstream and compared whole.
 */
#include "fixture.h"
#include "harness.h"

#include "arena.h"
#include "csv.h"
#include "diag.h"
#include "utf8.h"

#include <iconv.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_csv.XXXXXX";

/* Writes a string literal (which may contain NUL bytes) and reads it back. */
#define READ(f, name, lit, lim)                                                                    \
    (fx_write((name), (lit), sizeof(lit) - 1), csv_read((f)->a, &(f)->d, (name), (lim)))

/* Converts UTF-8 text to GBK, as Excel on a Chinese Windows saves it. */
static char *to_gbk(const char *s, size_t *n)
{
    iconv_t cd = iconv_open("GBK", "UTF-8");
    if (cd == (iconv_t)-1) {
        printf("iconv_open GBK failed\n");
        exit(2);
    }
    size_t il = strlen(s), ol = il * 2 + 1;
    char *out = malloc(ol), *op = out, *ip = (char *)s;
    if (!out || iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
        printf("iconv to GBK failed\n");
        exit(2);
    }
    iconv_close(cd);
    *n = (size_t)(op - out);
    return out;
}

static void test_plain_utf8(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "plain.csv",
                        "项目,合计,说明\n"
                        "车辆运行费,70,用于公务用车\n"
                        "会议费,12.5,\"含\"\"两会\"\"，共3次\"\n",
                        NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_STR(t->path, "plain.csv");
        CHECK_STR(t->encoding, "UTF-8");
        CHECK_INT(t->header_line, 1);
        CHECK_INT(t->ncols, 3);
        CHECK_STR(t->header[0], "项目");
        CHECK_STR(t->header[2], "说明");
        CHECK_INT(t->nrows, 2);
        CHECK_INT(t->rows[0].line, 2);
        CHECK_STR(t->rows[0].fields[0], "车辆运行费");
        CHECK_STR(t->rows[0].fields[1], "70");
        CHECK_INT(t->rows[1].line, 3);
        CHECK_STR(t->rows[1].fields[2], "含\"两会\"，共3次");
    }
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    CHECK_INT(f.d.warnings, 0);
    fx_done(&f);
}

/* The last line may lack its newline, quoted or not (csv_fini path). */
static void test_no_final_newline(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "nofinal1.csv", "a,b\n1,2", NULL);
    CHECK(t && t->nrows == 1);
    if (t && t->nrows == 1) {
        CHECK_INT(t->rows[0].line, 2);
        CHECK_STR(t->rows[0].fields[1], "2");
    }
    t = READ(&f, "nofinal2.csv", "a,b\n1,\"x, y\"", NULL);
    CHECK(t && t->nrows == 1);
    if (t && t->nrows == 1)
        CHECK_STR(t->rows[0].fields[1], "x, y");
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

static void test_bom(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "bom.csv", "\xEF\xBB\xBF项目,合计\n车辆运行费,70\n", NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_STR(t->encoding, "UTF-8 with BOM");
        CHECK_STR(t->header[0], "项目");
        CHECK_INT(t->nrows, 1);
    }
    /* BOM then a quote: libcsv alone would call the quote stray. */
    t = READ(&f, "bomquote.csv", "\xEF\xBB\xBF\"项目\",\"合计\"\n\"a,b\",1\n", NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_STR(t->encoding, "UTF-8 with BOM");
        CHECK_STR(t->header[0], "项目");
        CHECK_STR(t->header[1], "合计");
        CHECK_STR(t->rows[0].fields[0], "a,b");
        CHECK_INT(t->rows[0].line, 2);
    }
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    fx_done(&f);
}

static void test_gbk(void)
{
    fixture f;
    fx_init(&f);
    size_t n;
    char *g = to_gbk("项目,合计\n车辆运行费,70\n", &n);
    fx_write("gbk.csv", g, n);
    free(g);
    csv_table *t = csv_read(f.a, &f.d, "gbk.csv", NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_STR(t->encoding, "GB18030");
        CHECK_INT(t->ncols, 2);
        CHECK_STR(t->header[0], "项目");
        CHECK_STR(t->header[1], "合计");
        CHECK_INT(t->nrows, 1);
        CHECK_STR(t->rows[0].fields[0], "车辆运行费");
        CHECK_STR(t->rows[0].fields[1], "70");
        CHECK_INT(t->rows[0].line, 2);
    }
    CHECK_STR(fx_msgs(&f), "gbk.csv: note: read as GB18030 (GBK), converted to UTF-8\n");
    CHECK_INT(f.d.errors, 0);
    CHECK_INT(f.d.warnings, 0);
    fx_done(&f);

    /* --quiet drops the note but not the conversion. */
    fx_init(&f);
    f.d.quiet = 1;
    t = csv_read(f.a, &f.d, "gbk.csv", NULL);
    CHECK(t && strcmp(t->header[0], "项目") == 0);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    /* GBK with a broken pair on line 2: the GB18030 position is reported,
     * since that decoding got further than UTF-8 (which fails at byte 1). */
    fx_init(&f);
    g = to_gbk("项目,合计\n", &n);
    char bad[64];
    memcpy(bad, g, n);
    memcpy(bad + n, "x,\x81\n", 4);
    free(g);
    fx_write("gbkbad.csv", bad, n + 4);
    t = csv_read(f.a, &f.d, "gbkbad.csv", NULL);
    CHECK(t == NULL);
    CHECK_STR(fx_msgs(&f), "gbkbad.csv:2:3: error: invalid byte 0x81: the file is neither UTF-8 "
                           "nor GB18030 (GBK) text\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

static void test_invalid_encoding(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "inv1.csv", "\xff\xfe\xff", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "inv1.csv:1:1: error: invalid byte 0xFF: the file is neither UTF-8 "
                           "nor GB18030 (GBK) text\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    fx_init(&f);
    /* One bad byte in UTF-8 text: not taken for GBK (see test_mixed_gbk). */
    CHECK(READ(&f, "inv2.csv", "项目,合计\nab\xff\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "inv2.csv:2:3: error: invalid byte 0xFF: the rest of the file is "
                           "UTF-8, but not this: retype the characters here (pasted from a file "
                           "saved as GBK?)\n");
    fx_done(&f);

    /* A UTF-8 BOM is a promise: no GB18030 fallback after it. */
    fx_init(&f);
    CHECK(READ(&f, "inv3.csv",
               "\xEF\xBB\xBF"
               "a,b\n\xC3(\n",
               NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "inv3.csv:2:1: error: invalid byte 0xC3: the file starts with a UTF-8 "
                           "byte-order mark but is not valid UTF-8\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

static void test_crlf(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t =
        READ(&f, "crlf.csv", "项目,合计\r\n车辆运行费,70\r\n\"多\r\n行\",1\r\n最后,2\r\n", NULL);
    CHECK(t && t->nrows == 3);
    if (t && t->nrows == 3) {
        CHECK_STR(t->header[1], "合计");
        CHECK_STR(t->rows[0].fields[1], "70");
        CHECK_INT(t->rows[0].line, 2);
        CHECK_STR(t->rows[1].fields[0], "多\n行");
        CHECK_INT(t->rows[1].line, 3);
        CHECK_INT(t->rows[2].line, 5);
    }
    /* Old Mac files end lines with a lone CR. */
    t = READ(&f, "cr.csv", "a,b\r1,2\r\"x\ry\",3\r4,5", NULL);
    CHECK(t && t->nrows == 3);
    if (t && t->nrows == 3) {
        CHECK_INT(t->rows[0].line, 2);
        CHECK_STR(t->rows[1].fields[0], "x\ny");
        CHECK_INT(t->rows[1].line, 3);
        CHECK_INT(t->rows[2].line, 5);
        CHECK_STR(t->rows[2].fields[1], "5");
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

static void test_multiline_cell(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "multi.csv", "项目,说明\na,\"第一行\n第二行\"\nb,c\n", NULL);
    CHECK(t && t->nrows == 2);
    if (t && t->nrows == 2) {
        CHECK_STR(t->rows[0].fields[1], "第一行\n第二行");
        CHECK_INT(t->rows[0].line, 2);
        CHECK_STR(t->rows[1].fields[0], "b");
        CHECK_INT(t->rows[1].line, 4);
    }
    /* A record whose first cell spans lines: no field ends before the
     * first newline, yet the record still starts on line 2. */
    t = READ(&f, "multi2.csv", "项目,说明\n\"一\n二\n\n三\",x\nb,c\n", NULL);
    CHECK(t && t->nrows == 2);
    if (t && t->nrows == 2) {
        CHECK_STR(t->rows[0].fields[0], "一\n二\n\n三");
        CHECK_INT(t->rows[0].line, 2);
        CHECK_INT(t->rows[1].line, 6);
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

static void test_blank_lines(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "blank.csv", "\n\n项目,合计\n\na,1\n   \n\r\nb,2\n\n", NULL);
    CHECK(t && t->nrows == 2);
    if (t && t->nrows == 2) {
        CHECK_INT(t->header_line, 3);
        CHECK_INT(t->rows[0].line, 5);
        CHECK_INT(t->rows[1].line, 8);
        CHECK_STR(t->rows[1].fields[0], "b");
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* Every ragged row is reported, each at its own line, with both counts. */
static void test_ragged(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "ragged.csv", "a,b,c,d\n1,2,3,4\n\n1,2,3,4,5\n1,2,3\n5\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "ragged.csv:4:5: error: row has 5 fields but the header has 4: this "
                           "cell has no column name above it; name the column in the header "
                           "row, or delete the cell\n"
                           "ragged.csv:5: error: row has 3 fields but the header has 4\n"
                           "ragged.csv:6: error: row has 1 field but the header has 4\n");
    CHECK_INT(f.d.errors, 3);
    fx_done(&f);
}

static void test_open_quote(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "open1.csv", "a,b\n1,2\n3,\"abc\n4,5\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "open1.csv:3:3: error: quote opened here is never closed\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    /* The column counts characters, not bytes. */
    fx_init(&f);
    CHECK(READ(&f, "open2.csv", "项目,说明\n车辆,\"abc", NULL) == NULL);
    /* No final line break: the file was probably cut off. */
    CHECK_STR(fx_msgs(&f), "open2.csv:2:4: error: quote opened here is never closed; the file "
                           "ends inside this cell without a final line break: if it was cut "
                           "off, copy or export it again\n");
    fx_done(&f);

    /* A record with a good multi-line cell, then an open quote: the
     * message points at the quote, on the record's second line. */
    fx_init(&f);
    CHECK(READ(&f, "open3.csv", "a,b,c\n1,\"x\ny\",\"z\n\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "open3.csv:3:4: error: quote opened here is never closed\n");
    fx_done(&f);
}

static void test_stray_quote(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "stray1.csv", "a,b\n1,x\"y\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "stray1.csv:2:4: error: unexpected quote; a cell containing quotes "
                           "must be enclosed in quotes, with each inner quote doubled (\"\")\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    fx_init(&f);
    CHECK(READ(&f, "stray2.csv", "项目,合计\n\"车辆\"费,2\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "stray2.csv:2:5: error: unexpected character \"费\" after a closing "
                           "quote; a quote inside a quoted cell must be doubled (\"\")\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

static void test_nul(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "nul.csv", "a,b\n1,\0\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "nul.csv:2:3: error: NUL byte: a CSV file must be text\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    fx_init(&f);
    CHECK(READ(&f, "utf16.csv",
               "\xff\xfe"
               "a\0,\0b\0\n\0",
               NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "utf16.csv:1:4: error: NUL byte: the file looks like UTF-16 (Excel "
                           "\"Unicode Text\"); save it as \"CSV UTF-8\"\n");
    fx_done(&f);
}

/* Padding with ASCII spaces, tabs, U+3000 and U+00A0 is removed, also
 * inside quotes. */
static void test_trim(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "trim.csv",
                        "\xE3\x80\x80项目\xE3\x80\x80, 合计 \n"
                        "\xE3\x80\x80\xE3\x80\x80车辆 \xE3\x80\x80,\t70\xE3\x80\x80\n"
                        "\"  quoted\xE3\x80\x80 \",\xC2\xA0"
                        "1\n",
                        NULL);
    CHECK(t && t->nrows == 2);
    if (t && t->nrows == 2) {
        CHECK_STR(t->header[0], "项目");
        CHECK_STR(t->header[1], "合计");
        CHECK_STR(t->rows[0].fields[0], "车辆");
        CHECK_STR(t->rows[0].fields[1], "70");
        CHECK_STR(t->rows[1].fields[0], "quoted");
        CHECK_STR(t->rows[1].fields[1], "1");
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* Excel writes ",,,," for rows that only had formatting, of any width. */
static void test_empty_records(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "empty_rec.csv",
                        ",,\n\na,b\n,\n1,2\n , \n,,,,\n\xE3\x80\x80,\"\"\n3,4\n,,,\n", NULL);
    CHECK(t && t->nrows == 2);
    if (t && t->nrows == 2) {
        CHECK_INT(t->header_line, 3);
        CHECK_STR(t->header[0], "a");
        CHECK_INT(t->rows[0].line, 5);
        CHECK_INT(t->rows[1].line, 9);
        CHECK_STR(t->rows[1].fields[1], "4");
    }
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    fx_done(&f);
}

static void test_empty_file(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "empty1.csv", "", NULL) == NULL);
    CHECK(READ(&f, "empty2.csv", "\n\n  \r\n", NULL) == NULL);
    CHECK(READ(&f, "empty3.csv", "\xEF\xBB\xBF,,\n,\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "empty1.csv: error: empty file: expected a header row\n"
                           "empty2.csv: error: empty file: expected a header row\n"
                           "empty3.csv: error: empty file: expected a header row\n");
    CHECK_INT(f.d.errors, 3);
    fx_done(&f);

    /* A header without data is a valid table. */
    fx_init(&f);
    csv_table *t = READ(&f, "header_only.csv", "a,b\n", NULL);
    CHECK(t && t->nrows == 0 && t->ncols == 2);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

static void test_empty_header_name(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "nohead.csv", "\na, ,c\n1,2,3\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "nohead.csv:2:2: error: empty column name in the header row: type the "
                           "name of column B, or delete the column\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

static void test_limits(void)
{
    fixture f;
    csv_limits lim = {10, 0, 0};
    fx_init(&f);
    CHECK(READ(&f, "big.csv", "a,b\n1,2\n3,4\n", &lim) == NULL); /* 12 bytes */
    CHECK(READ(&f, "fit.csv", "a,b\n1,2\n3,", &lim) != NULL);    /* exactly 10 */
    lim.max_bytes = 2 * 1024 * 1024;
    CHECK(READ(&f, "fit.csv", "a,b\n1,2\n3,4\n", &lim) != NULL);
    CHECK_STR(fx_msgs(&f), "big.csv: error: file is larger than the limit of 10 bytes\n");
    fx_done(&f);

    /* The cell cap applies after trimming, and names the cell. */
    csv_limits cell = {0, 0, 4};
    fx_init(&f);
    CHECK(READ(&f, "cell_ok.csv", "a,b\n1,  1234  \n", &cell) != NULL);
    CHECK(READ(&f, "cell.csv", "a,b\n1,12345\n2,123456\n", &cell) == NULL);
    CHECK_STR(fx_msgs(&f), "cell.csv:2:2: error: cell has 5 bytes; the limit is 4 bytes: shorten "
                           "it, or raise max_cell in [limits] of the config\n"
                           "cell.csv:3:2: error: cell has 6 bytes; the limit is 4 bytes: shorten "
                           "it, or raise max_cell in [limits] of the config\n");
    CHECK_INT(f.d.errors, 2);
    fx_done(&f);

    /* Reading stops at the first row over the cap: one message. */
    csv_limits rows = {0, 2, 0};
    fx_init(&f);
    CHECK(READ(&f, "rows_ok.csv", "a\n1\n2\n", &rows) != NULL);
    CHECK(READ(&f, "rows.csv", "a\n1\n2\n3\n4\n", &rows) == NULL);
    CHECK_STR(fx_msgs(&f), "rows.csv:4: error: too many data rows: the limit is 2; if the file is "
                           "right, raise max_rows in [limits] of the config\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

static void test_missing_file(void)
{
    fixture f;
    fx_init(&f);
    CHECK(csv_read(f.a, &f.d, "nope.csv", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "budgetgen: error: cannot open 'nope.csv': No such file or directory\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

static const csv_column budget_cols[] = {
    {"项目", "item", 1},   /* required, with an English alias */
    {"合计", "total", 1},  /* required */
    {"一般预算", NULL, 0}, /* optional from here on */
    {"基金预算", NULL, 0}, {"财政专户", NULL, 0},
};
#define NBUDGET (sizeof budget_cols / sizeof budget_cols[0])

static void test_map_columns(void)
{
    fixture f;
    int idx[NBUDGET];
    fx_init(&f);
    /* Any order, an alias, optional columns absent. */
    csv_table *t = READ(&f, "map1.csv", "合计,item,基金预算\n1,a,2\n", NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(csv_map_columns(t, &f.d, budget_cols, NBUDGET, idx), 0);
        CHECK_INT(idx[0], 1);
        CHECK_INT(idx[1], 0);
        CHECK_INT(idx[2], -1);
        CHECK_INT(idx[3], 2);
        CHECK_INT(idx[4], -1);
    }
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    fx_done(&f);

    fx_init(&f);
    t = READ(&f, "map2.csv", "项目,合计,预算数x\n", NULL);
    CHECK(t && csv_map_columns(t, &f.d, budget_cols, NBUDGET, idx) == -1);
    CHECK_STR(fx_msgs(&f), "map2.csv:1:3: error: unknown column \"预算数x\"; expected one of: "
                           "项目, 合计, 一般预算, 基金预算, 财政专户\n");
    CHECK_INT(f.d.errors, 1);
    CHECK_INT(idx[0], 0);
    CHECK_INT(idx[1], 1);
    fx_done(&f);

    fx_init(&f);
    t = READ(&f, "map3.csv", "\n一般预算,item\n", NULL);
    CHECK(t && csv_map_columns(t, &f.d, budget_cols, NBUDGET, idx) == -1);
    CHECK_STR(fx_msgs(&f), "map3.csv:2: error: missing required column \"合计\"\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    fx_init(&f);
    t = READ(&f, "map4.csv", "项目,合计,total\n", NULL);
    CHECK(t && csv_map_columns(t, &f.d, budget_cols, NBUDGET, idx) == -1);
    CHECK_STR(fx_msgs(&f),
              "map4.csv:1:3: error: duplicate column \"total\" (already at column 2)\n");
    CHECK_INT(idx[1], 1);
    fx_done(&f);
}

/* Headers as people type them (issue 13.9): letter-spaced names, an
 * ideographic space, full-width brackets; each maps to its column. */
static void test_map_columns_typed(void)
{
    static const csv_column cols[] = {{"项目", "item", 1}, {"合计", "total", 1},
                                      {"因公出国（境）费", NULL, 0}, {"单位(元)", NULL, 0}};
    int idx[4];
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "typed.csv",
                        "项 目,合　计,因公出国(境)费,单  位（元）\n公务接待费,5,1,2\n", NULL);
    CHECK(t != NULL);
    if (t) {
        CHECK_INT(csv_map_columns(t, &f.d, cols, 4, idx), 0);
        CHECK_INT(idx[0], 0);
        CHECK_INT(idx[1], 1);
        CHECK_INT(idx[2], 2);
        CHECK_INT(idx[3], 3);
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    /* Two spellings of one column are still the same column. */
    fx_init(&f);
    t = READ(&f, "typed2.csv", "项目,合计,合 计\n", NULL);
    CHECK(t && csv_map_columns(t, &f.d, cols, 4, idx) == -1);
    CHECK_STR(fx_msgs(&f),
              "typed2.csv:1:3: error: duplicate column \"合 计\" (already at column 2)\n");
    fx_done(&f);
}

static void test_name_eq(void)
{
    CHECK(utf8_name_eq("项目", "项目"));
    CHECK(utf8_name_eq("项 目", "项目"));
    CHECK(utf8_name_eq("合　计", "合计"));      /* U+3000 */
    CHECK(utf8_name_eq(" 单 位 ", "单位"));
    CHECK(utf8_name_eq("因公出国(境)费", "因公出国（境）费"));
    CHECK(utf8_name_eq("［一般］", "[一般]"));
    CHECK(utf8_name_eq("item  total", "item total")); /* ASCII words: one space */
    CHECK(!utf8_name_eq("itemtotal", "item total"));
    CHECK(!utf8_name_eq("合计", "合计数"));
    CHECK(!utf8_name_eq("项目", "项"));
    CHECK(!utf8_name_eq("（境）", "【境】"));     /* other brackets are other names */
    CHECK(!utf8_name_eq("", "合计"));
    CHECK(utf8_name_eq("", "  "));
}

static void test_pos(void)
{
    fixture f;
    fx_init(&f);
    csv_table *t = READ(&f, "pos.csv", "a,b\n\n1,2\n", NULL);
    CHECK(t && t->nrows == 1);
    if (t && t->nrows == 1) {
        diag_pos p = csv_pos(t, &t->rows[0], 1);
        CHECK_STR(p.file, "pos.csv");
        CHECK_INT(p.line, 3);
        CHECK_INT(p.col, 2);
        p = csv_pos(t, &t->rows[0], -1); /* an absent column: line only */
        CHECK_INT(p.line, 3);
        CHECK_INT(p.col, 0);
    }
    fx_done(&f);
}

/* A second header row (two exports pasted together) is an error at its
 * line, not a data row: in a text table it would be published. */
static void test_repeated_header(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "rephead.csv", "名词,解释\n基本支出,人员经费\n名词,解释\n项目支出,专项\n",
               NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "rephead.csv:3: error: this row repeats the header row (line 1): "
                           "remove it (were two tables pasted into one file?)\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    /* Padding does not hide it; a row that only shares some names is data. */
    fx_init(&f);
    CHECK(READ(&f, "rephead2.csv", "\n名词,解释\n\" 名词\",解释\xE3\x80\x80\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "rephead2.csv:3: error: this row repeats the header row (line 2): "
                           "remove it (were two tables pasted into one file?)\n");
    csv_table *t = READ(&f, "rephead3.csv", "名词,解释\n名词,名词的解释\n", NULL);
    CHECK(t && t->nrows == 1);
    fx_done(&f);
}

/* A workbook, image or PDF saved or renamed as .csv is named as such. */
static void test_binary_file(void)
{
    fixture f;
    fx_init(&f);
    CHECK(READ(&f, "book.csv", "PK\x03\x04\x14\0\x06\0", NULL) == NULL);
    CHECK(READ(&f, "old.csv", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", NULL) == NULL);
    CHECK(READ(&f, "img.csv", "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", NULL) == NULL);
    CHECK(READ(&f, "doc.csv", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n", NULL) == NULL);
    /* Found by fuzz_csv: behind a BOM, a signature was read as CSV. */
    CHECK(READ(&f, "bombook.csv", "\xEF\xBB\xBFPK\x03\x04", NULL) == NULL);
    CHECK_STR(fx_msgs(&f),
              "book.csv: error: the file is an Excel workbook (.xlsx) or another ZIP archive, not "
              "CSV text: save the table from Excel or WPS as \"CSV UTF-8 (逗号分隔)\" under this "
              "name\n"
              "old.csv: error: the file is an old Excel workbook (.xls) or another Office file, "
              "not CSV text: save the table from Excel or WPS as \"CSV UTF-8 (逗号分隔)\" under "
              "this name\n"
              "img.csv: error: the file is a PNG image, not CSV text: save the table from Excel "
              "or WPS as \"CSV UTF-8 (逗号分隔)\" under this name\n"
              "doc.csv: error: the file is a PDF document, not CSV text: save the table from "
              "Excel or WPS as \"CSV UTF-8 (逗号分隔)\" under this name\n"
              "bombook.csv: error: the file is an Excel workbook (.xlsx) or another ZIP archive, "
              "not CSV text: save the table from Excel or WPS as \"CSV UTF-8 (逗号分隔)\" under "
              "this name\n");
    CHECK_INT(f.d.errors, 5);
    fx_done(&f);
}

/* UTF-8 text with a word pasted from a GBK file decodes as GB18030 without
 * error, into mojibake: it must be refused at the first bad byte, while a
 * whole GBK file is still converted. */
static void test_mixed_gbk(void)
{
    fixture f;
    fx_init(&f);
    /* 示例 in GBK is CA BE C0 FD; the whole file is valid GB18030.  CA BE
     * happens to be valid UTF-8 (U+02BE), so C0 is the first bad byte. */
    CHECK(READ(&f, "mixed.csv", "名词,解释\n负责,负责\xca\xbe\xc0\xfd工作\n", NULL) == NULL);
    CHECK_STR(fx_msgs(&f), "mixed.csv:2:7: error: invalid byte 0xC0: the rest of the file is "
                           "UTF-8, but not this: retype the characters here (pasted from a file "
                           "saved as GBK?)\n");
    fx_done(&f);

    fx_init(&f);
    size_t n;
    char *g = to_gbk("名词,解释\n负责,负责示例工作\n", &n);
    fx_write("allgbk.csv", g, n);
    free(g);
    csv_table *t = csv_read(f.a, &f.d, "allgbk.csv", NULL);
    CHECK(t && t->nrows == 1);
    if (t && t->nrows == 1)
        CHECK_STR(t->rows[0].fields[1], "负责示例工作");
    fx_done(&f);
}

/* A long cell (within the limit) is read whole; libcsv's buffer grows
 * geometrically (field_realloc), so this is fast under ASan too. */
static void test_long_cell(void)
{
    fixture f;
    fx_init(&f);
    size_t n = 3 * 1024 * 1024;
    char *s = malloc(n + 16);
    memcpy(s, "a,b\n1,", 6);
    for (size_t i = 6; i < n + 6; i++)
        s[i] = (char)('a' + i % 26);
    memcpy(s + n + 6, "\n", 2);
    fx_write("long.csv", s, n + 7);
    csv_limits lim = {0, 0, 4 * 1024 * 1024};
    csv_table *t = csv_read(f.a, &f.d, "long.csv", &lim);
    CHECK(t && t->nrows == 1);
    if (t && t->nrows == 1) {
        CHECK_INT(strlen(t->rows[0].fields[1]), n);
        CHECK(memcmp(t->rows[0].fields[1], s + 6, n) == 0);
    }
    free(s);
    fx_done(&f);
}

/* Only a regular file is read: a FIFO nobody writes (it hung) and a
 * device (read up to the 64 MiB limit) are refused at once.  alarm: a
 * hang fails the test instead of the suite. */
static void test_not_regular(void)
{
    fixture f;
    fx_init(&f);
    unlink("fifo.csv");
    CHECK_INT(mkfifo("fifo.csv", 0600), 0);
    alarm(20);
    CHECK(csv_read(f.a, &f.d, "fifo.csv", NULL) == NULL);
    CHECK(csv_read(f.a, &f.d, "/dev/zero", NULL) == NULL);
    alarm(0);
    unlink("fifo.csv");
    CHECK_STR(fx_msgs(&f),
              "fifo.csv: error: not a regular file (a FIFO): budgetgen reads only regular files; "
              "put the file itself here\n"
              "/dev/zero: error: not a regular file (a character device): budgetgen reads only "
              "regular files; put the file itself here\n");
    CHECK_INT(f.d.errors, 2);
    fx_done(&f);
}

/* From a descriptor: the byte limit still holds, and the file is read. */
static void test_read_fd(void)
{
    fx_write("fd.csv", "a,b\n1,2\n", 8);
    fixture f;
    fx_init(&f);
    csv_limits lim = {7, 0, 0};
    CHECK(csv_read_fd(f.a, &f.d, open("fd.csv", O_RDONLY), "fd.csv", &lim) == NULL);
    CHECK_STR(fx_msgs(&f), "fd.csv: error: file is larger than the limit of 7 bytes\n");
    lim.max_bytes = 8;
    csv_table *t = csv_read_fd(f.a, &f.d, open("fd.csv", O_RDONLY), "fd.csv", &lim);
    CHECK(t && t->nrows == 1 && !strcmp(t->rows[0].fields[1], "2"));
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

int main(void)
{
    if (fx_tmp_enter(tmpdir) != 0) {
        perror(tmpdir);
        return 2;
    }
    RUN(test_plain_utf8);
    RUN(test_no_final_newline);
    RUN(test_bom);
    RUN(test_gbk);
    RUN(test_invalid_encoding);
    RUN(test_crlf);
    RUN(test_multiline_cell);
    RUN(test_blank_lines);
    RUN(test_ragged);
    RUN(test_open_quote);
    RUN(test_stray_quote);
    RUN(test_nul);
    RUN(test_trim);
    RUN(test_empty_records);
    RUN(test_empty_file);
    RUN(test_empty_header_name);
    RUN(test_limits);
    RUN(test_missing_file);
    RUN(test_map_columns);
    RUN(test_map_columns_typed);
    RUN(test_name_eq);
    RUN(test_pos);
    RUN(test_repeated_header);
    RUN(test_binary_file);
    RUN(test_mixed_gbk);
    RUN(test_long_cell);
    RUN(test_not_regular);
    RUN(test_read_fd);
    if (fx_tmp_leave() != 0)
        perror(tmpdir);
    return harness_end();
}
