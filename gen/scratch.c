/*
 * scratch — a private, locked scratch folder per build (see scratch.h).
 */
#define _GNU_SOURCE /* flock, getrandom */
#include "scratch.h"

#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define PREFIX "budgetgen-scratch."
#define RAND_LEN 6

static const char rand_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/* Is name one of our folders: PREFIX and six letters or digits? */
static int is_scratch_name(const char *name)
{
    size_t p = sizeof PREFIX - 1;
    if (strncmp(name, PREFIX, p) != 0 || strlen(name) != p + RAND_LEN)
        return 0;
    for (size_t i = p; i < p + RAND_LEN; i++)
        if (!strchr(rand_chars, name[i]))
            return 0;
    return 1;
}

/* Removes the part files left in the folder dfd (libxlsxwriter's "tmp.*"
 * only) and, if it is then empty, the folder itself. */
static void empty_and_remove(int parentfd, const char *name, int dfd)
{
    int fd = dup(dfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
    } else {
        struct dirent *de;
        while ((de = readdir(d)) != NULL)
            if (strncmp(de->d_name, "tmp", 3) == 0)
                unlinkat(dfd, de->d_name, 0);
        closedir(d);
    }
    unlinkat(parentfd, name, AT_REMOVEDIR); /* fails, harmlessly, if not empty */
}

/* The folders of builds that died (their flock is free). */
static void remove_dead(int parentfd)
{
    int fd = dup(parentfd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return;
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (!is_scratch_name(de->d_name))
            continue;
        int dfd = openat(parentfd, de->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (dfd < 0)
            continue;
        if (flock(dfd, LOCK_EX | LOCK_NB) == 0)
            empty_and_remove(parentfd, de->d_name, dfd);
        close(dfd); /* releases the flock */
    }
    closedir(d);
}

int scratch_open(arena *a, scratch_dir *s, const char *base)
{
    memset(s, 0, sizeof *s);
    s->fd = s->parentfd = s->slot = -1;
    s->parentfd = open(base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (s->parentfd < 0)
        return -1;
    remove_dead(s->parentfd);
    for (int tries = 0; tries < 100; tries++) {
        unsigned char r[RAND_LEN];
        if (getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
            break;
        char name[sizeof PREFIX + RAND_LEN];
        memcpy(name, PREFIX, sizeof PREFIX - 1);
        for (int i = 0; i < RAND_LEN; i++)
            name[sizeof PREFIX - 1 + i] = rand_chars[r[i] % (sizeof rand_chars - 1)];
        name[sizeof PREFIX - 1 + RAND_LEN] = '\0';
        /* Registered before it exists, so no moment has it unregistered. */
        s->slot = outfile_register_dir(s->parentfd, name);
        if (mkdirat(s->parentfd, name, 0700) != 0) {
            int e = errno;
            outfile_unregister(s->slot);
            s->slot = -1;
            if (e == EEXIST)
                continue;
            errno = e;
            break;
        }
        int dfd = openat(s->parentfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        struct stat st;
        /* Another build's remove_dead() may take the flock of the new,
         * empty folder before we do and remove it: then make another. */
        if (dfd >= 0 && flock(dfd, LOCK_EX) == 0 && fstat(dfd, &st) == 0 && st.st_nlink > 0) {
            s->fd = dfd;
            s->name = arena_strdup(a, name);
            s->path = arena_printf(a, "%s/%s", base, name);
            return 0;
        }
        int e = errno;
        if (dfd >= 0)
            close(dfd);
        unlinkat(s->parentfd, name, AT_REMOVEDIR);
        outfile_unregister(s->slot);
        s->slot = -1;
        if (dfd < 0 && e != ENOENT) {
            errno = e;
            break;
        }
    }
    close(s->parentfd);
    s->parentfd = -1;
    return -1;
}

void scratch_close(scratch_dir *s)
{
    if (s->fd >= 0) {
        empty_and_remove(s->parentfd, s->name, s->fd);
        close(s->fd);
        s->fd = -1;
    }
    if (s->slot >= 0)
        outfile_unregister(s->slot);
    s->slot = -1;
    if (s->parentfd >= 0)
        close(s->parentfd);
    s->parentfd = -1;
}
