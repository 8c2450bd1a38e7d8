/*
 * paths — resolving paths and confining them to the project folder (see
 * paths.h).
 */
#define _GNU_SOURCE /* realpath, O_PATH */
#include "paths.h"
#include "i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Symbolic links followed by hand (dangling ones) before giving up, as the
 * kernel's limit for a path. */
#define MAX_LINKS 40

int paths_root_init(paths_root *r, const char *dir)
{
    memset(r, 0, sizeof *r);
    r->given = dir != NULL;
    if (!realpath(dir ? dir : ".", r->real))
        return -1;
    struct stat st;
    if (stat(r->real, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

/* base + "/" + the n bytes of s, malloc'd (base is absolute). */
static char *join(const char *base, const char *s, size_t n)
{
    size_t b = strlen(base);
    int slash = b == 0 || base[b - 1] != '/';
    char *p = malloc(b + (size_t)slash + n + 1);
    if (!p)
        return NULL;
    memcpy(p, base, b);
    if (slash)
        p[b] = '/';
    memcpy(p + b + (size_t)slash, s, n);
    p[b + (size_t)slash + n] = '\0';
    return p;
}

static char *resolve(const char *path, int links)
{
    if (links > MAX_LINKS) {
        errno = ELOOP;
        return NULL;
    }
    if (!*path) {
        errno = ENOENT;
        return NULL;
    }
    char *r = realpath(path, NULL);
    if (r || (errno != ENOENT && errno != ENOTDIR))
        return r;
    /* Something is missing: resolve the parent, then add the last part. */
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/')
        n--;
    size_t s = n;
    while (s > 0 && path[s - 1] != '/')
        s--;
    const char *last = path + s;
    size_t last_n = n - s;
    size_t p = s;
    while (p > 1 && path[p - 1] == '/')
        p--;
    char *parent = p ? strndup(path, p) : strdup(".");
    if (!parent)
        return NULL;
    char *base = resolve(parent, links);
    free(parent);
    if (!base)
        return NULL;
    if (last_n == 1 && last[0] == '.')
        return base;
    if (last_n == 2 && last[0] == '.' && last[1] == '.') {
        char *slash = strrchr(base, '/');
        if (slash)
            slash[slash == base ? 1 : 0] = '\0';
        return base;
    }
    char *joined = join(base, last, last_n);
    if (!joined) {
        free(base);
        return NULL;
    }
    /* A dangling symbolic link leads where it points, not here. */
    struct stat st;
    if (lstat(joined, &st) == 0 && S_ISLNK(st.st_mode)) {
        char target[PATH_MAX];
        ssize_t k = readlink(joined, target, sizeof target - 1);
        free(joined);
        if (k < 0) {
            free(base);
            return NULL;
        }
        target[k] = '\0';
        char *next = target[0] == '/' ? strdup(target) : join(base, target, (size_t)k);
        free(base);
        if (!next)
            return NULL;
        char *res = resolve(next, links + 1);
        free(next);
        return res;
    }
    free(base);
    return joined;
}

char *paths_resolve(const char *path)
{
    return resolve(path ? path : "", 0);
}

int paths_within(const char *root, const char *real)
{
    size_t n = strlen(root);
    while (n > 0 && root[n - 1] == '/')
        n--;
    if (n == 0)
        return real[0] == '/'; /* the root "/" */
    return strncmp(real, root, n) == 0 && (real[n] == '\0' || real[n] == '/');
}

/* The message for a path that leads outside root (see paths_confine). */
static void report_outside(diag *d, diag_pos pos, const char *what, const paths_root *root,
                           const char *path, const char *real)
{
    const char *w = what ? what : "", *sep = what ? ": " : "";
    int leads = strcmp(real, path) != 0;
    if (root->given)
        diag_report(d, DIAG_ERROR, pos,
                    "%s%s%s%s%soutside the project folder %s (--root): budgetgen reads and "
                    "writes only under it; move the files under it, or give a wider --root",
                    w, sep, leads ? _("leads to ") : "", leads ? real : "", leads ? _(", ") : "",
                    root->real);
    else
        diag_report(d, DIAG_ERROR, pos,
                    "%s%s%s%s%soutside the project folder %s (the folder budgetgen runs "
                    "from): budgetgen reads and writes only under it; move the files under "
                    "it, or run with --root DIR to allow a wider folder",
                    w, sep, leads ? _("leads to ") : "", leads ? real : "", leads ? _(", ") : "",
                    root->real);
}

int paths_confine(diag *d, diag_pos pos, const char *what, const paths_root *root, const char *path)
{
    if (!root)
        return 0;
    const char *w = what ? what : "", *sep = what ? ": " : "";
    char *real = paths_resolve(path);
    if (!real) {
        diag_report(d, DIAG_ERROR, pos, "%s%scannot tell where this leads: %s", w, sep,
                    strerror(errno));
        return -1;
    }
    if (paths_within(root->real, real)) {
        free(real);
        return 0;
    }
    report_outside(d, pos, what, root, path, real);
    free(real);
    return -1;
}

/* Without /proc: real (resolved, absolute) is walked from "/" one part at
 * a time, following no symbolic link; it must end at the file of fd (st).
 * A link swapped in anywhere along the way makes the walk fail, so success
 * proves that a path without links, real, leads to the opened file. */
static int walk_matches(const char *real, const struct stat *st)
{
    int dir = open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0)
        return -1;
    const char *p = real;
    for (;;) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        char part[NAME_MAX + 1];
        if (n == 0 || n > NAME_MAX) {
            close(dir);
            errno = n ? ENAMETOOLONG : ENOENT;
            return -1;
        }
        memcpy(part, p, n);
        part[n] = '\0';
        p += n;
        while (*p == '/')
            p++;
        int last = *p == '\0';
        int next = openat(dir, part, O_PATH | O_NOFOLLOW | O_CLOEXEC | (last ? 0 : O_DIRECTORY));
        int e = errno;
        close(dir);
        if (next < 0) {
            errno = e;
            return -1;
        }
        dir = next;
        if (last)
            break;
    }
    struct stat ws;
    int ok = fstat(dir, &ws) == 0 && S_ISREG(ws.st_mode) && ws.st_dev == st->st_dev &&
             ws.st_ino == st->st_ino;
    close(dir);
    if (!ok)
        errno = ESTALE; /* the name now leads elsewhere */
    return ok ? 0 : -1;
}

char *paths_fd_real(int fd, const char *path, int proc)
{
    struct stat st;
    if (fstat(fd, &st) != 0)
        return NULL;
    if (proc) {
        char link[64], buf[PATH_MAX + 16];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t k = readlink(link, buf, sizeof buf - 1);
        if (k > 0 && buf[0] == '/') {
            buf[k] = '\0';
            /* A file removed since it was opened: where it was. */
            static const char gone[] = " (deleted)";
            size_t g = sizeof gone - 1;
            if (st.st_nlink == 0 && (size_t)k > g && !strcmp(buf + k - g, gone))
                buf[k - g] = '\0';
            return strdup(buf);
        }
        if (k >= 0 || (errno != ENOENT && errno != ENOTDIR && errno != EACCES)) {
            if (k >= 0)
                errno = EINVAL; /* not a path (pipe:[…], anon_inode:…) */
            return NULL;
        }
        /* No /proc: the walk below. */
    }
    char *real = paths_resolve(path);
    if (!real)
        return NULL;
    if (walk_matches(real, &st) != 0) {
        int e = errno;
        free(real);
        errno = e;
        return NULL;
    }
    return real;
}

static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m))
        return _("a folder");
    if (S_ISFIFO(m))
        return _("a FIFO");
    if (S_ISCHR(m))
        return _("a character device");
    if (S_ISBLK(m))
        return _("a block device");
    if (S_ISSOCK(m))
        return _("a socket");
    return "a special file";
}

int paths_open(diag *d, diag_pos pos, const char *what, const paths_root *root, const char *path,
               int flags, struct stat *stp)
{
    const char *w = what ? what : "", *sep = what ? ": " : "";
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        if (e == ENOENT && (flags & PATHS_OPTIONAL))
            return -2;
        diag_syserr(d, (flags & PATHS_CONFIG) ? N_("cannot open config") : N_("cannot open"), path, e);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        diag_syserr(d, "cannot read", path, e);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        diag_report(d, DIAG_ERROR, pos,
                    "%s%snot a regular file (%s): budgetgen reads only regular files; put the "
                    "file itself here",
                    w, sep, kind_of(st.st_mode));
        return -1;
    }
    if (root && !paths_within(root->real, "/")) {
        char *real = paths_fd_real(fd, path, 1);
        if (!real) {
            int e = errno;
            close(fd);
            diag_report(d, DIAG_ERROR, pos, "%s%scannot tell where this leads: %s", w, sep,
                        strerror(e));
            return -1;
        }
        if (!paths_within(root->real, real)) {
            close(fd);
            report_outside(d, pos, what, root, path, real);
            free(real);
            return -1;
        }
        free(real);
    }
    /* Reads block again (a regular file never waits anyway).  Root "/"
     * (paths_within(root, "/")) needs no check. */
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    if (stp)
        *stp = st;
    return fd;
}
