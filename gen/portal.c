/*
 * portal — the index of a bureau's disclosures (see batch.h): index.html
 * for the portal and index.csv for the bureau's own records, with facts.csv,
 * every department's figures as open data (render_data.h) in one file.  Stage:
 * render, after a batch.  Input: the departments as built.  Output: three
 * files written atomically (outfile.h).
 *
 * The HTML is one self-contained file (no fonts, scripts or styles from
 * elsewhere: portals are often behind strict content policies, and the
 * page must keep working when archived).  Amounts are shown in 万元 with two
 * decimals whatever unit each department publishes in, so that the column
 * compares like with like; data-v attributes hold exact values for sorting.
 *
 * What the index says of a department's files (links, sizes, pages) is read
 * from the files themselves when the index is written, never taken from the
 * run: after a partial failure the index still matches the folder (batch.h).
 */
#define _DEFAULT_SOURCE /* realpath, O_NOFOLLOW */

#include "batch.h"
#include "config.h"

#include "outfile.h"
#include "render_data.h"
#include "strbuf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- escaping ---------------------------------------------------------------- */

/* A path as a URL path: every byte but unreserved ones and '/' is
 * percent-encoded (UTF-8 names become %E6%B2%A7…; works in every browser
 * and survives copying into e-mail). */
static void url_path(strbuf *sb, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || c == '/')
            sb_putc(sb, (char)c);
        else {
            sb_putc(sb, '%');
            sb_putc(sb, hex[c >> 4]);
            sb_putc(sb, hex[c & 15]);
        }
    }
}

/* One CSV field (sb_csv_field) and its separator: a comma, or CRLF after the
 * last field of a row. */
static void csv_field(strbuf *sb, const char *s, int last)
{
    sb_csv_field(sb, s);
    sb_append(sb, last ? "\r\n" : ",");
}

/* A text cell.  Excel, LibreOffice and Google Sheets take a cell that
 * starts with = + - @ (or a tab or CR before one) as a formula: a
 * department named =HYPERLINK("http://…","…") would become a live link
 * in the bureau's own records.  As the OWASP advice on CSV injection says,
 * such a cell is written with a leading ' (shown by Excel as text, the
 * quote hidden).  Numbers go through csv_field directly: a cell the index
 * writes as -12.00 is the number -12, which no spreadsheet runs. */
static void csv_text(strbuf *sb, const char *s, int last)
{
    if (*s && strchr("=+-@\t\r", *s)) {
        strbuf q = STRBUF_INIT;
        sb_putc(&q, '\'');
        sb_append(&q, s);
        csv_field(sb, sb_str(&q), last);
        sb_free(&q);
    } else {
        csv_field(sb, s, last);
    }
}

/* ---- paths -------------------------------------------------------------------- */

/* The folder `to` relative to the folder `from`, as "" (the same folder) or
 * "a/b/" or "../x/"; both are made absolute first.  Falls back to the
 * absolute path of `to` when either cannot be resolved. */
static const char *rel_dir(arena *a, const char *from, const char *to)
{
    char *f = realpath(from, NULL), *t = realpath(to, NULL);
    const char *res;
    if (!f || !t) {
        res = arena_printf(a, "%s/", to);
    } else if (strcmp(f, t) == 0) {
        res = "";
    } else {
        /* The longest common prefix that ends at a component boundary of
         * both paths ("/ab" and "/abc" share only "/"). */
        size_t cut = 0;
        for (size_t i = 0;; i++) {
            int fe = f[i] == '/' || f[i] == '\0', te = t[i] == '/' || t[i] == '\0';
            if (fe && te)
                cut = i;
            if (f[i] == '\0' || t[i] == '\0' || f[i] != t[i])
                break;
        }
        strbuf sb = STRBUF_INIT;
        for (const char *p = f + cut; *p; p++)
            if (*p == '/' && p[1] != '\0')
                sb_append(&sb, "../");
        const char *rest = t + cut;
        if (*rest == '/')
            rest++;
        if (*rest)
            sb_printf(&sb, "%s/", rest);
        res = arena_strdup(a, sb_str(&sb));
        sb_free(&sb);
    }
    free(f);
    free(t);
    return res;
}

/* ---- the table's content -------------------------------------------------------- */

typedef struct row {
    int updated;                               /* built by this run: figures shown */
    const char *pdf, *xlsx;                    /* link targets relative to the index, or NULL */
    const char *pkg, *facts;                   /* the open data (render_data.h), or NULL */
    long long pdf_bytes, xlsx_bytes;           /* of the files on disk; -1: none */
    long pages;                                /* of the PDF on disk; 0: unknown */
    char rev[48], exp[48], tp[48];             /* 72,899.00 */
    char rev_csv[48], exp_csv[48], tp_csv[48]; /* 72899.00 */
} row;

/* What the index says of a department's state. */
static const char UPDATED[] = "已更新";
static const char NOT_UPDATED[] = "未更新：本次生成失败，见日志";

static void amount_text(int has, money v, char *shown, char *plain)
{
    if (!has) {
        shown[0] = plain[0] = '\0';
        return;
    }
    money_format(v, MONEY_WAN, 2, 1, 0, shown, 48);
    money_format(v, MONEY_WAN, 2, 0, 0, plain, 48);
}

/* The published file dir/name.ext as it is now: its size (-1 when there is
 * none, or it is not a regular file: a symbolic link or a FIFO is never
 * listed) and, for a PDF, its page count, both read from one open file. */
static long long published(const char *dir, const char *name, const char *ext, long *pages)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext) >= (int)sizeof path)
        return -1;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return -1;
    }
    if (pages) {
        FILE *f = fdopen(fd, "rb");
        if (!f) {
            close(fd);
            return -1;
        }
        *pages = batch_pdf_pages_fp(f);
        fclose(f);
    } else {
        close(fd);
    }
    return (long long)st.st_size;
}

static void fill_row(arena *a, const char *dir, const batch_dept *dp, row *r)
{
    memset(r, 0, sizeof *r);
    r->pdf_bytes = r->xlsx_bytes = -1;
    r->updated = dp->status == 0 && !dp->crashed && !dp->collided;
    if (dp->output_dir) {
        const char *rel = rel_dir(a, dir, dp->output_dir);
        if (dp->want_pdf)
            r->pdf_bytes = published(dp->output_dir, dp->output_name, "pdf", &r->pages);
        if (dp->want_xlsx)
            r->xlsx_bytes = published(dp->output_dir, dp->output_name, "xlsx", NULL);
        if (r->pdf_bytes >= 0)
            r->pdf = arena_printf(a, "%s%s.pdf", rel, dp->output_name);
        if (r->xlsx_bytes >= 0)
            r->xlsx = arena_printf(a, "%s%s.xlsx", rel, dp->output_name);
        /* The data folder NAME.data/ as published (render_data.h). */
        if (published(dp->output_dir, dp->output_name, "data/datapackage.json", NULL) >= 0)
            r->pkg = arena_printf(a, "%s%s.data/datapackage.json", rel, dp->output_name);
        if (published(dp->output_dir, dp->output_name, "data/facts.csv", NULL) >= 0)
            r->facts = arena_printf(a, "%s%s.data/facts.csv", rel, dp->output_name);
    }
    /* Figures only for files built now: the worker computed them from the
     * data those files were made from.  For older files nothing records
     * which data they came from, so no figure is shown rather than one
     * that may be wrong. */
    const batch_report *p = &dp->rep;
    amount_text(r->updated && p->has_revenue, p->revenue_total, r->rev, r->rev_csv);
    amount_text(r->updated && p->has_expense, p->expense_total, r->exp, r->exp_csv);
    amount_text(r->updated && p->has_three_public, p->three_public_total, r->tp, r->tp_csv);
}

/* The budget year shared by every department, or 0 when they differ. */
static int common_year(const batch_dept *v, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (v[i].year != v[0].year)
            return 0;
    return n ? v[0].year : 0;
}

/* ---- index.csv ------------------------------------------------------------------- */

static void write_csv(strbuf *sb, const batch_dept *v, const row *rows, size_t n)
{
    sb_append(sb, "\xEF\xBB\xBF"); /* BOM: Excel reads the file as UTF-8 */
    static const char *const head[] = {
        "部门", "年度", "收入总计（万元）", "支出总计（万元）", "“三公”经费合计（万元）", "PDF",
        "XLSX", "页数", "PDF字节数",        "XLSX字节数",       "状态", "数据包", "明细数据CSV",
        "类型",
    };
    size_t nh = sizeof head / sizeof head[0];
    for (size_t c = 0; c < nh; c++)
        csv_text(sb, head[c], c + 1 == nh);
    for (size_t i = 0; i < n; i++) {
        const batch_dept *dp = &v[i];
        const row *r = &rows[i];
        char year[16], pages[24], pb[24], xb[24];
        snprintf(year, sizeof year, "%d", dp->year);
        snprintf(pages, sizeof pages, "%ld", r->pages);
        snprintf(pb, sizeof pb, "%lld", r->pdf_bytes);
        snprintf(xb, sizeof xb, "%lld", r->xlsx_bytes);
        csv_text(sb, dp->department, 0);
        csv_field(sb, dp->year ? year : "", 0);
        csv_field(sb, r->rev_csv, 0);
        csv_field(sb, r->exp_csv, 0);
        csv_field(sb, r->tp_csv, 0);
        csv_text(sb, r->pdf ? r->pdf : "", 0);
        csv_text(sb, r->xlsx ? r->xlsx : "", 0);
        csv_field(sb, r->pdf_bytes >= 0 && r->pages > 0 ? pages : "", 0);
        csv_field(sb, r->pdf_bytes >= 0 ? pb : "", 0);
        csv_field(sb, r->xlsx_bytes >= 0 ? xb : "", 0);
        csv_text(sb, r->updated ? UPDATED : NOT_UPDATED, 0);
        csv_text(sb, r->pkg ? r->pkg : "", 0);
        csv_text(sb, r->facts ? r->facts : "", 0);
        csv_text(sb, config_kind_name(dp->kind), 1);
    }
}

/* ---- facts.csv -------------------------------------------------------------------- */

/*
 * The bureau's facts: every department's published NAME.data/facts.csv
 * (render_data.h), in the index's order, under one header.  Read from the
 * files as they are now, like the rest of the index; a file whose header is
 * not the one budgetgen writes is left out.  Appends the lines to sb.
 */
static void gather_facts(strbuf *sb, const batch_dept *v, size_t n)
{
    static const char head[] = "\xEF\xBB\xBF" DATA_FACTS_HEADER "\r\n";
    sb_append(sb, head);
    for (size_t i = 0; i < n; i++) {
        const batch_dept *dp = &v[i];
        if (!dp->output_dir)
            continue;
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s" DATA_DIR_SUFFIX "/facts.csv", dp->output_dir,
                     dp->output_name) >= (int)sizeof path)
            continue;
        int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        struct stat st;
        FILE *f = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? fdopen(fd, "rb") : NULL;
        if (!f) {
            close(fd);
            continue;
        }
        strbuf body = STRBUF_INIT;
        char buf[8192];
        size_t got;
        while ((got = fread(buf, 1, sizeof buf, f)) > 0)
            sb_appendn(&body, buf, got);
        int bad = ferror(f);
        fclose(f);
        size_t hl = sizeof head - 1;
        if (!bad && body.len >= hl && memcmp(sb_str(&body), head, hl) == 0)
            sb_appendn(sb, sb_str(&body) + hl, body.len - hl);
        sb_free(&body);
    }
}

/* ---- index.html ------------------------------------------------------------------ */

static const char CSS[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\","
    "\"WenQuanYi Zen Hei\",sans-serif;margin:1.5em auto;max-width:80em;padding:0 1em;"
    "color:#222;line-height:1.5}\n"
    "h1{font-size:1.5em;margin:.2em 0}\n"
    ".bar{display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin:1em 0}\n"
    "input[type=search]{font:inherit;padding:.3em .5em;width:22em;max-width:100%}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{border:1px solid #c8ccd2;padding:.35em .6em;vertical-align:top}\n"
    "th{background:#eef1f5;cursor:pointer;user-select:none;white-space:nowrap;text-align:left}\n"
    "th:hover{background:#e2e7ee}\n"
    "th[aria-sort=ascending]::after{content:\" \\25B2\"}\n"
    "th[aria-sort=descending]::after{content:\" \\25BC\"}\n"
    "td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "tbody tr:nth-child(even){background:#f8f9fb}\n"
    "tr[hidden]{display:none}\n"
    ".note{color:#666;font-size:.9em}\n"
    "tr.stale td{color:#8a5a00}\n";

/* Search: a row stays when its text contains every word typed (case
 * ignored).  Sorting: a click on a head sorts by that column, again
 * reverses; numbers by their exact data-v value, text in Chinese collation.
 * ?q=WORDS and ?sort=KEY (or -KEY, descending) in the address do the same,
 * so a portal can link to a filtered or sorted view. */
static const char JS[] =
    "(function(){\n"
    "var q=document.getElementById('q'),tb=document.querySelector('#t tbody'),"
    "hs=[].slice.call(document.querySelectorAll('#t thead th')),"
    "rows=[].slice.call(tb.rows),shown=document.getElementById('shown');\n"
    "function key(r,i){var c=r.cells[i],v=c.getAttribute('data-v');"
    "return v===null?c.textContent:v===''?-Infinity:Number(v);}\n"
    "function filter(){var ws=q.value.toLowerCase().split(/\\s+/).filter(Boolean),n=0;"
    "rows.forEach(function(r){var t=r.textContent.toLowerCase(),ok=ws.every(function(w)"
    "{return t.indexOf(w)>=0;});r.hidden=!ok;if(ok)n++;});"
    "shown.textContent='显示 '+n+' / '+rows.length+' 个部门';}\n"
    "function sort(i,desc){hs.forEach(function(h){h.removeAttribute('aria-sort');});"
    "hs[i].setAttribute('aria-sort',desc?'descending':'ascending');"
    "var col=new Intl.Collator('zh-CN');"
    "rows.sort(function(a,b){var x=key(a,i),y=key(b,i),c=typeof x==='number'?"
    "(x<y?-1:x>y?1:0):col.compare(x,y);return desc?-c:c;});"
    "rows.forEach(function(r){tb.appendChild(r);});}\n"
    "hs.forEach(function(h,i){h.addEventListener('click',function(){"
    "sort(i,h.getAttribute('aria-sort')==='ascending');});});\n"
    "q.addEventListener('input',filter);\n"
    "var p=new URLSearchParams(location.search),s=p.get('sort');"
    "if(p.get('q'))q.value=p.get('q');\n"
    "if(s){var d=s.charAt(0)==='-',k=d?s.slice(1):s;hs.forEach(function(h,i){"
    "if(h.getAttribute('data-key')===k)sort(i,d);});}\n"
    "filter();\n"
    "})();\n";

static void td_num(strbuf *sb, const char *shown, const char *exact)
{
    sb_printf(sb, "<td class=\"n\" data-v=\"%s\">", exact);
    sb_markup_text(sb, shown);
    sb_append(sb, "</td>");
}

static void td_link(strbuf *sb, const char *href, const char *label)
{
    sb_append(sb, "<td>");
    if (href) {
        sb_append(sb, "<a href=\"");
        url_path(sb, href);
        sb_printf(sb, "\">%s</a>", label);
    }
    sb_append(sb, "</td>");
}

static void write_html(strbuf *sb, const batch_dept *v, const row *rows, size_t n)
{
    int year = common_year(v, n);
    char title[64];
    if (year)
        snprintf(title, sizeof title, "%d年部门预算信息公开", year);
    else
        snprintf(title, sizeof title, "部门预算信息公开");
    sb_printf(sb,
              "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<meta name=\"generator\" content=\"budgetgen\">\n"
              "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>%s</h1>\n",
              title, CSS, title);
    sb_printf(sb,
              "<div class=\"bar\"><label>搜索：<input type=\"search\" id=\"q\" "
              "placeholder=\"部门名称或年度\" autocomplete=\"off\"></label>"
              "<span id=\"shown\">共 %zu 个部门</span></div>\n",
              n);
    sb_append(sb, "<table id=\"t\">\n<thead><tr>"
                  "<th data-key=\"dept\">部门</th>"
                  "<th data-key=\"year\">年度</th>"
                  "<th data-key=\"revenue\">收入总计（万元）</th>"
                  "<th data-key=\"expense\">支出总计（万元）</th>"
                  "<th data-key=\"three\">“三公”经费合计（万元）</th>"
                  "<th data-key=\"pdf\">PDF</th>"
                  "<th data-key=\"xlsx\">Excel</th>"
                  "<th data-key=\"pages\">页数</th>"
                  "<th data-key=\"size\">PDF 大小</th>"
                  "<th data-key=\"state\">状态</th>"
                  "<th data-key=\"data\">开放数据</th>"
                  "<th data-key=\"kind\">类型</th>"
                  "</tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const batch_dept *dp = &v[i];
        const row *r = &rows[i];
        char num[32], size[32];
        sb_append(sb, r->updated ? "<tr><td>" : "<tr class=\"stale\"><td>");
        sb_markup_text(sb, dp->department);
        sb_append(sb, "</td>");
        snprintf(num, sizeof num, "%d", dp->year);
        td_num(sb, dp->year ? num : "", dp->year ? num : "");
        /* Exact sort keys: the value in fen (integer, no rounding). */
        char k1[32], k2[32], k3[32];
        snprintf(k1, sizeof k1, "%lld", r->rev[0] ? (long long)dp->rep.revenue_total : 0LL);
        snprintf(k2, sizeof k2, "%lld", r->exp[0] ? (long long)dp->rep.expense_total : 0LL);
        snprintf(k3, sizeof k3, "%lld", r->tp[0] ? (long long)dp->rep.three_public_total : 0LL);
        td_num(sb, r->rev, r->rev[0] ? k1 : "");
        td_num(sb, r->exp, r->exp[0] ? k2 : "");
        td_num(sb, r->tp, r->tp[0] ? k3 : "");
        td_link(sb, r->pdf, "PDF");
        td_link(sb, r->xlsx, "XLSX");
        snprintf(num, sizeof num, "%ld", r->pages);
        int has_pages = r->pdf_bytes >= 0 && r->pages > 0;
        td_num(sb, has_pages ? num : "", has_pages ? num : "");
        if (r->pdf_bytes >= 0) {
            snprintf(size, sizeof size, "%lld KB", (r->pdf_bytes + 512) / 1024);
            snprintf(num, sizeof num, "%lld", r->pdf_bytes);
            td_num(sb, size, num);
        } else {
            td_num(sb, "", "");
        }
        sb_append(sb, "<td>");
        sb_markup_text(sb, r->updated ? UPDATED : NOT_UPDATED);
        sb_append(sb, "</td><td>");
        if (r->pkg) {
            sb_append(sb, "<a href=\"");
            url_path(sb, r->pkg);
            sb_append(sb, "\">数据包</a>");
        }
        if (r->facts) {
            sb_append(sb, r->pkg ? " " : "");
            sb_append(sb, "<a href=\"");
            url_path(sb, r->facts);
            sb_append(sb, "\">CSV</a>");
        }
        sb_append(sb, "</td><td>");
        sb_markup_text(sb, config_kind_name(dp->kind));
        sb_append(sb, "</td></tr>\n");
    }
    sb_printf(sb,
              "</tbody>\n</table>\n<p class=\"note\">金额单位：万元。点击列标题排序，"
              "再次点击倒序。共 %zu 个部门。“未更新”的部门本次生成失败：列出的是此前发布的"
              "文件（大小与页数按文件本身），不列金额。开放数据：每个部门的表格与明细（CSV，"
              "datapackage.json 说明其结构，PDF 内也附有同样的文件）；全部部门的明细："
              "<a href=\"facts.csv\">facts.csv</a>。</p>\n<script>\n%s</script>\n</body>\n</html>\n",
              n, JS);
}

/* ---- writing ------------------------------------------------------------------------ */

static int write_one(arena *a, diag *d, const outdir *od, const char *name, const strbuf *sb,
                     outfile *of)
{
    FILE *fp = outfile_begin_at(a, d, of, od, name);
    if (!fp)
        return -1;
    if (fwrite(sb_str(sb), 1, sb->len, fp) != sb->len) {
        diag_syserr(d, "cannot write", of->final_path, errno ? errno : EIO);
        outfile_abort(of, fp);
        return -1;
    }
    return outfile_finish(d, of, fp);
}

int portal_write_index(arena *a, diag *d, const char *dir, const batch_dept *v, size_t n)
{
    row *rows = xcalloc(n + 1, sizeof *rows);
    for (size_t i = 0; i < n; i++)
        fill_row(a, dir, &v[i], &rows[i]);
    strbuf html = STRBUF_INIT, csv = STRBUF_INIT, facts = STRBUF_INIT;
    write_html(&html, v, rows, n);
    write_csv(&csv, v, rows, n);
    gather_facts(&facts, v, n);
    free(rows);

    /* The folder is opened once and both files are written through it;
     * both are complete under temporary names before either is renamed,
     * and the two renames are one step (outfile_publish_pair). */
    outfile oh, oc, of;
    memset(&oh, 0, sizeof oh);
    memset(&oc, 0, sizeof oc);
    memset(&of, 0, sizeof of);
    int rc = -1;
    outdir od;
    if (outdir_open(d, &od, diag_at(NULL, 0, 0), dir, dir, NULL) == 0) {
        if (write_one(a, d, &od, "index.html", &html, &oh) == 0 &&
            write_one(a, d, &od, "index.csv", &csv, &oc) == 0 &&
            write_one(a, d, &od, "facts.csv", &facts, &of) == 0) {
            outfile *all[3] = {&of, &oc, &oh};
            rc = outfile_publish_all(d, all, 3);
        }
        outfile_abort(&oh, NULL);
        outfile_abort(&oc, NULL);
        outfile_abort(&of, NULL);
        outdir_close(&od);
    }
    sb_free(&html);
    sb_free(&csv);
    sb_free(&facts);
    return rc;
}
