/*
 * Unit tests for render_xlsx.c.  Builds documents in code (the three-public-
 * expenses table of seed 004, a landscape performance table with row spans
 * and long text, tables whose sheet names need cleaning), renders them into
 * a temporary folder and reads the workbook back with openpyxl
 * (tests/tools/xlsx_check.py, Debian's /usr/bin/python3) against a spec
 * written here; a chart's data sheet and its native column chart (the
 * chart part read with unzip -p).  Also: byte-identical output, SOURCE_DATE_EPOCH, and errors
 * that must leave no file behind.  Run from the project folder; the files
 * are kept (and their folder printed) on failure or with TEST_XLSX_KEEP=1.
 */
#include "harness.h"

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "money.h"
#include "render.h"

#include <dirent.h>
#include <stdarg.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PYTHON "/usr/bin/python3"
#define CHECKER "tests/tools/xlsx_check.py"
#define NAME "沧州经开区-2020"
#define WAN 1000000LL /* fen per 万元 */

static char tmp_root[] = "/tmp/test_xlsx.XXXXXX";

/* ---- building documents ------------------------------------------------- */

static void column(doc_table *t, int c, const char *key, doc_col_kind kind, doc_align align)
{
    t->cols[c].key = key;
    t->cols[c].kind = kind;
    t->cols[c].align = align;
}

static void text(doc_cell *x, const char *s, doc_align align)
{
    x->text = s;
    x->align = align;
}

/* An amount cell: text as build.c formats it, value in fen. */
static void amount(doc_cell *x, const char *s, money fen)
{
    x->text = s;
    x->align = DOC_RIGHT;
    x->is_amount = 1;
    x->value = fen;
}

static void percent(doc_cell *x, const char *s, long long scaled)
{
    x->text = s;
    x->align = DOC_RIGHT;
    x->is_percent = 1;
    x->percent = scaled;
}

static doc_table *add_table(arena *a, doc *d, int ncols)
{
    doc_block *b = doc_add(a, d, DOC_TABLE);
    b->table = doc_table_new(a, ncols);
    return b->table;
}

/* (a) Seed 004, section 四: 2020年区级“三公经费”预算情况表, 万元. */
static void three_public(arena *a, doc *d, const char *title)
{
    doc_table *t = add_table(a, d, 6);
    t->id = "three_public";
    t->title = title;
    t->unit_line = "单位：万元";
    column(t, 0, "项目", DOC_COL_TEXT, DOC_LEFT);
    column(t, 1, "合计", DOC_COL_AMOUNT, DOC_RIGHT);
    column(t, 2, "同比下降", DOC_COL_PERCENT, DOC_RIGHT);
    column(t, 3, "一般预算", DOC_COL_AMOUNT, DOC_RIGHT);
    column(t, 4, "基金预算", DOC_COL_AMOUNT, DOC_RIGHT);
    column(t, 5, "财政专户", DOC_COL_AMOUNT, DOC_RIGHT);
    doc_cell *h = doc_table_add_head(a, t);
    text(&h[0], "项目", DOC_CENTER);
    text(&h[1], "合计", DOC_CENTER);
    text(&h[2], "同比下降", DOC_CENTER);
    text(&h[3], "资金来源", DOC_CENTER);
    h = doc_table_add_head(a, t);
    text(&h[3], "一般预算", DOC_CENTER);
    text(&h[4], "基金预算", DOC_CENTER);
    text(&h[5], "财政专户", DOC_CENTER);
    doc_table_span(t, 0, 0, 0, 2, 1); /* 项目 */
    doc_table_span(t, 0, 0, 1, 2, 1); /* 合计 */
    doc_table_span(t, 0, 0, 2, 2, 1); /* 同比下降 */
    doc_table_span(t, 0, 0, 3, 1, 3); /* 资金来源 over three sources */

    static const struct {
        const char *name, *amount, *pct;
        long long wan, scaled;
        doc_row_kind kind;
    } rows[] = {
        {"车辆运行费", "70.00", "0%", 70, 0, DOC_ROW_NORMAL},
        {"车辆购置费", "60.00", "0%", 60, 0, DOC_ROW_NORMAL},
        {"公务接待费", "70.00", "0%", 70, 0, DOC_ROW_NORMAL},
        {"因公出国经费", "40.00", "11.1%", 40, 111, DOC_ROW_NORMAL},
        {"合计", "240.00", "2%", 240, 20, DOC_ROW_TOTAL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        doc_cell *r = doc_table_add_body(a, t, rows[i].kind);
        text(&r[0], rows[i].name, rows[i].kind == DOC_ROW_TOTAL ? DOC_CENTER : DOC_LEFT);
        amount(&r[1], rows[i].amount, rows[i].wan * WAN);
        percent(&r[2], rows[i].pct, rows[i].scaled);
        amount(&r[3], rows[i].amount, rows[i].wan * WAN);
        for (int c = 0; c < 6; c++)
            r[c].pos = diag_at("input/three_public.csv", (int)i + 2, c + 1);
    }
}

/* The duty description: long enough to need many lines in any column. */
static const char LONG_DUTY[] =
    "负责开发区招商引资工作，研究制定招商引资政策和年度工作计划，组织开展产业链招商、以商招商和"
    "驻点招商，跟踪服务重点签约项目落地建设，协调解决项目推进中的土地、规划、环评等问题，"
    "统计分析招商引资数据并定期向管委会报告，承办管委会交办的其他招商事项，"
    "推动区域经济高质量发展，优化营商环境，提升对外开放水平。";

/* (b) Seed 004, section 五: the twelve-column performance table; the duty
 * spans three rows, the first activity two. */
static void performance(arena *a, doc *d)
{
    static const char *keys[12] = {"职责名称", "职责描述", "职责目标", "活动名称",
                                   "活动描述", "绩效目标", "绩效指标", "指标描述",
                                   "优",       "良",       "中",       "差"};
    doc_table *t = add_table(a, d, 12);
    t->id = "performance";
    t->title = "2020年部门整体绩效目标表";
    t->sheet = "绩效目标表";
    t->landscape = 1;
    t->note = "注：绩效指标的“优、良、中、差”为年度考核等级标准，数据来源于开发区统计年报。";
    doc_cell *h = doc_table_add_head(a, t);
    for (int c = 0; c < 12; c++) {
        column(t, c, keys[c], c < 8 ? DOC_COL_TEXT : DOC_COL_PERCENT,
               c < 8 ? DOC_LEFT : DOC_CENTER);
        text(&h[c], keys[c], DOC_CENTER);
    }
    static const char *rows[3][12] = {
        {"招商引资", LONG_DUTY, "完成年度招商引资任务", "项目引进", "引进亿元以上项目",
         "全年引进项目10个", "引进项目数", "年度新引进亿元以上项目个数", "≥10个", "8个", "6个",
         "＜6个"},
        {"", "", "", "", "", "", "项目落地率", "签约项目当年开工比例", "≥80%", "≥70%", "≥60%",
         "＜60%"},
        {"", "", "", "外资利用", "利用外资", "实际利用外资0.2亿美元", "实际利用外资",
         "全年实际利用外资额", "≥0.2亿美元", "0.15亿美元", "0.1亿美元", "未执行"},
    };
    for (int r = 0; r < 3; r++) {
        doc_cell *row = doc_table_add_body(a, t, DOC_ROW_NORMAL);
        for (int c = 0; c < 12; c++)
            text(&row[c], rows[r][c], t->cols[c].align);
    }
    for (int c = 0; c < 3; c++)
        doc_table_span(t, 1, 0, c, 3, 1);
    for (int c = 3; c < 6; c++)
        doc_table_span(t, 1, 0, c, 2, 1);
}

/* (c) A title longer than a sheet name may be; 合计 above its parts (no
 * formula: nothing above it) and a 总计 under subtotal rows (no formula:
 * the subtotals would count twice). */
static void long_title(arena *a, doc *d)
{
    doc_table *t = add_table(a, d, 5);
    t->id = "gpb_basic";
    t->title =
        "沧州经济开发区管理委员会2020年一般公共预算基本支出情况表（按部门预算支出经济分类科目）";
    t->unit_line = "单位：万元";
    column(t, 0, "科目编码", DOC_COL_CODE, DOC_LEFT);
    column(t, 1, "科目名称", DOC_COL_TEXT, DOC_LEFT);
    column(t, 2, "合计", DOC_COL_AMOUNT, DOC_RIGHT);
    column(t, 3, "人员经费", DOC_COL_AMOUNT, DOC_RIGHT);
    column(t, 4, "公用经费", DOC_COL_AMOUNT, DOC_RIGHT);
    doc_cell *h = doc_table_add_head(a, t);
    for (int c = 0; c < 5; c++)
        text(&h[c], t->cols[c].key, DOC_CENTER);
    static const struct {
        const char *code, *name, *total, *staff, *office;
        long long wtotal, wstaff, woffice;
        doc_row_kind kind;
    } rows[] = {
        {"", "合计", "100.00", "80.00", "20.00", 100, 80, 20, DOC_ROW_TOTAL},
        {"301", "工资福利支出", "80.00", "80.00", "", 80, 80, -1, DOC_ROW_SUBTOTAL},
        {"30101", "基本工资", "50.00", "50.00", "", 50, 50, -1, DOC_ROW_NORMAL},
        {"30102", "津贴补贴", "30.00", "30.00", "", 30, 30, -1, DOC_ROW_NORMAL},
        {"302", "商品和服务支出", "20.00", "", "20.00", 20, -1, 20, DOC_ROW_SUBTOTAL},
        {"30201", "办公费", "20.00", "", "20.00", 20, -1, 20, DOC_ROW_NORMAL},
        {"", "总计", "100.00", "80.00", "20.00", 100, 80, 20, DOC_ROW_TOTAL},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        doc_cell *r = doc_table_add_body(a, t, rows[i].kind);
        text(&r[0], rows[i].code, DOC_LEFT);
        text(&r[1], rows[i].name, DOC_LEFT);
        amount(&r[2], rows[i].total, rows[i].wtotal * WAN);
        if (rows[i].wstaff >= 0)
            amount(&r[3], rows[i].staff, rows[i].wstaff * WAN);
        if (rows[i].woffice >= 0)
            amount(&r[4], rows[i].office, rows[i].woffice * WAN);
    }
}

/* (d) Eight columns (landscape without being asked), a sheet name with
 * characters Excel forbids, and a total row whose first column does not
 * add up (stated 100, parts 99: the number stays) while the others do
 * (formulas, down to the fen). */
static void eight_columns(arena *a, doc *d)
{
    doc_table *t = add_table(a, d, 8);
    t->id = "eight";
    t->title = "收支总表";
    t->sheet = "收支/总表:2020";
    column(t, 0, "项目", DOC_COL_TEXT, DOC_LEFT);
    for (int c = 1; c < 7; c++)
        column(t, c, "年度", DOC_COL_AMOUNT, DOC_RIGHT);
    column(t, 7, "备注", DOC_COL_TEXT, DOC_LEFT);
    static const char *head[8] = {"项目",   "2018年", "2019年", "2020年",
                                  "2021年", "2022年", "2023年", "备注"};
    doc_cell *h = doc_table_add_head(a, t);
    for (int c = 0; c < 8; c++)
        text(&h[c], head[c], DOC_CENTER);
    doc_cell *r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
    text(&r[0], "甲", DOC_LEFT);
    amount(&r[1], "40.00", 40 * WAN);
    amount(&r[2], "10.00", 10 * WAN);
    amount(&r[3], "12.34", 12340000);
    amount(&r[4], "0.00", 0);
    amount(&r[5], "-5.00", -5 * WAN);
    amount(&r[6], "1,234,567.89", 1234567890000LL);
    text(&r[7], "—", DOC_LEFT);
    r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
    text(&r[0], "乙", DOC_LEFT);
    amount(&r[1], "59.00", 59 * WAN);
    amount(&r[2], "20.00", 20 * WAN);
    amount(&r[3], "0.01", 10000);
    amount(&r[4], "0.00", 0);
    amount(&r[5], "5.00", 5 * WAN);
    amount(&r[6], "1.00", 1 * WAN);
    r = doc_table_add_body(a, t, DOC_ROW_TOTAL);
    text(&r[0], "合计", DOC_CENTER);
    amount(&r[1], "100.00", 100 * WAN); /* 40 + 59 = 99: stated figure kept */
    amount(&r[2], "30.00", 30 * WAN);
    amount(&r[3], "12.35", 12350000);
    amount(&r[4], "0.00", 0);
    amount(&r[5], "0.00", 0);
    amount(&r[6], "1,234,568.89", 1234568890000LL);
}

/* (e) An empty table published with its note (seed 004, section 七); no
 * title and no sheet name: the sheet is named 表5. */
static void empty_table(arena *a, doc *d)
{
    doc_table *t = add_table(a, d, 3);
    t->id = "soc_capital";
    t->unit_line = "单位：万元";
    t->note = "本部门2020年无国有资本经营预算收支，本表为空表。";
    column(t, 0, "科目编码", DOC_COL_CODE, DOC_LEFT);
    column(t, 1, "科目名称", DOC_COL_TEXT, DOC_LEFT);
    column(t, 2, "合计", DOC_COL_AMOUNT, DOC_RIGHT);
    doc_cell *h = doc_table_add_head(a, t);
    for (int c = 0; c < 3; c++)
        text(&h[c], t->cols[c].key, DOC_CENTER);
}

/* (f) One column: the title cannot be merged; (g) the reserved name. */
static void small_tables(arena *a, doc *d)
{
    doc_table *t = add_table(a, d, 1);
    t->id = "one";
    t->title = "2020年区级“三公经费”预算情况表"; /* same as (a): gets (2) */
    column(t, 0, "项目", DOC_COL_TEXT, DOC_LEFT);
    text(&doc_table_add_head(a, t)[0], "项目", DOC_CENTER);
    text(&doc_table_add_body(a, t, DOC_ROW_NORMAL)[0], "车辆运行费", DOC_LEFT);

    t = add_table(a, d, 2);
    t->id = "history";
    t->sheet = "'History'";
    column(t, 0, "项目", DOC_COL_TEXT, DOC_LEFT);
    column(t, 1, "金额", DOC_COL_AMOUNT, DOC_RIGHT);
    doc_cell *r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
    text(&r[0], "甲", DOC_LEFT);
    amount(&r[1], "1.50", 1500000);
}

static doc *test_doc(arena *a)
{
    doc *d = doc_new(a);
    d->title = "沧州经济开发区管理委员会2020年部门预算信息公开";
    d->subject = "部门预算信息公开";
    d->author = "沧州经济开发区管理委员会";
    d->keywords = "部门预算, 2020";
    d->footer = "第{页}页 共{总页}页";
    d->year = 2020;
    doc_add(a, d, DOC_TITLE)->text = "2020年部门预算信息公开说明";
    doc_add(a, d, DOC_HEADING)->text = "财政拨款“三公”经费预算情况及增减变化原因";
    three_public(a, d, "2020年区级“三公经费”预算情况表");
    doc_add(a, d, DOC_PARA)->text = "安排“三公经费”240万元，较2019年下降2%。";
    performance(a, d);
    long_title(a, d);
    eight_columns(a, d);
    empty_table(a, d);
    small_tables(a, d);
    return d;
}

static config test_config(const char *dir)
{
    config c;
    memset(&c, 0, sizeof c);
    c.output_dir = dir;
    c.output_name = NAME;
    c.unit = c.text_unit = MONEY_WAN;
    c.decimals = 2;
    c.thousands = 1;
    c.percent_decimals = 1;
    c.want_xlsx = 1;
    return c;
}

/* ---- helpers ------------------------------------------------------------ */

static const char *path_in(arena *a, const char *dir, const char *name)
{
    return arena_printf(a, "%s/%s", dir, name);
}

static const char *make_dir(arena *a, const char *name)
{
    const char *p = path_in(a, tmp_root, name);
    mkdir(p, 0777);
    return p;
}

/* The whole file, malloc'd (caller frees); NULL if unreadable. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    do {
        if (n == cap)
            buf = xrealloc(buf, cap = cap ? cap * 2 : 65536);
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    fclose(f);
    *len = n;
    return buf;
}

static int same_file(const char *p, const char *q)
{
    size_t n1 = 0, n2 = 0;
    char *a = slurp(p, &n1), *b = slurp(q, &n2);
    int same = a && b && n1 == n2 && memcmp(a, b, n1) == 0;
    free(a);
    free(b);
    return same;
}

static int copy_file(const char *from, const char *to)
{
    size_t n = 0;
    char *buf = slurp(from, &n);
    FILE *f = buf ? fopen(to, "wb") : NULL;
    int ok = f && fwrite(buf, 1, n, f) == n;
    if (f && fclose(f) != 0)
        ok = 0;
    free(buf);
    return ok ? 0 : -1;
}

/* Files in dir whose names start with '.': temporary files left behind. */
static int hidden_files(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(dp);
    return n;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Renders dm into dir with a fresh diag sink writing to a memory buffer;
 * *msgs gets the messages (caller frees). */
static int render(arena *a, const doc *dm, const char *dir, diag *d, char **msgs)
{
    size_t len = 0;
    FILE *ms = open_memstream(msgs, &len);
    diag_init(d, ms);
    config c = test_config(dir);
    int rc = render_xlsx(a, d, &c, dm);
    fclose(ms);
    return rc;
}

/* Spec lines for xlsx_check.py, with '|' between fields (written as TABs). */
static void spec(FILE *f, const char *line)
{
    for (const char *s = line; *s; s++)
        fputc(*s == '|' ? '\t' : *s, f);
    fputc('\n', f);
}

/* Runs the read-back checker; returns its exit status (-1 if not run). */
static int run_checker(const char *xlsx, const char *spec_path)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "%s %s '%s' '%s'", PYTHON, CHECKER, xlsx, spec_path);
    fflush(stdout);
    int st = system(cmd);
    return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* ---- tests -------------------------------------------------------------- */

/* The spec of the test document: what a reader of the workbook must find. */
static void write_spec(FILE *f)
{
    spec(f, "sheets|2020年区级“三公经费”预算情况表|绩效目标表|"
            "沧州经济开发区管理委员会2020年一般公共预算基本支出情况表|收支／总表：2020|表5|"
            "2020年区级“三公经费”预算情况表(2)|History(2)");
    spec(f, "prop|title|沧州经济开发区管理委员会2020年部门预算信息公开");
    spec(f, "prop|subject|部门预算信息公开");
    spec(f, "prop|creator|沧州经济开发区管理委员会");
    spec(f, "prop|keywords|部门预算, 2020");
    spec(f, "prop|created|2020-01-01T00:00:00");
    spec(f, "zipdate|1980-01-01 00:00:00");

    /* (a) title row 1, unit row 2, header rows 3-4, body rows 5-9 */
    spec(f, "sheet|2020年区级“三公经费”预算情况表");
    spec(f, "value|A1|s:2020年区级“三公经费”预算情况表");
    spec(f, "bold|A1|1");
    spec(f, "font|A1|宋体|14");
    spec(f, "align|A1|center");
    spec(f, "value|A2|s:单位：万元");
    spec(f, "align|A2|right");
    spec(f, "value|A3|s:项目");
    spec(f, "value|B3|s:合计");
    spec(f, "value|C3|s:同比下降");
    spec(f, "value|D3|s:资金来源");
    spec(f, "value|D4|s:一般预算");
    spec(f, "value|E4|s:基金预算");
    spec(f, "value|F4|s:财政专户");
    spec(f, "bold|D4|1");
    spec(f, "align|D4|center");
    spec(f, "wrap|D4|1");
    spec(f, "fill|D4|D9D9D9");
    spec(f, "merged|A1:F1|A2:F2|A3:A4|B3:B4|C3:C4|D3:F3");
    spec(f, "value|A5|s:车辆运行费");
    spec(f, "value|B5|n:70");
    spec(f, "value|B6|n:60");
    spec(f, "value|B7|n:70");
    spec(f, "value|B8|n:40");
    spec(f, "value|D5|n:70");
    spec(f, "value|D8|n:40");
    spec(f, "value|C5|s:0%");
    spec(f, "value|C8|s:11.1%");
    spec(f, "value|C9|s:2%");
    spec(f, "align|C8|right");
    spec(f, "value|E5|blank");
    spec(f, "value|A9|s:合计");
    spec(f, "formula|B9|=SUM(B5:B8)");
    spec(f, "cached|B9|240");
    spec(f, "formula|D9|=SUM(D5:D8)");
    spec(f, "cached|D9|240");
    spec(f, "numfmt|B5|#,##0.00");
    spec(f, "numfmt|B9|#,##0.00");
    spec(f, "align|B5|right");
    spec(f, "font|B5|宋体|11");
    spec(f, "bold|A9|1");
    spec(f, "bold|B9|1");
    spec(f, "bold|A5|0");
    spec(f, "wrap|A5|1");
    spec(f, "wrap|B5|0");
    spec(f, "freeze|A5");
    spec(f, "printrows|3:4");
    spec(f, "orientation|portrait");
    spec(f, "paper|9");
    spec(f, "fit|1|0");
    spec(f, "hcenter|1");
    spec(f, "footer|&C第&P页 共&N页");
    spec(f, "width_min|A|14"); /* 因公出国经费: 6 characters */
    spec(f, "width_min|C|8");
    spec(f, "width_min|E|6");

    /* (b) title row 1, no unit line, header row 2, body 3-5, note row 6 */
    spec(f, "sheet|绩效目标表");
    spec(f, "value|A1|s:2020年部门整体绩效目标表");
    spec(f, "value|A2|s:职责名称");
    spec(f, "value|L2|s:差");
    spec(f, "merged|A1:L1|A3:A5|B3:B5|C3:C5|D3:D4|E3:E4|F3:F4|A6:L6");
    spec(f, "value|A3|s:招商引资");
    spec(f, "value|D5|s:外资利用");
    spec(f, "value|I3|s:≥10个");
    spec(f, "value|L5|s:未执行");
    spec(f,
         "value|A6|s:注：绩效指标的“优、良、中、差”为年度考核等级标准，数据来源于开发区统计年报。");
    spec(f, "wrap|B3|1");
    spec(f, "freeze|A3");
    spec(f, "printrows|2:2");
    spec(f, "orientation|landscape");
    spec(f, "paper|9");
    spec(f, "fit|1|0");
    spec(f, "hcenter|1");
    spec(f, "width_max|B|50");
    spec(f, "width_min|B|10");
    /* 174 CJK characters = 348 units in a column of at most 50: at least
     * 8 lines of 15 pt over the three spanned rows */
    spec(f, "height_sum_min|3|5|120");

    /* (c) total above its parts and total under subtotals: numbers */
    spec(f, "sheet|沧州经济开发区管理委员会2020年一般公共预算基本支出情况表");
    spec(f, "value|A1|s:沧州经济开发区管理委员会2020年一般公共预算基本支出情况表"
            "（按部门预算支出经济分类科目）");
    spec(f, "merged|A1:E1|A2:E2");
    spec(f, "value|C4|n:100");
    spec(f, "value|A5|s:301");
    spec(f, "numfmt|A5|@");
    spec(f, "wrap|A5|0");
    spec(f, "value|C10|n:100");
    spec(f, "value|D10|n:80");
    spec(f, "value|E6|blank");
    spec(f, "bold|B10|1");
    spec(f, "bold|B5|0");
    spec(f, "freeze|A4");
    spec(f, "orientation|portrait");

    /* (d) 8 columns: landscape; B5 stays a number (40 + 59 is not 100) */
    spec(f, "sheet|收支／总表：2020");
    spec(f, "value|A2|s:项目");
    spec(f, "value|B5|n:100");
    spec(f, "formula|C5|=SUM(C3:C4)");
    spec(f, "cached|C5|30");
    spec(f, "value|D3|n:12.34");
    spec(f, "value|D4|n:0.01");
    spec(f, "formula|D5|=SUM(D3:D4)");
    spec(f, "cached|D5|12.35");
    spec(f, "formula|E5|=SUM(E3:E4)");
    spec(f, "cached|E5|0");
    spec(f, "value|F3|n:-5");
    spec(f, "formula|F5|=SUM(F3:F4)");
    spec(f, "cached|F5|0");
    spec(f, "value|G3|n:1234567.89");
    spec(f, "formula|G5|=SUM(G3:G4)");
    spec(f, "cached|G5|1234568.89");
    spec(f, "width_min|G|14"); /* "1,234,568.89" and padding: no #### */
    spec(f, "value|H3|s:—");
    spec(f, "value|H4|blank");
    spec(f, "orientation|landscape");
    spec(f, "freeze|A3");
    spec(f, "merged|A1:H1");

    /* (e) unit row 1, header row 2, note row 3 */
    spec(f, "sheet|表5");
    spec(f, "value|A1|s:单位：万元");
    spec(f, "value|A2|s:科目编码");
    spec(f, "value|A3|s:本部门2020年无国有资本经营预算收支，本表为空表。");
    spec(f, "merged|A1:C1|A3:C3");
    spec(f, "freeze|A3");
    spec(f, "printrows|2:2");

    /* (f) one column: nothing merged; (g) no title, header or unit */
    spec(f, "sheet|2020年区级“三公经费”预算情况表(2)");
    spec(f, "value|A1|s:2020年区级“三公经费”预算情况表");
    spec(f, "value|A3|s:车辆运行费");
    spec(f, "merged");
    spec(f, "sheet|History(2)");
    spec(f, "value|A1|s:甲");
    spec(f, "value|B1|n:1.5");
    spec(f, "freeze|none");
}

static void test_workbook(void)
{
    arena *a = arena_new();
    doc *dm = test_doc(a);
    const char *dir = make_dir(a, "out");
    const char *xlsx = path_in(a, dir, NAME ".xlsx");
    diag d;
    char *msgs = NULL;

    double t0 = now_ms();
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    double ms = now_ms() - t0;
    CHECK_INT(d.errors, 0);
    CHECK_STR(msgs, "");
    free(msgs);
    struct stat st;
    CHECK(stat(xlsx, &st) == 0);
    mode_t um = umask(0);
    umask(um);
    CHECK_INT(st.st_mode & 0777, 0666 & ~um); /* as any new file, not mkstemp's 0600 */
    CHECK_INT(hidden_files(dir), 0);
    printf("note: test workbook: 7 sheets, %lld bytes, rendered in %.1f ms\n",
           (long long)st.st_size, ms);

    const char *spec_path = path_in(a, tmp_root, "workbook.spec");
    FILE *f = fopen(spec_path, "w");
    CHECK(f != NULL);
    if (f) {
        write_spec(f);
        CHECK_INT(fclose(f), 0);
        CHECK_INT(run_checker(xlsx, spec_path), 0);
    }

    /* Determinism: a second render (the clock has moved) gives the same
     * bytes. */
    const char *first = path_in(a, tmp_root, "first.xlsx");
    CHECK_INT(copy_file(xlsx, first), 0);
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    free(msgs);
    CHECK(same_file(first, xlsx));

    /* LibreOffice, when present, must open it (a converter is stricter
     * than openpyxl about the package).  It is not a dependency. */
    if (system("command -v libreoffice >/dev/null 2>&1") == 0) {
        char cmd[4096];
        snprintf(cmd, sizeof cmd,
                 "cd '%s' && libreoffice --headless --convert-to pdf '%s' >/dev/null 2>&1", dir,
                 NAME ".xlsx");
        CHECK_INT(system(cmd), 0);
        CHECK(stat(path_in(a, dir, NAME ".pdf"), &st) == 0 && st.st_size > 0);
    } else {
        printf("note: libreoffice is not installed: PDF conversion check skipped\n");
    }
    arena_free_all(a);
}

/* SOURCE_DATE_EPOCH fixes the creation time instead of the budget year; a
 * malformed value is an error and writes nothing. */
static void test_source_date_epoch(void)
{
    arena *a = arena_new();
    doc *dm = doc_new(a);
    dm->title = "t";
    dm->year = 2020;
    three_public(a, dm, "三公");
    const char *dir = make_dir(a, "sde");
    diag d;
    char *msgs = NULL;

    setenv("SOURCE_DATE_EPOCH", "1600000000", 1);
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    free(msgs);
    const char *spec_path = path_in(a, tmp_root, "sde.spec");
    FILE *f = fopen(spec_path, "w");
    if (f) {
        spec(f, "prop|created|2020-09-13T12:26:40");
        spec(f, "zipdate|1980-01-01 00:00:00");
        fclose(f);
        CHECK_INT(run_checker(path_in(a, dir, NAME ".xlsx"), spec_path), 0);
    }

    /* set but empty: as if unset */
    setenv("SOURCE_DATE_EPOCH", "", 1);
    CHECK_INT(render(a, dm, make_dir(a, "sde-empty"), &d, &msgs), 0);
    free(msgs);

    const char *bad[] = {"12abc", "-5", " 12", "+5", "99999999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *bdir = make_dir(a, arena_printf(a, "sde-bad%zu", i));
        setenv("SOURCE_DATE_EPOCH", bad[i], 1);
        CHECK_INT(render(a, dm, bdir, &d, &msgs), -1);
        CHECK_INT(d.errors, 1);
        CHECK(msgs && strstr(msgs, "SOURCE_DATE_EPOCH") != NULL);
        free(msgs);
        struct stat st;
        CHECK(stat(path_in(a, bdir, NAME ".xlsx"), &st) != 0);
        CHECK_INT(hidden_files(bdir), 0);
    }
    unsetenv("SOURCE_DATE_EPOCH");
    arena_free_all(a);
}

/* Failures report the output file, leave the previous workbook as it was
 * and no temporary file behind. */
static void test_errors(void)
{
    arena *a = arena_new();
    diag d;
    char *msgs = NULL;

    /* The output folder is a regular file. */
    const char *notdir = path_in(a, tmp_root, "plain-file");
    FILE *f = fopen(notdir, "w");
    if (f)
        fclose(f);
    doc *dm = doc_new(a);
    dm->year = 2020;
    three_public(a, dm, "三公");
    CHECK_INT(render(a, dm, notdir, &d, &msgs), -1);
    CHECK(d.errors >= 1);
    CHECK(msgs && strstr(msgs, "plain-file") != NULL);
    free(msgs);

    /* A cell longer than Excel's 32,767 characters: libxlsxwriter refuses
     * it, the message names the file and the cell. */
    const char *dir = make_dir(a, "err");
    const char *xlsx = path_in(a, dir, NAME ".xlsx");
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    free(msgs);
    const char *before = path_in(a, tmp_root, "before.xlsx");
    CHECK_INT(copy_file(xlsx, before), 0);
    doc *big = doc_new(a);
    big->year = 2020;
    three_public(a, big, "三公");
    char *huge = arena_alloc(a, 40001);
    memset(huge, 'x', 40000);
    doc_body_cell(big->blocks[0].table, 1, 0)->text = huge;
    CHECK_INT(render(a, big, dir, &d, &msgs), -1);
    CHECK_INT(d.errors, 1);
    CHECK(msgs && strstr(msgs, xlsx) != NULL);
    CHECK(msgs && strstr(msgs, "cell A6") != NULL);
    CHECK(msgs && strstr(msgs, "32") != NULL); /* lxw_strerror: "… 32,767 characters" */
    if (msgs)
        printf("note: expected message: %s", msgs);
    free(msgs);
    CHECK(same_file(before, xlsx));
    CHECK_INT(hidden_files(dir), 0);
    arena_free_all(a);
}

/* A document without tables still gives a valid workbook. */
static void test_no_tables(void)
{
    arena *a = arena_new();
    doc *dm = doc_new(a);
    dm->year = 2020;
    doc_add(a, dm, DOC_PARA)->text = "无表格。";
    const char *dir = make_dir(a, "notables");
    diag d;
    char *msgs = NULL;
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    CHECK_INT(d.errors, 0);
    free(msgs);
    const char *spec_path = path_in(a, tmp_root, "notables.spec");
    FILE *f = fopen(spec_path, "w");
    if (f) {
        spec(f, "sheets|Sheet1");
        fclose(f);
        CHECK_INT(run_checker(path_in(a, dir, NAME ".xlsx"), spec_path), 0);
    }
    arena_free_all(a);
}

/* ---- charts ------------------------------------------------------------- */

static const char *const CHART_CATS[] = {"公务用车运行费", "公务用车购置费", "公务接待费",
                                         "因公出国（境）费"};
/* 0.01 万元 units, series-major: 2019 (no car bought: 0), then 2020 */
static const long long CHART_CENTS[] = {2135, 0, 960, 600, 2380, 2800, 815, 600};
static const char *const CHART_NUMS[] = {"21.35", "0", "9.6", "6", "23.8", "28", "8.15", "6"};

/* A chart as build.c makes one (labels as the document prints amounts). */
static doc_chart *add_chart(arena *a, doc *d, const char *title, const char *sheet)
{
    doc_chart *ch = arena_alloc(a, sizeof *ch);
    ch->id = "three_public";
    ch->title = title;
    ch->unit = "单位：万元";
    ch->amount_unit = MONEY_WAN;
    ch->sheet = sheet;
    ch->n_cats = 4;
    ch->cats = arena_alloc(a, 4 * sizeof *ch->cats);
    memcpy(ch->cats, CHART_CATS, sizeof CHART_CATS);
    ch->n_series = 2;
    ch->series = arena_alloc(a, 2 * sizeof *ch->series);
    ch->series[0] = "2019年";
    ch->series[1] = "2020年";
    ch->values = arena_alloc(a, 8 * sizeof *ch->values);
    ch->labels = arena_alloc(a, 8 * sizeof *ch->labels);
    for (int i = 0; i < 8; i++) {
        char buf[32];
        ch->values[i] = CHART_CENTS[i] * (WAN / 100);
        money_format(ch->values[i], MONEY_WAN, 2, 1, 0, buf, sizeof buf);
        ch->labels[i] = arena_strdup(a, buf);
    }
    doc_add(a, d, DOC_CHART)->chart = ch;
    return ch;
}

/* Standard output of cmd (malloc'd), NULL if it cannot run. */
static char *capture(const char *cmd)
{
    fflush(stdout);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, n = 0, k;
    char *buf = xmalloc(cap);
    while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0)
        if ((n += k) + 1 >= cap)
            buf = xrealloc(buf, cap *= 2);
    buf[n] = '\0';
    pclose(p);
    return buf;
}

/* The text between the k'th (0-based) open tag and its close tag after
 * `from` (malloc'd), or NULL.  Chart parts do not nest these tags. */
static char *element(const char *from, const char *tag, int k)
{
    char open[64], close[64];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *s = from;
    for (int i = 0; s && (s = strstr(s, open)) != NULL && i < k; i++)
        s += strlen(open);
    const char *e = s ? strstr(s, close) : NULL;
    if (!e)
        return NULL;
    s += strlen(open);
    char *r = xmalloc((size_t)(e - s) + 1);
    memcpy(r, s, (size_t)(e - s));
    r[e - s] = '\0';
    return r;
}

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *s = hay; hay && (s = strstr(s, needle)) != NULL; s += strlen(needle))
        n++;
    return n;
}

/*
 * A chart becomes a sheet of its data — title (row 1), unit (row 2),
 * header 项目 | series (row 3), one row per category — and a native
 * column chart whose series point at those cells.  The references are
 * worked out here from that layout, not read from the code.
 */
static void test_chart(void)
{
    arena *a = arena_new();
    doc *dm = doc_new(a);
    dm->title = "图表";
    dm->footer = "第{页}页 共{总页}页";
    dm->year = 2020;
    three_public(a, dm, "2020年区级“三公经费”预算情况表");
    add_chart(a, dm, "2019年与2020年“三公”经费预算对比", "“三公”经费对比图");
    add_chart(a, dm, NULL, NULL); /* no sheet, no title: 图2 */
    add_chart(a, dm, "对比",
              "支出/功能:分类[对比]图表名称很长很长很长很长很长很长很长很长"); /* cleaned */
    const char *dir = make_dir(a, "chart");
    const char *xlsx = path_in(a, dir, NAME ".xlsx");
    diag d;
    char *msgs = NULL;
    double t0 = now_ms();
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    double ms = now_ms() - t0;
    CHECK_INT(d.errors, 0);
    CHECK_STR(msgs, "");
    free(msgs);
    struct stat st;
    CHECK(stat(xlsx, &st) == 0);
    printf("note: table and 3 charts: %lld bytes in %.1f ms\n", (long long)st.st_size, ms);

    const char *sheet = "“三公”经费对比图";
    int nc = 4, head_row = 3, first = head_row + 1, last = head_row + nc;
    const char *spec_path = path_in(a, tmp_root, "chart.spec");
    FILE *f = fopen(spec_path, "w");
    CHECK(f != NULL);
    if (f) {
        /* forbidden characters made full-width, cut to 31 characters */
        spec(f, "sheets|2020年区级“三公经费”预算情况表|“三公”经费对比图|图2|"
                "支出／功能：分类［对比］图表名称很长很长很长很长很长很长很长很");
        char line[512];
        snprintf(line, sizeof line, "sheet|%s", sheet);
        spec(f, line);
        spec(f, "value|A1|s:2019年与2020年“三公”经费预算对比");
        spec(f, "value|A2|s:单位：万元");
        spec(f, "merged|A1:C1|A2:C2");
        snprintf(line, sizeof line, "value|A%d|s:项目", head_row);
        spec(f, line);
        snprintf(line, sizeof line, "value|B%d|s:2019年", head_row);
        spec(f, line);
        snprintf(line, sizeof line, "value|C%d|s:2020年", head_row);
        spec(f, line);
        for (int c = 0; c < nc; c++) {
            snprintf(line, sizeof line, "value|A%d|s:%s", first + c, CHART_CATS[c]);
            spec(f, line);
            for (int s = 0; s < 2; s++) {
                snprintf(line, sizeof line, "value|%c%d|n:%s", 'B' + s, first + c,
                         CHART_NUMS[s * nc + c]);
                spec(f, line);
                snprintf(line, sizeof line, "numfmt|%c%d|#,##0.00", 'B' + s, first + c);
                spec(f, line);
            }
        }
        spec(f, "sheet|图2");
        spec(f, "value|A1|s:单位：万元");
        spec(f, "value|A2|s:项目");
        spec(f, "value|C6|n:6");
        CHECK_INT(fclose(f), 0);
        CHECK_INT(run_checker(xlsx, spec_path), 0);
    }

    /* The first chart's part: two column series over the sheet's cells. */
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "unzip -p '%s' xl/charts/chart1.xml", xlsx);
    char *xml = capture(cmd);
    CHECK(xml && strstr(xml, "<c:barDir val=\"col\"/>") != NULL);
    CHECK(xml && strstr(xml, "<c:legendPos val=\"b\"/>") != NULL);
    CHECK(xml && strstr(xml, "<a:t>2019年与2020年“三公”经费预算对比</a:t>") != NULL);
    CHECK(xml && strstr(xml, "<a:t>单位：万元</a:t>") != NULL); /* the value axis title */
    CHECK_INT(count(xml, "<c:ser>"), 2);
    for (int s = 0; s < 2; s++) {
        char *ser = element(xml, "c:ser", s);
        char *cat = ser ? element(ser, "c:cat", 0) : NULL;
        char *val = ser ? element(ser, "c:val", 0) : NULL;
        char *tx = ser ? element(ser, "c:tx", 0) : NULL;
        char want[256];
        char col = (char)('B' + s);
        snprintf(want, sizeof want, "<c:f>'%s'!$A$%d:$A$%d</c:f>", sheet, first, last);
        CHECK(cat && strstr(cat, want) != NULL);
        snprintf(want, sizeof want, "<c:f>'%s'!$%c$%d:$%c$%d</c:f>", sheet, col, first, col, last);
        CHECK(val && strstr(val, want) != NULL);
        if (!val || !strstr(val, want))
            printf("  series %d values lack %s\n", s, want);
        snprintf(want, sizeof want, "<c:f>'%s'!$%c$%d</c:f>", sheet, col, head_row);
        CHECK(tx && strstr(tx, want) != NULL);
        /* the cached values are the exact amounts, the fills the PDF's */
        snprintf(want, sizeof want, "<c:v>%s</c:v>", CHART_NUMS[s * nc]);
        CHECK(val && strstr(val, want) != NULL);
        CHECK(ser && strstr(ser, s ? "1F4E8C" : "9E9E9E") != NULL);
        free(ser);
        free(cat);
        free(val);
        free(tx);
    }
    free(xml);

    /* Deterministic: the same bytes again. */
    const char *again = path_in(a, tmp_root, "chart-first.xlsx");
    CHECK_INT(copy_file(xlsx, again), 0);
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    free(msgs);
    CHECK(same_file(again, xlsx));
    arena_free_all(a);
}

/* libxlsxwriter's scratch files stop short (here at `ulimit -f` 8,192
 * bytes, as on a full TMPDIR, with SIGXFSZ ignored as budgetgen does): the
 * zip around the short part is consistent, so only reading it back finds
 * it.  render_xlsx must fail, say what happened, keep the previous file and
 * leave no temporary file.  Runs in a child (the limit is per process). */
static void test_scratch_cut_short(void)
{
    arena *a = arena_new();
    doc *dm = doc_new(a);
    dm->year = 2020;
    three_public(a, dm, "三公");
    doc_table *t = dm->blocks[0].table;
    for (int i = 0; i < 600; i++) { /* a sheet of ~60 KB that compresses to little */
        doc_cell *r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
        text(&r[0], "车辆运行费", DOC_LEFT);
        amount(&r[1], "70.00", 70 * WAN);
    }
    const char *dir = make_dir(a, "cut");
    const char *xlsx = path_in(a, dir, NAME ".xlsx");
    FILE *f = fopen(xlsx, "w");
    if (f) {
        fputs("previous\n", f);
        fclose(f);
    }
    const char *scratch = make_dir(a, "cut-scratch");
    int fds[2];
    CHECK_INT(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {8192, 8192};
        setenv("TMPDIR", scratch, 1);
        if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
            _exit(3);
        diag d;
        char *msgs = NULL;
        int rc = render(a, dm, dir, &d, &msgs);
        size_t n = msgs ? strlen(msgs) : 0;
        if (n && write(fds[1], msgs, n) != (ssize_t)n)
            _exit(3);
        _exit(rc == -1 ? 0 : 1);
    }
    close(fds[1]);
    char buf[4096];
    size_t n = 0;
    ssize_t k;
    while (n < sizeof buf - 1 && (k = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)k;
    buf[n] = '\0';
    close(fds[0]);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0); /* render_xlsx failed */
    printf("note: %s: %s", h_test, buf);
    CHECK(strstr(buf, "the workbook's parts were cut short while written to TMPDIR=") != NULL);
    CHECK(strstr(buf, "ulimit -f, 8192 bytes") != NULL);
    CHECK(strstr(buf, "cut short") != NULL);
    size_t len;
    char *got = slurp(xlsx, &len);
    CHECK(got && len == 9 && memcmp(got, "previous\n", 9) == 0);
    free(got);
    CHECK_INT(hidden_files(dir), 0);
    arena_free_all(a);
}

/* Timing of a large table (150 rows of the 12-column performance table, as
 * in the LIBS.md baseline document); printed, never pass/fail. */
static void bench_large(void)
{
    arena *a = arena_new();
    doc *dm = doc_new(a);
    dm->year = 2020;
    for (int i = 0; i < 50; i++)
        performance(a, dm);
    const char *dir = make_dir(a, "bench");
    diag d;
    char *msgs = NULL;
    double t0 = now_ms();
    CHECK_INT(render(a, dm, dir, &d, &msgs), 0);
    double ms = now_ms() - t0;
    free(msgs);
    struct stat st;
    if (stat(path_in(a, dir, NAME ".xlsx"), &st) == 0)
        printf("note: 50 performance tables (150 rows, 50 sheets): %lld bytes in %.1f ms\n",
               (long long)st.st_size, ms);
    arena_free_all(a);
}

int main(void)
{
    /* CI may export it; the tests expect the budget-year default. */
    unsetenv("SOURCE_DATE_EPOCH");
    if (!mkdtemp(tmp_root)) {
        perror("mkdtemp");
        return 2;
    }
    h_test = "setup (run from the project folder)";
    CHECK(access(CHECKER, R_OK) == 0);
    RUN(test_workbook);
    RUN(test_source_date_epoch);
    RUN(test_errors);
    RUN(test_no_tables);
    RUN(test_scratch_cut_short);
    RUN(test_chart);
    RUN(bench_large);
    if (h_failed == 0 && !getenv("TEST_XLSX_KEEP")) {
        char cmd[256];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_root);
        if (system(cmd) != 0)
            printf("note: could not remove %s\n", tmp_root);
    } else {
        printf("note: files kept in %s\n", tmp_root);
    }
    return harness_end();
}
