/*
 * test_layout — layout.c and render_pdf.c on a synthetic disclosure built
 * here from the sample data (input/cangzhou-2020): titles, headings,
 * justified paragraphs, a numbered list, the 三公 table with its two-row
 * spanned header, and the 12-column performance table (131 rows with duty
 * and activity row spans) on landscape pages.
 * Geometry is checked on the layout itself; the PDF is checked with the
 * tools a reviewer would use: qpdf --check, pdffonts, pdf_glyph_check.py,
 * pdftotext, pdfinfo, cmp.  Bar charts (DOC_CHART): their geometry
 * (lay_chart), their text on the page, and their pixels (pdftoppm).  Run from the project folder
 * (as make test does). Needs fonts-arphic-uming, fonts-wqy-zenhei, poppler-utils, qpdf and
 * python3-fonttools.
 */
#include "harness.h"

#include "csv.h"
#include "doc.h"
#include "fonts.h"
#include "layout.h"
#include "money.h"
#include "render.h"
#include "utf8.h"

#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SAMPLE "input/cangzhou-2020/"
#define GEOM_EPS 0.01

static char tmpdir[64];

static const char *tmp(const char *name)
{
    static char buf[8][200];
    static int next;
    char *p = buf[next++ % 8];
    snprintf(p, sizeof buf[0], "%s/%s", tmpdir, name);
    return p;
}

/* The project's glyph checker (the tests run from the project folder). */
static const char *glyph_check_tool(void)
{
    return "tests/tools/pdf_glyph_check.py";
}

/* Runs a shell command; its exit status, or -1. */
static int run(const char *cmd)
{
    fflush(stdout);
    int st = system(cmd);
    return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Runs a command and returns its standard output (malloc'd). */
static char *capture(const char *cmd)
{
    fflush(stdout);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while ((k = fread(buf + n, 1, cap - n - 1, p)) > 0) {
        n += k;
        if (cap - n < 2) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    buf[n] = '\0';
    pclose(p);
    return buf;
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Number of directory entries other than . and .. */
static int dir_entries(const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(dp);
    return n;
}

static char *slurp(arena *a, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return arena_strdup(a, "");
    char buf[1 << 14];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
        n--;
    return arena_strndup(a, buf, n);
}

/* ---- the synthetic document ------------------------------------------- */

static doc_block *add(arena *a, doc *d, doc_block_kind kind, const char *number, const char *text)
{
    doc_block *b = doc_add(a, d, kind);
    b->number = number;
    b->text = text;
    b->src = diag_at("templates/test.tmpl", (int)d->n, 1);
    if (kind == DOC_HEADING)
        b->bookmark = 1;
    return b;
}

static doc_block *add_heading(arena *a, doc *d, int level, const char *number, const char *text)
{
    doc_block *b = add(a, d, DOC_HEADING, number, text);
    b->level = level;
    return b;
}

static void set_cols(doc_table *t, const char *const *keys, const doc_col_kind *kinds)
{
    for (int c = 0; c < t->ncols; c++) {
        t->cols[c].key = keys[c];
        t->cols[c].kind = kinds[c];
        t->cols[c].align = kinds[c] == DOC_COL_TEXT ? DOC_LEFT : DOC_RIGHT;
    }
}

/* 2020年区级“三公经费”预算情况表 (seed 004, section 四). */
static doc_table *three_public_table(arena *a)
{
    static const char *const keys[] = {"项目",     "合计",     "同比下降",
                                       "一般预算", "基金预算", "财政专户"};
    static const doc_col_kind kinds[] = {DOC_COL_TEXT,   DOC_COL_AMOUNT, DOC_COL_PERCENT,
                                         DOC_COL_AMOUNT, DOC_COL_AMOUNT, DOC_COL_AMOUNT};
    static const char *const rows[][6] = {
        {"车辆运行费", "70", "0%", "70", "", ""}, {"车辆购置费", "60", "0%", "60", "", ""},
        {"公务接待费", "70", "0%", "70", "", ""}, {"因公出国经费", "40", "11.1%", "40", "", ""},
        {"合计", "240", "2%", "240", "", ""},
    };
    doc_table *t = doc_table_new(a, 6);
    t->id = "three_public";
    t->title = "2020年区级“三公经费”预算情况表";
    t->unit_line = "单位：万元";
    set_cols(t, keys, kinds);
    doc_table_add_head(a, t);
    doc_table_add_head(a, t);
    /* fetched after both rows exist: adding a row may move the grid */
    doc_cell *h0 = doc_head_cell(t, 0, 0), *h1 = doc_head_cell(t, 1, 0);
    for (int c = 0; c < 3; c++)
        h0[c].text = keys[c];
    h0[3].text = "资金来源";
    h1[3].text = "一般预算";
    h1[4].text = "基金预算";
    h1[5].text = "财政专户";
    for (int c = 0; c < 3; c++)
        doc_table_span(t, 0, 0, c, 2, 1);
    doc_table_span(t, 0, 0, 3, 1, 3);
    for (int r = 0; r < 5; r++) {
        doc_cell *row = doc_table_add_body(a, t, r == 4 ? DOC_ROW_TOTAL : DOC_ROW_NORMAL);
        for (int c = 0; c < 6; c++) {
            row[c].text = rows[r][c];
            row[c].align = c == 0 ? DOC_LEFT : DOC_RIGHT;
            row[c].pos = diag_at(SAMPLE "three_public.csv", r + 2, c + 1);
        }
    }
    return t;
}

/* 机构设置情况 (one row). */
static doc_table *institutions_table(arena *a)
{
    static const char *const keys[] = {"单位名称", "单位性质", "单位规格", "经费保障形式"};
    static const doc_col_kind kinds[] = {DOC_COL_TEXT, DOC_COL_TEXT, DOC_COL_TEXT, DOC_COL_TEXT};
    static const char *const vals[] = {"开发区管委会", "行政", "正处级", "财政性资金基本保证"};
    doc_table *t = doc_table_new(a, 4);
    t->id = "institutions";
    set_cols(t, keys, kinds);
    doc_cell *h = doc_table_add_head(a, t);
    doc_cell *r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
    for (int c = 0; c < 4; c++) {
        h[c].text = keys[c];
        r[c].text = vals[c];
        r[c].align = DOC_CENTER;
    }
    return t;
}

/*
 * The performance table from performance.csv: a duty (职责名称 · 职责描述 ·
 * 职责目标) spans its rows, an activity (活动名称 · 活动描述) spans its
 * indicator rows, and equal consecutive 绩效目标 within an activity are
 * merged, as the published table shows them.
 */
static doc_table *performance_table(arena *a, diag *d, int *n_duties)
{
    csv_table *csv = csv_read(a, d, SAMPLE "performance.csv", NULL);
    if (!csv || csv->ncols != 12)
        return NULL;
    doc_table *t = doc_table_new(a, 12);
    t->id = "performance";
    t->title = "2020年部门绩效目标表";
    t->landscape = 1;
    doc_cell *h = doc_table_add_head(a, t);
    for (int c = 0; c < 12; c++) {
        t->cols[c].key = csv->header[c];
        t->cols[c].kind = DOC_COL_TEXT;
        t->cols[c].align = c >= 8 ? DOC_CENTER : DOC_LEFT;
        h[c].text = csv->header[c];
    }
    int duty = -1, act = -1, goal = -1;
    *n_duties = 0;
    for (size_t r = 0; r < csv->nrows; r++) {
        const char **f = csv->rows[r].fields;
        doc_cell *row = doc_table_add_body(a, t, DOC_ROW_NORMAL);
        for (int c = 0; c < 12; c++) {
            row[c].text = f[c];
            row[c].align = t->cols[c].align;
            row[c].pos = csv_pos(csv, &csv->rows[r], c);
        }
        int i = (int)r;
        /* close the spans that end before this row */
        if (*f[0]) {
            if (duty >= 0)
                for (int c = 0; c < 3; c++)
                    doc_table_span(t, 1, duty, c, i - duty, 1);
            duty = i;
            ++*n_duties;
        }
        if (*f[0] || *f[3]) {
            if (act >= 0)
                for (int c = 3; c < 5; c++)
                    doc_table_span(t, 1, act, c, i - act, 1);
            act = i;
        }
        if (*f[0] || *f[3] || goal < 0 || strcmp(f[5], doc_body_cell(t, goal, 5)->text)) {
            if (goal >= 0 && i - goal > 1)
                doc_table_span(t, 1, goal, 5, i - goal, 1);
            goal = i;
        }
    }
    int n = t->n_body;
    for (int c = 0; c < 3; c++)
        doc_table_span(t, 1, duty, c, n - duty, 1);
    for (int c = 3; c < 5; c++)
        doc_table_span(t, 1, act, c, n - act, 1);
    if (n - goal > 1)
        doc_table_span(t, 1, goal, 5, n - goal, 1);
    return t;
}

/* An empty table published with its note (seed 004, section 七). */
static doc_table *empty_table(arena *a, const char *note)
{
    static const char *const keys[] = {"科目编码", "科目名称", "合计", "基本支出", "项目支出"};
    static const doc_col_kind kinds[] = {DOC_COL_CODE, DOC_COL_TEXT, DOC_COL_AMOUNT, DOC_COL_AMOUNT,
                                         DOC_COL_AMOUNT};
    doc_table *t = doc_table_new(a, 5);
    t->id = "state_capital";
    t->title = "2020年国有资本经营预算支出表";
    t->unit_line = "单位：万元";
    t->note = note;
    set_cols(t, keys, kinds);
    doc_cell *h = doc_table_add_head(a, t);
    for (int c = 0; c < 5; c++)
        h[c].text = keys[c];
    return t;
}

static doc *sample_doc(arena *a, diag *d)
{
    doc *dm = doc_new(a);
    dm->title = "沧州经济开发区2020年部门预算信息公开说明";
    dm->subject = "部门预算信息公开";
    dm->author = "沧州经济开发区管理委员会";
    dm->keywords = "部门预算, 三公经费, 绩效目标";
    dm->footer = "第{页}页 共{总页}页";
    dm->year = 2020;
    add(a, dm, DOC_TITLE, NULL, "沧州经济开发区");
    add(a, dm, DOC_TITLE, NULL, "2020年部门预算信息公开说明");
    add(a, dm, DOC_PARA, NULL,
        "沧州经济开发区管理委员会作为一个预算单位，本级同所属单位汇总预算一致。");
    add_heading(a, dm, 1, "一、", "部门主要职责及机构设置");
    add(a, dm, DOC_PARA, NULL, "沧州经济开发区部门预算由沧州经济开发区管理委员会一个部门构成。");
    add(a, dm, DOC_LABEL, NULL, "机构设置情况：");
    add(a, dm, DOC_TABLE, NULL, NULL)->table = institutions_table(a);
    add(a, dm, DOC_PARA, NULL, slurp(a, SAMPLE "duties.txt"));
    add_heading(a, dm, 1, "二、", "部门预算安排总体情况");
    add(a, dm, DOC_PARA, NULL,
        "按照预算管理有关规定，目前我区部门预算的编制实行综合预算制度，即全部收入和支出都应反映在"
        "预算中。沧州经济开发区管理委员会的收支均包含在部门预算中。");
    add_heading(a, dm, 2, "1、", "收入说明");
    add(a, dm, DOC_PARA, NULL,
        "2020年全年预计收入72,899万元，其中：财政拨款收入72,899万元，占收入总计的100.0%。");
    add_heading(a, dm, 2, "2、", "支出说明");
    add(a, dm, DOC_PARA, NULL,
        "支出总计72,899万元，其中：基本支出16,356万元，项目支出56,543万元。");
    add_heading(a, dm, 2, "3、", "比上年增减情况");
    add(a, dm, DOC_PARA, NULL,
        "2020年部门预算收支安排72,899万元，较2019年预算增加10,000万元，其中：基本支出减少3,"
        "590万元，"
        "项目支出增加13,600万元。基本支出的减少主要是落实中央关于压减一般性支出的精神，大力压减我区"
        "一般性支出；项目支出的增加主要是落实市委、市政府和党工委、管委会拟定的2020年的重点项目。");
    add_heading(a, dm, 1, "三、", "机关运行经费安排情况");
    add(a, dm, DOC_PARA, NULL,
        "2020年开发区各部门公用经费支出1,059万元。主要包括办公费、印刷费、邮电费、差旅费、会议费、"
        "日常维修费、网络使用费、公务用车运行维护费以及其他费用。");
    add_heading(a, dm, 1, "四、", "财政拨款“三公”经费预算情况及增减变化原因");
    add(a, dm, DOC_TABLE, NULL, NULL)->table = three_public_table(a);
    add(a, dm, DOC_PARA, NULL,
        "2020年，沧州经济开发区管理委员会安排“三公经费”240万元，较2019年下降2%。");
    add(a, dm, DOC_PARA, NULL,
        "车辆运行费2020年预算安排70万元，与上年持平；车辆购置费2020年预算安排60万元，与上年持平；"
        "公务接待费2020年预算安排70万元，与上年持平；因公出国经费2020年预算安排40万元，较上年度减少"
        "5万元，同比下降11.1%。");
    add(a, dm, DOC_PARA, NULL, "因公出国经费减少原因是出国考察一切从简。");
    add_heading(a, dm, 1, "五、", "绩效预算信息");
    add(a, dm, DOC_LABEL, NULL, "总体绩效目标：");
    add(a, dm, DOC_PARA, NULL, slurp(a, SAMPLE "overall_goal.txt"));
    add(a, dm, DOC_LABEL, NULL, "职责分类绩效目标：");
    csv_table *goals = csv_read(a, d, SAMPLE "duty_goals.csv", NULL);
    for (size_t r = 0; goals && r < goals->nrows; r++)
        add(a, dm, DOC_LIST_ITEM, arena_printf(a, "（%zu）", r + 1),
            arena_printf(a, "%s。%s", goals->rows[r].fields[0], goals->rows[r].fields[1]));
    int duties = 0;
    doc_table *perf = performance_table(a, d, &duties);
    if (perf)
        add(a, dm, DOC_TABLE, NULL, NULL)->table = perf;
    add_heading(a, dm, 1, "六、", "名词解释");
    csv_table *gl = csv_read(a, d, SAMPLE "glossary.csv", NULL);
    for (size_t r = 0; gl && r < gl->nrows; r++)
        add(a, dm, DOC_LIST_ITEM, arena_printf(a, "%zu、", r + 1),
            arena_printf(a, "%s：%s", gl->rows[r].fields[0], gl->rows[r].fields[1]));
    add_heading(a, dm, 1, "七、", "其他需要说明的事项");
    const char *note = slurp(a, SAMPLE "notes.txt");
    add(a, dm, DOC_PARA, NULL, note);
    add(a, dm, DOC_TABLE, NULL, NULL)->table = empty_table(a, note);
    return dm;
}

static config sample_config(const char *dir)
{
    config c;
    memset(&c, 0, sizeof c);
    c.path = "config/test.ini";
    c.year = 2020;
    c.output_dir = dir;
    c.output_name = "disclosure";
    c.font_body = "AR PL UMing CN";
    c.font_heading = "WenQuanYi Zen Hei";
    c.font_body_pos = diag_at("config/test.ini", 20, 1);
    c.font_heading_pos = diag_at("config/test.ini", 21, 1);
    c.max_pages = 2000;
    c.want_pdf = 1;
    return c;
}

/* ---- layout geometry ---------------------------------------------------- */

static int inside(lay_box in, lay_box out)
{
    return in.x0 >= out.x0 - GEOM_EPS && in.x1 <= out.x1 + GEOM_EPS && in.y0 >= out.y0 - GEOM_EPS &&
           in.y1 <= out.y1 + GEOM_EPS;
}

/* The em box of a text run: its advance width, 0.12 em below the baseline
 * to 0.88 em above. */
static lay_box ink(const lay_op *op)
{
    lay_box b = {op->x, op->y - 0.12 * op->size, op->x + op->width, op->y + 0.88 * op->size};
    return b;
}

/* A character that must not begin a line (GB/T 15834 closing marks). */
static int closing_mark(uint32_t cp)
{
    static const uint32_t marks[] = {0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F,
                                     0xFF01, 0xFF09, 0x201D, 0x300B, 0x2019, '%'};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (cp == marks[i])
            return 1;
    return 0;
}

static int text_is(const lay_op *op, const char *s)
{
    return op->kind == LAY_TEXT && strcmp(op->text, s) == 0;
}

static font *fonts_open(diag *d, font *f[LAY_NFONTS])
{
    f[LAY_FONT_BODY] = font_open(d, diag_at(NULL, 0, 0), "AR PL UMing CN");
    f[LAY_FONT_HEADING] = font_open(d, diag_at(NULL, 0, 0), "WenQuanYi Zen Hei");
    /* the other roles as a config naming only body and heading gets them */
    f[LAY_FONT_TITLE] = f[LAY_FONT_SUBHEADING] = f[LAY_FONT_HEADING];
    f[LAY_FONT_TABLE] = f[LAY_FONT_TABLE_BOLD] = f[LAY_FONT_BODY];
    f[LAY_FONT_FIGURES] = f[LAY_FONT_FIGURES_BOLD] = f[LAY_FONT_FIGURES_TEXT] = NULL;
    return f[LAY_FONT_BODY] && f[LAY_FONT_HEADING] ? f[0] : NULL;
}

static void test_geometry(void)
{
    arena *a = arena_new();
    diag d;
    diag_init(&d, stdout);
    font *f[LAY_NFONTS];
    if (!fonts_open(&d, f)) {
        CHECK(!"fonts open");
        arena_free_all(a);
        return;
    }
    doc *dm = sample_doc(a, &d);
    CHECK_INT(d.errors, 0);
    double t0 = now_ms();
    layout *L = layout_doc(a, &d, dm, f);
    double t1 = now_ms();
    printf("layout: %zu pages, %zu outline entries, %.1f ms\n", L->n_pages, L->n_marks, t1 - t0);
    CHECK_INT(d.warnings, 0);
    CHECK(L->n_pages >= 12 && L->n_pages <= 40);

    size_t outside = 0, off_page = 0, bad_start = 0, runs = 0, lines = 0;
    size_t land_pages = 0, land_with_head = 0, land_with_duty = 0;
    size_t footers_ok = 0, broken_numbers = 0, h1_at_bottom = 0;
    int seen_land = 0, portrait_after = 0;
    for (size_t p = 0; p < L->n_pages; p++) {
        const lay_page *pg = &L->pages[p];
        lay_box page = {0, 0, pg->width, pg->height};
        int has_head = 0, has_duty = 0;
        double lowest_text = 1e9;
        const lay_op *lowest_h1 = NULL;
        char want[64];
        snprintf(want, sizeof want, "第%zu页 共%zu页", p + 1, L->n_pages);
        for (size_t i = 0; i < pg->n_ops; i++) {
            const lay_op *op = &pg->ops[i];
            if (op->kind == LAY_LINE) {
                lines++;
                lay_box lb = {op->x < op->x2 ? op->x : op->x2, op->y < op->y2 ? op->y : op->y2,
                              op->x < op->x2 ? op->x2 : op->x, op->y < op->y2 ? op->y2 : op->y};
                off_page += !inside(lb, pg->area);
                continue;
            }
            if (op->kind != LAY_TEXT)
                continue;
            runs++;
            /* every run inside its box (cell or text block), every box on
             * the page and, except the footer, inside the margins */
            if (!inside(ink(op), op->box)) {
                if (outside++ < 5)
                    printf("  run outside its box on page %zu: \"%s\" x %.2f..%.2f in %.2f..%.2f, "
                           "y %.2f..%.2f in %.2f..%.2f\n",
                           p + 1, op->text, ink(op).x0, ink(op).x1, op->box.x0, op->box.x1,
                           ink(op).y0, ink(op).y1, op->box.y0, op->box.y1);
            }
            if (op->role == LAY_ROLE_FOOTER) {
                footers_ok += strcmp(op->text, want) == 0 && inside(op->box, page);
                continue;
            }
            off_page += !inside(op->box, pg->area);
            /* kinsoku: no closing mark at the start of a paragraph line */
            const char *s = op->text;
            if (op->role == LAY_ROLE_TEXT && closing_mark(utf8_next(&s))) {
                bad_start++;
                printf("  line starts with a closing mark on page %zu: %s\n", p + 1, op->text);
            }
            if (op->role == LAY_ROLE_HEAD && strcmp(op->text, "指标描述") == 0 && op->bold)
                has_head = 1;
            if (op->role == LAY_ROLE_CELL && pg->landscape && op->x < pg->area.x0 + 40)
                has_duty = 1;
            /* amounts and percentages of the 三公 table: one run each, whole */
            if (op->role == LAY_ROLE_CELL && (strstr(op->text, "11.") || strstr(op->text, "24")) &&
                !text_is(op, "11.1%") && !text_is(op, "240") && !pg->landscape)
                broken_numbers++;
            if (op->role == LAY_ROLE_TEXT && op->font == LAY_FONT_HEADING && op->size == 15.0 &&
                (!lowest_h1 || op->y < lowest_h1->y))
                lowest_h1 = op;
            if (op->y < lowest_text)
                lowest_text = op->y;
        }
        /* a level-1 heading is never the last thing on its page */
        if (lowest_h1 && lowest_h1->y <= lowest_text + GEOM_EPS)
            h1_at_bottom++;
        if (pg->landscape) {
            land_pages++;
            land_with_head += has_head;
            land_with_duty += has_duty;
            seen_land = 1;
        } else if (seen_land) {
            portrait_after = 1;
        }
    }
    printf("  %zu text runs, %zu grid lines, %zu landscape pages\n", runs, lines, land_pages);
    CHECK_INT(outside, 0);
    CHECK_INT(off_page, 0);
    CHECK_INT(bad_start, 0);
    CHECK_INT(broken_numbers, 0);
    CHECK_INT(h1_at_bottom, 0);
    CHECK_INT(footers_ok, L->n_pages);
    CHECK(land_pages >= 5);
    /* the header on every page; the duty column (row spans, continued
     * where a page break cut them, never repeated) on the first at least */
    CHECK_INT(land_with_head, land_pages);
    CHECK(land_with_duty >= 1 && land_with_duty < land_pages);
    CHECK(portrait_after);

    /* outline: headings at levels 1 and 2, tables nested under sections */
    int lv2 = 0, tables = 0;
    for (size_t i = 0; i < L->n_marks; i++) {
        lv2 += L->marks[i].level == 2 && strstr(L->marks[i].title, "收入说明") != NULL;
        tables += strstr(L->marks[i].title, "表") != NULL && L->marks[i].level == 2;
    }
    CHECK_INT(lv2, 1);
    CHECK_INT(tables, 3);
    CHECK_INT(L->n_marks, 13);

    /* justified body lines fill the text block exactly */
    int justified = 0, full = 0;
    for (size_t p = 0; p < L->n_pages; p++)
        for (size_t i = 0; i < L->pages[p].n_ops; i++) {
            const lay_op *op = &L->pages[p].ops[i];
            if (op->kind == LAY_TEXT && op->role == LAY_ROLE_TEXT && op->char_space > 0) {
                justified++;
                full += op->x + op->width > L->pages[p].area.x1 - GEOM_EPS;
            }
        }
    CHECK(justified > 0);
    CHECK_INT(full, justified);

    font_close(f[0]);
    font_close(f[1]);
    arena_free_all(a);
}

/*
 * A table row taller than a page is split between lines and continued
 * with the header repeated; a row-spanned cell crossing a page break is
 * cut between lines and continued, each line drawn once.
 */
static void test_tall_rows(void)
{
    arena *a = arena_new();
    diag d;
    diag_init(&d, stdout);
    font *f[LAY_NFONTS];
    if (!fonts_open(&d, f)) {
        CHECK(!"fonts open");
        arena_free_all(a);
        return;
    }
    doc *dm = doc_new(a);
    doc_table *t = doc_table_new(a, 3);
    t->id = "tall";
    for (int c = 0; c < 3; c++)
        t->cols[c].key = "列";
    doc_cell *h = doc_table_add_head(a, t);
    h[0].text = "名称";
    h[1].text = "说明";
    h[2].text = "金额";
    t->cols[2].kind = DOC_COL_AMOUNT;
    char *big = arena_alloc(a, 40000);
    for (int i = 0; i < 3000; i++)
        strcat(big, i % 40 == 39 ? "。" : "预");
    for (int r = 0; r < 30; r++) {
        doc_cell *row = doc_table_add_body(a, t, DOC_ROW_NORMAL);
        row[0].text = "信访问题处理";
        row[1].text = r == 3 ? big : "畅通信访渠道，减少信访案件，维护社会和谐稳定。";
        row[2].text = "1,234,567.89";
    }
    doc_table_span(t, 1, 0, 0, 30, 1);
    add(a, dm, DOC_TABLE, NULL, NULL)->table = t;
    layout *L = layout_doc(a, &d, dm, f);
    CHECK(L->n_pages >= 3);
    size_t heads = 0, names = 0, outside = 0, amounts = 0, preds = 0;
    for (size_t p = 0; p < L->n_pages; p++) {
        int hd = 0, nm = 0;
        for (size_t i = 0; i < L->pages[p].n_ops; i++) {
            const lay_op *op = &L->pages[p].ops[i];
            if (op->kind != LAY_TEXT)
                continue;
            hd |= text_is(op, "名称");
            nm |= op->role == LAY_ROLE_CELL && strstr(op->text, "信访") == op->text;
            amounts += text_is(op, "1,234,567.89");
            outside += !inside(ink(op), op->box);
            if (op->role == LAY_ROLE_CELL)
                for (const char *s = op->text; *s;)
                    preds += utf8_next(&s) == 0x9884; /* 预 */
        }
        heads += hd;
        names += nm;
    }
    CHECK_INT(heads, L->n_pages);
    CHECK_INT(names, 1); /* the row-spanned name is printed once, not on every page */
    CHECK_INT(amounts, 30);
    CHECK_INT(outside, 0);
    CHECK_INT(preds, 3000 - 3000 / 40); /* every character of the tall cell drawn once */

    /* a row-spanned cell taller than a page continues where it stopped:
     * every character is drawn at least once */
    doc *dm2 = doc_new(a);
    doc_table *t2 = doc_table_new(a, 2);
    t2->id = "tall-span";
    doc_cell *h2 = doc_table_add_head(a, t2);
    h2[0].text = "职责描述";
    h2[1].text = "绩效指标";
    for (int r = 0; r < 3; r++)
        doc_table_add_body(a, t2, DOC_ROW_NORMAL)[1].text = "信访事项按期结案率";
    doc_body_cell(t2, 0, 0)->text = big;
    doc_table_span(t2, 1, 0, 0, 3, 1);
    add(a, dm2, DOC_TABLE, NULL, NULL)->table = t2;
    L = layout_doc(a, &d, dm2, f);
    preds = outside = 0;
    for (size_t p = 0; p < L->n_pages; p++)
        for (size_t i = 0; i < L->pages[p].n_ops; i++) {
            const lay_op *op = &L->pages[p].ops[i];
            if (op->kind != LAY_TEXT)
                continue;
            outside += !inside(ink(op), op->box);
            for (const char *s = op->text; *s;)
                preds += utf8_next(&s) == 0x9884;
        }
    CHECK(L->n_pages >= 2);
    CHECK(preds >= 3000 - 3000 / 40);
    CHECK_INT(outside, 0);
    font_close(f[0]);
    font_close(f[1]);
    arena_free_all(a);
}

/* Widow and orphan control and the keep of a heading with its text. */
static void test_keeps(void)
{
    arena *a = arena_new();
    diag d;
    diag_init(&d, stdout);
    font *f[LAY_NFONTS];
    if (!fonts_open(&d, f)) {
        CHECK(!"fonts open");
        arena_free_all(a);
        return;
    }
    /* 35 one-line paragraphs fill 35 of the page's 36 lines; the heading
     * then does not fit with a line after it and goes to page 2 */
    doc *dm = doc_new(a);
    for (int i = 0; i < 35; i++)
        add(a, dm, DOC_PARA, NULL, "短行。");
    add_heading(a, dm, 1, "一、", "标题");
    add(a, dm, DOC_PARA, NULL, "正文。");
    layout *L = layout_doc(a, &d, dm, f);
    CHECK_INT(L->n_pages, 2);
    int heading_on_2 = 0;
    for (size_t i = 0; L->n_pages == 2 && i < L->pages[1].n_ops; i++)
        heading_on_2 |= text_is(&L->pages[1].ops[i], "一、标题");
    CHECK(heading_on_2);
    font_close(f[0]);
    font_close(f[1]);
    arena_free_all(a);
}

/* ---- the PDF ------------------------------------------------------------ */

/* Collects the document's text for pdf_glyph_check.py, without the footer
 * pattern (its "{页}" is never drawn as such). */
typedef struct text_sink {
    FILE *fp;
    const char *skip;
} text_sink;

static void write_doc_text(void *ctx, const char *text, diag_pos pos)
{
    text_sink *t = ctx;
    (void)pos;
    if (text == t->skip)
        return;
    fputs(text, t->fp);
    fputc('\n', t->fp);
}

static void test_render(void)
{
    arena *a = arena_new();
    diag d;
    diag_init(&d, stdout);
    doc *dm = sample_doc(a, &d);
    config c = sample_config(tmpdir);
    setenv("SOURCE_DATE_EPOCH", "1577836800", 1); /* 2020-01-01 */
    double t0 = now_ms();
    int rc = render_pdf(a, &d, &c, dm);
    double t1 = now_ms();
    CHECK_INT(rc, 0);
    CHECK_INT(d.errors, 0);
    const char *pdf = tmp("disclosure.pdf");
    long size = file_size(pdf);
    printf("render_pdf: %.1f ms, %ld bytes\n", t1 - t0, size);
    /* 298,820 bytes before issue 17; a ToUnicode CMap that maps each of
     * the ~900 characters (2 KB a font) and the XMP packet add ~5 KB */
    CHECK(size > 10000 && size < 310000);
    /* only the PDF is left in the folder: no temporary fonts */
    CHECK_INT(dir_entries(tmpdir), 1);

    char cmd[1024];
    snprintf(cmd, sizeof cmd, "qpdf --check '%s' >/dev/null 2>&1", pdf);
    CHECK_INT(run(cmd), 0);

    /* fonts: every one embedded and subset */
    snprintf(cmd, sizeof cmd, "pdffonts '%s' 2>/dev/null", pdf);
    char *out = capture(cmd);
    int fonts = 0, good = 0;
    for (char *line = out ? strtok(out, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        if (!strncmp(line, "name", 4) || !strncmp(line, "----", 4))
            continue;
        fonts++;
        good += strstr(line, " yes yes ") != NULL;
    }
    free(out);
    CHECK_INT(fonts, 2);
    CHECK_INT(good, 2);

    /* every character drawn draws something.  pdf_glyph_check.py tests every
     * embedded font against the whole text, so this two-font PDF is checked
     * for lost composite parts only, and the whole text against PDFs made
     * with one font in both roles (every character is then in that font). */
    snprintf(cmd, sizeof cmd, "'%s' '%s' >/dev/null", glyph_check_tool(), pdf);
    CHECK_INT(run(cmd), 0);
    const char *txt = tmp("all.txt");
    FILE *fp = fopen(txt, "w");
    text_sink sink = {fp, dm->footer};
    doc_each_text(dm, write_doc_text, &sink);
    fputs("第页共0123456789\n", fp); /* the footers as drawn */
    fclose(fp);
    static const char *const one_font[] = {"AR PL UMing CN", "WenQuanYi Zen Hei"};
    for (int i = 0; i < 2; i++) {
        config c1 = c;
        c1.font_body = c1.font_heading = one_font[i];
        c1.output_name = "one-font";
        CHECK_INT(render_pdf(a, &d, &c1, dm), 0);
        snprintf(cmd, sizeof cmd, "'%s' '%s' '%s'", glyph_check_tool(), tmp("one-font.pdf"), txt);
        CHECK_INT(run(cmd), 0);
        remove(tmp("one-font.pdf"));
    }
    remove(txt);

    /* text: headings, numbers whole, footers */
    snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' - 2>/dev/null", pdf);
    out = capture(cmd);
    static const char *const want[] = {
        "2020年部门预算信息公开说明",
        "一、部门主要职责及机构设置",
        "1、收入说明",
        "四、财政拨款“三公”经费预算情况及增减变化原因",
        "资金来源",
        "72,899",
        "11.1%",
        "名称",
        "信访问",
        "≥80%",
        "七、其他需要说明的事项",
        "第1页 共",
        "将空表进行公开",
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        int found = out && strstr(out, want[i]) != NULL;
        if (!found)
            printf("  pdftotext lacks \"%s\"\n", want[i]);
        CHECK(found);
    }
    free(out);

    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>/dev/null", pdf);
    out = capture(cmd);
    const char *pages = out ? strstr(out, "Pages:") : NULL;
    int npages = pages ? atoi(pages + 6) : 0;
    printf("  %d pages\n", npages);
    CHECK(npages >= 12 && npages <= 40);
    CHECK(out && strstr(out, "Title:") && strstr(out, "沧州经济开发区2020年部门预算信息公开说明"));
    CHECK(out && strstr(out, "Creator:") && strstr(out, "budgetgen"));
    free(out);

    /* outline: Chinese titles, nested */
    snprintf(cmd, sizeof cmd,
             "qpdf --json --json-key=outlines '%s' 2>/dev/null | grep -c '\"title\"'", pdf);
    out = capture(cmd);
    CHECK(out && atoi(out) == 13);
    free(out);

    /* the same input gives the same bytes */
    const char *first = tmp("first.pdf");
    rename(pdf, first);
    rc = render_pdf(a, &d, &c, dm);
    CHECK_INT(rc, 0);
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", first, pdf);
    CHECK_INT(run(cmd), 0);
    /* and without SOURCE_DATE_EPOCH the date is 1 January of the year */
    unsetenv("SOURCE_DATE_EPOCH");
    rc = render_pdf(a, &d, &c, dm);
    CHECK_INT(rc, 0);
    CHECK_INT(run(cmd), 0);
    remove(first);
    if (!getenv("KEEP_TEST_OUTPUT"))
        remove(pdf);
    arena_free_all(a);
}

/* A character no font has is an error at its source position, and no file
 * (not even a temporary one) is left behind. */
static void test_missing_char(void)
{
    arena *a = arena_new();
    char *log = NULL;
    size_t loglen = 0;
    FILE *mem = open_memstream(&log, &loglen);
    diag d;
    diag_init(&d, mem);
    doc *dm = doc_new(a);
    dm->year = 2020;
    add(a, dm, DOC_TITLE, NULL, "标题");
    doc_block *b = add(a, dm, DOC_PARA, NULL, "私用区字符\xee\x80\x80在此。");
    b->src = diag_at("templates/x.tmpl", 7, 1);
    const char *dir = tmp("missing");
    mkdir(dir, 0777);
    config c = sample_config(dir);
    int rc = render_pdf(a, &d, &c, dm);
    fclose(mem);
    CHECK_INT(rc, -2); /* the input's problem: exit status 1, not 2 */
    CHECK(d.errors >= 1);
    CHECK(log && strstr(log, "templates/x.tmpl:7:1: error: character") != NULL);
    CHECK(log && strstr(log, "(U+E000) is not in font AR PL UMing CN") != NULL);
    CHECK_INT(dir_entries(dir), 0);
    free(log);
    rmdir(dir);
    arena_free_all(a);
}

/* Exceeding [limits] max_pages is an error; a table cell's position is
 * named for a character missing from the heading font. */
static void test_limits(void)
{
    arena *a = arena_new();
    char *log = NULL;
    size_t loglen = 0;
    FILE *mem = open_memstream(&log, &loglen);
    diag d;
    diag_init(&d, mem);
    doc *dm = sample_doc(a, &d);
    const char *dir = tmp("limits");
    mkdir(dir, 0777);
    config c = sample_config(dir);
    c.max_pages = 3;
    int rc = render_pdf(a, &d, &c, dm);
    fflush(mem);
    CHECK_INT(rc, -1);
    CHECK(log && strstr(log, "more than [limits] max_pages = 3") != NULL);
    CHECK_INT(dir_entries(dir), 0);

    /* U+E000 in a header cell (body font) and in a table title (heading
     * font): each named with its font and position */
    doc_table *t = three_public_table(a);
    doc_head_cell(t, 0, 0)->text = "项目\xee\x80\x80";
    doc_head_cell(t, 0, 0)->pos = diag_at("templates/t.tmpl", 3, 9);
    t->title = "表\xee\x80\x80";
    doc *dm2 = doc_new(a);
    doc_block *tb = add(a, dm2, DOC_TABLE, NULL, NULL);
    tb->table = t;
    tb->src = diag_at("templates/t.tmpl", 2, 1);
    c.max_pages = 10;
    rc = render_pdf(a, &d, &c, dm2);
    fflush(mem);
    CHECK_INT(rc, -2);
    CHECK(log && strstr(log, "templates/t.tmpl:3:9: error: character \xe2\x80\x9c\xee\x80\x80"
                             "\xe2\x80\x9d (U+E000) is not in font AR PL UMing CN") != NULL);
    CHECK(log && strstr(log, "templates/t.tmpl:2:1: error: character \xe2\x80\x9c\xee\x80\x80"
                             "\xe2\x80\x9d (U+E000) is not in font WenQuanYi Zen Hei") != NULL);
    CHECK_INT(dir_entries(dir), 0);

    /* a malformed SOURCE_DATE_EPOCH is an error, not the clock */
    setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    c.max_pages = 2000;
    rc = render_pdf(a, &d, &c, dm);
    unsetenv("SOURCE_DATE_EPOCH");
    fclose(mem);
    CHECK_INT(rc, -1);
    CHECK(log && strstr(log, "SOURCE_DATE_EPOCH=\"yesterday\" is not a number") != NULL);
    CHECK_INT(dir_entries(dir), 0);
    free(log);
    rmdir(dir);
    arena_free_all(a);
}

/* ---- charts --------------------------------------------------------------- */

#define FEN_PER_CENT_WAN 10000LL /* 0.01 万元 in fen */

/* A chart as build.c makes one: values in fen, labels as the document
 * prints amounts (万元, two decimals, thousands separators). */
static doc_chart *make_chart(arena *a, const char *title, const char *sheet, int nc,
                             const char *const *cats, int ns, const char *const *series,
                             const long long *cents)
{
    doc_chart *ch = arena_alloc(a, sizeof *ch);
    ch->id = "test";
    ch->title = title;
    ch->unit = "单位：万元";
    ch->amount_unit = MONEY_WAN;
    ch->sheet = sheet;
    ch->n_cats = nc;
    ch->n_series = ns;
    ch->cats = arena_alloc(a, (size_t)nc * sizeof *ch->cats);
    ch->series = arena_alloc(a, (size_t)ns * sizeof *ch->series);
    ch->values = arena_alloc(a, (size_t)(nc * ns) * sizeof *ch->values);
    ch->labels = arena_alloc(a, (size_t)(nc * ns) * sizeof *ch->labels);
    for (int c = 0; c < nc; c++)
        ch->cats[c] = cats[c];
    for (int s = 0; s < ns; s++)
        ch->series[s] = series[s];
    for (int i = 0; i < nc * ns; i++) {
        char buf[64];
        ch->values[i] = cents[i] * FEN_PER_CENT_WAN;
        money_format(ch->values[i], MONEY_WAN, 2, 1, 0, buf, sizeof buf);
        ch->labels[i] = arena_strdup(a, buf);
    }
    return ch;
}

static const char *const YEARS[] = {"2019年", "2020年"};

/* The 三公 chart: four categories, one a long label with brackets, and a
 * 0 (no car bought in 2019). */
static doc_chart *three_public_chart(arena *a)
{
    static const char *const cats[] = {"公务用车运行费", "公务用车购置费", "公务接待费",
                                       "因公出国（境）费"};
    static const long long cents[] = {2135, 0,    960, 600, /* 2019 */
                                      2380, 2800, 815, 600};
    return make_chart(a, "2019年与2020年“三公”经费预算对比", "“三公”经费对比图", 4, cats, 2, YEARS,
                      cents);
}

/* Ten function classes with large amounts: labels wrap, the last is cut. */
static doc_chart *dense_chart(arena *a)
{
    static const char *const cats[] = {
        "一般公共服务支出",       "社会保障和就业支出",
        "卫生健康支出",           "节能环保支出",
        "城乡社区支出",           "农林水支出",
        "住房保障支出",           "国有资本经营预算支出",
        "灾害防治及应急管理支出", "这是一个为了测试而特意写得非常非常长的支出功能分类名称"};
    static const long long cents[] = {2000,    35010, 9855,   0,      993558, 4500,  178040,
                                      0,       25000, 100,    2460,   40326,  12648, 1200,
                                      2170478, 5200,  279777, 122000, 6430,   0};
    return make_chart(a, "2019年与2020年支出按功能分类对比", "支出功能分类对比图", 10, cats, 2,
                      YEARS, cents);
}

/* Nothing spent in either year: labels and the axis still show. */
static doc_chart *zero_chart(arena *a)
{
    static const char *const cats[] = {"公务用车购置费", "因公出国（境）费", "公务接待费"};
    static const long long cents[] = {0, 0, 0, 0, 0, 0};
    return make_chart(a, "零值对比", NULL, 3, cats, 2, YEARS, cents);
}

/* paras one-line paragraphs, then a heading and the 三公 chart, then the
 * other two charts (charts = 0: the same text without charts). */
static doc *chart_doc(arena *a, int paras, int charts)
{
    doc *dm = doc_new(a);
    dm->title = "图表测试";
    dm->footer = "第{页}页 共{总页}页";
    dm->year = 2020;
    add(a, dm, DOC_TITLE, NULL, "2020年部门预算信息公开说明");
    for (int i = 0; i < paras; i++)
        add(a, dm, DOC_PARA, NULL, "短行。");
    add_heading(a, dm, 1, "四、", "财政拨款“三公”经费预算情况及增减变化原因");
    add(a, dm, DOC_PARA, NULL, "2020年“三公”经费预算65.95万元，较2019年增加。");
    if (charts) {
        doc_block *b = add(a, dm, DOC_CHART, NULL, NULL);
        b->chart = three_public_chart(a);
        b->bookmark = 1;
    }
    add_heading(a, dm, 1, "五、", "支出按功能分类");
    add(a, dm, DOC_PARA, NULL, "支出按功能分类如下图。");
    if (charts) {
        doc_block *b = add(a, dm, DOC_CHART, NULL, NULL);
        b->chart = dense_chart(a);
        b->bookmark = 1;
        b = add(a, dm, DOC_CHART, NULL, NULL);
        b->chart = zero_chart(a);
        b->bookmark = 1;
    }
    add(a, dm, DOC_PARA, NULL, "以上。");
    return dm;
}

static int boxes_overlap(lay_box p, lay_box q)
{
    return p.x0 < q.x1 - GEOM_EPS && q.x0 < p.x1 - GEOM_EPS && p.y0 < q.y1 - GEOM_EPS &&
           q.y0 < p.y1 - GEOM_EPS;
}

static int same_box(lay_box p, lay_box q)
{
    return p.x0 == q.x0 && p.x1 == q.x1 && p.y0 == q.y0 && p.y1 == q.y1;
}

/* 1, 2, 2.5 or 5 × 10^k fen */
static int nice(money step)
{
    if (step <= 0)
        return 0;
    while (step % 10 == 0)
        step /= 10;
    return step == 1 || step == 2 || step == 5 || step == 25;
}

/* Checks one placed chart against its doc_chart; returns the problems. */
static int check_chart(const layout *L, const lay_chart *lc, const doc_chart *ch)
{
    int bad = 0;
#define EXPECT(cond)                                                                               \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            bad++;                                                                                 \
            printf("  chart \"%s\": %s\n", ch->title ? ch->title : "", #cond);                     \
        }                                                                                          \
    } while (0)
    EXPECT(lc->page < L->n_pages);
    if (lc->page >= L->n_pages)
        return bad;
    const lay_page *pg = &L->pages[lc->page];
    int nc = ch->n_cats, ns = ch->n_series;
    EXPECT(!pg->landscape);
    EXPECT(inside(lc->box, pg->area));
    EXPECT(inside(lc->plot, lc->box));
    /* the text width, about 7-8 cm high */
    EXPECT(lc->box.x1 - lc->box.x0 > pg->area.x1 - pg->area.x0 - GEOM_EPS);
    double h_cm = (lc->box.y1 - lc->box.y0) / 72.0 * 2.54;
    EXPECT(h_cm > 6.8 && h_cm < 8.6);
    /* the value axis: 0 to n nice steps, just covering the largest value */
    money max = 0;
    for (int i = 0; i < nc * ns; i++)
        max = ch->values[i] > max ? ch->values[i] : max;
    EXPECT(nice(lc->step));
    EXPECT(lc->n_steps >= 4 && lc->n_steps <= 6);
    EXPECT(lc->step * lc->n_steps >= max);
    EXPECT(max == 0 || lc->step * (lc->n_steps - 1) < max);
    EXPECT(lc->n_cats == nc && lc->cat_lines >= 1 && lc->cat_lines <= 2);
    for (int c = 0; c < nc; c++) {
        EXPECT(inside(lc->cats[c], lc->box));
        EXPECT(lc->cats[c].y1 <= lc->plot.y0 + GEOM_EPS);
        for (int d = c + 1; d < nc; d++)
            EXPECT(!boxes_overlap(lc->cats[c], lc->cats[d]));
    }

    const lay_op *title = NULL;
    int values = 0, cat_runs = 0, bars = 0, swatches = 0, legend = 0, unit = 0;
    int *cat_ok = calloc((size_t)nc, sizeof *cat_ok);
    char **cat_text = calloc((size_t)nc, sizeof *cat_text);
    for (size_t i = 0; i < pg->n_ops; i++) {
        const lay_op *op = &pg->ops[i];
        if (op->block != lc->block)
            continue;
        if (op->kind == LAY_RECT) {
            EXPECT(inside(op->box, lc->box));
            if (op->has_rgb && inside(op->box, lc->plot))
                bars++;
            else if (op->has_rgb)
                swatches++;
            continue;
        }
        if (op->kind != LAY_TEXT)
            continue;
        /* every label inside its box, every box inside the margins */
        EXPECT(inside(ink(op), op->box));
        EXPECT(inside(op->box, pg->area));
        EXPECT(inside(ink(op), lc->box));
        if (op->role == LAY_ROLE_CHART && op->font == LAY_FONT_HEADING) {
            title = op;
        } else if (op->role == LAY_ROLE_CHART) {
            for (int s = 0; s < ns; s++)
                legend += text_is(op, ch->series[s]);
            unit += text_is(op, ch->unit);
        } else if (op->role == LAY_ROLE_CHART_VALUE) {
            values++;
            int known = 0;
            for (int k = 0; k < nc * ns; k++)
                known |= text_is(op, ch->labels[k]);
            EXPECT(known);
            EXPECT(ink(op).y0 >= lc->plot.y0 - GEOM_EPS);
            /* no value label over another or over a bar */
            for (size_t j = 0; j < pg->n_ops; j++) {
                const lay_op *q = &pg->ops[j];
                if (j == i || q->block != lc->block)
                    continue;
                /* side by side, a space between: "20.00 24.60", not "20.0024.60" */
                lay_box wide = ink(op);
                wide.x0 -= 0.45 * op->size;
                wide.x1 += 0.45 * op->size;
                if (q->kind == LAY_TEXT && q->role == LAY_ROLE_CHART_VALUE)
                    EXPECT(!boxes_overlap(wide, ink(q)));
                if (q->kind == LAY_RECT && q->has_rgb && inside(q->box, lc->plot))
                    EXPECT(!boxes_overlap(ink(op), q->box));
            }
        } else if (op->role == LAY_ROLE_CHART_CAT) {
            cat_runs++;
            int c = 0;
            while (c < nc && !same_box(op->box, lc->cats[c]))
                c++;
            EXPECT(c < nc);
            if (c == nc)
                continue;
            size_t have = cat_text[c] ? strlen(cat_text[c]) : 0;
            cat_text[c] = realloc(cat_text[c], have + strlen(op->text) + 1);
            strcpy(cat_text[c] + have, op->text);
            /* no two category labels overlap */
            for (size_t j = 0; j < pg->n_ops; j++) {
                const lay_op *q = &pg->ops[j];
                if (q->block == lc->block && q->kind == LAY_TEXT && q->role == LAY_ROLE_CHART_CAT &&
                    !same_box(q->box, op->box))
                    EXPECT(!boxes_overlap(ink(op), ink(q)));
            }
        }
    }
    int nonzero = 0;
    for (int i = 0; i < nc * ns; i++)
        nonzero += ch->values[i] > 0;
    EXPECT(title && ch->title && strcmp(title->text, ch->title) == 0);
    EXPECT(title && title->y > lc->plot.y1);
    EXPECT(values == nc * ns);
    EXPECT(bars == nonzero);
    EXPECT(swatches == ns);
    EXPECT(legend == ns);
    EXPECT(unit == 1);
    EXPECT(cat_runs >= nc);
    /* every category shows its label (whole, or cut with an ellipsis) */
    for (int c = 0; c < nc; c++) {
        const char *t = cat_text[c] ? cat_text[c] : "";
        size_t n = strlen(t), e = strlen("…");
        int whole = strcmp(t, ch->cats[c]) == 0;
        int cut = n > e && strcmp(t + n - e, "…") == 0 && strncmp(ch->cats[c], t, n - e) == 0;
        if (!whole && !cut)
            printf("  category %d shows \"%s\" for \"%s\"\n", c, t, ch->cats[c]);
        EXPECT(whole || cut);
        free(cat_text[c]);
    }
    free(cat_text);
    free(cat_ok);
    /* the bookmark, on the chart's page */
    int marked = 0;
    for (size_t i = 0; i < L->n_marks; i++)
        marked +=
            ch->title && strcmp(L->marks[i].title, ch->title) == 0 && L->marks[i].page == lc->page;
    EXPECT(marked == 1);
#undef EXPECT
    return bad;
}

static void test_chart_geometry(void)
{
    arena *a = arena_new();
    diag d;
    diag_init(&d, stdout);
    font *f[LAY_NFONTS];
    if (!fonts_open(&d, f)) {
        CHECK(!"fonts open");
        arena_free_all(a);
        return;
    }
    doc *dm = chart_doc(a, 3, 1);
    layout *L = layout_doc(a, &d, dm, f);
    CHECK_INT(d.warnings, 0);
    CHECK_INT(L->n_charts, 3);
    for (size_t i = 0; i < L->n_charts; i++) {
        const lay_chart *lc = &L->charts[i];
        const doc_chart *ch = dm->blocks[lc->block].chart;
        CHECK(dm->blocks[lc->block].kind == DOC_CHART);
        printf("chart \"%s\": page %zu, %.1f cm high, axis %d × %lld fen, labels %.1f pt in %d "
               "line(s)\n",
               ch->title, lc->page + 1, (lc->box.y1 - lc->box.y0) / 72.0 * 2.54, lc->n_steps,
               (long long)lc->step, lc->cat_size, lc->cat_lines);
        CHECK_INT(check_chart(L, lc, ch), 0);
    }
    if (L->n_charts == 3) {
        /* 三公: 30 万元 in 6 steps of 5; every label on one line at 8 pt */
        CHECK_INT(L->charts[0].step, 5 * 1000000LL);
        CHECK_INT(L->charts[0].n_steps, 6);
        CHECK_INT(L->charts[0].cat_lines, 1);
        CHECK(L->charts[0].cat_size == 8.0);
        /* ten long classes: two lines; all zero: 5 steps of 1 万元 */
        CHECK_INT(L->charts[1].cat_lines, 2);
        CHECK_INT(L->charts[2].step, 1000000LL);
        CHECK_INT(L->charts[2].n_steps, 5);
    }

    /* Kept whole: after 30 lines the chart does not fit the rest of page 1
     * and goes to page 2 with its title; nothing of it is left on page 1. */
    doc *dm2 = chart_doc(a, 30, 1);
    L = layout_doc(a, &d, dm2, f);
    CHECK(L->n_charts == 3 && L->charts[0].page == 1);
    size_t stray = 0;
    if (L->n_charts == 3)
        for (size_t p = 0; p < L->n_pages; p++)
            for (size_t i = 0; i < L->pages[p].n_ops; i++)
                for (size_t k = 0; k < L->n_charts; k++)
                    stray +=
                        L->pages[p].ops[i].block == L->charts[k].block && p != L->charts[k].page;
    CHECK_INT(stray, 0);
    for (size_t i = 0; i < L->n_charts; i++)
        CHECK_INT(check_chart(L, &L->charts[i], dm2->blocks[L->charts[i].block].chart), 0);
    font_close(f[0]);
    font_close(f[1]);
    arena_free_all(a);
}

/* A binary PGM (P5, maxval 255) as written by pdftoppm -gray; malloc'd
 * pixels, NULL if unreadable. */
static unsigned char *read_pgm(const char *path, int *w, int *h)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    int maxval = 0;
    unsigned char *px = NULL;
    if (fscanf(fp, "P5 %d %d %d", w, h, &maxval) == 3 && maxval == 255 && *w > 0 && *h > 0 &&
        fgetc(fp) != EOF) {
        size_t n = (size_t)*w * (size_t)*h;
        px = malloc(n);
        if (px && fread(px, 1, n, fp) != n) {
            free(px);
            px = NULL;
        }
    }
    fclose(fp);
    return px;
}

/* Median of n doubles (sorts v). */
static double median(double *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) {
            double t = v[j];
            v[j] = v[j - 1];
            v[j - 1] = t;
        }
    return v[n / 2];
}

static void test_chart_pdf(void)
{
    arena *a = arena_new();
    diag d;
    diag_init(&d, stdout);
    font *f[LAY_NFONTS];
    if (!fonts_open(&d, f)) {
        CHECK(!"fonts open");
        arena_free_all(a);
        return;
    }
    doc *dm = chart_doc(a, 3, 1);
    layout *L = layout_doc(a, &d, dm, f); /* the renderer lays out the same */
    /* tmp() reuses its buffers: keep copies */
    const char *dir = arena_strdup(a, tmp("chart"));
    mkdir(dir, 0777);
    config c = sample_config(dir);
    c.output_name = "chart";
    CHECK_INT(render_pdf(a, &d, &c, dm), 0);
    CHECK_INT(d.errors, 0);
    const char *pdf = arena_strdup(a, tmp("chart/chart.pdf"));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "qpdf --check '%s' >/dev/null 2>&1", pdf);
    CHECK_INT(run(cmd), 0);
    CHECK(L->n_charts == 3);
    if (L->n_charts != 3) {
        font_close(f[0]);
        font_close(f[1]);
        arena_free_all(a);
        return;
    }
    const lay_chart *lc = &L->charts[0];
    const doc_chart *ch = dm->blocks[lc->block].chart;
    size_t page = lc->page + 1;

    /* the chart's page: title, categories, series names, value labels,
     * the axis numbers, the unit */
    snprintf(cmd, sizeof cmd, "pdftotext -f %zu -l %zu -layout '%s' - 2>/dev/null", page, page,
             pdf);
    char *out = capture(cmd);
    const char *want[32];
    size_t nw = 0;
    want[nw++] = ch->title;
    want[nw++] = ch->unit;
    for (int i = 0; i < ch->n_cats; i++)
        want[nw++] = ch->cats[i];
    for (int i = 0; i < ch->n_series; i++)
        want[nw++] = ch->series[i];
    for (int i = 0; i < ch->n_cats * ch->n_series; i++)
        want[nw++] = ch->labels[i];
    want[nw++] = "25";
    want[nw++] = "30";
    for (size_t i = 0; i < nw; i++) {
        int found = out && strstr(out, want[i]) != NULL;
        if (!found)
            printf("  page %zu lacks \"%s\"\n", page, want[i]);
        CHECK(found);
    }
    free(out);

    /* the bars are there: dark pixels in the plot, of both series' greys
     * (mid grey about 158, the deep blue about 70 in grey) */
    snprintf(cmd, sizeof cmd,
             "pdftoppm -r 50 -gray -f %zu -l %zu -singlefile '%s' '%s' 2>/dev/null", page, page,
             pdf, tmp("chart/page"));
    CHECK_INT(run(cmd), 0);
    int w = 0, h = 0;
    unsigned char *px = read_pgm(tmp("chart/page.pgm"), &w, &h);
    CHECK(px != NULL);
    if (px) {
        const lay_page *pg = &L->pages[lc->page];
        double k = 50.0 / 72.0;
        int x0 = (int)ceil(lc->plot.x0 * k) + 1, x1 = (int)floor(lc->plot.x1 * k) - 1;
        int y0 = (int)ceil((pg->height - lc->plot.y1) * k) + 1;
        int y1 = (int)floor((pg->height - lc->plot.y0) * k) - 1;
        long all = 0, dark = 0, blue = 0, grey = 0;
        for (int y = y0; y <= y1 && y < h; y++)
            for (int x = x0; x <= x1 && x < w; x++) {
                unsigned v = px[(size_t)y * (size_t)w + (size_t)x];
                all++;
                dark += v < 200;
                blue += v >= 40 && v <= 110;
                grey += v >= 135 && v <= 180;
            }
        printf("chart plot at 50 dpi: %ld pixels, %ld dark (%ld blue, %ld grey)\n", all, dark, blue,
               grey);
        CHECK(all > 1000);
        CHECK(dark * 10 > all); /* the 三公 bars fill about a fifth of the plot */
        CHECK(blue > 100);
        CHECK(grey > 100);
        free(px);
    }

    /* every character of the charts draws something, in either font */
    const char *txt = arena_strdup(a, tmp("chart/text.txt"));
    FILE *fp = fopen(txt, "w");
    for (size_t p = 0; fp && p < L->n_pages; p++)
        for (size_t i = 0; i < L->pages[p].n_ops; i++) {
            const lay_op *op = &L->pages[p].ops[i];
            if (op->kind == LAY_TEXT && op->role >= LAY_ROLE_CHART)
                fprintf(fp, "%s\n", op->text);
        }
    if (fp)
        fclose(fp);
    static const char *const one_font[] = {"AR PL UMing CN", "WenQuanYi Zen Hei"};
    for (int i = 0; i < 2; i++) {
        config c1 = c;
        c1.font_body = c1.font_heading = one_font[i];
        c1.output_name = "one-font";
        CHECK_INT(render_pdf(a, &d, &c1, dm), 0);
        snprintf(cmd, sizeof cmd, "'%s' '%s' '%s' >/dev/null", glyph_check_tool(),
                 tmp("chart/one-font.pdf"), txt);
        CHECK_INT(run(cmd), 0);
        remove(tmp("chart/one-font.pdf"));
    }
    remove(txt);

    /* a bookmark per chart */
    snprintf(cmd, sizeof cmd, "qpdf --json --json-key=outlines '%s' 2>/dev/null", pdf);
    out = capture(cmd);
    for (size_t i = 0; i < L->n_charts; i++) {
        const char *t = dm->blocks[L->charts[i].block].chart->title;
        CHECK(out && strstr(out, t) != NULL);
    }
    free(out);

    /* the same bytes again */
    const char *first = arena_strdup(a, tmp("chart/first.pdf"));
    rename(pdf, first);
    CHECK_INT(render_pdf(a, &d, &c, dm), 0);
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", first, pdf);
    CHECK_INT(run(cmd), 0);
    remove(first);

    /* What the charts cost (printed, never pass/fail): the same document
     * without them, median of 5 runs each. */
    doc *plain = chart_doc(a, 3, 0);
    config cp = c;
    cp.output_name = "plain";
    double tc[5], tp[5];
    for (int r = 0; r < 5; r++) {
        double t0 = now_ms();
        render_pdf(a, &d, &c, dm);
        double t1 = now_ms();
        render_pdf(a, &d, &cp, plain);
        tc[r] = t1 - t0;
        tp[r] = now_ms() - t1;
    }
    long with = file_size(pdf), without = file_size(tmp("chart/plain.pdf"));
    printf("charts: %.2f ms and %ld bytes each (3 charts: %.1f against %.1f ms, %ld against %ld "
           "bytes)\n",
           (median(tc, 5) - median(tp, 5)) / 3, (with - without) / 3, median(tc, 5), median(tp, 5),
           with, without);
    if (!getenv("KEEP_TEST_OUTPUT")) {
        remove(pdf);
        remove(tmp("chart/plain.pdf"));
        remove(tmp("chart/page.pgm"));
        rmdir(dir);
    }
    font_close(f[0]);
    font_close(f[1]);
    arena_free_all(a);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_layout.XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    RUN(test_geometry);
    RUN(test_tall_rows);
    RUN(test_keeps);
    RUN(test_render);
    RUN(test_missing_char);
    RUN(test_limits);
    RUN(test_chart_geometry);
    RUN(test_chart_pdf);
    if (getenv("KEEP_TEST_OUTPUT"))
        printf("output kept in %s\n", tmpdir);
    else
        rmdir(tmpdir);
    return harness_end();
}
