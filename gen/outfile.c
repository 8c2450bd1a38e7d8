/*
 * outfile — temporary file plus rename (see outfile.h).
 */
#include "outfile.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reports a folder that may not be written into (errno e of access). */
static void report_unwritable(diag *d, diag_pos where, const char *what, const char *verb, int e)
{
    if (e == EACCES || e == EPERM)
        diag_report(d, DIAG_ERROR, where,
                    "%s: no permission to %s: give the user who runs budgetgen write "
                    "permission there, or choose another output folder",
                    what, verb);
    else if (e == EROFS)
        diag_report(d, DIAG_ERROR, where,
                    "%s: cannot %s: the disk is read-only; choose another output folder", what,
                    verb);
    else
        diag_report(d, DIAG_ERROR, where, "%s: cannot %s: %s", what, verb, strerror(e));
}

int outfile_check_dir(diag *d, diag_pos where, const char *what, const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0) {
        if (!S_ISDIR(st.st_mode)) {
            diag_report(d, DIAG_ERROR, where,
                        "%s: the output folder is a file, not a folder: name a folder for the "
                        "PDF and the workbook (it is created if it does not exist)",
                        what);
            return -1;
        }
        if (access(dir, W_OK | X_OK) != 0) {
            report_unwritable(d, where, what, "write into the output folder", errno);
            return -1;
        }
        return 0;
    }
    if (errno == ENOTDIR) {
        diag_report(d, DIAG_ERROR, where,
                    "%s: cannot create the output folder: a part of the path is a file, not "
                    "a folder",
                    what);
        return -1;
    }
    if (errno != ENOENT) {
        diag_report(d, DIAG_ERROR, where, "%s: cannot use the output folder: %s", what,
                    strerror(errno));
        return -1;
    }
    /* Missing: outfile_begin creates it, so its parent must take it. */
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    while (n > 0 && dir[n - 1] != '/')
        n--;
    while (n > 1 && dir[n - 1] == '/')
        n--;
    char *parent = n ? strndup(dir, n) : strdup(".");
    if (!parent) {
        diag_report(d, DIAG_ERROR, where, "%s: out of memory", what);
        return -1;
    }
    int rc = 0;
    if (stat(parent, &st) != 0) {
        if (errno == ENOENT)
            diag_report(d, DIAG_ERROR, where,
                        "%s: cannot create the output folder: its parent folder %s does not "
                        "exist (budgetgen creates only the last folder of the path)",
                        what, parent);
        else
            diag_report(d, DIAG_ERROR, where, "%s: cannot create the output folder: %s", what,
                        strerror(errno));
        rc = -1;
    } else if (!S_ISDIR(st.st_mode)) {
        diag_report(d, DIAG_ERROR, where,
                    "%s: cannot create the output folder: %s is a file, not a folder", what,
                    parent);
        rc = -1;
    } else if (access(parent, W_OK | X_OK) != 0) {
        report_unwritable(d, where, what, "create the output folder", errno);
        rc = -1;
    }
    free(parent);
    return rc;
}

FILE *outfile_begin(arena *a, diag *d, outfile *of, const char *dir, const char *name)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno == ENOENT && mkdir(dir, 0777) == 0) {
            /* created */
        } else {
            diag_syserr(d, "cannot use output folder", dir, errno);
            return NULL;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        diag_report(d, DIAG_ERROR, diag_at(dir, 0, 0), "output folder is not a directory");
        return NULL;
    }
    of->final_path = arena_printf(a, "%s/%s", dir, name);
    char *tmp = arena_printf(a, "%s/.%s.XXXXXX", dir, name);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        diag_syserr(d, "cannot create a file in", dir, errno);
        of->tmp_path = NULL;
        return NULL;
    }
    /* mkstemp makes the file 0600; published files are world-readable. */
    mode_t um = umask(0);
    umask(um);
    if (fchmod(fd, 0666 & ~um) != 0) {
        /* not fatal: the file is still correct */
    }
    of->tmp_path = tmp;
    FILE *fp = fdopen(fd, "wb");
    if (!fp) {
        int e = errno;
        close(fd);
        unlink(tmp);
        diag_syserr(d, "cannot write", tmp, e);
        return NULL;
    }
    return fp;
}

int outfile_commit(diag *d, outfile *of, FILE *fp)
{
    if (fp) {
        int bad = ferror(fp);
        int e = errno;
        if (fflush(fp) != 0 || bad) {
            e = errno ? errno : e;
            fclose(fp);
            unlink(of->tmp_path);
            diag_syserr(d, "cannot write", of->final_path, e ? e : EIO);
            return -1;
        }
        if (fsync(fileno(fp)) != 0 && errno != EINVAL) {
            e = errno;
            fclose(fp);
            unlink(of->tmp_path);
            diag_syserr(d, "cannot write", of->final_path, e);
            return -1;
        }
        if (fclose(fp) != 0) {
            e = errno;
            unlink(of->tmp_path);
            diag_syserr(d, "cannot write", of->final_path, e);
            return -1;
        }
    }
    if (getenv("BUDGETGEN_TEST_CRASH_BEFORE_RENAME"))
        raise(SIGKILL);
    if (rename(of->tmp_path, of->final_path) != 0) {
        int e = errno;
        unlink(of->tmp_path);
        diag_syserr(d, "cannot rename into place", of->final_path, e);
        return -1;
    }
    return 0;
}

void outfile_abort(outfile *of, FILE *fp)
{
    if (fp)
        fclose(fp);
    if (of->tmp_path)
        unlink(of->tmp_path);
}
