/*
 * budgetgen — lays out a department's budget disclosure (部门预算信息公开)
 * as a PDF and an Excel workbook from an INI config and CSV data, checking
 * every figure before anything is published.
 *
 * Start reading here.  The pipeline, one module per stage:
 *   config.c, load.c (csv.c, textio.c)   INI + CSV → data model (data.h)
 *   check.c                              balancing rules → findings
 *   template.c, build.c                  data + template → document (doc.h)
 *     (build_text.c: sentences, build_tables.c: tables)
 *   layout.c (linebreak.c, fonts.c)      document → pages
 *   render_pdf.c, render_xlsx.c          pages / tables → files
 * Every path a config names must lead into the project folder (the current
 * folder, or --root DIR): config.c checks them, template.c the included
 * files, load.c each input file (paths.c resolves and compares).
 * Exit status: 0 ok, 1 findings (errors) in the data, 2 usage or I/O error.
 */
#include "audit.h"
#include "batch.h"
#include "build.h"
#include "check.h"
#include "codes.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "help.h"
#include "i18n.h"
#include "load.h"
#include "names.h"
#include "import.h"
#include "js.h"
#include "outfile.h"
#include "paths.h"
#include "render.h"
#include "render_data.h"
#include "template.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXIT_FINDINGS 1
#define EXIT_USAGE 2

static void usage(FILE *out)
{
    fputs(_("Usage: budgetgen COMMAND [OPTIONS] CONFIG.ini\n"
          "       budgetgen build [OPTIONS] CONFIG.ini CONFIG.ini...\n"
          "       budgetgen build [OPTIONS] --all DIR\n"
          "\n"
          "Lays out a department's annual budget disclosure (部门预算信息公开) as a PDF\n"
          "and an Excel workbook, after checking that every figure adds up.\n"
          "\n"
          "Commands:\n"
          "  check CONFIG.ini   load the data and run every consistency rule; print the\n"
          "                     findings and a summary; write nothing\n"
          "  build CONFIG.ini   check, then write output/NAME.pdf and NAME.xlsx (refuses\n"
          "                     when check finds errors; warnings do not stop it), and the\n"
          "                     open data NAME.data/ (a CSV per table, facts.csv with every\n"
          "                     amount, datapackage.json; also attached inside the PDF;\n"
          "                     [output] data = no: none; docs/open-data.md)\n"
          "  tree CONFIG.ini    print the document model (headings, paragraphs, tables\n"
          "                     with spans) as text, for review and tests\n"
          "  build CONFIG.ini CONFIG.ini... | build --all DIR\n"
          "                     a whole bureau: build every department (every *.ini of\n"
          "                     DIR, in name order), each in its own worker process, -j\n"
          "                     at a time; each department's messages are printed as one\n"
          "                     block when it ends, then a summary table (stdout).  Then\n"
          "                     rewrites index.html (the portal page: search box, sortable\n"
          "                     columns), index.csv and facts.csv (every department's\n"
          "                     facts.csv in one) in the first department's output\n"
          "                     folder (or -o DIR), from the files on disk: a department\n"
          "                     that failed keeps its previous files, marked 未更新, without\n"
          "                     figures.  Configs writing the same files are all refused.\n"
          "                     A failed department does not stop the others; exit 0 only\n"
          "                     if all were built, 2 if any had a usage or I/O error,\n"
          "                     crashed or was refused, else 1\n"
          "  import WORKBOOK.xlsx [-o DIR] [--unit=元|万元]\n"),
          out);
    fputs(_("                     write an input folder (DIR, default: WORKBOOK without\n"
          "                     .xlsx) from a workbook: budgetgen's own (exactly the data\n"
          "                     it was built from; last year's published workbook becomes\n"
          "                     last year's folder) or the budget system's export (each\n"
          "                     table found by its sheet name or title, 合计 and subtotal\n"
          "                     rows checked, amounts converted to --unit, default 万元);\n"
          "                     prints every decision; writes nothing on an error\n"
          "  diff OLD.ini NEW.ini\n"
          "                     print every sentence, heading and table row that differs\n"
          "                     between two documents (e.g. a revision before\n"
          "                     publication); exit 0 same, 1 different, 2 error\n"
          "  help TOPIC         the input files and their columns (input), every config\n"
          "                     key (config) or the template language (template)\n"
          "\n"
          "Options:\n"
          "  -s, --strict          treat warnings as errors\n"
          "  -f, --format=LIST     with build: pdf, xlsx or pdf,xlsx (overrides the config)\n"
          "  -o, --output-dir=DIR  with build: write into DIR instead of [output] dir\n"
          "      --root=DIR        the project folder (default: the current folder): every\n"
          "                        path a config names (template and its includes, input\n"
          "                        folders and files, code lists, [output] dir) must lead\n"
          "                        into it, after resolving .. and symbolic links; fonts,\n"
          "                        -o and the config files themselves are not limited\n"
          "  -j, --jobs=N          with several configs: N departments at a time (default:\n"
          "                        the number of online CPU cores)\n"
          "      --all DIR         with build: every *.ini file of DIR\n"
          "  -q, --quiet           print only warnings and errors\n"
          "      --lang=zh|en      the language of messages and help (default: the\n"
          "                        locale, LANGUAGE, LC_ALL, LC_MESSAGES or LANG:\n"
          "                        zh_CN.UTF-8 gives Chinese; under C, POSIX or C.UTF-8\n"
          "                        English); also [document] language in the config\n"
          "  -h, --help            show this help and exit\n"
          "  -V, --version         show the version and exit\n"
          "\n"
          "Exit status: 0 ok; 1 the data has errors (or warnings with --strict);\n"
          "2 usage, configuration or I/O error.\n"
          "\n"
          "Messages have the form FILE:LINE:COLUMN: error|warning|note: TEXT.  Output files\n"
          "are written to temporary names, read back, and renamed into place (the PDF and\n"
          "the workbook together), so a failed run never leaves a half-written file; a\n"
          "second budgetgen writing into the same output folder at once is refused (exit\n"
          "2).  SOURCE_DATE_EPOCH fixes the PDF dates; by default they are fixed to\n"
          "1 January of the budget year, so the same input always gives byte-identical\n"
          "files.  Scratch files (the workbook's parts) go to a folder budgetgen-scratch.*\n"
          "of the build's own in TMPDIR when it is set, else in /dev/shm when writable,\n"
          "else /tmp, removed at the end (or by the next build after a kill -9); the font\n"
          "subsets stay in memory.\n"
          "\n"
          "Config keys (INI, UTF-8; unknown keys are errors):\n"),
          out);
    config_print_keys(out);
    fputs(_("\nInput folder files (CSV with a header row; UTF-8, UTF-8 with BOM or GBK):\n  "), out);
    for (int i = 0; load_file_names[i]; i++)
        fprintf(out, "%s%s", load_file_names[i], load_file_names[i + 1] ? ", " : "\n");
    fputs(_("  or their Chinese names (三公经费.csv, 支出预算.csv …: docs/input.md); a title row, a\n"
            "  unit row (单位：万元) and a two-row merged header as Excel saves them are read with\n"
            "  a note; any other .csv or .txt file in an input folder is a warning.\n"
            "  With [document] kind = 决算 (the final accounts): js_expenditure.csv, js_income.csv,\n"
            "  js_fiscal.csv, js_balance.csv, js_basic_economic.csv, js_three_public.csv,\n"
            "  js_other.csv, js_reasons.csv and js_text.csv instead (docs/juesuan.md).\n"),
          out);
    fputs(_("\nSee docs/input.md for every file's columns, docs/templates.md for templates\n"
            "(or budgetgen help input, help config, help template).\n"
            "Example: budgetgen build config/cangzhou-2020.ini\n"),
          out);
}

typedef struct options {
    int strict, quiet;
    const char *formats;
    const char *output_dir;
    int jobs;            /* -j: workers of a batch (0: one per core) */
    const char *all_dir; /* --all DIR */
    paths_root root;     /* --root DIR, or the current folder */
} options;

/* Everything one run holds, freed together. */
typedef struct run {
    arena *a;
    diag d;
    config *cfg;
    tmpl *tmpl;
    budget cur, prev;
    int have_prev;
    int in_batch; /* a worker of a batch: its progress line says "0 errors" */
} run;

/* Loads and checks; returns 0 ok, or an exit status. */
static int load_and_check(run *r, const char *config_path, const options *o)
{
    diag_init(&r->d, stderr);
    r->d.strict = o->strict;
    r->d.quiet = o->quiet;
    xalloc_stage("reading the config");
    r->cfg = config_load(r->a, &r->d, config_path);
    if (!r->cfg)
        return EXIT_USAGE;
    r->cfg->root = &o->root;
    if (o->output_dir)
        config_set_output_dir(r->cfg, o->output_dir);
    if (config_check_paths(r->cfg, &r->d) < 0)
        return EXIT_USAGE;
    if (o->formats && config_set_formats(r->cfg, o->formats) < 0) {
        diag_report(&r->d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "--format=%s: expected pdf, xlsx or pdf,xlsx", o->formats);
        return EXIT_USAGE;
    }
    /* The template first: it names the CSV files it lays out as they are. */
    xalloc_stage("reading the template");
    r->tmpl = template_load(r->a, &r->d, r->cfg->template_path, &o->root);
    if (!r->tmpl)
        return EXIT_USAGE;
    /* The units the template publishes in (tables in 元, text in 万元 …),
     * before any amount is checked against the decimals shown. */
    if (config_set_units(r->cfg, &r->d, r->tmpl->table_units,
                         template_pos(r->tmpl, r->tmpl->table_units_line, 0), r->tmpl->text_units,
                         template_pos(r->tmpl, r->tmpl->text_units_line, 0)) < 0)
        return EXIT_USAGE;
    for (int i = 0; i < r->tmpl->n; i++) {
        const tmpl_table *tt = r->tmpl->stmts[i].table;
        if (tt && tt->units >= 0)
            config_check_unit(r->cfg, &r->d, (money_unit)tt->units,
                              template_pos(r->tmpl, tt->units_line, 0), "units");
    }
    if (r->d.errors)
        return EXIT_USAGE;
    if (r->cfg->kind == DOC_KIND_JUESUAN) /* 决算: its own inputs and checks (js.h) */
        return js_load_and_check(r->a, &r->d, r->cfg, &r->cur, &r->prev, &r->have_prev);
    /* load_failed: -1 an error in the data, -2 a file refused because it
     * leads outside the project folder (a setup error: exit status 2). */
    xalloc_stage("reading the input files");
    int load_failed = load_budget(r->a, &r->d, r->cfg, r->cfg->input_dir, r->cfg->year, &r->cur);
    const char **extra;
    size_t n_extra = template_csv_files(r->a, r->tmpl, &extra);
    int st = load_extra(r->a, &r->d, r->cfg, &r->cur, extra, n_extra);
    if (st < load_failed)
        load_failed = st;
    if (r->cfg->previous_dir) {
        r->have_prev = 1;
        st = load_budget(r->a, &r->d, r->cfg, r->cfg->previous_dir, r->cfg->previous_year,
                         &r->prev);
        if (st < load_failed)
            load_failed = st;
        /* The years before, for trends: each linked to the year after it. */
        budget *after = &r->prev;
        for (int i = 0; i < r->cfg->n_earlier; i++) {
            budget *e = arena_alloc(r->a, sizeof *e);
            st = load_budget(r->a, &r->d, r->cfg, r->cfg->earlier[i],
                             r->cfg->previous_year - 1 - i, e);
            if (st < load_failed)
                load_failed = st;
            after->before = e;
            after = e;
        }
    }
    names_check_folders(r->a, &r->d, r->cfg, extra, n_extra); /* files it does not read */
    if (load_failed < 0) /* stop between stages on any error */
        return load_failed == -2 ? EXIT_USAGE : EXIT_FINDINGS;
    /* The code lists are read only when some folder has classified detail;
     * last year's data is named and checked with last year's lists. */
    const config *c = r->cfg;
    const code_list *fl = NULL, *el = NULL, *pfl = NULL, *pel = NULL;
    if (r->cur.n_func)
        fl = codes_load(r->a, &r->d, c->function_codes, c->root, 7);
    if (r->cur.n_econ)
        el = codes_load(r->a, &r->d, c->economic_codes, c->root, 5);
    if (r->prev.n_func)
        pfl = fl && !strcmp(c->previous_function_codes, c->function_codes)
                  ? fl
                  : codes_load(r->a, &r->d, c->previous_function_codes, c->root, 7);
    if (r->prev.n_econ)
        pel = el && !strcmp(c->previous_economic_codes, c->economic_codes)
                  ? el
                  : codes_load(r->a, &r->d, c->previous_economic_codes, c->root, 5);
    if (r->d.errors)
        return EXIT_USAGE;
    if (load_derive(r->a, &r->d, c, &r->cur, fl, el) < 0 ||
        (r->have_prev && load_derive(r->a, &r->d, c, &r->prev, pfl, pel) < 0))
        return EXIT_FINDINGS;
    xalloc_stage("checking the figures");
    check_budget(&r->d, r->cfg, &r->cur, r->have_prev ? &r->prev : NULL);
    if (audit_budget(r->a, &r->d, r->cfg, &r->cur) < 0) /* typed text: warnings */
        return EXIT_USAGE;
    return r->d.errors ? EXIT_FINDINGS : 0;
}

static void summary_line(const run *r, const char *what)
{
    if ((r->d.quiet || r->in_batch) && !r->d.errors && !r->d.warnings)
        return;
    char e[64], w[64];
    snprintf(e, sizeof e, i18n_ntext("%d error", "%d errors", (unsigned long)r->d.errors),
             r->d.errors);
    snprintf(w, sizeof w, i18n_ntext("%d warning", "%d warnings", (unsigned long)r->d.warnings),
             r->d.warnings);
    fprintf(stderr, _("budgetgen: %s: %s, %s\n"), what, e, w);
}

/* Load, check, and fill the template: everything but writing files, so
 * that `check` also finds a template that names data the folder lacks.
 * Returns 0 and sets *out, or an exit status. */
static int prepare(run *r, const char *config_path, const options *o, doc **out)
{
    int st = load_and_check(r, config_path, o);
    if (st)
        return st;
    xalloc_stage("filling in the template");
    *out = build_document(r->a, &r->d, r->cfg, r->tmpl, &r->cur, r->have_prev ? &r->prev : NULL);
    return *out ? 0 : EXIT_FINDINGS;
}

static int cmd_check(run *r, const char *path, const options *o)
{
    doc *dm;
    int st = prepare(r, path, o, &dm);
    if (r->cfg) {
        summary_line(r, r->cfg->path);
        if (!o->quiet && st == 0)
            fprintf(stderr,
                    r->d.warnings ? _("budgetgen: %s: no errors: ready to build (review the "
                                      "warnings above)\n")
                                  : _("budgetgen: %s: no errors: ready to build\n"),
                    r->cfg->path);
    }
    return st;
}

static int cmd_build(run *r, const char *path, const options *o, int tree_only)
{
    doc *dm;
    int st = prepare(r, path, o, &dm);
    if (st) {
        if (r->cfg) {
            summary_line(r, r->cfg->path);
            if (st == EXIT_FINDINGS && !tree_only)
                fputs(_("budgetgen: nothing written: correct the errors above first\n"), stderr);
        }
        return st;
    }
    if (tree_only) {
        doc_dump_tree(dm, stdout);
        return 0;
    }
    /* The output folder before the fonts and the layout: a folder that
     * cannot be written is reported at the line that names it, at once. */
    if (outfile_check_dir(&r->d, r->cfg->output_pos, config_output_what(r->a, r->cfg),
                          r->cfg->output_dir) < 0) {
        summary_line(r, r->cfg->path);
        return EXIT_USAGE;
    }
    /* The folder is opened once and everything is written relative to it
     * (outfile.h): what was opened is checked against the project folder,
     * so a folder swapped for a symbolic link meanwhile is refused. */
    const config *c = r->cfg;
    outdir od;
    if (outdir_open(&r->d, &od, c->output_pos, config_output_what(r->a, c), c->output_dir,
                    c->output_from_option ? NULL : c->root) < 0) {
        summary_line(r, c->path);
        return EXIT_USAGE;
    }
    if (outdir_lock(&r->d, &od) < 0) {
        outdir_close(&od);
        summary_line(r, c->path);
        return EXIT_USAGE;
    }
    /* What a killed build of this department left (exact names only). */
    outdir_remove_stale(od.fd, c->output_name);
    /* The PDF and the workbook are one publication: both are written and
     * read back completely before either is renamed, then renamed one
     * right after the other. */
    outfile opdf, oxlsx;
    memset(&opdf, 0, sizeof opdf);
    memset(&oxlsx, 0, sizeof oxlsx);
    long pages = 0;
    int rc = 0;
    /* The data files first: the PDF carries them (render_data.h). */
    data_set ds;
    memset(&ds, 0, sizeof ds);
    ds.dirfd = -1;
    xalloc_stage("writing the data files");
    if (c->want_data && render_data_tmp(r->a, &r->d, c, dm, &od, &ds) < 0)
        rc = EXIT_USAGE;
    xalloc_stage("laying out and writing the PDF");
    int pdf = !rc && c->want_pdf ? render_pdf_tmp(r->a, &r->d, c, dm, &od, &opdf, &pages) : 0;
    if (pdf < 0)
        rc = pdf == -2 ? EXIT_FINDINGS : EXIT_USAGE;
    xalloc_stage("writing the workbook");
    if (!rc && c->want_xlsx && render_xlsx_tmp(r->a, &r->d, c, dm, &od, &oxlsx) < 0)
        rc = EXIT_USAGE;
    /* One step that a kill cannot split (outfile_publish_all). */
    if (!rc) {
        outfile **all = xcalloc(ds.n + 2, sizeof *all);
        for (size_t i = 0; i < ds.n; i++)
            all[i] = &ds.of[i];
        all[ds.n] = c->want_pdf ? &opdf : NULL;
        all[ds.n + 1] = c->want_xlsx ? &oxlsx : NULL;
        if (outfile_publish_all(&r->d, all, ds.n + 2) < 0)
            rc = EXIT_USAGE;
        else
            render_data_prune(&ds);
        free(all);
    }
    render_data_close(&ds);
    outfile_abort(&opdf, NULL);
    outfile_abort(&oxlsx, NULL);
    outdir_close(&od);
    summary_line(r, c->path);
    if (!rc && !o->quiet) {
        /* Say what was published, so nobody has to look for it. */
        if (c->want_pdf)
            fprintf(stderr, _("budgetgen: wrote %s/%s.pdf (%ld pages)\n"), c->output_dir,
                    c->output_name, pages);
        if (c->want_xlsx)
            fprintf(stderr, _("budgetgen: wrote %s/%s.xlsx\n"), c->output_dir, c->output_name);
        if (c->want_data)
            fprintf(stderr, _("budgetgen: wrote %s (%zu data files)\n"), ds.dir, ds.n);
    }
    return rc;
}

/* ---- batch ------------------------------------------------------------------
 * A bureau publishes for all its departments at once (batch.c): each
 * department is built in its own worker process by exactly the path above,
 * and reports the figures the portal index lists. */

static int build_department(const char *path, void *ctx, batch_report *rep)
{
    const options *o = ctx;
    run r;
    memset(&r, 0, sizeof r);
    r.a = arena_new();
    r.in_batch = 1;
    int st = cmd_build(&r, path, o, 0);
    rep->errors = r.d.errors;
    rep->warnings = r.d.warnings;
    if (st == 0 && r.cur.js) { /* a 决算: its 收入总计, 支出总计 and 三公 决算数 */
        js_batch_figures(r.cur.js, &rep->revenue_total, &rep->expense_total,
                         &rep->three_public_total, &rep->has_three_public);
        rep->has_revenue = rep->has_expense = 1;
    } else if (st == 0) {
        rep->revenue_total = budget_figure(&r.cur, SUM_REVENUE_TOTAL, &rep->has_revenue);
        rep->expense_total = budget_figure(&r.cur, SUM_EXPENSE_TOTAL, &rep->has_expense);
        figure_ref tp = {FIG_TP, TP_TOTAL};
        rep->three_public_total = data_figure(&r.cur, tp, &rep->has_three_public, NULL);
    }
    arena_free_all(r.a);
    return st;
}

static int cmd_batch(const char *const *paths, int n, options *o)
{
    arena *a = arena_new();
    if (o->all_dir) {
        diag d;
        diag_init(&d, stderr);
        const char **list;
        long m = batch_list_dir(a, &d, o->all_dir, &list);
        if (m <= 0) {
            if (m == 0)
                fprintf(stderr, _("budgetgen: no *.ini files in '%s'\n"), o->all_dir);
            arena_free_all(a);
            return EXIT_USAGE;
        }
        paths = list;
        n = (int)m;
    }
    batch_options bo = {o->jobs, o->quiet, o->output_dir, o->formats, &o->root};
    int st = batch_run(paths, (size_t)n, &bo, build_department, o);
    arena_free_all(a);
    return st;
}

/* ---- diff ----------------------------------------------------------------- */

/* Splits a buffer into lines (in place); returns the count. */
static size_t split_lines(char *buf, char ***out)
{
    size_t n = 0, cap = 64;
    char **v = xmalloc(cap * sizeof *v);
    for (char *s = buf; s && *s;) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        if (n == cap)
            v = xrealloc(v, (cap *= 2) * sizeof *v);
        v[n++] = s;
        s = nl ? nl + 1 : NULL;
    }
    *out = v;
    return n;
}

/* The document model of one config as text lines (the tree dump). */
static int tree_text(run *r, const char *path, const options *o, char **text, size_t *len)
{
    doc *dm;
    int st = prepare(r, path, o, &dm);
    if (st)
        return st;
    FILE *f = open_memstream(text, len);
    if (!f)
        return EXIT_USAGE;
    doc_dump_tree(dm, f);
    fclose(f);
    return 0;
}

/*
 * budgetgen diff OLD.ini NEW.ini: every line of the document model that
 * differs (sentences, headings, table rows), as "- old" / "+ new" under the
 * nearest heading, table or chart it belongs to.  A longest common
 * subsequence of the lines keeps unchanged rows out of the report.
 */
static int cmd_diff(const char *old_path, const char *new_path, const options *o)
{
    run r1, r2;
    memset(&r1, 0, sizeof r1);
    memset(&r2, 0, sizeof r2);
    r1.a = arena_new();
    r2.a = arena_new();
    char *t1 = NULL, *t2 = NULL;
    size_t l1, l2;
    int st = tree_text(&r1, old_path, o, &t1, &l1);
    if (!st)
        st = tree_text(&r2, new_path, o, &t2, &l2);
    if (st) {
        free(t1);
        free(t2);
        arena_free_all(r1.a);
        arena_free_all(r2.a);
        fputs(_("budgetgen: diff: cannot build both documents\n"), stderr);
        return st == EXIT_FINDINGS ? EXIT_USAGE : st;
    }
    char **a, **b;
    size_t n = split_lines(t1, &a), m = split_lines(t2, &b);
    /* lcs[i][j]: common subsequence length of a[i..] and b[j..]. */
    unsigned *lcs = xcalloc((n + 1) * (m + 1), sizeof *lcs);
#define L(i, j) lcs[(size_t)(i) * (m + 1) + (size_t)(j)]
    for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
            L(i, j) = strcmp(a[i], b[j]) == 0 ? L(i + 1, j + 1) + 1
                      : L(i + 1, j) > L(i, j + 1) ? L(i + 1, j)
                                                  : L(i, j + 1);
    size_t i = 0, j = 0, changes = 0;
    const char *context = "", *shown = NULL;
    while (i < n || j < m) {
        if (i < n && j < m && strcmp(a[i], b[j]) == 0) {
            /* Context: a block line (heading, para, table …) or a table's
             * or chart's title. */
            if (strncmp(a[i], "  ", 2) != 0 || strncmp(a[i], "  title ", 8) == 0)
                context = a[i];
            i++, j++;
            continue;
        }
        if (shown != context) {
            printf("@@ %s\n", context);
            shown = context;
        }
        if (i < n && (j == m || L(i + 1, j) >= L(i, j + 1)))
            printf("- %s\n", a[i++]);
        else
            printf("+ %s\n", b[j++]);
        changes++;
    }
#undef L
    free(lcs);
    free(a);
    free(b);
    free(t1);
    free(t2);
    arena_free_all(r1.a);
    arena_free_all(r2.a);
    fprintf(stderr, i18n_ntext("budgetgen: diff: %zu changed line\n",
                               "budgetgen: diff: %zu changed lines\n", (unsigned long)changes),
            changes);
    return changes ? 1 : 0;
}

/* budgetgen import WORKBOOK.xlsx [-o DIR] [--unit=元|万元] (import.h). */
static int import_main(int argc, char **argv, const options *o, const char *unit_arg)
{
    if (argc != 2) {
        fputs(_("budgetgen: import takes one workbook: budgetgen import WORKBOOK.xlsx -o DIR\n"
                "Try 'budgetgen --help'.\n"),
              stderr);
        return EXIT_USAGE;
    }
    money_unit unit = MONEY_WAN;
    if (unit_arg && !strcmp(unit_arg, "元"))
        unit = MONEY_YUAN;
    else if (unit_arg && strcmp(unit_arg, "万元") != 0) {
        fprintf(stderr, _("budgetgen: --unit=%s: expected 元 or 万元\n"), unit_arg);
        return EXIT_USAGE;
    }
    const char *dir = o->output_dir;
    char *def = NULL;
    if (!dir) { /* WORKBOOK.xlsx → WORKBOOK/ */
        size_t n = strlen(argv[1]);
        def = xmalloc(n + 8);
        memcpy(def, argv[1], n + 1);
        if (n > 5 && !strcmp(def + n - 5, ".xlsx"))
            def[n - 5] = '\0';
        else
            strcat(def, ".input");
        dir = def;
    }
    diag d;
    diag_init(&d, stderr);
    d.quiet = o->quiet;
    int st = import_run(&d, stdout, argv[1], dir, unit, unit_arg != NULL);
    free(def);
    return st;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"strict", no_argument, NULL, 's'},
        {"format", required_argument, NULL, 'f'},
        {"output-dir", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"jobs", required_argument, NULL, 'j'},
        {"all", required_argument, NULL, 'A'},
        {"root", required_argument, NULL, 'R'},
        {"unit", required_argument, NULL, 'U'},
        {"lang", required_argument, NULL, 'L'},
        {NULL, 0, NULL, 0},
    };
    static options o; /* its root holds PATH_MAX bytes */
    /* Temporary files are removed on SIGINT, SIGTERM and SIGHUP; SIGXFSZ
     * becomes a write error (outfile.h). */
    outfile_signals_init();
    /* The language of every message (i18n.h): the locale, then --lang. */
    i18n_init(argv[0]);
    if (i18n_options(argc, argv) < 0)
        return EXIT_USAGE;
    const char *root_arg = NULL, *unit_arg = NULL;
    int ch;
    /* GNU getopt permutes, so options may follow the command word. */
    while ((ch = getopt_long(argc, argv, "sf:o:qhVj:", longopts, NULL)) != -1) {
        switch (ch) {
        case 's': o.strict = 1; break;
        case 'f': o.formats = optarg; break;
        case 'o': o.output_dir = optarg; break;
        case 'q': o.quiet = 1; break;
        case 'h': usage(stdout); return 0;
        case 'V': puts("budgetgen 0.1"); return 0;
        case 'A': o.all_dir = optarg; break;
        case 'R': root_arg = optarg; break;
        case 'U': unit_arg = optarg; break;
        case 'L': break; /* read by i18n_options */
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || v < 1 || v > 256) {
                fprintf(stderr, _("budgetgen: --jobs=%s: expected a number from 1 to 256\n"),
                        optarg);
                return EXIT_USAGE;
            }
            o.jobs = (int)v;
            break;
        }
        default:
            fputs(_("Try 'budgetgen --help'.\n"), stderr);
            return EXIT_USAGE;
        }
    }
    if (paths_root_init(&o.root, root_arg) < 0) {
        if (root_arg)
            fprintf(stderr, _("budgetgen: error: --root=%s: %s\n"), root_arg,
                    errno == ENOTDIR ? _("not a folder") : strerror(errno));
        else
            fprintf(stderr, _("budgetgen: error: cannot resolve the current folder: %s\n"),
                    strerror(errno));
        return EXIT_USAGE;
    }
    int batch = optind < argc && !strcmp(argv[optind], "build") &&
                (o.all_dir || argc - optind > 2);
    if ((o.all_dir || o.jobs) && !(optind < argc && !strcmp(argv[optind], "build"))) {
        fputs(_("budgetgen: --all and --jobs go with build; check, tree and diff take one "
                "config\nTry 'budgetgen --help'.\n"),
              stderr);
        return EXIT_USAGE;
    }
    if (o.all_dir && argc - optind != 1) {
        fputs(_("budgetgen: build --all DIR takes no config files besides DIR\n"
                "Try 'budgetgen --help'.\n"),
              stderr);
        return EXIT_USAGE;
    }
    if (batch)
        return cmd_batch((const char *const *)argv + optind + 1, argc - optind - 1, &o);
    if (argc - optind >= 1 && !strcmp(argv[optind], "diff")) {
        if (argc - optind == 3)
            return cmd_diff(argv[optind + 1], argv[optind + 2], &o);
        fputs(_("budgetgen: diff needs two configs: budgetgen diff OLD.ini NEW.ini\n"), stderr);
        return EXIT_USAGE;
    }
    if (argc - optind >= 1 && !strcmp(argv[optind], "help"))
        return help_main(argc - optind, argv + optind, usage);
    if (argc - optind >= 1 && !strcmp(argv[optind], "import"))
        return import_main(argc - optind, argv + optind, &o, unit_arg);
    if (argc - optind != 2) {
        fputs(_("budgetgen: expected a command and a config file, e.g. "
                "'budgetgen check config/cangzhou-2020.ini'\nTry 'budgetgen --help'.\n"),
              stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[optind], *path = argv[optind + 1];
    run r;
    memset(&r, 0, sizeof r);
    r.a = arena_new();
    int st;
    if (!strcmp(cmd, "check"))
        st = cmd_check(&r, path, &o);
    else if (!strcmp(cmd, "build"))
        st = cmd_build(&r, path, &o, 0);
    else if (!strcmp(cmd, "tree"))
        st = cmd_build(&r, path, &o, 1);
    else {
        fprintf(stderr, _("budgetgen: unknown command '%s': expected check, build or tree\n"
                          "Try 'budgetgen --help'.\n"),
                cmd);
        st = EXIT_USAGE;
    }
    arena_free_all(r.a);
    return st;
}
