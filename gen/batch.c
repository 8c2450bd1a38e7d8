/*
 * batch — many departments in one run (see batch.h).
 *
 * Why one process per department: a department's run holds its arena,
 * libharu document, HarfBuzz faces and temporary files; a bug that crashes
 * or aborts on one department's data (or an out-of-memory abort) must not
 * cost the other 199 departments their disclosure.  A fork()ed worker also
 * needs no change to the single-department path, which uses static state
 * (fontconfig) and prints to stderr: the worker simply runs it.  The
 * parent only schedules, collects and reports.
 */
#define _DEFAULT_SOURCE /* wait4, MAP_ANONYMOUS, d_type */

#include "batch.h"
#include "i18n.h"

#include "config.h"
#include "fonts.h"
#include "outfile.h"
#include "pdf_pack.h"
#include "strbuf.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_JOBS 256

/* ---- listing a folder of configs ------------------------------------------ */

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

long batch_list_dir(arena *a, diag *d, const char *dir, const char ***out)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        diag_syserr(d, "cannot read the config folder", dir, errno);
        return -1;
    }
    size_t n = 0, cap = 16;
    const char **v = xmalloc(cap * sizeof *v);
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        size_t len = strlen(de->d_name);
        /* "x.ini", not ".ini" or a hidden editor backup ".x.ini" */
        if (len <= 4 || de->d_name[0] == '.' || strcmp(de->d_name + len - 4, ".ini") != 0)
            continue;
        size_t dl = strlen(dir);
        const char *path = arena_printf(a, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/",
                                        de->d_name);
        struct stat st;
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (n == cap)
            v = xrealloc(v, (cap *= 2) * sizeof *v);
        v[n++] = path;
    }
    closedir(dp);
    /* Sorted bytewise: the same folder gives the same order (and index)
     * whatever the locale and the file system's directory order. */
    qsort(v, n, sizeof *v, cmp_str);
    const char **res = arena_alloc(a, (n + 1) * sizeof *res);
    memcpy(res, v, n * sizeof *v);
    free(v);
    *out = res;
    return (long)n;
}

/* ---- page count of a written PDF --------------------------------------------
 * The renderer knows its page count, but it is being reworked; reading the
 * /Count of the page tree back from the file keeps the batch independent of
 * its internals.  libharu writes every dictionary uncompressed (budgetgen
 * then packs them into an object stream, pdf_pack.h, inflated here) and a
 * single page tree root; nested /Pages nodes would carry smaller counts, so
 * the largest /Count of a /Type /Pages dictionary is the total. */

static const char *find_mem(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; m <= n && i <= n - m; i++) {
        const char *p = memchr(hay + i, needle[0], n - m - i + 1);
        if (!p)
            return NULL;
        i = (size_t)(p - hay);
        if (memcmp(p, needle, m) == 0)
            return p;
    }
    return NULL;
}

static int pdf_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

/* The largest /Count of a /Type /Pages dictionary in s[0..n). */
static long max_count(const char *s, size_t n)
{
    long best = 0;
    for (const char *p = s; (p = find_mem(p, n - (size_t)(p - s), "/Type")) != NULL; p += 5) {
        const char *q = p + 5;
        while (q < s + n && pdf_space(*q))
            q++;
        /* "/Pages" followed by a delimiter (not "/PageSomething"). */
        if ((size_t)(s + n - q) < 7 || memcmp(q, "/Pages", 6) != 0 ||
            !(pdf_space(q[6]) || q[6] == '/' || q[6] == '>'))
            continue;
        /* The dictionary around it: the nearest "<<" before, ">>" after. */
        const char *start = p;
        while (start > s && !(start[-1] == '<' && start > s + 1 && start[-2] == '<'))
            start--;
        const char *end = find_mem(q, n - (size_t)(q - s), ">>");
        if (!end)
            end = s + n;
        const char *c = find_mem(start, (size_t)(end - start), "/Count");
        if (!c)
            continue;
        long v = strtol(c + 6, NULL, 10);
        if (v > best)
            best = v;
    }
    return best;
}

long batch_pdf_pages(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    long pages = batch_pdf_pages_fp(f);
    fclose(f);
    return pages;
}

long batch_pdf_pages_fp(FILE *f)
{
    strbuf sb = STRBUF_INIT;
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        sb_appendn(&sb, buf, got);
    if (ferror(f)) {
        sb_free(&sb);
        return 0;
    }
    long best = max_count(sb_str(&sb), sb.len);
    if (best == 0) { /* the dictionaries packed in object streams (pdf_pack.h) */
        size_t m = 0;
        char *t = pdf_pack_objects(sb_str(&sb), sb.len, &m);
        if (t)
            best = max_count(t, m);
        free(t);
    }
    sb_free(&sb);
    return best;
}

/* ---- display width (the summary table and the progress line) ----------------
 * CJK ideographs and full-width forms take two terminal columns. */

static int cp_width(uint32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

/* Prints s cut to at most max columns (with "…" when cut), padded with
 * spaces to width columns (0: no padding). */
static void put_cols(FILE *out, const char *s, int max, int width)
{
    int w = 0;
    const char *p = s;
    size_t n = strlen(s);
    while (*p) {
        uint32_t cp;
        int len = utf8_decode(p, n - (size_t)(p - s), &cp);
        if (len <= 0) {
            cp = (unsigned char)*p;
            len = 1;
        }
        int cw = cp_width(cp);
        if (w + cw > max - 1 && p[len] != '\0') {
            /* Room is left for the ellipsis only when something follows. */
            fputs("…", out);
            w++;
            break;
        }
        if (w + cw > max)
            break;
        fwrite(p, 1, (size_t)len, out);
        w += cw;
        p += len;
    }
    for (; w < width; w++)
        fputc(' ', out);
}

/* ---- the run ---------------------------------------------------------------- */

typedef struct job {
    pid_t pid;   /* 0: free */
    size_t dept; /* index into the departments */
    FILE *err;   /* the worker's stderr (and stdout), an unlinked temporary file */
    struct timespec t0;
} job;

typedef struct batch {
    arena *a;
    const batch_options *o;
    batch_dept *v;
    size_t n, done;
    int tty;             /* stderr is a terminal: one progress line, rewritten */
    int progress_shown;  /* the progress line is on screen */
    batch_report *slots; /* shared with the workers, one per job */
    job *jobs;
    int njobs;
    batch_worker worker;
    void *ctx;
    font *warm; /* opened before the workers start (prewarm_fonts) */
} batch;

static double ms_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) * 1e3 + (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

static void clear_progress(batch *b)
{
    if (b->progress_shown) {
        fputs("\r\033[K", stderr);
        b->progress_shown = 0;
    }
}

/* What the parent needs to know of a config before building it: the name
 * for the progress line, the files it writes (to refuse two departments
 * writing the same file, and to find the files afterwards).  The config is
 * loaded silently into a scratch arena: when it is broken, the worker
 * reports why, in the department's own block of messages. */
static void preload(batch *b, batch_dept *dp, const char *path)
{
    dp->config_path = path;
    dp->department = path;
    dp->pdf_bytes = dp->xlsx_bytes = -1;
    arena *scratch = arena_new();
    diag d;
    diag_init(&d, NULL);
    config *c = config_load(scratch, &d, path);
    if (c && b->o->formats && config_set_formats(c, b->o->formats) < 0)
        c = NULL;
    if (c) {
        dp->department = arena_strdup(b->a, c->department ? c->department : path);
        dp->year = c->year;
        dp->kind = c->kind;
        c->root = b->o->root;
        if (b->o->output_dir)
            config_set_output_dir(c, b->o->output_dir);
        /* A folder the worker will refuse (outside the project folder, or
         * a broken config) is not created here either. */
        if (config_check_paths(c, &d) == 0)
            dp->output_dir = arena_strdup(b->a, c->output_dir);
        dp->output_name = arena_strdup(b->a, c->output_name);
        dp->want_pdf = c->want_pdf;
        dp->want_xlsx = c->want_xlsx;
    }
    arena_free_all(scratch);
}

/* Creates a department's output folder before the workers start: two
 * workers creating the same folder at once would race (one would fail). */
static void make_output_dir(const batch_dept *dp)
{
    /* A failure is the worker's to report (outfile_begin names the folder). */
    if (dp->output_dir)
        (void)mkdir(dp->output_dir, 0777);
}

/* The canonical path of a department's files without extension, or NULL. */
static char *output_key(arena *a, const batch_dept *dp)
{
    if (!dp->output_dir)
        return NULL;
    char *real = realpath(dp->output_dir, NULL);
    char *key = arena_printf(a, "%s/%s", real ? real : dp->output_dir, dp->output_name);
    free(real);
    return key;
}

typedef struct keyed {
    const char *key;
    size_t i;
} keyed;

static int cmp_keyed(const void *x, const void *y)
{
    const keyed *p = x, *q = y;
    int c = strcmp(p->key, q->key);
    return c ? c : (p->i > q->i) - (p->i < q->i);
}

/* Two configs that would write the same files (a copied config whose
 * [output] name was not changed, or one config listed twice) would
 * overwrite each other's disclosure.  All of them are refused, before
 * anything is built, and each message names the others: building the
 * first in name order would let the name of a config file decide which
 * department's disclosure a published URL carries (a copy named a-….ini
 * would replace the original's), so the files at that name are left as they
 * were and the choice is the user's.  The other departments are built.
 * Returns the number refused. */
static size_t refuse_duplicates(batch *b)
{
    keyed *k = xmalloc((b->n + 1) * sizeof *k);
    size_t m = 0, refused = 0;
    for (size_t i = 0; i < b->n; i++) {
        const char *key = output_key(b->a, &b->v[i]);
        if (key)
            k[m++] = (keyed){key, i};
    }
    qsort(k, m, sizeof *k, cmp_keyed);
    for (size_t first = 0, end; first < m; first = end) {
        end = first + 1;
        while (end < m && strcmp(k[end].key, k[first].key) == 0)
            end++;
        if (end - first < 2)
            continue;
        for (size_t j = first; j < end; j++) {
            batch_dept *dp = &b->v[k[j].i];
            strbuf others = STRBUF_INIT;
            size_t nothers = end - first - 1, seen = 0;
            for (size_t o = first; o < end; o++) {
                if (o == j)
                    continue;
                seen++;
                sb_printf(&others, "%s%s", seen == 1 ? "" : seen == nothers ? _(" and ") : _(", "),
                          b->v[k[o].i].config_path);
            }
            fprintf(stderr,
                    _("budgetgen: error: %s: writes %s/%s like %s: %s built, so that the "
                      "files published under that name stay as they were; give each its own "
                      "[output] name or dir\n"),
                    dp->config_path, dp->output_dir, dp->output_name, sb_str(&others),
                    nothers == 1 ? _("neither is") : _("none of them is"));
            sb_free(&others);
        }
        for (size_t j = first; j < end; j++) {
            batch_dept *dp = &b->v[k[j].i];
            dp->status = 2;
            dp->collided = 1;
            dp->output_dir = NULL; /* whose files those are is unknown: never listed or cleaned */
            refused++;
        }
    }
    free(k);
    return refused;
}

/* fontconfig's configuration takes a few milliseconds to load and is the
 * same for every department.  Opening a font in the parent loads it once;
 * every worker inherits it through fork() (fonts.c keeps it while a font
 * is open).  Returns the font to close at the end, or NULL. */
static font *prewarm_fonts(const char *const *paths, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        arena *scratch = arena_new();
        diag d;
        diag_init(&d, NULL);
        config *c = config_load(scratch, &d, paths[i]);
        font *f = NULL;
        const char *name = c ? (c->font_body ? c->font_body : c->font_heading) : NULL;
        if (name)
            f = font_open(&d, diag_at(NULL, 0, 0), name);
        arena_free_all(scratch);
        if (f || c)
            return f;
    }
    return NULL;
}

/* A worker killed mid-write leaves its temporary files (the published
 * files are untouched: they are only ever renamed into place).  Remove
 * them, so a crash leaves the output folder as it was: exactly the
 * temporary names of this department's files (outfile_is_tmp_of), never
 * a file of another department whose name merely begins the same way.
 * The parent holds the folder's lock, so no other build owns them. */
static void remove_leftovers(const batch_dept *dp)
{
    if (!dp->output_dir)
        return;
    int fd = open(dp->output_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    outdir_remove_stale(fd, dp->output_name);
    close(fd);
}

/* Locks every output folder of the batch for the whole run (outfile.h);
 * the workers inherit the locks through fork().  A folder that cannot be
 * opened is left to its worker to report.  Returns the folders to close at
 * the end (*m of them), or NULL after reporting a folder another budgetgen
 * is writing (nothing is built then). */
static outdir *lock_output_dirs(batch *b, const char *index_dir, size_t *m)
{
    outdir *v = arena_alloc(b->a, (b->n + 2) * sizeof *v);
    diag quiet, loud;
    diag_init(&quiet, NULL);
    diag_init(&loud, stderr);
    *m = 0;
    for (size_t i = 0; i <= b->n; i++) {
        const char *dir = i < b->n ? b->v[i].output_dir : index_dir;
        if (!dir)
            continue;
        outdir *od = &v[*m];
        if (outdir_open(&quiet, od, diag_at(NULL, 0, 0), dir, dir, NULL) < 0)
            continue;
        if (outdir_lock(&loud, od) < 0) {
            outdir_close(od);
            for (size_t k = 0; k < *m; k++)
                outdir_close(&v[k]);
            return NULL;
        }
        if (i == b->n) { /* what a killed batch left of the index */
            outdir_remove_stale_file(od->fd, "index.html");
            outdir_remove_stale_file(od->fd, "index.csv");
            outdir_remove_stale_file(od->fd, "facts.csv");
        }
        if (od->lock_fd < 0) /* the same folder as an earlier one */
            outdir_close(od);
        else
            (*m)++;
    }
    return v;
}

static long long file_size(const char *dir, const char *name, const char *ext)
{
    char path[PATH_MAX];
    struct stat st;
    if (snprintf(path, sizeof path, "%s/%s.%s", dir, name, ext) >= (int)sizeof path ||
        stat(path, &st) != 0)
        return -1;
    return (long long)st.st_size;
}

/* The progress of the run: on a terminal one line, rewritten in place;
 * otherwise (a log file, CI) one plain line per department. */
static void progress(batch *b, const batch_dept *dp)
{
    if (b->o->quiet)
        return;
    if (b->tty) {
        fprintf(stderr, "\r\033[K[%zu/%zu] ", b->done, b->n);
        put_cols(stderr, dp->department, 50, 0);
        fputs(" …", stderr);
        b->progress_shown = 1;
        fflush(stderr);
        return;
    }
    fprintf(stderr, "[%zu/%zu] %s: ", b->done, b->n, dp->department);
    if (dp->crashed)
        fprintf(stderr, _("crashed (%s)\n"), strsignal(dp->crashed));
    else if (dp->status == 0)
        fprintf(stderr, _("built, %ld page%s, %d error%s, %d warning%s, %.0f ms\n"), dp->rep.pages,
                dp->rep.pages == 1 ? "" : "s", dp->rep.errors, dp->rep.errors == 1 ? "" : "s",
                dp->rep.warnings, dp->rep.warnings == 1 ? "" : "s", dp->ms);
    else
        fprintf(stderr, _("failed (exit %d), %d error%s, %d warning%s\n"), dp->status, dp->rep.errors,
                dp->rep.errors == 1 ? "" : "s", dp->rep.warnings, dp->rep.warnings == 1 ? "" : "s");
}

/* Copies the worker's messages to stderr as one block. */
static void print_block(batch *b, FILE *err)
{
    char buf[8192];
    size_t got;
    rewind(err);
    int cleared = 0;
    while ((got = fread(buf, 1, sizeof buf, err)) > 0) {
        if (!cleared) {
            clear_progress(b);
            cleared = 1;
        }
        fwrite(buf, 1, got, stderr);
    }
    fflush(stderr);
}

/* Starts department i in job slot j.  Returns 0, or -1 if no worker could
 * be started (errno set). */
static int start(batch *b, int j, size_t i)
{
    batch_dept *dp = &b->v[i];
    job *jb = &b->jobs[j];
    batch_report *rep = &b->slots[j];
    memset(rep, 0, sizeof *rep);
    FILE *err = tmpfile();
    if (!err)
        return -1;
    fflush(NULL); /* nothing buffered may be written twice */
    clock_gettime(CLOCK_MONOTONIC, &jb->t0);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        fclose(err);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        /* The worker: the department's messages go to its own file. */
        int fd = fileno(err);
        if (dup2(fd, STDERR_FILENO) < 0 || dup2(fd, STDOUT_FILENO) < 0)
            _exit(2);
        /* A parent that dies (SIGTERM, SIGKILL) takes its workers along:
         * each removes its temporary files (outfile.h) rather than going on
         * writing into folders whose lock went with the parent. */
        if (prctl(PR_SET_PDEATHSIG, SIGTERM) != 0 || getppid() != parent)
            _exit(2);
        /* Test hook (batch.h): this one department dies as a crash would. */
        const char *crash = getenv("BUDGETGEN_TEST_CRASH_CONFIG");
        if (crash && strcmp(crash, dp->config_path) == 0)
            setenv("BUDGETGEN_TEST_CRASH_BEFORE_RENAME", "1", 1);
        int st = b->worker(dp->config_path, b->ctx, rep);
        if (st == 0 && dp->want_pdf && dp->output_dir) {
            char path[PATH_MAX];
            if (snprintf(path, sizeof path, "%s/%s.pdf", dp->output_dir, dp->output_name) <
                (int)sizeof path)
                rep->pages = batch_pdf_pages(path);
        }
        rep->done = 1;
        /* The inherited font holds the worker's copy of fontconfig's
         * configuration: closing it frees that copy (leak checkers see
         * every worker end clean). */
        if (b->warm)
            font_close(b->warm);
        fflush(NULL);
        exit(st);
    }
    jb->pid = pid;
    jb->dept = i;
    jb->err = err;
    return 0;
}

/* Waits for one worker and records how its department went. */
static void reap(batch *b)
{
    int status;
    struct rusage ru;
    pid_t pid;
    do
        pid = wait4(-1, &status, 0, &ru);
    while (pid < 0 && errno == EINTR);
    if (pid < 0)
        return;
    int j = 0;
    while (j < b->njobs && b->jobs[j].pid != pid)
        j++;
    if (j == b->njobs)
        return; /* not a worker of ours */
    job *jb = &b->jobs[j];
    batch_dept *dp = &b->v[jb->dept];
    dp->ms = ms_since(&jb->t0);
    dp->cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    dp->maxrss_kb = ru.ru_maxrss;
    if (b->slots[j].done)
        dp->rep = b->slots[j];
    print_block(b, jb->err);
    fclose(jb->err);
    jb->pid = 0;
    if (WIFSIGNALED(status)) {
        dp->crashed = WTERMSIG(status);
        dp->status = 2;
        clear_progress(b);
        fprintf(stderr,
                _("budgetgen: error: %s: the build of %s was killed by signal %d (%s); its "
                  "published files were not replaced\n"),
                dp->config_path, dp->department, dp->crashed, strsignal(dp->crashed));
        remove_leftovers(dp);
    } else {
        int st = WEXITSTATUS(status);
        dp->status = st >= 0 && st <= 2 ? st : 2;
    }
    if (dp->status == 0 && dp->output_dir) {
        if (dp->want_pdf)
            dp->pdf_bytes = file_size(dp->output_dir, dp->output_name, "pdf");
        if (dp->want_xlsx)
            dp->xlsx_bytes = file_size(dp->output_dir, dp->output_name, "xlsx");
    }
    b->done++;
    progress(b, dp);
}

static void print_size(FILE *out, long long bytes, int width)
{
    char buf[32];
    if (bytes < 0)
        snprintf(buf, sizeof buf, "-");
    else
        snprintf(buf, sizeof buf, "%lld KB", (bytes + 512) / 1024);
    fprintf(out, "%*s", width, buf);
}

/* The table at the end: one line per department, then the totals. */
static void print_summary(const batch *b, double wall_ms, int njobs)
{
    FILE *out = stdout;
    int namew = 10;
    for (size_t i = 0; i < b->n; i++) {
        const char *s = b->v[i].department;
        int w = 0;
        for (const char *p = s; *p;) {
            uint32_t cp;
            int len = utf8_decode(p, strlen(p), &cp);
            if (len <= 0)
                cp = (unsigned char)*p, len = 1;
            w += cp_width(cp);
            p += len;
        }
        if (w > namew)
            namew = w;
    }
    if (namew > 40)
        namew = 40;
    put_cols(out, "department", namew, namew);
    fprintf(out, "  %-7s %5s %9s %15s %8s %8s\n", "status", "pages", "PDF", "errors/warnings", "ms",
            "peak MB");
    size_t built = 0;
    long pages = 0;
    long long bytes = 0;
    long maxrss = 0;
    for (size_t i = 0; i < b->n; i++) {
        const batch_dept *dp = &b->v[i];
        put_cols(out, dp->department, namew, namew);
        const char *st = dp->crashed ? "crashed" : dp->status == 0 ? "built" : "failed";
        char fw[32];
        snprintf(fw, sizeof fw, "%d/%d", dp->rep.errors, dp->rep.warnings);
        fprintf(out, "  %-7s %5ld ", st, dp->rep.pages);
        print_size(out, dp->pdf_bytes, 9);
        fprintf(out, " %15s %8.0f %8.1f\n", fw, dp->ms, (double)dp->maxrss_kb / 1024.0);
        if (dp->status == 0) {
            built++;
            pages += dp->rep.pages;
            bytes += dp->pdf_bytes > 0 ? dp->pdf_bytes : 0;
        }
        if (dp->maxrss_kb > maxrss)
            maxrss = dp->maxrss_kb;
    }
    /* The parent's own peak: it holds a few hundred bytes per department,
     * the workers everything else, so both stay flat as a batch grows. */
    struct rusage self;
    long parent_kb = getrusage(RUSAGE_SELF, &self) == 0 ? self.ru_maxrss : 0;
    fprintf(out,
            "%zu department%s: %zu built, %zu failed; %ld pages, %.1f MB of PDF; %d job%s, "
            "%.2f s (%.1f docs/s); peak memory: largest worker %.1f MB, parent %.1f MB\n",
            b->n, b->n == 1 ? "" : "s", built, b->n - built, pages, (double)bytes / 1048576.0,
            njobs, njobs == 1 ? "" : "s", wall_ms / 1e3,
            wall_ms > 0 ? (double)b->n * 1e3 / wall_ms : 0.0, (double)maxrss / 1024.0,
            (double)parent_kb / 1024.0);
    fflush(out);
}

int batch_run(const char *const *paths, size_t n, const batch_options *o, batch_worker worker,
              void *ctx)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    batch b;
    memset(&b, 0, sizeof b);
    b.a = arena_new();
    b.o = o;
    b.n = n;
    b.worker = worker;
    b.ctx = ctx;
    b.tty = isatty(STDERR_FILENO);
    b.v = arena_alloc(b.a, (n + 1) * sizeof *b.v);
    for (size_t i = 0; i < n; i++)
        preload(&b, &b.v[i], paths[i]);
    for (size_t i = 0; i < n; i++)
        make_output_dir(&b.v[i]);
    refuse_duplicates(&b);
    const char *lock_index_dir = o->output_dir;
    for (size_t i = 0; !lock_index_dir && i < n; i++)
        lock_index_dir = b.v[i].output_dir;
    size_t n_locked = 0;
    outdir *locked = lock_output_dirs(&b, lock_index_dir, &n_locked);
    if (!locked) {
        arena_free_all(b.a);
        return 2;
    }

    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int njobs = o->jobs > 0 ? o->jobs : cores > 0 ? (int)cores : 1;
    if (njobs > MAX_JOBS)
        njobs = MAX_JOBS;
    if ((size_t)njobs > n)
        njobs = n > 0 ? (int)n : 1;
    b.njobs = njobs;
    b.jobs = arena_alloc(b.a, (size_t)njobs * sizeof *b.jobs);
    /* The workers write their reports here; the parent reads them after
     * each has exited (waitpid orders the two). */
    b.slots = mmap(NULL, (size_t)njobs * sizeof *b.slots, PROT_READ | PROT_WRITE,
                   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (b.slots == MAP_FAILED) {
        fprintf(stderr, _("budgetgen: error: cannot map memory for %d workers: %s\n"), njobs,
                strerror(errno));
        for (size_t k = 0; k < n_locked; k++)
            outdir_close(&locked[k]);
        arena_free_all(b.a);
        return 2;
    }
    b.warm = prewarm_fonts(paths, n);

    size_t next = 0;
    int running = 0;
    while (next < n || running > 0) {
        while (running < njobs && next < n) {
            size_t i = next++;
            if (b.v[i].status) { /* refused above */
                b.done++;
                progress(&b, &b.v[i]);
                continue;
            }
            int j = 0;
            while (b.jobs[j].pid)
                j++;
            if (start(&b, j, i) == 0) {
                running++;
                continue;
            }
            int e = errno;
            if (running > 0 && (e == EAGAIN || e == ENOMEM)) {
                next--; /* retry when a worker has finished */
                break;
            }
            clear_progress(&b);
            fprintf(stderr, _("budgetgen: error: %s: cannot start a worker: %s\n"), paths[i],
                    strerror(e));
            b.v[i].status = 2;
            b.done++;
            progress(&b, &b.v[i]);
        }
        if (running > 0) {
            reap(&b);
            running--;
        }
    }
    clear_progress(&b);
    if (b.warm)
        font_close(b.warm);
    munmap(b.slots, (size_t)njobs * sizeof *b.slots);

    int any1 = 0, any2 = 0;
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        any1 |= b.v[i].status == 1;
        any2 |= b.v[i].status == 2;
        failed += b.v[i].status != 0;
    }
    if (!o->quiet)
        print_summary(&b, ms_since(&t0), njobs);

    /* The portal index is rewritten whatever failed: it describes the
     * files on disk (portal.h), so a department that failed keeps its
     * previously published files listed, marked as not updated, and the
     * departments built now are listed with their new figures. */
    const char *index_dir = o->output_dir;
    for (size_t i = 0; !index_dir && i < n; i++)
        index_dir = b.v[i].output_dir;
    int rc = any2 ? 2 : any1 ? 1 : 0;
    if (failed)
        fprintf(stderr,
                _("budgetgen: %zu of %zu department%s failed: the portal index lists %s "
                  "previously published files, if any, as 未更新 (not updated), without figures\n"),
                failed, n, n == 1 ? "" : "s", failed == 1 ? _("its") : _("their"));
    if (index_dir) {
        diag d;
        diag_init(&d, stderr);
        if (portal_write_index(b.a, &d, index_dir, b.v, n) < 0)
            rc = 2;
        else if (!o->quiet)
            fprintf(stderr, _("budgetgen: portal index: %s/index.html, %s/index.csv\n"), index_dir,
                    index_dir);
    } else {
        fputs(_("budgetgen: no department has an output folder: no portal index written\n"),
              stderr);
    }
    for (size_t k = 0; k < n_locked; k++)
        outdir_close(&locked[k]);
    arena_free_all(b.a);
    return rc;
}
