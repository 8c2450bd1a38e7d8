/*
 * Unit tests for gen/outfile.c: a write that fails (disk full) must report
 * the final file's name and errno, remove the temporary file, and leave the
 * previously published file untouched; a good write replaces it.  The disk
 * is made "full" without privileges: the temporary file's descriptor is
 * replaced by /dev/full (every write fails with ENOSPC).  A real full disk
 * (a 64 KiB tmpfs, as root) gives the same behaviour from the binary.
 * outfile_check_dir: a file, a path under a file, a missing parent and a
 * folder that may not be written into, each reported with what names it.
 */
#include "fixture.h"
#include "harness.h"

#include "arena.h"
#include "diag.h"
#include "outfile.h"
#include "paths.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_outfile.XXXXXX";

/* The names in folder out/, sorted, joined by spaces. */
static const char *listing(void)
{
    static char s[512];
    struct dirent **names;
    int n = scandir("out", &names, NULL, alphasort);
    s[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") && strcmp(names[i]->d_name, "..")) {
            if (s[0])
                strcat(s, " ");
            strncat(s, names[i]->d_name, sizeof s - strlen(s) - 2);
        }
        free(names[i]);
    }
    free(names);
    return s;
}

/* Contents of out/NAME ("" if unreadable). */
static const char *contents(const char *name)
{
    static char s[256];
    char path[64];
    snprintf(path, sizeof path, "out/%s", name);
    FILE *fp = fopen(path, "rb");
    size_t n = fp ? fread(s, 1, sizeof s - 1, fp) : 0;
    s[n] = '\0';
    if (fp)
        fclose(fp);
    return s;
}

static void publish_previous(void)
{
    FILE *fp = fopen("out/doc.pdf", "wb");
    fputs("previous version\n", fp);
    fclose(fp);
}

/* Points the FILE's descriptor at /dev/full: writes now fail with ENOSPC. */
static void make_disk_full(FILE *fp)
{
    int full = open("/dev/full", O_WRONLY);
    CHECK(full >= 0);
    CHECK(dup2(full, fileno(fp)) >= 0);
    close(full);
}

/* Little data: it stays in the stdio buffer, and fails at the flush in
 * outfile_commit. */
static void test_full_at_flush(void)
{
    fixture f;
    fx_init(&f);
    publish_previous();
    outfile of;
    FILE *fp = outfile_begin(f.a, &f.d, &of, "out", "doc.pdf");
    CHECK(fp != NULL);
    if (!fp) {
        fx_done(&f);
        return;
    }
    CHECK(access(of.tmp_path, F_OK) == 0); /* the temporary file exists until the commit */
    make_disk_full(fp);
    fputs("%PDF-1.4 new version\n", fp);
    CHECK_INT(outfile_commit(&f.d, &of, fp), -1);
    CHECK_STR(fx_msgs(&f),
              "budgetgen: error: cannot write 'out/doc.pdf': no space left on the disk of the "
              "output folder out while writing doc.pdf: free space there or choose another "
              "output folder\n");
    CHECK_INT(f.d.errors, 1);
    CHECK_STR(listing(), "doc.pdf"); /* the temporary file is gone */
    CHECK_STR(contents("doc.pdf"), "previous version\n");
    fx_done(&f);
}

/* Much data: fwrite itself fails on the way (ferror set), and the commit
 * still refuses. */
static void test_full_while_writing(void)
{
    fixture f;
    fx_init(&f);
    publish_previous();
    outfile of;
    FILE *fp = outfile_begin(f.a, &f.d, &of, "out", "doc.pdf");
    CHECK(fp != NULL);
    if (!fp) {
        fx_done(&f);
        return;
    }
    make_disk_full(fp);
    static char block[1 << 16];
    memset(block, 'x', sizeof block);
    size_t wrote = fwrite(block, 1, sizeof block, fp);
    CHECK(wrote < sizeof block || ferror(fp));
    CHECK_INT(outfile_commit(&f.d, &of, fp), -1);
    CHECK_STR(fx_msgs(&f),
              "budgetgen: error: cannot write 'out/doc.pdf': no space left on the disk of the "
              "output folder out while writing doc.pdf: free space there or choose another "
              "output folder\n");
    CHECK_STR(listing(), "doc.pdf");
    CHECK_STR(contents("doc.pdf"), "previous version\n");
    fx_done(&f);
}

/* The caller closed the file (libharu writes by path) and the rename is
 * what fails: the temporary file is removed too. */
static void test_rename_fails(void)
{
    fixture f;
    fx_init(&f);
    publish_previous();
    outfile of;
    FILE *fp = outfile_begin(f.a, &f.d, &of, "out", "doc.pdf");
    CHECK(fp != NULL);
    if (!fp) {
        fx_done(&f);
        return;
    }
    fputs("new\n", fp);
    fclose(fp);
    of.final_path = "out/missing-folder/doc.pdf";
    of.name = "missing-folder/doc.pdf";
    CHECK_INT(outfile_commit(&f.d, &of, NULL), -1);
    CHECK_STR(fx_msgs(&f), "budgetgen: error: cannot rename into place "
                           "'out/missing-folder/doc.pdf': No such file or directory\n");
    CHECK_STR(listing(), "doc.pdf");
    CHECK_STR(contents("doc.pdf"), "previous version\n");
    fx_done(&f);
}

/* And a good write replaces the previous file, leaving nothing else. */
static void test_good_write(void)
{
    fixture f;
    fx_init(&f);
    publish_previous();
    outfile of;
    FILE *fp = outfile_begin(f.a, &f.d, &of, "out", "doc.pdf");
    CHECK(fp != NULL);
    if (!fp) {
        fx_done(&f);
        return;
    }
    fputs("new version\n", fp);
    CHECK_INT(outfile_commit(&f.d, &of, fp), 0);
    CHECK_STR(fx_msgs(&f), "");
    CHECK_STR(listing(), "doc.pdf");
    CHECK_STR(contents("doc.pdf"), "new version\n");
    fx_done(&f);
}

/* outfile_check_dir: what is wrong with an output folder, at the config
 * line that names it, before anything is written; nothing is created. */
static void test_check_dir(void)
{
    fixture f;
    fx_init(&f);
    diag_pos line = diag_at("c.ini", 21, 0);
    CHECK_INT(outfile_check_dir(&f.d, line, "dir = \"out\"", "out"), 0);
    CHECK_INT(outfile_check_dir(&f.d, line, "dir = \"out/\"", "out/"), 0);
    CHECK_INT(outfile_check_dir(&f.d, line, "dir = \"out/new\"", "out/new"), 0);
    CHECK_INT(outfile_check_dir(&f.d, line, "dir = \"new\"", "new"), 0);
    CHECK_STR(fx_msgs(&f), "");
    CHECK(access("out/new", F_OK) != 0 && access("new", F_OK) != 0); /* not created */
    fx_done(&f);

    fx_init(&f);
    CHECK_INT(outfile_check_dir(&f.d, line, "dir = \"out/doc.pdf\"", "out/doc.pdf"), -1);
    CHECK_INT(outfile_check_dir(&f.d, line, "dir = \"out/doc.pdf/x\"", "out/doc.pdf/x"), -1);
    CHECK_INT(outfile_check_dir(&f.d, line, "dir = \"a/b/c\"", "a/b/c"), -1);
    /* From -o: no config line, and the message says -o. */
    CHECK_INT(outfile_check_dir(&f.d, diag_at(NULL, 0, 0), "-o \"out/doc.pdf\"", "out/doc.pdf"),
              -1);
    CHECK_STR(fx_msgs(&f),
              "c.ini:21: error: dir = \"out/doc.pdf\": the output folder is a file, not a "
              "folder: name a folder for the PDF and the workbook (it is created if it does not "
              "exist)\n"
              "c.ini:21: error: dir = \"out/doc.pdf/x\": cannot create the output folder: a "
              "part of the path is a file, not a folder\n"
              "c.ini:21: error: dir = \"a/b/c\": cannot create the output folder: its parent "
              "folder a/b does not exist (budgetgen creates only the last folder of the path)\n"
              "budgetgen: error: -o \"out/doc.pdf\": the output folder is a file, not a folder: "
              "name a folder for the PDF and the workbook (it is created if it does not exist)\n");
    CHECK_INT(f.d.errors, 4);
    fx_done(&f);
}

/* A folder that may not be written into, and one that may not be created
 * in it.  Root may write anywhere, so as root the check runs in a child
 * that has become nobody (the folder is then made reachable for it). */
static void test_check_dir_not_writable(void)
{
    CHECK_INT(mkdir("ro", 0555), 0);
    CHECK_INT(chmod(".", 0755), 0);
    int fds[2];
    CHECK_INT(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
            if (write(fds[1], "skip", 4) != 4)
                _exit(1);
            _exit(0);
        }
        fixture f;
        fx_init(&f);
        diag_pos line = diag_at("c.ini", 21, 0);
        int a = outfile_check_dir(&f.d, line, "dir = \"ro\"", "ro");
        int b = outfile_check_dir(&f.d, line, "dir = \"ro/new\"", "ro/new");
        const char *m = fx_msgs(&f);
        size_t n = strlen(m);
        _exit(write(fds[1], m, n) == (ssize_t)n && a == -1 && b == -1 ? 0 : 1);
    }
    close(fds[1]);
    char buf[2048];
    size_t n = 0;
    ssize_t k;
    while (n < sizeof buf - 1 && (k = read(fds[0], buf + n, sizeof buf - 1 - n)) > 0)
        n += (size_t)k;
    buf[n] = '\0';
    close(fds[0]);
    int status = 0;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    if (strcmp(buf, "skip") == 0) {
        printf("note: %s: cannot become nobody; not checked\n", h_test);
    } else {
        CHECK_STR(buf, "c.ini:21: error: dir = \"ro\": no permission to write into the output "
                       "folder: give the user who runs budgetgen write permission there, or "
                       "choose another output folder\n"
                       "c.ini:21: error: dir = \"ro/new\": no permission to create the output "
                       "folder: give the user who runs budgetgen write permission there, or "
                       "choose another output folder\n");
    }
    CHECK_INT(chmod(".", 0700), 0);
    CHECK_INT(rmdir("ro"), 0);
}

/* The temporary names: ".FINAL.RRRRRR.budgetgen-tmp", matched exactly.  A
 * department "x" must never claim the files of a department ".x.pdf.a"
 * (".x.pdf.a.xlsx") or an operator's ".x.xlsx.backup": the old matcher
 * (".x.pdf." + six characters) took both. */
static void test_tmp_names(void)
{
    unlink("out/doc.pdf"); /* from the tests above */
    CHECK(outfile_is_tmp_of(".x.pdf.Ab3xY9.budgetgen-tmp", "x.pdf"));
    CHECK(outfile_is_tmp_of(".x.xlsx.000000.budgetgen-tmp", "x.xlsx"));
    CHECK(!outfile_is_tmp_of(".x.pdf.a.xlsx", "x.pdf"));
    CHECK(!outfile_is_tmp_of(".x.xlsx.backup", "x.xlsx"));
    CHECK(!outfile_is_tmp_of(".x.pdf.Ab3xY9", "x.pdf"));
    CHECK(!outfile_is_tmp_of(".x.pdf.Ab3xY.budgetgen-tmp", "x.pdf"));
    CHECK(!outfile_is_tmp_of(".x.pdf.Ab3xY9.budgetgen-tmpx", "x.pdf"));
    CHECK(!outfile_is_tmp_of(".x.pdf.Ab-xY9.budgetgen-tmp", "x.pdf"));
    CHECK(!outfile_is_tmp_of("x.pdf.Ab3xY9.budgetgen-tmp", "x.pdf"));
    /* A department named "x.pdf.Ab3xY9" would publish
     * "x.pdf.Ab3xY9.pdf": never a temporary name of x. */
    CHECK(!outfile_is_tmp_of(".x.pdf.Ab3xY9.pdf.Qw1234.budgetgen-tmp", "x.pdf"));
    CHECK(outfile_is_tmp_of(".x.pdf.Ab3xY9.pdf.Qw1234.budgetgen-tmp", "x.pdf.Ab3xY9.pdf"));

    /* A temporary file made by outfile_begin has such a name. */
    fixture f;
    fx_init(&f);
    outfile of;
    FILE *fp = outfile_begin(f.a, &f.d, &of, "out", "doc.pdf");
    CHECK(fp != NULL);
    if (fp) {
        CHECK(outfile_is_tmp_of(of.tmp_name, "doc.pdf"));
        CHECK(strncmp(of.tmp_path, "out/.doc.pdf.", 13) == 0);
        outfile_abort(&of, fp);
    }
    CHECK_STR(listing(), "");
    fx_done(&f);
}

static void touch(const char *path)
{
    FILE *fp = fopen(path, "w");
    if (fp)
        fclose(fp);
}

/* outdir_remove_stale: exactly the temporary names of base's files. */
static void test_remove_stale(void)
{
    static const char *const files[] = {
        ".x.pdf.Ab3xY9.budgetgen-tmp", ".x.xlsx.Zz9999.budgetgen-tmp",
        ".x.pdf.font0.abcdef.budgetgen-tmp", ".x.pdf.a.xlsx", ".x.xlsx.backup",
        ".x.pdf.abcdef", ".xy.pdf.Ab3xY9.budgetgen-tmp", "x.pdf", "x.xlsx",
        ".y.pdf.Ab3xY9.budgetgen-tmp",
    };
    char path[128];
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "out/%s", files[i]);
        touch(path);
    }
    int fd = open("out", O_RDONLY | O_DIRECTORY);
    outdir_remove_stale(fd, "x");
    close(fd);
    CHECK_STR(listing(), ".x.pdf.a.xlsx .x.pdf.abcdef .x.xlsx.backup "
                         ".xy.pdf.Ab3xY9.budgetgen-tmp .y.pdf.Ab3xY9.budgetgen-tmp x.pdf x.xlsx");
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "out/%s", files[i]);
        unlink(path);
    }
}

/* The data folder x.data (render_data.h): its temporary files go, its own
 * files stay; a folder left with nothing else is removed. */
static void test_remove_stale_data(void)
{
    CHECK_INT(mkdir("out/x.data", 0777), 0);
    touch("out/x.data/.facts.csv.Ab3xY9.budgetgen-tmp");
    touch("out/x.data/.table-01-a.csv.Zz9999.budgetgen-tmp");
    touch("out/x.data/facts.csv");
    int fd = open("out", O_RDONLY | O_DIRECTORY);
    outdir_remove_stale(fd, "x");
    CHECK_STR(listing(), "x.data");
    CHECK(access("out/x.data/facts.csv", F_OK) == 0);
    CHECK(access("out/x.data/.facts.csv.Ab3xY9.budgetgen-tmp", F_OK) != 0);
    CHECK(access("out/x.data/.table-01-a.csv.Zz9999.budgetgen-tmp", F_OK) != 0);
    unlink("out/x.data/facts.csv");
    touch("out/x.data/.datapackage.json.Qq1111.budgetgen-tmp");
    outdir_remove_stale(fd, "x");
    CHECK_STR(listing(), ""); /* only a leftover: the folder goes too */
    close(fd);
}

/* outfile_publish_all: three files renamed in one step; a folder at one
 * final name refuses all of them before any rename, removing the
 * temporary files. */
static void test_publish_all(void)
{
    fixture f;
    fx_init(&f);
    static const char *const names[] = {"a.csv", "b.pdf", "c.xlsx"};
    outfile of[3];
    outfile *v[4] = {&of[0], NULL, &of[1], &of[2]};
    for (int round = 0; round < 2; round++) {
        if (round == 1)
            CHECK_INT(mkdir("out/c.xlsx", 0777), 0);
        for (int i = 0; i < 3; i++) {
            FILE *fp = outfile_begin(f.a, &f.d, &of[i], "out", names[i]);
            CHECK(fp != NULL);
            if (fp) {
                fprintf(fp, "%s %d\n", names[i], round);
                CHECK_INT(outfile_finish(&f.d, &of[i], fp), 0);
            }
        }
        int rc = outfile_publish_all(&f.d, v, 4);
        for (int i = 0; i < 3; i++)
            outfile_abort(&of[i], NULL);
        if (round == 0) {
            CHECK_INT(rc, 0);
            CHECK_STR(fx_msgs(&f), "");
            CHECK_STR(listing(), "a.csv b.pdf c.xlsx");
            CHECK_STR(contents("b.pdf"), "b.pdf 0\n");
            unlink("out/c.xlsx");
        } else {
            CHECK_INT(rc, -1);
            CHECK(strstr(fx_msgs(&f), "a folder has that name") != NULL);
            CHECK_STR(listing(), "a.csv b.pdf c.xlsx"); /* no temporary file left */
            CHECK_STR(contents("a.csv"), "a.csv 0\n");  /* nothing renamed */
            rmdir("out/c.xlsx");
        }
    }
    unlink("out/a.csv");
    unlink("out/b.pdf");
    fx_done(&f);
}

/* The lock: a second process is refused with the holder's pid; the holder
 * itself (and a child it forks, as a batch worker) may lock again; the lock
 * file goes when the holder closes the folder. */
static void test_lock(void)
{
    fixture f;
    fx_init(&f);
    outdir od;
    CHECK_INT(outdir_open(&f.d, &od, diag_at(NULL, 0, 0), "-o \"out\"", "out", NULL), 0);
    CHECK_INT(outdir_lock(&f.d, &od), 0);
    CHECK(access("out/" OUTDIR_LOCK_NAME, F_OK) == 0);
    outdir again;
    CHECK_INT(outdir_open(&f.d, &again, diag_at(NULL, 0, 0), "-o \"out\"", "out", NULL), 0);
    CHECK_INT(outdir_lock(&f.d, &again), 0); /* held by this process */
    CHECK_INT(again.lock_fd, -1);
    outdir_close(&again);
    CHECK_STR(fx_msgs(&f), "");
    int fds[2];
    CHECK_INT(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        /* A worker (forked): inherits the lock. */
        close(fds[0]);
        fixture g;
        fx_init(&g);
        outdir w;
        int ok = outdir_open(&g.d, &w, diag_at(NULL, 0, 0), "w", "out", NULL) == 0 &&
                 outdir_lock(&g.d, &w) == 0;
        outdir_close(&w);
        _exit(ok ? 0 : 1);
    }
    int status;
    CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    CHECK(access("out/" OUTDIR_LOCK_NAME, F_OK) == 0); /* the worker left it */
    /* Another process (exec'd afresh: no inherited registry) is refused. */
    char cmd[256];
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import fcntl,sys; f=open('out/%s','r+'); "
             "fcntl.flock(f, fcntl.LOCK_EX|fcntl.LOCK_NB)\" 2>/dev/null",
             OUTDIR_LOCK_NAME);
    int rc = system(cmd);
    if (rc == -1 || (WIFEXITED(rc) && WEXITSTATUS(rc) == 127))
        printf("note: %s: python3 missing: the second process is not checked\n", h_test);
    else
        CHECK(WIFEXITED(rc) && WEXITSTATUS(rc) == 1); /* BlockingIOError */
    outdir_close(&od);
    CHECK(access("out/" OUTDIR_LOCK_NAME, F_OK) != 0);
    fx_done(&f);

    /* Held by another process: the message names it. */
    pid = fork();
    if (pid == 0) {
        close(fds[0]);
        fixture g;
        fx_init(&g);
        outdir w;
        if (outdir_open(&g.d, &w, diag_at(NULL, 0, 0), "w", "out", NULL) != 0 ||
            outdir_lock(&g.d, &w) != 0)
            _exit(1);
        if (write(fds[1], "L", 1) != 1)
            _exit(1);
        pause();
        _exit(0);
    }
    close(fds[1]);
    char c;
    CHECK(read(fds[0], &c, 1) == 1);
    close(fds[0]);
    fx_init(&f);
    CHECK_INT(outdir_open(&f.d, &od, diag_at(NULL, 0, 0), "-o \"out/\"", "out/", NULL), 0);
    /* In this process the registry has no entry for the folder any more. */
    CHECK_INT(outdir_lock(&f.d, &od), -1);
    char want[200];
    snprintf(want, sizeof want,
             "budgetgen: error: out/ is being written by another budgetgen (pid %ld): wait for "
             "it to finish, then run again\n",
             (long)pid);
    CHECK_STR(fx_msgs(&f), want);
    outdir_close(&od);
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    fx_done(&f);
    unlink("out/" OUTDIR_LOCK_NAME); /* left by the killed holder */
}

/* outdir_open judges the folder by what was opened: a folder that is a
 * symbolic link to a place outside the root is refused. */
static void test_open_outside(void)
{
    fixture f;
    fx_init(&f);
    CHECK_INT(mkdir("proj", 0777), 0);
    CHECK_INT(mkdir("elsewhere", 0777), 0);
    char *cwd = getcwd(NULL, 0);
    char target[1024];
    snprintf(target, sizeof target, "%s/elsewhere", cwd);
    CHECK_INT(symlink(target, "proj/output"), 0);
    paths_root root;
    CHECK_INT(paths_root_init(&root, "proj"), 0);
    outdir od;
    CHECK_INT(outdir_open(&f.d, &od, diag_at("c.ini", 30, 0), "dir = \"output\"", "proj/output",
                          &root),
              -1);
    char want[2048];
    snprintf(want, sizeof want,
             "c.ini:30: error: dir = \"output\": the output folder now leads to %s/elsewhere, "
             "outside the project folder %s/proj (was it replaced by a symbolic link while "
             "budgetgen ran?): nothing written; put the output folder back and run again\n",
             cwd, cwd);
    CHECK_STR(fx_msgs(&f), want);
    fx_done(&f);
    /* A missing folder under a parent that leads outside: refused, and not
     * created outside. */
    fx_init(&f);
    CHECK_INT(outdir_open(&f.d, &od, diag_at("c.ini", 30, 0), "dir", "proj/output/new", &root),
              -1);
    CHECK(strstr(fx_msgs(&f), "the output folder's parent now leads outside") != NULL);
    CHECK(access("elsewhere/new", F_OK) != 0);
    fx_done(&f);
    /* Inside: accepted, and created when missing. */
    fx_init(&f);
    CHECK_INT(outdir_open(&f.d, &od, diag_at("c.ini", 30, 0), "dir", "proj/new", &root), 0);
    outdir_close(&od);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);
    unlink("proj/output");
    rmdir("proj/new");
    rmdir("proj");
    rmdir("elsewhere");
    free(cwd);
}

/* SIGTERM while a temporary file exists: the handler removes it, and the
 * process still dies of SIGTERM. */
static void test_signal_cleanup(void)
{
    int fds[2];
    CHECK_INT(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        outfile_signals_init();
        fixture g;
        fx_init(&g);
        outdir od;
        outfile of;
        if (outdir_open(&g.d, &od, diag_at(NULL, 0, 0), "o", "out", NULL) != 0 ||
            outdir_lock(&g.d, &od) != 0 || !outfile_begin_at(g.a, &g.d, &of, &od, "doc.pdf"))
            _exit(1);
        if (write(fds[1], "T", 1) != 1)
            _exit(1);
        pause();
        _exit(0);
    }
    close(fds[1]);
    char c;
    CHECK(read(fds[0], &c, 1) == 1);
    close(fds[0]);
    CHECK(strstr(listing(), ".budgetgen-tmp") != NULL);
    kill(pid, SIGTERM);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    CHECK_STR(listing(), ""); /* the temporary file and the lock file */
}

int main(void)
{
    if (fx_tmp_enter(tmpdir) != 0 || mkdir("out", 0777) != 0) {
        perror(tmpdir);
        return 2;
    }
    RUN(test_full_at_flush);
    RUN(test_full_while_writing);
    RUN(test_rename_fails);
    RUN(test_good_write);
    RUN(test_check_dir);
    RUN(test_check_dir_not_writable);
    RUN(test_tmp_names);
    RUN(test_remove_stale);
    RUN(test_remove_stale_data);
    RUN(test_publish_all);
    RUN(test_lock);
    RUN(test_open_outside);
    RUN(test_signal_cleanup);
    unlink("out/doc.pdf");
    if (rmdir("out") != 0 || fx_tmp_leave() != 0)
        perror(tmpdir);
    return harness_end();
}
