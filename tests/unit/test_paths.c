/*
 * Unit tests for gen/paths.c: resolving a path (.., symbolic links, trailing
 * slashes, a folder that does not exist yet, a dangling link, a loop), the
 * containment test (a root of "/", trailing slashes, the prefix trap of
 * /work/x against /work/xy), the project folder from --root, and the
 * messages of paths_confine, and paths_open (judging what was opened: a
 * file inside, a link out, a FIFO, a folder, a device).  A tree of folders, files and symbolic links
 * is made in a mkdtemp directory under /tmp (the working directory), and
 * removed at the end:
 *
 *   x/           the project folder of most tests
 *   x/in/a.csv
 *   x/in/b.csv   -> ../../xy/b.csv   (a file that leads out)
 *   x/inlink     -> in               (a folder link that stays in)
 *   x/link       -> ../xy            (a folder link that leads out)
 *   x/dang       -> ../xy/new        (dangling: xy/new does not exist)
 *   x/loop1 <-> x/loop2               (a loop)
 *   x/in/fifo    a FIFO nobody writes
 *   x/in/zero    -> /dev/zero        (a character device)
 *   xy/b.csv     (next to x: its name starts with "x")
 */
#define _DEFAULT_SOURCE /* realpath, symlink */
#include "fixture.h"
#include "harness.h"

#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[] = "/tmp/test_paths.XXXXXX";
static char T[PATH_MAX]; /* the temporary directory, resolved */

/* What was made, in order, to be removed in reverse. */
static char *made[32];
static int n_made;

static void remember(const char *p)
{
    if (n_made < (int)(sizeof made / sizeof made[0]))
        made[n_made++] = strdup(p);
}

static void make_dir(const char *p)
{
    if (mkdir(p, 0777) != 0) {
        perror(p);
        exit(2);
    }
    remember(p);
}

static void make_link(const char *target, const char *p)
{
    if (symlink(target, p) != 0) {
        perror(p);
        exit(2);
    }
    remember(p);
}

static void make_file(const char *p)
{
    fx_write(p, "x\n", 2);
}

/* T + "/" + rel, in a static buffer (one at a time). */
static const char *at(const char *rel)
{
    static char buf[PATH_MAX + 64];
    snprintf(buf, sizeof buf, "%s/%s", T, rel);
    return buf;
}

/* The resolved path as a string to compare, or "(null)" with errno kept. */
static const char *resolved(const char *path)
{
    static char buf[PATH_MAX + 64];
    char *r = paths_resolve(path);
    if (!r)
        return "(null)";
    snprintf(buf, sizeof buf, "%s", r);
    free(r);
    return buf;
}

static void test_resolve_existing(void)
{
    CHECK_STR(resolved("x/in/a.csv"), at("x/in/a.csv"));
    CHECK_STR(resolved("./x/./in/../in/a.csv"), at("x/in/a.csv"));
    CHECK_STR(resolved("x/in/"), at("x/in"));   /* a trailing slash */
    CHECK_STR(resolved("x/in///"), at("x/in")); /* several */
    CHECK_STR(resolved("x/link"), at("xy"));    /* a folder link: where it leads */
    CHECK_STR(resolved("x/link/b.csv"), at("xy/b.csv"));
    CHECK_STR(resolved("x/inlink/a.csv"), at("x/in/a.csv"));
    CHECK_STR(resolved("x/in/b.csv"), at("xy/b.csv")); /* a file link */
    CHECK_STR(resolved("x/../xy"), at("xy"));
    CHECK_STR(resolved(at("x/in/../..")), T); /* absolute with .. */
    CHECK_STR(resolved("/"), "/");
    CHECK_STR(resolved("//"), "/");
    CHECK_STR(resolved("/.."), "/");
}

/* An output folder that build will create: resolved through the folder
 * that exists. */
static void test_resolve_missing(void)
{
    CHECK_STR(resolved("x/out"), at("x/out"));
    CHECK_STR(resolved("x/out/"), at("x/out"));
    CHECK_STR(resolved("x/out/deeper/more"), at("x/out/deeper/more"));
    CHECK_STR(resolved("x/out/./a/.."), at("x/out"));
    CHECK_STR(resolved("x/out/../../xy/new"), at("xy/new")); /* .. in the missing part */
    CHECK_STR(resolved("x/new/../../.."), resolved(".."));
    CHECK_STR(resolved("x/link/new"), at("xy/new")); /* missing under a link */
    CHECK_STR(resolved("x/dang"), at("xy/new"));     /* a dangling link */
    CHECK_STR(resolved("x/dang/sub"), at("xy/new/sub"));
    CHECK_STR(resolved("x/in/a.csv/out"), at("x/in/a.csv/out")); /* under a file */
    CHECK_STR(resolved("/no-such-folder-here/x"), "/no-such-folder-here/x");
    CHECK_STR(resolved("nothing"), at("nothing")); /* relative to the current folder */
}

static void test_resolve_errors(void)
{
    errno = 0;
    CHECK(paths_resolve("") == NULL);
    CHECK_INT(errno, ENOENT);
    CHECK(paths_resolve(NULL) == NULL);
    errno = 0;
    CHECK(paths_resolve("x/loop1") == NULL);
    CHECK_INT(errno, ELOOP);
    errno = 0;
    CHECK(paths_resolve("x/loop1/out") == NULL);
    CHECK_INT(errno, ELOOP);
}

static void test_within(void)
{
    CHECK_INT(paths_within("/work/x", "/work/x"), 1);
    CHECK_INT(paths_within("/work/x", "/work/x/a"), 1);
    CHECK_INT(paths_within("/work/x", "/work/x/a/b.csv"), 1);
    /* The prefix trap: /work/xy starts with /work/x but is not in it. */
    CHECK_INT(paths_within("/work/x", "/work/xy"), 0);
    CHECK_INT(paths_within("/work/x", "/work/xy/a"), 0);
    CHECK_INT(paths_within("/work/x", "/work/x.old"), 0);
    CHECK_INT(paths_within("/work/x", "/work"), 0);
    CHECK_INT(paths_within("/work/x", "/etc"), 0);
    /* Trailing slashes of the root do not matter. */
    CHECK_INT(paths_within("/work/x/", "/work/x"), 1);
    CHECK_INT(paths_within("/work/x/", "/work/x/a"), 1);
    CHECK_INT(paths_within("/work/x//", "/work/xy"), 0);
    /* A root of "/" holds everything. */
    CHECK_INT(paths_within("/", "/"), 1);
    CHECK_INT(paths_within("/", "/etc/passwd"), 1);
    CHECK_INT(paths_within("//", "/usr"), 1);
}

static void test_root_init(void)
{
    paths_root r;
    CHECK_INT(paths_root_init(&r, "x"), 0);
    CHECK_STR(r.real, at("x"));
    CHECK_INT(r.given, 1);
    CHECK_INT(paths_root_init(&r, "x/"), 0);
    CHECK_STR(r.real, at("x"));
    CHECK_INT(paths_root_init(&r, "x/inlink"), 0); /* resolved */
    CHECK_STR(r.real, at("x/in"));
    CHECK_INT(paths_root_init(&r, "/"), 0);
    CHECK_STR(r.real, "/");
    CHECK_INT(paths_root_init(&r, NULL), 0); /* the current folder */
    CHECK_STR(r.real, T);
    CHECK_INT(r.given, 0);
    errno = 0;
    CHECK_INT(paths_root_init(&r, "nosuch"), -1);
    CHECK_INT(errno, ENOENT);
    errno = 0;
    CHECK_INT(paths_root_init(&r, "x/in/a.csv"), -1);
    CHECK_INT(errno, ENOTDIR);
}

/* paths_confine: nothing said about a path inside; one message with what
 * to do about a path outside. */
static void test_confine(void)
{
    paths_root root;
    CHECK_INT(paths_root_init(&root, "x"), 0);
    static char want[10 * PATH_MAX];
    const char *tail = " (--root): budgetgen reads and writes only under it; move the files "
                       "under it, or give a wider --root\n";

    fixture f;
    fx_init(&f);
    diag_pos pos = diag_at("c.ini", 16, 0);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/in\"", &root, "x/in"), 0);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/inlink\"", &root, "x/inlink"), 0);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/out\"", &root, "x/out/"), 0); /* missing */
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x\"", &root, "x"), 0); /* the root itself */
    CHECK_INT(paths_confine(&f.d, pos, "x", NULL, "/etc"), 0);         /* no root: no limit */
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    fx_done(&f);

    /* An absolute path outside: no "leads to", it says where it is. */
    fx_init(&f);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"/etc\"", &root, "/etc"), -1);
    snprintf(want, sizeof want, "c.ini:16: error: dir = \"/etc\": outside the project folder %s%s",
             root.real, tail);
    CHECK_STR(fx_msgs(&f), want);
    CHECK_INT(f.d.errors, 1);
    fx_done(&f);

    /* .., the prefix trap, a link, a dangling link, a file link (without
     * what: the message names the file by its position). */
    fx_init(&f);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/../xy\"", &root, "x/../xy"), -1);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/link\"", &root, "x/link"), -1);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/dang\"", &root, "x/dang"), -1);
    CHECK_INT(paths_confine(&f.d, diag_at("x/in/b.csv", 0, 0), NULL, &root, "x/in/b.csv"), -1);
    snprintf(want, sizeof want,
             "c.ini:16: error: dir = \"x/../xy\": leads to %s/xy, outside the project folder %s%s"
             "c.ini:16: error: dir = \"x/link\": leads to %s/xy, outside the project folder %s%s"
             "c.ini:16: error: dir = \"x/dang\": leads to %s/xy/new, outside the project folder "
             "%s%s"
             "x/in/b.csv: error: leads to %s/xy/b.csv, outside the project folder %s%s",
             T, root.real, tail, T, root.real, tail, T, root.real, tail, T, root.real, tail);
    CHECK_STR(fx_msgs(&f), want);
    CHECK_INT(f.d.errors, 4);
    fx_done(&f);

    /* The current folder as the root (no --root): the message says how to
     * allow a wider one. */
    paths_root cwd;
    CHECK_INT(paths_root_init(&cwd, NULL), 0);
    fx_init(&f);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x\"", &cwd, "x"), 0);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"..\"", &cwd, ".."), -1);
    char *parent = paths_resolve("..");
    snprintf(want, sizeof want,
             "c.ini:16: error: dir = \"..\": leads to %s, outside the project folder %s (the "
             "folder budgetgen runs from): budgetgen reads and writes only under it; move the "
             "files under it, or run with --root DIR to allow a wider folder\n",
             parent ? parent : "?", T);
    free(parent);
    CHECK_STR(fx_msgs(&f), want);
    fx_done(&f);

    /* A root of "/" allows everything. */
    paths_root slash;
    CHECK_INT(paths_root_init(&slash, "/"), 0);
    fx_init(&f);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"/etc\"", &slash, "/etc"), 0);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/link\"", &slash, "x/link"), 0);
    CHECK_STR(fx_msgs(&f), "");
    fx_done(&f);

    /* A path that cannot be resolved is refused with the reason. */
    fx_init(&f);
    CHECK_INT(paths_confine(&f.d, pos, "dir = \"x/loop1\"", &root, "x/loop1"), -1);
    CHECK_STR(fx_msgs(&f), "c.ini:16: error: dir = \"x/loop1\": cannot tell where this leads: "
                           "Too many levels of symbolic links\n");
    fx_done(&f);
}

/* paths_open: what was opened is judged, on the descriptor.  A file inside
 * (also through a link that stays inside), a link that leads out, a FIFO
 * (must not block), a folder, a character device, a missing file. */
static void test_open(void)
{
    paths_root root;
    CHECK_INT(paths_root_init(&root, "x"), 0);
    static char want[10 * PATH_MAX];
    const char *tail = " (--root): budgetgen reads and writes only under it; move the files "
                       "under it, or give a wider --root\n";
    struct stat st;
    fixture f;

    fx_init(&f);
    int fd = paths_open(&f.d, diag_at("x/in/a.csv", 0, 0), NULL, &root, "x/in/a.csv", 0, &st);
    CHECK(fd >= 0);
    CHECK(S_ISREG(st.st_mode));
    char buf[8];
    CHECK_INT(fd >= 0 ? read(fd, buf, sizeof buf) : -1, 2); /* the content: "x\n" */
    CHECK_INT(fd >= 0 ? fcntl(fd, F_GETFL) & O_NONBLOCK : -1, 0); /* blocking again */
    CHECK(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC));
    if (fd >= 0)
        close(fd);
    fd = paths_open(&f.d, diag_at("x/inlink/a.csv", 0, 0), NULL, &root, "x/inlink/a.csv", 0, NULL);
    CHECK(fd >= 0); /* a link that stays inside is allowed */
    if (fd >= 0)
        close(fd);
    fd = paths_open(&f.d, diag_at("x/in/b.csv", 0, 0), NULL, NULL, "x/in/b.csv", 0, NULL);
    CHECK(fd >= 0); /* no root: anywhere */
    if (fd >= 0)
        close(fd);
    CHECK_INT(paths_open(&f.d, diag_at("x/in/no.csv", 0, 0), NULL, &root, "x/in/no.csv",
                         PATHS_OPTIONAL, NULL),
              -2); /* absent, optional: silent */
    CHECK_INT(paths_open(&f.d, diag_at("x/dang", 0, 0), NULL, &root, "x/dang", PATHS_OPTIONAL,
                         NULL),
              -2); /* a dangling link is absent too */
    CHECK_STR(fx_msgs(&f), "");
    CHECK_INT(f.d.errors, 0);
    fx_done(&f);

    /* Outside through a link: refused with where it leads. */
    fx_init(&f);
    CHECK_INT(paths_open(&f.d, diag_at("x/in/b.csv", 0, 0), NULL, &root, "x/in/b.csv", 0, NULL),
              -1);
    CHECK_INT(paths_open(&f.d, diag_at("c.ini", 7, 0), "include ../link/b.csv", &root,
                         "x/link/b.csv", 0, NULL),
              -1);
    snprintf(want, sizeof want,
             "x/in/b.csv: error: leads to %s/xy/b.csv, outside the project folder %s%s"
             "c.ini:7: error: include ../link/b.csv: leads to %s/xy/b.csv, outside the project "
             "folder %s%s",
             T, root.real, tail, T, root.real, tail);
    CHECK_STR(fx_msgs(&f), want);
    CHECK_INT(f.d.errors, 2);
    fx_done(&f);

    /* Not regular files: a FIFO (no writer: opening must not wait), a
     * folder, a character device; a missing file that is not optional. */
    fx_init(&f);
    diag_pos pos = diag_at("x/in/fifo", 0, 0);
    CHECK_INT(paths_open(&f.d, pos, NULL, &root, "x/in/fifo", 0, NULL), -1);
    CHECK_INT(paths_open(&f.d, diag_at("c.ini", 3, 0), "template = \"x/in\"", &root, "x/in", 0,
                         NULL),
              -1);
    CHECK_INT(paths_open(&f.d, diag_at("x/in/zero", 0, 0), NULL, NULL, "x/in/zero", 0, NULL), -1);
    CHECK_INT(paths_open(&f.d, diag_at("/dev/null", 0, 0), NULL, NULL, "/dev/null", PATHS_CONFIG,
                         NULL),
              -1);
    CHECK_INT(paths_open(&f.d, diag_at("x/no", 0, 0), NULL, &root, "x/no", 0, NULL), -1);
    CHECK_INT(paths_open(&f.d, diag_at("no.ini", 0, 0), NULL, NULL, "no.ini", PATHS_CONFIG, NULL),
              -1);
    CHECK_STR(fx_msgs(&f),
              "x/in/fifo: error: not a regular file (a FIFO): budgetgen reads only regular "
              "files; put the file itself here\n"
              "c.ini:3: error: template = \"x/in\": not a regular file (a folder): budgetgen "
              "reads only regular files; put the file itself here\n"
              "x/in/zero: error: not a regular file (a character device): budgetgen reads only "
              "regular files; put the file itself here\n"
              "/dev/null: error: not a regular file (a character device): budgetgen reads only "
              "regular files; put the file itself here\n"
              "budgetgen: error: cannot open 'x/no': No such file or directory\n"
              "budgetgen: error: cannot open config 'no.ini': No such file or directory\n");
    CHECK_INT(f.d.errors, 6);
    fx_done(&f);
}

/* Where a descriptor leads: from /proc, and by the walk without /proc,
 * which must fail when the name no longer leads to the opened file. */
static void test_fd_real(void)
{
    int fd = open("x/inlink/a.csv", O_RDONLY);
    CHECK(fd >= 0);
    char *r = paths_fd_real(fd, "x/inlink/a.csv", 1);
    CHECK_STR(r, at("x/in/a.csv"));
    free(r);
    r = paths_fd_real(fd, "x/inlink/a.csv", 0); /* the walk */
    CHECK_STR(r, at("x/in/a.csv"));
    free(r);
    /* The name now leads to another file: the walk refuses. */
    errno = 0;
    r = paths_fd_real(fd, "xy/b.csv", 0);
    CHECK(r == NULL);
    CHECK_INT(errno, ESTALE);
    free(r);
    close(fd);
    /* Opened through a link that leads out: /proc tells where. */
    fd = open("x/in/b.csv", O_RDONLY);
    r = paths_fd_real(fd, "x/in/b.csv", 1);
    CHECK_STR(r, at("xy/b.csv"));
    free(r);
    close(fd);
}

int main(void)
{
    if (fx_tmp_enter(tmpdir) != 0 || !realpath(".", T)) {
        perror(tmpdir);
        return 2;
    }
    make_dir("x");
    make_dir("xy");
    make_dir("x/in");
    make_file("x/in/a.csv");
    make_file("xy/b.csv");
    make_link("../../xy/b.csv", "x/in/b.csv");
    make_link("in", "x/inlink");
    make_link("../xy", "x/link");
    make_link("../xy/new", "x/dang");
    make_link("loop2", "x/loop1");
    make_link("loop1", "x/loop2");
    if (mkfifo("x/in/fifo", 0600) != 0) {
        perror("x/in/fifo");
        return 2;
    }
    remember("x/in/fifo");
    make_link("/dev/zero", "x/in/zero"); /* a character device */

    RUN(test_resolve_existing);
    RUN(test_resolve_missing);
    RUN(test_resolve_errors);
    RUN(test_within);
    RUN(test_root_init);
    RUN(test_confine);
    RUN(test_open);
    RUN(test_fd_real);

    /* fx_write's files first (fx_tmp_leave), but they are inside made
     * folders: remove them by hand, then the rest in reverse order. */
    unlink("x/in/a.csv");
    unlink("xy/b.csv");
    for (int i = n_made; i-- > 0;) {
        if (remove(made[i]) != 0)
            perror(made[i]);
        free(made[i]);
    }
    if (fx_tmp_leave() != 0)
        perror(tmpdir);
    return harness_end();
}
