/*
 * Unit tests for gen/config.c: the values of a good config and the
 * defaults, every kind of mistake reported with its line (all of them in one
 * run, not just the first), duplicate keys, comments, CRLF, a BOM, long and
 * non-UTF-8 lines.  Each INI text is written to config.ini in a mkdtemp
 * directory under /tmp, which becomes the working directory so messages
 * carry the short relative path; it is removed at the end.  Diagnostics are
 * captured with open_memstream and compared whole.
 */
#define _DEFAULT_SOURCE /* realpath */
#include "fixture.h"
#include "harness.h"

#include "arena.h"
#include "config.h"
#include "diag.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_config.XXXXXX";

/* Writes n bytes to config.ini in the temporary directory (the cwd). */
static void put(const char *bytes, size_t n)
{
    fx_write("config.ini", bytes, n);
}

/* Writes a string literal (which may hold any bytes) and loads it. */
#define LOAD(f, lit) (put((lit), sizeof(lit) - 1), config_load((f)->a, &(f)->d, "config.ini"))

/* The required keys, for tests about something else. */
#define REQUIRED                                                                                   \
    "[document]\n"                                                                                 \
    "department = 测试市示例局\n"                                                            \
    "region = 测试市\n"                                                                         \
    "year = 2021\n"                                                                                \
    "template = t.tpl\n"                                                                           \
    "[input]\n"                                                                                    \
    "dir = in/2021\n"

static void test_good_config(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, "; 部门预算公开\n"
                         "[document]\n"
                         "department = 测试市示例局\n"
                         "region     = 测试市\n"
                         "year       = 2021\n"
                         "template   = templates/seed004.tpl\n"
                         "author     = 测试市财政局\n"
                         "\n"
                         "[units]\n"
                         "unit             = 元\n"
                         "decimals         = 0\n"
                         "thousands        = no\n"
                         "percent_decimals = 2\n"
                         "percent_trim     = yes\n"
                         "\n"
                         "[input]\n"
                         "dir           = input/2021\n"
                         "previous      = input/2019\n"
                         "previous_year = 2019\n"
                         "\n"
                         "[output]\n"
                         "dir     = out\n"
                         "name    = 预算公开2021\n"
                         "formats = xlsx\n"
                         "\n"
                         "[fonts]\n"
                         "body    = Noto Serif CJK SC\n"
                         "heading = fonts/heading.ttf\n"
                         "\n"
                         "[limits]\n"
                         "max_rows  = 5000\n"
                         "max_cell  = 1024\n"
                         "max_pages = 300\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->path, "config.ini");
        CHECK_STR(c->department, "测试市示例局");
        CHECK_STR(c->region, "测试市");
        CHECK_INT(c->year, 2021);
        CHECK_STR(c->template_path, "templates/seed004.tpl");
        CHECK_INT(c->template_pos.line, 6);
        CHECK_STR(c->template_pos.file, "config.ini");
        CHECK_STR(c->author, "测试市财政局");
        CHECK_INT(c->unit, MONEY_YUAN);
        CHECK_INT(c->decimals, 0);
        CHECK_INT(c->thousands, 0);
        CHECK_INT(c->percent_decimals, 2);
        CHECK_INT(c->percent_trim, 1);
        CHECK_STR(c->input_dir, "input/2021");
        CHECK_INT(c->input_pos.line, 17);
        CHECK_STR(c->previous_dir, "input/2019");
        CHECK_INT(c->previous_pos.line, 18);
        CHECK_INT(c->previous_year, 2019);
        CHECK_STR(c->output_dir, "out");
        CHECK_STR(c->output_name, "预算公开2021");
        CHECK_INT(c->want_pdf, 0);
        CHECK_INT(c->want_xlsx, 1);
        CHECK_INT(c->formats_pos.line, 24);
        CHECK_STR(c->font_body, "Noto Serif CJK SC");
        CHECK_STR(c->font_heading, "fonts/heading.ttf");
        CHECK_INT(c->font_heading_pos.line, 28);
        /* only body and heading named (as before the roles): title and
         * subheading are the heading's face, table and bold the body's */
        CHECK_STR(c->font_role[2], "fonts/heading.ttf");
        CHECK_STR(c->font_role[3], "fonts/heading.ttf");
        CHECK_INT(c->font_role_pos[3].line, 28);
        CHECK_STR(c->font_role[4], "Noto Serif CJK SC");
        CHECK_STR(c->font_role[5], "Noto Serif CJK SC");
        CHECK_INT(c->max_rows, 5000);
        CHECK_INT(c->max_cell, 1024);
        CHECK_INT(c->max_pages, 300);
    }
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    CHECK_INT(f.d.warnings, 0);
    fx_done(&f);
}

/* Only the required keys: every other value is its documented default. */
static void test_defaults(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, REQUIRED);
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->author, "测试市示例局"); /* the department */
        CHECK_INT(c->unit, MONEY_WAN);
        CHECK_INT(c->decimals, 2);
        CHECK_INT(c->thousands, 1);
        CHECK_INT(c->percent_decimals, 1);
        CHECK_INT(c->percent_trim, 0);
        CHECK(c->previous_dir == NULL);
        CHECK_INT(c->previous_year, 2020); /* year - 1 */
        CHECK_STR(c->output_dir, "output");
        CHECK_STR(c->output_name, "测试市示例局-2021"); /* 部门-年度 */
        CHECK_INT(c->want_pdf, 1);
        CHECK_INT(c->want_xlsx, 1);
        /* nothing named: the preference lists of each role */
        CHECK_STR(c->font_body, FONTS_BODY);
        CHECK_STR(c->font_heading, FONTS_HEADING);
        CHECK(strncmp(c->font_body, "FangSong, 仿宋", strlen("FangSong, 仿宋")) == 0);
        CHECK_STR(c->font_role[2], FONTS_TITLE);
        CHECK_STR(c->font_role[3], FONTS_SUBHEADING);
        CHECK_STR(c->font_role[4], FONTS_TABLE);
        CHECK_STR(c->font_role[5], FONTS_BOLD);
        CHECK_INT(c->font_role_pos[5].line, 0);
        CHECK_INT(c->max_rows, 100000);
        CHECK_INT(c->max_cell, 65536);
        CHECK_INT(c->max_pages, 2000);
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    /* previous given without previous_year: still year - 1. */
    fx_init(&f);
    c = LOAD(&f, REQUIRED "previous = in/2020\n");
    CHECK(c && c->previous_dir && strcmp(c->previous_dir, "in/2020") == 0);
    CHECK(c && c->previous_year == 2020);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* The spellings of booleans and formats that are accepted. */
static void test_value_spellings(void)
{
    static const struct {
        const char *text;
        int value;
    } bools[] = {{"yes", 1}, {"true", 1},  {"on", 1},  {"1", 1},
                 {"no", 0},  {"false", 0}, {"off", 0}, {"0", 0}};
    for (size_t i = 0; i < sizeof bools / sizeof bools[0]; i++) {
        fixture f;
        fx_init(&f);
        char text[512];
        snprintf(text, sizeof text, REQUIRED "[units]\nthousands = %s\npercent_trim = %s\n",
                 bools[i].text, bools[i].text);
        put(text, strlen(text));
        config *c = config_load(f.a, &f.d, "config.ini");
        CHECK(c && c->thousands == bools[i].value && c->percent_trim == bools[i].value);
        CHECK_STR(fx_msgs(&f), "");
        fx_done(&f);
    }
    static const struct {
        const char *text;
        int pdf, xlsx;
    } formats[] = {{"pdf", 1, 0}, {"xlsx", 0, 1}, {"pdf,xlsx", 1, 1}, {"xlsx, pdf", 1, 1}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        fixture f;
        fx_init(&f);
        char text[512];
        snprintf(text, sizeof text, REQUIRED "[output]\nformats = %s\n", formats[i].text);
        put(text, strlen(text));
        config *c = config_load(f.a, &f.d, "config.ini");
        CHECK(c && c->want_pdf == formats[i].pdf && c->want_xlsx == formats[i].xlsx);
        CHECK_STR(fx_msgs(&f), "");
        fx_done(&f);
    }
    /* 元 holds 2 decimals exactly, 万元 6: the upper bound follows the unit. */
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, REQUIRED "[units]\nunit = 元\ndecimals = 2\n");
    CHECK(c && c->decimals == 2);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[units]\nunit = 元\ndecimals = 3\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:10: error: decimals = \"3\": expected a whole number from 0 "
                           "to 2 (digits after the point for amounts (default 2))\n");
    fx_done(&f);
    fx_init(&f);
    c = LOAD(&f, REQUIRED "[units]\nunit = 万元\ndecimals = 6\n");
    CHECK(c && c->decimals == 6);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* [units] text_unit, and the units a template gives (config_set_units):
 * the decimals must fit the unit; text_decimals by default follows
 * decimals within its unit. */
static void test_text_unit(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, REQUIRED "[units]\nunit = 元\ntext_unit = 万元\n");
    CHECK(c && c->unit == MONEY_YUAN && c->text_unit == MONEY_WAN && c->text_decimals == 2);
    /* the input is read in [units] unit unless [input] unit says */
    CHECK(c && c->input_unit == MONEY_YUAN);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    fx_init(&f);
    c = LOAD(&f, REQUIRED "[units]\nunit = 万元\n");
    CHECK(c && c->text_unit == MONEY_WAN);
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[units]\ntext_unit = 千元\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:9: error: text_unit = \"千元\": expected 万元 or 元\n");
    fx_done(&f);

    /* 万元 at 4 decimals, then a template's `units tables 元`: 元 holds 2. */
    fx_init(&f);
    c = LOAD(&f, REQUIRED "[units]\ndecimals = 4\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(config_set_units(c, &f.d, MONEY_YUAN, diag_at("t.tpl", 3, 0), -1,
                                   diag_at(NULL, 0, 0)),
                  -1);
        CHECK_STR(fx_msgs(&f), "t.tpl:3: error: units tables 元: 元 holds at most 2 decimals, but "
                               "decimals = 4 (config.ini:9): set decimals to 2 or less in [units]\n");
    }
    fx_done(&f);

    /* text in 元 by the template: text_decimals given by default (4, from
     * decimals) becomes 2; given explicitly, it is an error. */
    fx_init(&f);
    c = LOAD(&f, REQUIRED "[units]\ndecimals = 4\n");
    CHECK(c && config_set_units(c, &f.d, -1, diag_at(NULL, 0, 0), MONEY_YUAN,
                                diag_at("t.tpl", 2, 0)) == 0);
    CHECK(c && c->unit == MONEY_WAN && c->text_unit == MONEY_YUAN && c->text_decimals == 2);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
    fx_init(&f);
    c = LOAD(&f, REQUIRED "[units]\ntext_decimals = 3\n");
    CHECK(c && config_set_units(c, &f.d, -1, diag_at(NULL, 0, 0), MONEY_YUAN,
                                diag_at("t.tpl", 2, 0)) == -1);
    CHECK_STR(fx_msgs(&f), "t.tpl:2: error: units text 元: 元 holds at most 2 decimals, but "
                           "text_decimals = 3 (config.ini:9): set text_decimals to 2 or less in "
                           "[units]\n");
    fx_done(&f);
}

/* [document] profile: the template is the profile folder's document.tpl;
 * national by default; a path with a slash is the folder itself; profile
 * and template together are an error. */
static void test_profile(void)
{
    static const char HEAD[] = "[document]\ndepartment = 局\nregion = 市\nyear = 2021\n";
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, "[document]\ndepartment = 局\nregion = 市\nyear = 2021\n"
                         "profile = district-2026\n[input]\ndir = in/2021\n");
    CHECK(c && !strcmp(c->template_path, "templates/profiles/district-2026/document.tpl"));
    CHECK(c && !strcmp(c->profile, "district-2026"));
    fx_done(&f);
    fx_init(&f);
    c = LOAD(&f, "[document]\ndepartment = 局\nregion = 市\nyear = 2021\n[input]\ndir = in\n");
    CHECK(c && !strcmp(c->template_path, "templates/profiles/national/document.tpl"));
    fx_done(&f);
    fx_init(&f);
    c = LOAD(&f, "[document]\ndepartment = 局\nregion = 市\nyear = 2021\nprofile = 我局/区级\n"
                 "[input]\ndir = in\n");
    CHECK(c && !strcmp(c->template_path, "我局/区级/document.tpl"));
    fx_done(&f);
    fx_init(&f);
    CHECK(LOAD(&f, "[document]\ndepartment = 局\nregion = 市\nyear = 2021\n"
                   "profile = national\ntemplate = t.tpl\n[input]\ndir = in\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:5: error: profile and template are both given (template at "
                           "line 6): a profile is the template PROFILE/document.tpl; keep one of "
                           "the two keys\n");
    fx_done(&f);
    (void)HEAD;
}

/* One file with a mistake in nearly every key: each is reported with its
 * line, in one run, and the config is refused. */
static void test_every_typo_reported(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, "[document]\n"                /* 1 */
                         "departmnet = 测试市示例局\n" /* 2 */
                         "region = 测试市\n"           /* 3 */
                         "year = 20x1\n"               /* 4 */
                         "template = t.tpl\n"          /* 5 */
                         "[units]\n"                   /* 6 */
                         "unit = 千元\n"               /* 7 */
                         "decimals = 9\n"              /* 8 */
                         "thousands = maybe\n"         /* 9 */
                         "percent_decimals = 5\n"      /* 10 */
                         "percent_trim = sometimes\n"  /* 11 */
                         "[input]\n"                   /* 12 */
                         "dir = in/2021\n"             /* 13 */
                         "previuos = in/2020\n"        /* 14 */
                         "previous_year = 1900\n"      /* 15 */
                         "[output]\n"                  /* 16 */
                         "formats = pdf,doc\n"         /* 17 */
                         "name = a/b\n"                /* 18 */
                         "[limits]\n"                  /* 19 */
                         "max_rows = 0\n"              /* 20 */
                         "max_cell = lots\n");         /* 21 */
    CHECK(c == NULL);
    CHECK_STR(fx_msgs(&f),
              "config.ini:2: error: unknown key \"departmnet\" in [document]; expected one of: "
              "department, region, year, profile, template, author, language, kind\n"
              "config.ini:14: error: unknown key \"previuos\" in [input]; expected one of: dir, "
              "unit, previous, budget, previous_year, earlier, function_codes, economic_codes, "
              "previous_function_codes, previous_economic_codes\n"
              "config.ini: error: missing department in [document]: the department's full name "
              "(部门名称)\n"
              "config.ini:4: error: year = \"20x1\": expected a whole number from 1949 to 9999 "
              "(the budget year, e.g. 2020)\n"
              "config.ini:7: error: unit = \"千元\": expected 万元 or 元\n"
              "config.ini:8: error: decimals = \"9\": expected a whole number from 0 to 6 (digits "
              "after the point for amounts (default 2))\n"
              "config.ini:9: error: thousands = \"maybe\": expected yes or no\n"
              "config.ini:10: error: percent_decimals = \"5\": expected a whole number from 0 to "
              "4 (digits after the point for percentages (default 1))\n"
              "config.ini:11: error: percent_trim = \"sometimes\": expected yes or no\n"
              "config.ini:15: error: previous_year = \"1900\": expected a whole number from 1949 "
              "to 9999 (year of the previous folder (default year - 1))\n"
              "config.ini:18:9: error: name = \"a/b\": contains '/' (a folder separator): an "
              "output name is a file name: printable characters other than '/' and '\\', not "
              "starting with '.'\n"
              "config.ini:17: error: formats = \"pdf,doc\": expected pdf, xlsx or pdf,xlsx\n"
              "config.ini:20: error: max_rows = \"0\": expected a whole number from 1 to "
              "100000000 (most data rows in one CSV file (default 100000))\n"
              "config.ini:21: error: max_cell = \"lots\": expected a whole number from 16 to "
              "16777216 (most bytes in one CSV cell (default 65536))\n");
    CHECK_INT(f.d.errors, 14);
    fx_done(&f);
}

/* A line that is neither "key = value" nor "[section]" is reported even
 * when the file has other mistakes, and every such line is reported. */
static void test_malformed_lines_all_reported(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[units]\n"
                            "decimals 2\n"      /* 9: no '=' */
                            "thousands = yes\n" /* 10 */
                            "percent_trim\n")   /* 11: no '=' */
          == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:9: error: not a key = value line or a [section] header\n"
                           "config.ini:11: error: not a key = value line or a [section] header\n");
    CHECK_INT(f.d.errors, 2);
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[units]\n"
                            "unit = 千元\n" /* 9 */
                            "decimals 2\n") /* 10 */
          == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:10: error: not a key = value line or a [section] header\n"
                           "config.ini:9: error: unit = \"千元\": expected 万元 or 元\n");
    CHECK_INT(f.d.errors, 2);
    fx_done(&f);

    /* With a mistake reported while parsing (an unknown key), the
     * malformed line must still be reported. */
    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[units]\n"
                            "unti = 万元\n" /* 9 */
                            "decimals 2\n") /* 10 */
          == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:9: error: unknown key \"unti\" in [units]; expected one of: "
                           "unit, decimals, thousands, percent_decimals, percent_trim, trim, "
                           "text_decimals, text_trim, text_thousands, text_unit\n"
                           "config.ini:10: error: not a key = value line or a [section] header\n");
    CHECK_INT(f.d.errors, 2);
    fx_done(&f);
}

static void test_duplicate_key(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[document]\n"
                            "year = 2022\n") /* 9 */
          == NULL);
    CHECK_STR(fx_msgs(&f),
              "config.ini:9: error: year is set twice in [document] (first at line 4)\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

/* An unknown section is reported at its header line, once, and also when
 * it has no keys at all; keys in it are not reported one by one. */
static void test_unknown_section(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "\n"
                            "[outptu]\n" /* 9 */
                            "dir = out\n"
                            "formats = pdf\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:9: error: unknown section [outptu]; expected [document], "
                           "[units], [input], [output], [fonts], [check] or [limits]\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[font]\n") == NULL); /* 8, no keys */
    CHECK_STR(fx_msgs(&f), "config.ini:8: error: unknown section [font]; expected [document], "
                           "[units], [input], [output], [fonts], [check] or [limits]\n");
    fx_done(&f);
}

/* A key before the first [section] header. */
static void test_key_outside_section(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "year = 2021\n" REQUIRED) == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:1: error: year = 2021 comes before any [section] header; "
                           "put it under [document], [units], [input], [output], [fonts], [check] or "
                           "[limits]\n");
    fx_done(&f);
}

static void test_missing_and_empty(void)
{
    fixture f;
    fx_init(&f);
    CHECK(LOAD(&f, "; nothing but a comment\n") == NULL);
    CHECK_STR(fx_msgs(&f),
              "config.ini: error: missing department in [document]: the department's full name "
              "(部门名称)\n"
              "config.ini: error: missing region in [document]: the region or government level "
              "(地区)\n"
              "config.ini: error: missing year in [document]: the budget year, e.g. 2020\n"
              "config.ini: error: missing dir in [input]: folder of this year's CSV and text "
              "files\n");
    CHECK_INT(f.d.errors, 4); /* no template: the profile national's */
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, "[document]\n"
                   "department = 测试市示例局\n"
                   "region =\n" /* 3 */
                   "year = 2021\n"
                   "template = t.tpl\n"
                   "[input]\n"
                   "dir = in\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:3: error: region is empty: expected the region or "
                           "government level (地区)\n");
    fx_done(&f);

    fx_init(&f);
    CHECK(config_load(f.a, &f.d, "nosuch.ini") == NULL);
    CHECK_STR(fx_msgs(&f),
              "budgetgen: error: cannot open config 'nosuch.ini': No such file or directory\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

/* Comment lines (; and #), blank lines, inline " ; comments" after values
 * and after a section header; a ';' not preceded by a space is part of the
 * value. */
static void test_comments(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, "; 说明\n"
                         "# 另一种注释\n"
                         "\n"
                         "[document] ; 文档\n"
                         "department = 测试市示例局 ; 部门全称\n"
                         "   ; indented comment\n"
                         "region = 测试市;市本级\n"
                         "year = 2021 ; 预算年度\n"
                         "template = t.tpl\n"
                         "[input]\n"
                         "dir = in/2021\t; 本年\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->department, "测试市示例局");
        CHECK_STR(c->region, "测试市;市本级");
        CHECK_INT(c->year, 2021);
        CHECK_STR(c->input_dir, "in/2021");
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* Windows line endings: values carry no '\r' and lines are counted right. */
static void test_crlf(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, "[document]\r\n"
                         "department = 测试市示例局\r\n"
                         "region = 测试市\r\n"
                         "year = 2021\r\n"
                         "template = t.tpl\r\n"
                         "[input]\r\n"
                         "dir = in/2021\r\n"
                         "[output]\r\n"
                         "formats = pdf\r\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->department, "测试市示例局");
        CHECK_STR(c->input_dir, "in/2021");
        CHECK_INT(c->want_pdf, 1);
        CHECK_INT(c->want_xlsx, 0);
        CHECK_INT(c->input_pos.line, 7);
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, "[document]\r\n"
                   "department = 测试市示例局\r\n"
                   "region = 测试市\r\n"
                   "year = 2021\r\n"
                   "template = t.tpl\r\n"
                   "[units]\r\n"
                   "unit = 千元\r\n" /* 7 */
                   "[input]\r\n"
                   "dir = in/2021\r\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:7: error: unit = \"千元\": expected 万元 or 元\n");
    fx_done(&f);

    /* CRLF and no newline at the end of the last line. */
    fx_init(&f);
    c = LOAD(&f, "[document]\r\ndepartment = 甲\r\nregion = 乙\r\nyear = 2021\r\n"
                 "template = t.tpl\r\n[input]\r\ndir = in");
    CHECK(c && strcmp(c->input_dir, "in") == 0);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
}

/* Notepad's "UTF-8 with BOM": the BOM is not part of the first line. */
static void test_bom(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, "\xEF\xBB\xBF[document]\n"
                         "department = 测试市示例局\n"
                         "region = 测试市\n"
                         "year = 2021\n"
                         "template = t.tpl\n"
                         "[input]\n"
                         "dir = in/2021\n");
    CHECK(c != NULL);
    if (c)
        CHECK_STR(c->department, "测试市示例局");
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    /* A BOM before a comment line, with CRLF, and an error counted right. */
    fx_init(&f);
    CHECK(LOAD(&f, "\xEF\xBB\xBF; 说明\r\n"
                   "[document]\r\n"
                   "department = 测试市示例局\r\n"
                   "region = 测试市\r\n"
                   "year = 二〇二一\r\n" /* 5 */
                   "template = t.tpl\r\n"
                   "[input]\r\n"
                   "dir = in/2021\r\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:5: error: year = \"二〇二一\": expected a whole number "
                           "from 1949 to 9999 (the budget year, e.g. 2020)\n");
    fx_done(&f);
}

/* inih reads at most 198 bytes of a line: a longer line is refused with
 * its line number, never cut and used; only that error is reported. */
static void test_long_line(void)
{
    char name[256], text[1024];
    /* "department = " is 13 bytes: 185 more make a line of exactly 198. */
    memset(name, 'x', 185);
    name[185] = '\0';
    snprintf(text, sizeof text,
             "[document]\ndepartment = %s\nregion = 乙\nyear = 2021\ntemplate = t.tpl\n"
             "[input]\ndir = in\n",
             name);
    fixture f;
    fx_init(&f);
    put(text, strlen(text));
    config *c = config_load(f.a, &f.d, "config.ini");
    CHECK(c && strlen(c->department) == 185);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    /* One byte more: 199. */
    name[185] = 'x';
    name[186] = '\0';
    snprintf(text, sizeof text,
             "[document]\ndepartment = %s\nregion = 乙\nyear = 2021\ntemplate = t.tpl\n"
             "[input]\ndir = in\n",
             name);
    fx_init(&f);
    put(text, strlen(text));
    CHECK(config_load(f.a, &f.d, "config.ini") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:2: error: line is longer than 198 bytes: keep config "
                           "lines short and put long text in files under the input folder\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    /* Far longer than any buffer (5000 bytes), followed by a typo: both
     * reported, the line count stays right. */
    static char big[8192];
    memset(name, 0, sizeof name);
    int n = snprintf(big, sizeof big, "[document]\n; ");
    memset(big + n, 'y', 5000);
    n += 5000;
    snprintf(big + n, sizeof big - (size_t)n,
             "\ndepartment = 甲\nregion = 乙\nyear = 2021\ntemplate = t.tpl\nauthr = 丙\n"
             "[input]\ndir = in\n");
    fx_init(&f);
    put(big, strlen(big));
    CHECK(config_load(f.a, &f.d, "config.ini") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:2: error: line is longer than 198 bytes: keep config "
                           "lines short and put long text in files under the input folder\n"
                           "config.ini:7: error: unknown key \"authr\" in [document]; expected "
                           "one of: department, region, year, profile, template, author, language, kind\n");
    fx_done(&f);
}

/* [document] kind: 预算 by default, 决算 (or juesuan) chooses the final
 * accounts and their template; anything else is an error at its line, and
 * [input] budget needs kind = 决算. */
static void test_kind(void)
{
    static const char *const ok[] = {"决算", "juesuan"};
    for (int i = 0; i < 2; i++) {
        fixture f;
        char text[256];
        snprintf(text, sizeof text,
                 "[document]\ndepartment = 甲\nregion = 乙\nyear = 2021\nkind = %s\n"
                 "[input]\ndir = in\nbudget = b\n",
                 ok[i]);
        fx_init(&f);
        put(text, strlen(text));
        config *c = config_load(f.a, &f.d, "config.ini");
        CHECK(c != NULL);
        CHECK_INT(c ? c->kind : -1, DOC_KIND_JUESUAN);
        CHECK_STR(c ? c->template_path : NULL, "templates/juesuan/document.tpl");
        CHECK_STR(c ? c->budget_dir : NULL, "b");
        CHECK_INT(c ? c->js_reason_threshold : -1, 10);
        fx_done(&f);
    }
    fixture f;
    const char *bad = "[document]\ndepartment = 甲\nregion = 乙\nyear = 2021\nkind = 决策\n"
                      "[input]\ndir = in\nbudget = b\n";
    fx_init(&f);
    put(bad, strlen(bad));
    CHECK(config_load(f.a, &f.d, "config.ini") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:5: error: kind = \"决策\": expected 预算 or 决算\n"
                           "config.ini:8: error: budget names the 预算 folder of a 决算: it needs "
                           "kind = 决算 in [document]\n");
    fx_done(&f);
}

/* The config must be UTF-8: a GBK line is named, and the key on it is not
 * then also reported as missing. */
static void test_not_utf8(void)
{
    fixture f;
    fx_init(&f);
    /* "region = 测试市" in GBK: B2 E2 CA D4 CA D0. */
    CHECK(LOAD(&f, "[document]\n"
                   "department = 甲\n"
                   "region = \xB2\xE2\xCA\xD4\xCA\xD0\n" /* 3 */
                   "year = 2021\n"
                   "template = t.tpl\n"
                   "[input]\n"
                   "dir = in\n") == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:3: error: not valid UTF-8: save the config as UTF-8\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);
}

/* Continuation lines (inih's multi-line values) are not allowed: an
 * indented line is a line of its own. */
static void test_no_continuation(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, REQUIRED "[output]\n"
                                  "name = 测试\n"
                                  "  formats = pdf\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_STR(c->output_name, "测试");
        CHECK_INT(c->want_xlsx, 0);
    }
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    fx_init(&f);
    CHECK(LOAD(&f, REQUIRED "[output]\n"
                            "name = 测试\n"
                            "  续行\n") /* 10 */
          == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:10: error: not a key = value line or a [section] header\n");
    fx_done(&f);
}

static void test_set_formats(void)
{
    config c;
    memset(&c, 0, sizeof c);
    CHECK_INT(config_set_formats(&c, "pdf"), 0);
    CHECK(c.want_pdf == 1 && c.want_xlsx == 0);
    CHECK_INT(config_set_formats(&c, "xlsx"), 0);
    CHECK(c.want_pdf == 0 && c.want_xlsx == 1);
    CHECK_INT(config_set_formats(&c, "pdf,xlsx"), 0);
    CHECK(c.want_pdf == 1 && c.want_xlsx == 1);
    CHECK_INT(config_set_formats(&c, "pdf,doc"), -1);
    CHECK_INT(config_set_formats(&c, ""), -1);
    CHECK_INT(config_set_formats(&c, ","), -1);
    CHECK_INT(config_set_formats(&c, "PDF"), -1);
    CHECK(c.want_pdf == 1 && c.want_xlsx == 1); /* unchanged by a refused list */
}

static void test_print_keys(void)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buf, &size);
    config_print_keys(out);
    fclose(out);
    CHECK(buf && strstr(buf, "  [document]\n") != NULL);
    CHECK(buf && strstr(buf, "    department        the department's full name (部门名称) "
                             "(required)\n") != NULL);
    CHECK(buf &&
          strstr(buf, "    percent_trim      yes/no: write 2.0% as 2% (default no)\n") != NULL);
    CHECK(buf && strstr(buf, "  [limits]\n") != NULL);
    free(buf);
}

/* A NUL byte made the reader swallow the line after it: "unit = 元"
 * after a comment holding a NUL vanished, silently, and every amount was
 * read in 万元.  The NUL line is an error; the next line is still read. */
static void test_nul_byte(void)
{
    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, REQUIRED "[units]\n; 单位\0\nunit = 元\n");
    CHECK(c == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:9: error: NUL byte: the config must be text; save it as "
                           "UTF-8\n");
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    /* Without the NUL the unit is read: the line after it is not lost. */
    fx_init(&f);
    c = LOAD(&f, REQUIRED "[units]\n; 单位\nunit = 元\n");
    CHECK(c && c->unit == MONEY_YUAN);
    fx_done(&f);

    /* A NUL in a value line is refused too, not cut at the NUL. */
    fx_init(&f);
    c = LOAD(&f, REQUIRED "[output]\nname = a\0b\n");
    CHECK(c == NULL);
    CHECK_STR(fx_msgs(&f), "config.ini:9: error: NUL byte: the config must be text; save it as "
                           "UTF-8\n");
    fx_done(&f);
}

/* config_check_paths with a project folder: every path the config names,
 * a default one too, must lead into it; -o is the operator's. */
static void test_paths_confined(void)
{
    char top[PATH_MAX];
    CHECK(realpath(".", top) != NULL);
    CHECK_INT(mkdir("p", 0777), 0);
    CHECK_INT(mkdir("p/in", 0777), 0);
    CHECK_INT(mkdir("elsewhere", 0777), 0);
    fx_write("p/t.tpl", "title x\n", 8);
    fx_write("f.csv", "科目编码,科目名称\n", 26);
    paths_root root;
    CHECK_INT(paths_root_init(&root, "p"), 0);
    const char *tail = " (--root): budgetgen reads and writes only under it; move the files "
                       "under it, or give a wider --root\n";
    static char want[8 * PATH_MAX];

    fixture f;
    fx_init(&f);
    config *c = LOAD(&f, "[document]\n"
                         "department = 测试市示例局\n"
                         "region = 测试市\n"
                         "year = 2021\n"
                         "template = p/t.tpl\n"
                         "[input]\n"
                         "dir = p/in\n"
                         "previous = elsewhere\n"
                         "function_codes = p/../f.csv\n"
                         "[output]\n"
                         "dir = p/out\n");
    CHECK(c != NULL);
    if (c) {
        CHECK_INT(config_check_paths(c, &f.d), 0); /* no root: no limit */
        c->root = &root;
        CHECK_INT(config_check_paths(c, &f.d), -1);
    }
    snprintf(want, sizeof want,
             "config.ini:8: error: previous = \"elsewhere\": leads to %s/elsewhere, outside the "
             "project folder %s/p%s"
             "config.ini:9: error: function_codes = \"p/../f.csv\": leads to %s/f.csv, outside "
             "the project folder %s/p%s"
             "config.ini: error: [input] economic_codes = \"templates/codes/economic.csv\" (the "
             "default): leads to %s/templates/codes/economic.csv, outside the project folder "
             "%s/p%s",
             top, top, tail, top, top, tail, top, top, tail);
    CHECK_STR(fx_msgs(&f), want);
    CHECK_INT(f.d.errors, 3);
    fx_done(&f);

    /* The output folder, missing and outside; from -o it is not checked. */
    fx_init(&f);
    c = LOAD(&f, "[document]\n"
                 "department = 测试市示例局\n"
                 "region = 测试市\n"
                 "year = 2021\n"
                 "template = p/t.tpl\n"
                 "[input]\n"
                 "dir = p/in\n"
                 "function_codes = p/../p/t.tpl\n"
                 "economic_codes = p/t.tpl\n"
                 "[output]\n"
                 "dir = elsewhere/new\n");
    CHECK(c != NULL);
    if (c) {
        c->root = &root;
        CHECK_INT(config_check_paths(c, &f.d), -1);
        snprintf(want, sizeof want,
                 "config.ini:11: error: dir = \"elsewhere/new\": leads to %s/elsewhere/new, "
                 "outside the project folder %s/p%s",
                 top, top, tail);
        CHECK_STR(fx_msgs(&f), want);
        config_set_output_dir(c, "/somewhere/else");
        CHECK_INT(config_check_paths(c, &f.d), 0);
        CHECK_STR(config_output_what(f.a, c), "-o \"/somewhere/else\"");
        CHECK_INT(f.d.errors, 1);
    }
    fx_done(&f);

    unlink("p/t.tpl");
    rmdir("p/in");
    rmdir("p");
    rmdir("elsewhere");
}

int main(void)
{
    if (fx_tmp_enter(tmpdir) != 0) {
        printf("cannot create %s\n", tmpdir);
        return 2;
    }
    RUN(test_good_config);
    RUN(test_kind);
    RUN(test_defaults);
    RUN(test_value_spellings);
    RUN(test_every_typo_reported);
    RUN(test_malformed_lines_all_reported);
    RUN(test_duplicate_key);
    RUN(test_unknown_section);
    RUN(test_key_outside_section);
    RUN(test_missing_and_empty);
    RUN(test_comments);
    RUN(test_crlf);
    RUN(test_bom);
    RUN(test_long_line);
    RUN(test_not_utf8);
    RUN(test_no_continuation);
    RUN(test_set_formats);
    RUN(test_print_keys);
    RUN(test_nul_byte);
    RUN(test_paths_confined);
    RUN(test_text_unit);
    RUN(test_profile);
    if (fx_tmp_leave() != 0)
        printf("cannot remove %s\n", tmpdir);
    return harness_end();
}
