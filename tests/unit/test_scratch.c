/*
 * Unit tests for scratch.c: a build's own scratch folder is made, locked and
 * removed; the next build removes the folders (and part files) of dead
 * builds only: never a folder whose flock is held, nor a name that is not
 * exactly ours, nor a file that is not a part file.
 */
#define _GNU_SOURCE
#include "harness.h"

#include "arena.h"
#include "scratch.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char base[] = "/tmp/test_scratch.XXXXXX";

static int exists(const char *rel)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    struct stat st;
    return lstat(p, &st) == 0;
}

static void make(const char *rel, int dir)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", base, rel);
    if (dir)
        CHECK(mkdir(p, 0700) == 0);
    else {
        FILE *f = fopen(p, "w");
        CHECK(f != NULL);
        if (f)
            fclose(f);
    }
}

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL)
        n += strcmp(de->d_name, ".") && strcmp(de->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

static void test_own_folder(void)
{
    arena *a = arena_new();
    scratch_dir s;
    CHECK_INT(scratch_open(a, &s, base), 0);
    struct stat st;
    CHECK(stat(s.path, &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(strncmp(s.path, base, strlen(base)) == 0);
    CHECK_INT((int)strlen(s.name), (int)strlen("budgetgen-scratch.") + 6);
    /* It is held: another descriptor cannot take its flock. */
    int fd = open(s.path, O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0);
    if (fd >= 0)
        close(fd);
    /* A part file libxlsxwriter failed to unlink is removed with it. */
    char part[600];
    snprintf(part, sizeof part, "%s/tmp.Qx81zz", s.path);
    FILE *f = fopen(part, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    char *keep = strdup(s.path);
    scratch_close(&s);
    CHECK(stat(keep, &st) != 0);
    CHECK_INT(count_entries(base), 0);
    free(keep);
    arena_free_all(a);
}

static void test_dead_and_live(void)
{
    /* Dead: a folder of ours with a part file, nobody holds it. */
    make("budgetgen-scratch.Dead01", 1);
    make("budgetgen-scratch.Dead01/tmp.aaaaaa", 0);
    /* Dead but holding a file that is not a part file: the part file
     * goes, the folder and the other file stay. */
    make("budgetgen-scratch.Dead02", 1);
    make("budgetgen-scratch.Dead02/tmp.bbbbbb", 0);
    make("budgetgen-scratch.Dead02/notes.txt", 0);
    /* Not our names: never touched. */
    make("budgetgen-scratch.toolong1", 1);
    make("budgetgen-scratch.Ab", 1);
    make("budgetgen-scratch.Ab-1_2", 1);
    make("other.Abc123", 1);
    make("budgetgen-scratch.File01", 0);
    /* Live: a child process holds its flock. */
    make("budgetgen-scratch.Live01", 1);
    make("budgetgen-scratch.Live01/tmp.cccccc", 0);
    int pipefd[2], go[2];
    CHECK(pipe(pipefd) == 0 && pipe(go) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        char p[512];
        snprintf(p, sizeof p, "%s/budgetgen-scratch.Live01", base);
        int fd = open(p, O_RDONLY | O_DIRECTORY);
        char c = fd >= 0 && flock(fd, LOCK_EX) == 0 ? 'y' : 'n';
        if (write(pipefd[1], &c, 1) != 1)
            _exit(1);
        if (read(go[0], &c, 1) != 1) /* until the parent is done */
            _exit(1);
        _exit(0);
    }
    char c = 0;
    CHECK(read(pipefd[0], &c, 1) == 1 && c == 'y');

    arena *a = arena_new();
    scratch_dir s;
    CHECK_INT(scratch_open(a, &s, base), 0);
    CHECK(!exists("budgetgen-scratch.Dead01"));
    CHECK(exists("budgetgen-scratch.Dead02"));
    CHECK(!exists("budgetgen-scratch.Dead02/tmp.bbbbbb"));
    CHECK(exists("budgetgen-scratch.Dead02/notes.txt"));
    CHECK(exists("budgetgen-scratch.toolong1"));
    CHECK(exists("budgetgen-scratch.Ab"));
    CHECK(exists("budgetgen-scratch.Ab-1_2"));
    CHECK(exists("other.Abc123"));
    CHECK(exists("budgetgen-scratch.File01"));
    CHECK(exists("budgetgen-scratch.Live01"));
    CHECK(exists("budgetgen-scratch.Live01/tmp.cccccc"));
    scratch_close(&s);
    arena_free_all(a);
    if (write(go[1], "x", 1) != 1)
        CHECK(0);
    int st;
    waitpid(pid, &st, 0);
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    /* Now dead: the next build removes it. */
    a = arena_new();
    CHECK_INT(scratch_open(a, &s, base), 0);
    CHECK(!exists("budgetgen-scratch.Live01"));
    scratch_close(&s);
    arena_free_all(a);
}

static void test_missing_base(void)
{
    arena *a = arena_new();
    scratch_dir s;
    char p[512];
    snprintf(p, sizeof p, "%s/no-such-folder", base);
    CHECK_INT(scratch_open(a, &s, p), -1);
    scratch_close(&s); /* harmless after a failure */
    arena_free_all(a);
}

int main(void)
{
    if (!mkdtemp(base)) {
        perror("mkdtemp");
        return 1;
    }
    RUN(test_own_folder);
    RUN(test_dead_and_live);
    RUN(test_missing_base);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", base);
    return harness_end();
}
