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
