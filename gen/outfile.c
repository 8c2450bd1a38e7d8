/*
 * outfile — temporary file plus rename, relative to an opened folder; the
 * signal clean-up registry and the folder lock (see outfile.h).
 */
#define _GNU_SOURCE /* flock, getrandom */
#include "outfile.h"
#include "i18n.h"

#include "render_data.h" /* DATA_DIR_SUFFIX */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

/* ---- the signal clean-up registry ---------------------------------------
 * What a signal handler must remove: this process's temporary files and
 * its lock file, as (folder descriptor, name).  A handful exist at a time
 * (the PDF, the workbook, two font subsets without memfd, the portal's two
 * files, one lock per output folder of a batch), never one per row of
 * data; a name that finds no free entry is simply not removed by a signal
 * (the next build removes it).  An entry is filled, then marked used (a
 * signal fence orders the two), so the handler never reads half an entry.
 * Entries carry the pid that made them: a batch worker inherits its
 * parent's entries through fork() and must leave them alone. */
#define REG_SLOTS 64

typedef struct reg_entry {
    volatile sig_atomic_t used;
    pid_t pid;
    int dirfd;
    int is_lock;
    int is_dir; /* a scratch folder (scratch.h): removed with AT_REMOVEDIR */
    dev_t dev; /* the locked folder (is_lock) */
    ino_t ino;
    char name[NAME_MAX + 1];
} reg_entry;

static reg_entry reg[REG_SLOTS];

static int reg_add(int dirfd, const char *name, int is_lock, int is_dir, dev_t dev, ino_t ino)
{
    size_t n = strlen(name);
    if (n > NAME_MAX)
        return -1;
    for (int i = 0; i < REG_SLOTS; i++) {
        if (reg[i].used)
            continue;
        reg[i].pid = getpid();
        reg[i].dirfd = dirfd;
        reg[i].is_lock = is_lock;
        reg[i].is_dir = is_dir;
        reg[i].dev = dev;
        reg[i].ino = ino;
        memcpy(reg[i].name, name, n + 1);
        atomic_signal_fence(memory_order_seq_cst);
        reg[i].used = 1;
        return i;
    }
    return -1;
}

static void reg_del(int slot)
{
    if (slot >= 0 && slot < REG_SLOTS)
        reg[slot].used = 0;
}

int outfile_register_dir(int parentfd, const char *name)
{
    return reg_add(parentfd, name, 0, 1, 0, 0);
}

void outfile_unregister(int slot)
{
    reg_del(slot);
}

/* Async-signal-safe: getpid, unlinkat, signal, raise. */
static void on_fatal_signal(int sig)
{
    int saved = errno;
    pid_t me = getpid();
    for (int i = 0; i < REG_SLOTS; i++)
        if (reg[i].used && reg[i].pid == me)
            unlinkat(reg[i].dirfd, reg[i].name, reg[i].is_dir ? AT_REMOVEDIR : 0);
    signal(sig, SIG_DFL);
    errno = saved;
    raise(sig); /* delivered when the handler returns: dies of sig */
}

/* At exit(): what an early exit (out of memory, xalloc_failed) leaves
 * registered is removed as a signal would remove it.  A normal end has
 * already removed or renamed everything and unregistered it. */
static void on_exit_cleanup(void)
{
    pid_t me = getpid();
    for (int i = 0; i < REG_SLOTS; i++)
        if (reg[i].used && reg[i].pid == me)
            unlinkat(reg[i].dirfd, reg[i].name, reg[i].is_dir ? AT_REMOVEDIR : 0);
}

void outfile_signals_init(void)
{
    static int once;
    if (!once++)
        atexit(on_exit_cleanup);
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++)
            sigaddset(&sa.sa_mask, sigs[k]);
        /* A signal ignored by whoever started us (nohup) stays ignored. */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
    signal(SIGXFSZ, SIG_IGN);
}

/* ---- messages ------------------------------------------------------------ */

void outfile_report_errno(diag *d, const char *file, const char *what, const char *where,
                          const char *advice, int e)
{
    diag_pos p = diag_at(NULL, 0, 0);
    if (e == ENOSPC)
        diag_report(d, DIAG_ERROR, p, "cannot write '%s': no space left on the disk of %s "
                    "while writing %s: %s", file, where, what, advice);
    else if (e == EDQUOT)
        diag_report(d, DIAG_ERROR, p, "cannot write '%s': the disk quota is used up on %s "
                    "while writing %s: %s", file, where, what, advice);
    else if (e == EFBIG) {
        struct rlimit rl;
        if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
            diag_report(d, DIAG_ERROR, p, "cannot write '%s': %s would be larger than the "
                        "file size limit (ulimit -f, %llu bytes): raise the limit",
                        file, what, (unsigned long long)rl.rlim_cur);
        else
            diag_report(d, DIAG_ERROR, p, "cannot write '%s': %s is too large for the file "
                        "system of %s", file, what, where);
    } else
        diag_report(d, DIAG_ERROR, p, "cannot write '%s': %s while writing %s in %s", file,
                    strerror(e), what, where);
}

void outfile_report_scratch(diag *d, const char *what, const char *path, int e)
{
    diag_pos p = diag_at(NULL, 0, 0);
    struct rlimit rl;
    if (e == EFBIG && getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        diag_report(d, DIAG_ERROR, p, "cannot write %s (%s): it would be larger than the file "
                    "size limit (ulimit -f, %llu bytes): raise the limit", what, path,
                    (unsigned long long)rl.rlim_cur);
    else if (e == ENOSPC || e == ENOMEM || e == EDQUOT)
        diag_report(d, DIAG_ERROR, p, "cannot write %s (%s): %s: free memory or disk space "
                    "and run again", what, path, strerror(e));
    else
        diag_syserr(d, "cannot write", path, e);
}

/* The errno a failed write had when stdio no longer knows it (an error
 * flag set by an earlier fwrite, the data dropped): one more byte is
 * written to the doomed file (it is removed next) to see the error again;
 * failing that, a full disk is ENOSPC, a file size limit EFBIG, else EIO. */
static int guess_errno(int fd, int dirfd)
{
    errno = 0;
    if (write(fd, "", 1) < 0 && errno)
        return errno;
    struct statvfs sv;
    if (fstatvfs(dirfd, &sv) == 0 && sv.f_bavail == 0)
        return ENOSPC;
    struct rlimit rl;
    if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        return EFBIG;
    return EIO;
}

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
            report_unwritable(d, where, what, _("write into the output folder"), errno);
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
        report_unwritable(d, where, what, _("create the output folder"), errno);
        rc = -1;
    }
    free(parent);
    return rc;
}

/* ---- the output folder ------------------------------------------------------ */

static int proc_fd_path(char *buf, size_t size, int fd, const char *name)
{
    int n = name ? snprintf(buf, size, "/proc/self/fd/%d/%s", fd, name)
                 : snprintf(buf, size, "/proc/self/fd/%d", fd);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

/* 1 if the folder open as fd (named path) lies under root, judged by what
 * was opened (paths_fd_real). */
static int fd_within(int fd, const char *path, const paths_root *root)
{
    char *real = paths_fd_real(fd, path, 1);
    int in = real && paths_within(root->real, real);
    free(real);
    return in;
}

int outdir_open(diag *d, outdir *od, diag_pos where, const char *what, const char *dir,
                const paths_root *root)
{
    od->fd = -1;
    od->lock_fd = -1;
    od->lock_slot = -1;
    od->path = dir;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        /* Created in its parent as opened and checked, so that a parent
         * swapped for a link cannot have it made elsewhere. */
        size_t n = strlen(dir);
        while (n > 1 && dir[n - 1] == '/')
            n--;
        size_t b = n;
        while (b > 0 && dir[b - 1] != '/')
            b--;
        char *parent = b ? strndup(dir, b) : strdup(".");
        char *last = strndup(dir + b, n - b);
        int pfd = parent ? open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
        int e = pfd < 0 ? errno : 0;
        if (pfd >= 0 && root && strcmp(root->real, "/") != 0 && !fd_within(pfd, parent, root)) {
            e = EXDEV;
        } else if (pfd >= 0 && last) {
            if (mkdirat(pfd, last, 0777) != 0 && errno != EEXIST)
                e = errno;
            else {
                fd = openat(pfd, last, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                e = fd < 0 ? errno : 0;
            }
        }
        if (pfd >= 0)
            close(pfd);
        free(parent);
        free(last);
        if (fd < 0 && e != EXDEV) {
            report_unwritable(d, where, what, _("create the output folder"), e ? e : ENOMEM);
            return -1;
        }
        if (fd < 0) {
            diag_report(d, DIAG_ERROR, where,
                        "%s: the output folder's parent now leads outside the project folder "
                        "%s (was it replaced by a symbolic link while budgetgen ran?): nothing "
                        "written; put it back and run again",
                        what, root->real);
            return -1;
        }
    }
    if (fd < 0) {
        int e = errno;
        if (e == ENOTDIR)
            diag_report(d, DIAG_ERROR, where,
                        "%s: the output folder is a file, not a folder: name a folder for the "
                        "PDF and the workbook (it is created if it does not exist)",
                        what);
        else
            report_unwritable(d, where, what, _("open the output folder"), e);
        return -1;
    }
    /* Judged by what was opened (paths_fd_real), as the input files are. */
    char *real = root && strcmp(root->real, "/") != 0 ? paths_fd_real(fd, dir, 1) : NULL;
    if (root && strcmp(root->real, "/") != 0 && !(real && paths_within(root->real, real))) {
        diag_report(d, DIAG_ERROR, where,
                    "%s: the output folder now leads to %s, outside the project folder %s "
                    "(was it replaced by a symbolic link while budgetgen ran?): nothing "
                    "written; put the output folder back and run again",
                    what, real ? real : "a folder that cannot be named", root->real);
        free(real);
        close(fd);
        return -1;
    }
    free(real);
    od->fd = fd;
    return 0;
}

/* The pid written in a held lock file, or 0. */
static long lock_holder(int lfd)
{
    char buf[32];
    ssize_t n = pread(lfd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    char *end;
    long pid = strtol(buf, &end, 10);
    return pid > 0 && (*end == '\n' || *end == '\0') ? pid : 0;
}

int outdir_lock(diag *d, outdir *od)
{
    struct stat ds;
    if (fstat(od->fd, &ds) != 0) {
        diag_syserr(d, "cannot use the output folder", od->path, errno);
        return -1;
    }
    /* Already held by this process or inherited from the batch parent. */
    for (int i = 0; i < REG_SLOTS; i++)
        if (reg[i].used && reg[i].is_lock && reg[i].dev == ds.st_dev && reg[i].ino == ds.st_ino)
            return 0;
    for (int attempt = 0; attempt < 10; attempt++) {
        int lfd = openat(od->fd, OUTDIR_LOCK_NAME, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
                         0666);
        if (lfd < 0) {
            diag_syserr(d, "cannot create the lock file " OUTDIR_LOCK_NAME " in", od->path, errno);
            return -1;
        }
        if (flock(lfd, LOCK_EX | LOCK_NB) != 0) {
            int e = errno;
            long pid = e == EWOULDBLOCK ? lock_holder(lfd) : 0;
            close(lfd);
            if (e != EWOULDBLOCK) {
                diag_syserr(d, "cannot lock the output folder", od->path, e);
                return -1;
            }
            char who[48] = "";
            if (pid)
                snprintf(who, sizeof who, " (pid %ld)", pid);
            size_t n = strlen(od->path);
            while (n > 1 && od->path[n - 1] == '/')
                n--;
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "%.*s/ is being written by another budgetgen%s: wait for it to finish, "
                        "then run again",
                        (int)n, od->path, who);
            return -1;
        }
        /* The holder before us removes the file when it ends: make sure the
         * file locked is the one under the name, or try again. */
        struct stat a, b;
        if (fstat(lfd, &a) == 0 &&
            fstatat(od->fd, OUTDIR_LOCK_NAME, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
            a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
            char buf[32];
            int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
            if (ftruncate(lfd, 0) != 0 || pwrite(lfd, buf, (size_t)n, 0) != n) {
                /* the pid is only for the message of a second writer */
            }
            od->lock_fd = lfd;
            od->lock_slot = reg_add(od->fd, OUTDIR_LOCK_NAME, 1, 0, ds.st_dev, ds.st_ino);
            return 0;
        }
        close(lfd);
    }
    diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                "cannot lock the output folder %s: its lock file keeps changing", od->path);
    return -1;
}

void outdir_close(outdir *od)
{
    if (od->lock_fd >= 0) {
        /* Unlinked while still locked: the next writer locks a new file. */
        unlinkat(od->fd, OUTDIR_LOCK_NAME, 0);
        reg_del(od->lock_slot);
        close(od->lock_fd);
        od->lock_fd = -1;
        od->lock_slot = -1;
    }
    if (od->fd >= 0)
        close(od->fd);
    od->fd = -1;
}

/* ---- temporary names ----------------------------------------------------- */

#define RAND_LEN 6
static const char rand_chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

int outfile_is_tmp_of(const char *file, const char *final_name)
{
    size_t n = strlen(final_name), s = strlen(OUTFILE_TMP_SUFFIX);
    if (file[0] != '.' || strncmp(file + 1, final_name, n) != 0 || file[1 + n] != '.')
        return 0;
    const char *r = file + 2 + n;
    for (int i = 0; i < RAND_LEN; i++)
        if (!r[i] || !strchr(rand_chars, r[i]))
            return 0;
    return strcmp(r + RAND_LEN, OUTFILE_TMP_SUFFIX) == 0 && strlen(r) == RAND_LEN + s;
}

/* Removes the entries of the folder that are temporary files of one of
 * finals[0..n) (outfile_is_tmp_of: exact names only). */
static void remove_tmp_of(int dirfd, const char *const *finals, size_t n)
{
    int fd = dup(dirfd);
    if (fd < 0)
        return;
    DIR *dir = fdopendir(fd);
    if (!dir) {
        close(fd);
        return;
    }
    rewinddir(dir);
    struct dirent *de;
    while ((de = readdir(dir)) != NULL)
        for (size_t k = 0; k < n; k++)
            if (outfile_is_tmp_of(de->d_name, finals[k])) {
                unlinkat(dirfd, de->d_name, 0);
                break;
            }
    closedir(dir);
}

/* The data folder base.data (render_data.h) holds only this department's
 * files: every temporary name in it is one a killed build left.  A folder
 * left with nothing else (a first build killed) is removed. */
static void remove_stale_data(int dirfd, const char *base)
{
    char *sub = malloc(strlen(base) + sizeof DATA_DIR_SUFFIX);
    if (!sub)
        return;
    sprintf(sub, "%s%s", base, DATA_DIR_SUFFIX);
    int fd = openat(dirfd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (!dir) {
        if (fd >= 0)
            close(fd);
        free(sub);
        return;
    }
    int others = 0;
    size_t sl = strlen(OUTFILE_TMP_SUFFIX);
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        const char *n = de->d_name;
        size_t len = strlen(n);
        if (!strcmp(n, ".") || !strcmp(n, ".."))
            continue;
        if (n[0] == '.' && len > sl && !strcmp(n + len - sl, OUTFILE_TMP_SUFFIX))
            unlinkat(fd, n, 0);
        else
            others = 1;
    }
    closedir(dir);
    if (!others)
        (void)unlinkat(dirfd, sub, AT_REMOVEDIR);
    free(sub);
}

void outdir_remove_stale(int dirfd, const char *base)
{
    static const char *const exts[] = {".pdf", ".xlsx", ".pdf.font0", ".pdf.font1"};
    enum { NEXT = sizeof exts / sizeof *exts };
    size_t bn = strlen(base);
    char *buf = malloc(NEXT * (bn + 16));
    if (!buf)
        return;
    const char *finals[NEXT];
    for (size_t k = 0; k < NEXT; k++) {
        char *f = buf + k * (bn + 16);
        memcpy(f, base, bn);
        strcpy(f + bn, exts[k]);
        finals[k] = f;
    }
    remove_tmp_of(dirfd, finals, NEXT);
    free(buf);
    remove_stale_data(dirfd, base);
}

void outdir_remove_stale_file(int dirfd, const char *final_name)
{
    remove_tmp_of(dirfd, &final_name, 1);
}

static void random_chars(char *out)
{
    unsigned char r[RAND_LEN];
    if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
        static unsigned long counter;
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        unsigned long v = (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^
                          (++counter * 2654435761UL);
        for (int i = 0; i < RAND_LEN; i++, v /= 62)
            r[i] = (unsigned char)v;
    }
    for (int i = 0; i < RAND_LEN; i++)
        out[i] = rand_chars[r[i] % (sizeof rand_chars - 1)];
}

/* ---- one file ---------------------------------------------------------------- */

static FILE *begin_fd(arena *a, diag *d, outfile *of, int dirfd, const char *dir, const char *name)
{
    of->dirfd = dirfd;
    of->slot = -1;
    of->done = 0;
    of->dir_path = dir;
    of->name = arena_strdup(a, name);
    of->final_path = arena_printf(a, "%s/%s", dir, name);
    of->tmp_name = NULL;
    of->tmp_path = NULL;
    char *tmp = arena_printf(a, ".%s.XXXXXX" OUTFILE_TMP_SUFFIX, name);
    char *r = tmp + 1 + strlen(name) + 1;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        random_chars(r);
        /* Registered before it exists: a signal right after the creation
         * still finds it. */
        of->slot = reg_add(dirfd, tmp, 0, 0, 0, 0);
        fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd < 0) {
            int e = errno;
            reg_del(of->slot);
            of->slot = -1;
            errno = e;
            if (e != EEXIST)
                break;
        }
    }
    if (fd < 0) {
        int e = errno;
        if (e == ENOSPC || e == EDQUOT)
            outfile_report_errno(d, of->final_path, name,
                                 arena_printf(a, "the output folder %s", dir),
                                 "free space there or choose another output folder", e);
        else
            diag_syserr(d, "cannot create a file in", dir, e);
        return NULL;
    }
    of->tmp_name = tmp;
    of->tmp_path = arena_printf(a, "%s/%s", dir, tmp);
    char self[64];
    struct stat st;
    of->open_path = proc_fd_path(self, sizeof self, dirfd, NULL) == 0 && stat(self, &st) == 0
                        ? arena_printf(a, "/proc/self/fd/%d/%s", dirfd, tmp)
                        : of->tmp_path;
    FILE *fp = fdopen(fd, "wb");
    if (!fp) {
        int e = errno;
        close(fd);
        outfile_abort(of, NULL);
        diag_syserr(d, "cannot write", of->tmp_path, e);
        return NULL;
    }
    return fp;
}

FILE *outfile_begin_at(arena *a, diag *d, outfile *of, const outdir *od, const char *name)
{
    memset(of, 0, sizeof *of);
    of->own_dirfd = 0;
    return begin_fd(a, d, of, od->fd, od->path, name);
}

FILE *outfile_begin(arena *a, diag *d, outfile *of, const char *dir, const char *name)
{
    memset(of, 0, sizeof *of);
    of->dirfd = -1;
    of->slot = -1;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT && mkdir(dir, 0777) == 0)
        fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOTDIR)
            diag_report(d, DIAG_ERROR, diag_at(dir, 0, 0), "output folder is not a directory");
        else
            diag_syserr(d, "cannot use output folder", dir, errno);
        return NULL;
    }
    FILE *fp = begin_fd(a, d, of, fd, dir, name);
    of->own_dirfd = 1;
    if (!fp) {
        close(fd);
        of->own_dirfd = 0;
        of->dirfd = -1;
    }
    return fp;
}

/* Removes the temporary file and forgets it. */
static void drop(outfile *of)
{
    if (!of->done && of->tmp_name && of->dirfd >= 0)
        unlinkat(of->dirfd, of->tmp_name, 0);
    reg_del(of->slot);
    of->slot = -1;
    of->done = 1;
    if (of->own_dirfd && of->dirfd >= 0)
        close(of->dirfd);
    of->own_dirfd = 0;
}

static void report_write(diag *d, outfile *of, int e)
{
    char *where = malloc(strlen(of->dir_path) + 32);
    if (where)
        sprintf(where, "the output folder %s", of->dir_path);
    outfile_report_errno(d, of->final_path, of->name, where ? where : of->dir_path,
                         "free space there or choose another output folder", e);
    free(where);
}

int outfile_finish(diag *d, outfile *of, FILE *fp)
{
    int e = 0;
    if (fp) {
        int bad = ferror(fp);
        errno = 0;
        if (fflush(fp) != 0 || bad)
            e = errno ? errno : guess_errno(fileno(fp), of->dirfd);
        else if (fsync(fileno(fp)) != 0 && errno != EINVAL)
            e = errno;
        if (fclose(fp) != 0 && !e)
            e = errno;
    } else {
        int fd = openat(of->dirfd, of->tmp_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            e = errno;
        else {
            if (fsync(fd) != 0 && errno != EINVAL)
                e = errno;
            close(fd);
        }
    }
    if (e) {
        report_write(d, of, e);
        drop(of);
        return -1;
    }
    return 0;
}

/* A final name that is a folder would stop a rename after the ones before
 * it: refuse before any.  Returns -1 after reporting and dropping every file
 * of v[0..n) (NULL entries skipped), else 0. */
static int refuse_folder_names(diag *d, outfile *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct stat fs;
        if (v[i] && fstatat(v[i]->dirfd, v[i]->name, &fs, AT_SYMLINK_NOFOLLOW) == 0 &&
            S_ISDIR(fs.st_mode)) {
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "cannot publish '%s': a folder has that name; remove or rename the "
                        "folder, then run again (nothing was published)",
                        v[i]->final_path);
            for (size_t j = 0; j < n; j++)
                if (v[j])
                    drop(v[j]);
            return -1;
        }
    }
    return 0;
}

/* Blocks SIGINT, SIGTERM and SIGHUP while the renaming child runs (old
 * receives the mask to restore), and flushes stdio before the fork. */
static void block_publish_signals(sigset_t *old)
{
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigprocmask(SIG_BLOCK, &block, old);
    fflush(NULL);
}

/*
 * The two renames of a pair are one step that no kill may split.  They are
 * made by a child in a session of its own: a SIGKILL of the build, of its
 * process group (a CI timeout, a batch killed whole) or of a batch parent
 * cannot reach it, so once the first rename is made the second follows.
 * The child inherits the folder's lock (flock belongs to the open file,
 * which fork shares), so nothing else writes into the folder, and a reader
 * that takes the lock sees the pair either before or after.  The parent
 * blocks SIGINT, SIGTERM and SIGHUP meanwhile, so its clean-up cannot
 * remove a temporary file that the child is about to rename.  Returns 0,
 * or -1 after reporting (nothing renamed, or, if only the second rename
 * failed, a message that says so).
 */
int outfile_publish_pair(diag *d, outfile *a, outfile *b)
{
    if (!a || !b)
        return a || b ? outfile_publish(d, a ? a : b) : 0;
    if (getenv("BUDGETGEN_TEST_CRASH_BEFORE_RENAME"))
        raise(SIGKILL);
    outfile *both[2] = {a, b};
    if (refuse_folder_names(d, both, 2) < 0)
        return -1;
    sigset_t old;
    block_publish_signals(&old);
    int st = 0, e = 0;
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        int r = 0;
        if (renameat(a->dirfd, a->tmp_name, a->dirfd, a->name) != 0)
            r = 1;
        else if (renameat(b->dirfd, b->tmp_name, b->dirfd, b->name) != 0)
            r = 2;
        /* The exit status: 0, or errno (1-127) plus 128 when the second
         * rename failed (the first then stands). */
        int e2 = errno > 0 && errno < 128 ? errno : EIO;
        _exit(r ? (r == 2 ? 128 : 0) + e2 : 0);
    }
    if (pid < 0) {
        e = errno;
    } else {
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
            ;
    }
    int code = pid < 0 ? -1 : WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (code == 0) {
        a->done = b->done = 1;
        drop(a);
        drop(b);
        sigprocmask(SIG_SETMASK, &old, NULL);
        return 0;
    }
    /* which: 1 or 2, the rename that failed; 0 not known (no child, or
     * it died of a signal). */
    int which = code > 0 ? (code & 128 ? 2 : 1) : 0;
    int err = code > 0 ? code & 127 : e ? e : EIO;
    if (which == 2)
        a->done = 1; /* the first is in place */
    drop(a);
    drop(b);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (which == 2)
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot rename '%s' into place: %s; '%s' was published, so the two files "
                    "now belong to different versions: correct this and run again",
                    b->final_path, strerror(err), a->final_path);
    else
        diag_syserr(d, "cannot rename into place", which == 1 ? a->final_path : b->final_path,
                    err);
    return -1;
}

/*
 * More than two files (a department's PDF, workbook and data files) as one
 * step, the way outfile_publish_pair renames two: a child in a session of
 * its own makes every rename, in order, and tells the parent through a pipe
 * which one failed, if any, and why.
 */
int outfile_publish_all(diag *d, outfile **v, size_t n)
{
    outfile *live[2] = {NULL, NULL};
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] && k < 2)
            live[k++] = v[i];
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        m += v[i] != NULL;
    if (m <= 2)
        return outfile_publish_pair(d, live[0], live[1]);
    if (getenv("BUDGETGEN_TEST_CRASH_BEFORE_RENAME"))
        raise(SIGKILL);
    if (refuse_folder_names(d, v, n) < 0)
        return -1;
    int pfd[2];
    if (pipe(pfd) != 0) {
        diag_syserr(d, "cannot publish", v[0] ? v[0]->final_path : "", errno);
        return -1;
    }
    sigset_t old;
    block_publish_signals(&old);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        close(pfd[0]);
        int res[2] = {-1, 0}; /* the failed rename, its errno */
        for (size_t i = 0; i < n && res[0] < 0; i++)
            if (v[i] && renameat(v[i]->dirfd, v[i]->tmp_name, v[i]->dirfd, v[i]->name) != 0) {
                res[0] = (int)i;
                res[1] = errno;
            }
        ssize_t w = write(pfd[1], res, sizeof res);
        _exit(w == (ssize_t)sizeof res ? 0 : 1);
    }
    close(pfd[1]);
    int res[2] = {-2, EIO}, st = 0, e = pid < 0 ? errno : 0;
    if (pid >= 0) {
        ssize_t r;
        while ((r = read(pfd[0], res, sizeof res)) < 0 && errno == EINTR)
            ;
        if (r != (ssize_t)sizeof res)
            res[0] = -2, res[1] = EIO; /* the child died: not known */
        while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
            ;
    }
    close(pfd[0]);
    if (pid < 0)
        res[0] = -2, res[1] = e;
    /* What was renamed is done; the rest is removed. */
    size_t upto = res[0] == -1 ? n : res[0] >= 0 ? (size_t)res[0] : 0;
    for (size_t i = 0; i < upto; i++)
        if (v[i])
            v[i]->done = 1;
    for (size_t i = 0; i < n; i++)
        if (v[i])
            drop(v[i]);
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (res[0] == -1)
        return 0;
    const outfile *first = NULL;
    for (size_t i = 0; i < upto && !first; i++)
        first = v[i];
    if (res[0] >= 0 && first)
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot rename '%s' into place: %s; '%s' and the files before it were "
                    "published, so the files now belong to different versions: correct this "
                    "and run again",
                    v[res[0]]->final_path, strerror(res[1]), first->final_path);
    else
        diag_syserr(d, "cannot rename into place",
                    res[0] >= 0 ? v[res[0]]->final_path : first ? first->final_path : "",
                    res[1]);
    return -1;
}

int outfile_publish(diag *d, outfile *of)
{
    if (getenv("BUDGETGEN_TEST_CRASH_BEFORE_RENAME"))
        raise(SIGKILL);
    if (renameat(of->dirfd, of->tmp_name, of->dirfd, of->name) != 0) {
        int e = errno;
        drop(of);
        diag_syserr(d, "cannot rename into place", of->final_path, e);
        return -1;
    }
    of->done = 1;
    drop(of);
    return 0;
}

int outfile_commit(diag *d, outfile *of, FILE *fp)
{
    if (outfile_finish(d, of, fp) != 0)
        return -1;
    return outfile_publish(d, of);
}

void outfile_abort(outfile *of, FILE *fp)
{
    if (fp)
        fclose(fp);
    if (!of->done && (of->tmp_name || of->own_dirfd))
        drop(of);
}
