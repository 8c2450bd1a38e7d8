/*
 * Unit tests for gen/outfile.c: a write that fails (disk full) must report
 * the final file's name and errno, remove the temporary file, and leave the
 * previously published file untouched; a good write replaces it.  The disk
 * is made "full" without privileges: the temporary file's descriptor is
 * replaced by /dev/full (every write fails with ENOSPC).  A real full disk
 * (a 64 KiB tmpfs, as root) gives the same behaviour from the binary.
 */
#include "fixture.h"
#include "harness.h"

#include "arena.h"
#include "diag.h"
#include "outfile.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
              "budgetgen: error: cannot write 'out/doc.pdf': No space left on device\n");
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
              "budgetgen: error: cannot write 'out/doc.pdf': No space left on device\n");
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
    unlink("out/doc.pdf");
    if (rmdir("out") != 0 || fx_tmp_leave() != 0)
        perror(tmpdir);
    return harness_end();
}
