/*
 * paths — resolving paths and confining them to the project folder (see
 * paths.h).
 */
#define _DEFAULT_SOURCE /* realpath */
#include "paths.h"

#include <errno.h>
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
    int leads = strcmp(real, path) != 0;
    if (root->given)
        diag_report(d, DIAG_ERROR, pos,
                    "%s%s%s%s%soutside the project folder %s (--root): budgetgen reads and "
                    "writes only under it; move the files under it, or give a wider --root",
                    w, sep, leads ? "leads to " : "", leads ? real : "", leads ? ", " : "",
                    root->real);
    else
        diag_report(d, DIAG_ERROR, pos,
                    "%s%s%s%s%soutside the project folder %s (the folder budgetgen runs "
                    "from): budgetgen reads and writes only under it; move the files under "
                    "it, or run with --root DIR to allow a wider folder",
                    w, sep, leads ? "leads to " : "", leads ? real : "", leads ? ", " : "",
                    root->real);
    free(real);
    return -1;
}
