/*
 * batch — publishing for a whole finance bureau: many departments in one
 * run, one worker process per department, and the portal index of what was
 * built.  Stage: above the pipeline (main.c runs one department per worker
 * through the ordinary single-department path).  Input: config paths.
 * Output: each department's files, its messages as one block, a summary
 * table, and output/index.html + index.csv (portal.c).
 */
#ifndef GEN_BATCH_H
#define GEN_BATCH_H

#include "arena.h"
#include "diag.h"
#include "money.h"
#include "paths.h"

#include <stddef.h>
#include <stdio.h>

/*
 * What a worker reports about its department.  It lives in memory shared
 * with the parent, so it holds numbers only; the parent learns names and
 * paths from the config itself.  The worker fills it and sets done last;
 * a worker that crashed leaves done at 0.
 */
typedef struct batch_report {
    int done;
    int errors, warnings;
    int has_revenue, has_expense, has_three_public;
    money revenue_total;      /* 收入总计, fen */
    money expense_total;      /* 支出总计 */
    money three_public_total; /* “三公”经费合计 */
    long pages;               /* of the PDF; 0 when none was written or unknown */
} batch_report;

/* Runs one department in the worker process: the ordinary `build` of
 * config_path, messages to stderr (the parent captures them).  Fills *out
 * and returns the exit status (0, 1 findings, 2 usage or I/O). */
typedef int (*batch_worker)(const char *config_path, void *ctx, batch_report *out);

typedef struct batch_options {
    int jobs;               /* worker processes at a time; 0: online cores */
    int quiet;              /* no progress lines and no summary table */
    const char *output_dir; /* -o: overrides every config's [output] dir */
    const char *formats;    /* -f: overrides every config's formats */
    const paths_root *root; /* the project folder (--root): a config whose
                               paths lead outside it gets no output folder */
} batch_options;

/* One department of a batch, as the parent knows it after the run. */
typedef struct batch_dept {
    const char *config_path;
    const char *department; /* 部门名称; the config path if the config did not load */
    int year;
    int kind;               /* DOC_KIND_YUSUAN (预算) or DOC_KIND_JUESUAN (决算) */
    const char *output_dir; /* NULL if the config did not load or its paths are refused */
    const char *output_name;
    int want_pdf, want_xlsx;
    int status;  /* exit status 0, 1, 2 */
    int crashed; /* the worker died of a signal (its number) */
    int collided; /* refused: another config of the batch writes the same files */
    batch_report rep;
    long long pdf_bytes, xlsx_bytes; /* -1: not written */
    double ms;                       /* wall time of the worker */
    double cpu_ms;                   /* its user + system time */
    long maxrss_kb;                  /* its peak resident set */
} batch_dept;

/*
 * Builds every config of paths[0..n) with at most o->jobs workers at once,
 * each a fork()ed process running worker(): a crash or abort in one
 * department cannot stop the others.  A worker's stderr goes to a temporary
 * file and is printed as one block when it ends, so the messages of two
 * departments never interleave.  On a terminal a progress line shows
 * "[done/total] 部门"; otherwise one plain line per department.  Prints a
 * summary table (stdout) and, if every department was built, writes the
 * portal index into the first department's output folder (or -o).
 * Two configs that would write the same files are refused before anything
 * is built.  Returns 0 if all succeeded, 2 if any had a usage or I/O error
 * or crashed, else 1 if any had errors in the data.
 */
int batch_run(const char *const *paths, size_t n, const batch_options *o, batch_worker worker,
              void *ctx);

/* Test hook: if the environment variable BUDGETGEN_TEST_CRASH_CONFIG equals
 * a config path as given, that department's worker is killed (SIGKILL) just
 * before its first rename (outfile.h's BUDGETGEN_TEST_CRASH_BEFORE_RENAME),
 * as a crash in the middle of writing would. */

/*
 * Lists the *.ini files of dir, sorted bytewise, as "dir/name" strings in
 * a.  Returns the count (0 is allowed), or -1 after reporting through d.
 */
long batch_list_dir(arena *a, diag *d, const char *dir, const char ***out);

/*
 * The page count of a PDF file, from the /Count of its page tree root
 * (the largest /Count of a /Type /Pages dictionary).  Returns 0 if the file
 * cannot be read or has none.  Reads the file: its plain dictionaries, as
 * libharu writes them, else those of its object streams, as budgetgen packs
 * them (pdf_pack.h).  batch_pdf_pages_fp reads an open file
 * from where it stands (the caller keeps it open).
 */
long batch_pdf_pages(const char *path);
long batch_pdf_pages_fp(FILE *f);

/*
 * Writes dir/index.html and dir/index.csv (atomically, outfile.h): one row
 * per department of v[0..n) in the given order — name, year, 收入总计,
 * 支出总计, “三公”经费合计 (in 万元, two decimals), links to its PDF and XLSX
 * relative to dir, pages and sizes, and its state (状态).
 *
 * The index describes the files on disk, not the run: each department's
 * PDF and XLSX are opened (regular files only, no symbolic link) and their
 * sizes and page count read from them as they are now.  A department built
 * by this run (status 0) is "已更新" and shows the figures its worker
 * reported for those files.  Any other (failed, crashed, refused) is
 * "未更新：本次生成失败，见日志": its previously published files, if any,
 * are linked with their sizes and pages, but no figures — nothing records
 * which data they were built from.  A department without output folder
 * (config unreadable, or refused because another config writes the same
 * files) gets no link at all.
 *
 * The HTML is self-contained UTF-8: inline CSS, and a few lines of inline
 * JavaScript for a search box and sorting by a click on a column head;
 * every text is escaped.  index.csv starts with a UTF-8 BOM so that Excel
 * opens it as UTF-8; a text cell that starts with = + - @, a tab or a CR is
 * prefixed with ' (CSV injection); numbers are written as numbers.
 * Returns 0, or -1 after reporting.
 */
int portal_write_index(arena *a, diag *d, const char *dir, const batch_dept *v, size_t n);

#endif
