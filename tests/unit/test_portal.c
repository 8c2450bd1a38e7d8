/*
 * Unit tests for gen/portal.c (portal_write_index): the index describes the
 * files on disk, whatever the run says; text cells of index.csv that a
 * spreadsheet would run as formulas get a leading ' while numbers stay
 * numbers; index.html escapes every name; the open data is linked and the
 * bureau's facts.csv gathered.  Expected texts are written by
 * hand from the rules in batch.h.
 */
#define _DEFAULT_SOURCE /* mkdtemp, symlink */

#include "harness.h"

#include "arena.h"
#include "batch.h"
#include "diag.h"
#include "render_data.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_portal.XXXXXX";

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
}

/* A PDF as libharu writes its page tree (batch_pdf_pages reads /Count). */
static const char PDF3[] = "%PDF-1.3\n1 0 obj\n<< /Type /Pages /Kids [] /Count 3 >>\nendobj\n";

static batch_dept dept(const char *name, const char *file, int status)
{
    batch_dept d;
    memset(&d, 0, sizeof d);
    d.config_path = "x.ini";
    d.department = name;
    d.year = 2021;
    d.output_dir = "out";
    d.output_name = file;
    d.want_pdf = d.want_xlsx = 1;
    d.status = status;
    d.pdf_bytes = d.xlsx_bytes = -1;
    return d;
}

static const char *csv_line(const char *csv, int n) /* line n (0: the head), without CRLF */
{
    static char line[2048];
    const char *p = csv;
    for (int i = 0; i < n && p; i++) {
        p = strstr(p, "\r\n");
        if (p)
            p += 2;
    }
    if (!p)
        return "";
    const char *end = strstr(p, "\r\n");
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len >= sizeof line)
        len = sizeof line - 1;
    memcpy(line, p, len);
    line[len] = '\0';
    return line;
}

static void test_index(void)
{
    CHECK(mkdir("out", 0777) == 0);
    put("out/built.pdf", PDF3);
    put("out/built.xlsx", "xlsx!");
    put("out/old.pdf", PDF3);                 /* published by an earlier run */
    CHECK(symlink("/etc/passwd", "out/link.pdf") == 0); /* never listed */
    CHECK(mkfifo("out/fifo.pdf", 0666) == 0);           /* never opened for long, never listed */
    /* The open data (render_data.h): built's is linked and its facts
     * gathered into the bureau's facts.csv; old's facts.csv has another
     * header (not budgetgen's): linked, but not gathered. */
    static const char FACTS_HEAD[] = "\xEF\xBB\xBF" DATA_FACTS_HEADER "\r\n";
    CHECK(mkdir("out/built.data", 0777) == 0 && mkdir("out/old.data", 0777) == 0);
    put("out/built.data/datapackage.json", "{}\n");
    put("out/built.data/facts.csv", FACTS_HEAD);
    FILE *ff = fopen("out/built.data/facts.csv", "ab");
    CHECK(ff != NULL);
    if (ff) {
        fputs("d,2021,预算,approved,1,t,1,total,,,,合计,合计,1.00,万元,1000000\r\n", ff);
        fclose(ff);
    }
    put("out/old.data/facts.csv", "a,b\r\n1,2\r\n");

    batch_dept v[5];
    v[0] = dept("=HYPERLINK(\"http://x\",\"y\")", "built", 0);
    v[0].rep.has_revenue = v[0].rep.has_expense = 1;
    v[0].rep.revenue_total = -12000000; /* -12.00 万元: a number, not escaped */
    v[0].rep.expense_total = 72899000000LL;
    v[0].rep.pages = 99;  /* what the run said: the index reads 3 from the file */
    v[0].pdf_bytes = 1;   /* likewise: the index reads the size itself */
    v[1] = dept("@old<b>\x1b", "old", 1);
    v[1].rep.has_revenue = 1; /* a failed run's figures are never shown */
    v[1].rep.revenue_total = 100;
    v[2] = dept("+link", "link", 1);
    v[2].kind = DOC_KIND_JUESUAN; /* a bureau publishes both kinds: the index says which */
    v[3] = dept("-fifo\tx", "fifo", 2);
    v[3].crashed = 9;
    v[4] = dept("\rrefused", "built", 2);
    v[4].collided = 1;
    v[4].output_dir = NULL; /* refused: whose files are at that name is unknown */

    arena *a = arena_new();
    diag d;
    diag_init(&d, stderr);
    CHECK_INT(portal_write_index(a, &d, "out", v, 5), 0);
    arena_free_all(a);

    const char *csv = slurp("out/index.csv");
    CHECK(csv != NULL);
    if (!csv)
        return;
    CHECK(strncmp(csv, "\xEF\xBB\xBF", 3) == 0);
    CHECK_STR(csv_line(csv + 3, 0), "部门,年度,收入总计（万元）,支出总计（万元）,“三公”经费合计（万元）,"
                                    "PDF,XLSX,页数,PDF字节数,XLSX字节数,状态,数据包,明细数据CSV,类型");
    char want[512];
    snprintf(want, sizeof want,
             "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2021,-12.00,72899.00,,built.pdf,"
             "built.xlsx,3,%zu,5,已更新,built.data/datapackage.json,built.data/facts.csv,预算",
             strlen(PDF3));
    CHECK_STR(csv_line(csv + 3, 1), want);
    snprintf(want, sizeof want,
             "'@old<b>\x1b,2021,,,,old.pdf,,3,%zu,,未更新：本次生成失败，见日志,,old.data/facts.csv,预算",
             strlen(PDF3));
    CHECK_STR(csv_line(csv + 3, 2), want);
    CHECK_STR(csv_line(csv + 3, 3), "'+link,2021,,,,,,,,,未更新：本次生成失败，见日志,,,决算");
    CHECK_STR(csv_line(csv + 3, 4), "\"'-fifo\tx\",2021,,,,,,,,,未更新：本次生成失败，见日志,,,预算");
    CHECK_STR(csv_line(csv + 3, 5), "\"'\rrefused\",2021,,,,,,,,,未更新：本次生成失败，见日志,,,预算");
    /* The bureau's facts: one header, built's line; old's file left out. */
    const char *facts = slurp("out/facts.csv");
    CHECK(facts != NULL);
    if (facts)
        CHECK_STR(facts, "\xEF\xBB\xBF" DATA_FACTS_HEADER
                         "\r\nd,2021,预算,approved,1,t,1,total,,,,合计,合计,1.00,万元,1000000\r\n");

    const char *html = slurp("out/index.html");
    CHECK(html != NULL);
    if (!html)
        return;
    CHECK(strstr(html, "<tr><td>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>") != NULL);
    CHECK(strstr(html, "<tr class=\"stale\"><td>@old&lt;b&gt;&#xFFFD;</td>") != NULL);
    CHECK(strstr(html, "\x1b") == NULL);
    CHECK(strstr(html, "<td>&#xFFFD;refused</td>") != NULL);
    CHECK(strstr(html, "link.pdf") == NULL && strstr(html, "fifo.pdf") == NULL);
    CHECK(strstr(html, "<a href=\"old.pdf\">PDF</a>") != NULL);
    CHECK(strstr(html, "data-v=\"-12000000\">-12.00</td>") != NULL);
    CHECK(strstr(html, "<a href=\"built.data/datapackage.json\">数据包</a> "
                       "<a href=\"built.data/facts.csv\">CSV</a>") != NULL);
    CHECK(strstr(html, "<a href=\"facts.csv\">facts.csv</a>") != NULL);
    /* the kind, last on each row: +link's row says 决算, the others 预算 */
    CHECK(strstr(html, "<th data-key=\"kind\">类型</th></tr>") != NULL);
    const char *lk = strstr(html, "<td>+link</td>");
    const char *end = lk ? strstr(lk, "</tr>") : NULL;
    size_t kl = strlen("<td>决算</td>");
    CHECK(end != NULL && (size_t)(end - lk) > kl && !strncmp(end - kl, "<td>决算</td>", kl));
    CHECK(strstr(html, "<td>预算</td></tr>") != NULL);

    unlink("out/built.data/datapackage.json");
    unlink("out/built.data/facts.csv");
    unlink("out/old.data/facts.csv");
    rmdir("out/built.data");
    rmdir("out/old.data");
    unlink("out/facts.csv");
    unlink("out/index.csv");
    unlink("out/index.html");
    unlink("out/built.pdf");
    unlink("out/built.xlsx");
    unlink("out/old.pdf");
    unlink("out/link.pdf");
    unlink("out/fifo.pdf");
    rmdir("out");
}

int main(void)
{
    if (!mkdtemp(tmpdir) || chdir(tmpdir) != 0) {
        perror(tmpdir);
        return 2;
    }
    RUN(test_index);
    if (chdir("/") != 0 || rmdir(tmpdir) != 0)
        perror(tmpdir);
    return harness_end();
}
