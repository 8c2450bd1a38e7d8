/*
 * outfile — atomic output.  A file is written under a temporary name in the
 * destination folder and renamed over the final name only when complete
 * (written, flushed, synced, closed and, for the workbook, read back), so a
 * reader (or the portal) never sees a half-written file and a failed run
 * leaves the previous file untouched.
 *
 * The output folder is opened once (outdir_open) and every file is created,
 * checked and renamed relative to that descriptor (openat, renameat), so a
 * folder replaced by a symbolic link while budgetgen runs cannot send a file
 * elsewhere: what was opened is what was checked against the project folder.
 *
 * Temporary names are ".FINAL.RRRRRR.budgetgen-tmp" (RRRRRR: six random
 * letters or digits), which no published name can have, so clean-up matches
 * them exactly (outfile_is_tmp_of).  They are registered while they exist:
 * SIGINT, SIGTERM and SIGHUP remove them (outfile_signals_init) before the
 * process dies of the signal; the next build into the folder removes those
 * a SIGKILL left behind (outdir_remove_stale).
 *
 * Two budgetgen writing into one folder at once would mix versions: the
 * folder is locked (outdir_lock: flock on FOLDER/.budgetgen.lock, removed
 * again at the end) and a second writer is refused at once.
 */
#ifndef GEN_OUTFILE_H
#define GEN_OUTFILE_H

#include "arena.h"
#include "diag.h"
#include "paths.h"

#include <stdio.h>

/* The lock file of an output folder (outdir_lock). */
#define OUTDIR_LOCK_NAME ".budgetgen.lock"
/* The end of every temporary file's name. */
#define OUTFILE_TMP_SUFFIX ".budgetgen-tmp"

/* An output folder, opened once. */
typedef struct outdir {
    int fd;           /* O_DIRECTORY descriptor; -1 when not open */
    const char *path; /* as the config or -o names it (messages) */
    int lock_fd;      /* the lock file, held by this process; -1 none */
    int lock_slot;    /* its entry in the signal clean-up registry */
} outdir;

typedef struct outfile {
    const char *final_path; /* e.g. output/部门-2020.pdf (messages) */
    const char *tmp_path;   /* output/.部门-2020.pdf.Ab3xY9.budgetgen-tmp (messages) */
    const char *name;       /* the final name inside the folder */
    const char *tmp_name;   /* the temporary name inside the folder */
    const char *open_path;  /* a path to the temporary file through the opened
                               folder (/proc/self/fd/N/TMP), for libraries that
                               open by name; tmp_path when /proc is missing */
    const char *dir_path;   /* the folder as named (messages) */
    int dirfd;              /* the folder's descriptor */
    int own_dirfd;          /* outfile_begin opened dirfd: closed at the end */
    int slot;               /* signal clean-up registry entry; -1 none */
    int done;               /* renamed or removed */
} outfile;

/*
 * Checks, before anything is laid out, that the output folder dir can take
 * the files: it is a folder the run may write into, or it does not exist
 * yet and its parent is one (outdir_open creates it, one level).  Creates
 * nothing.  Messages say what to do and start with what, at where: the
 * config line of [output] dir (`dir = "output"`), or no file and `-o "DIR"`
 * when the folder came from the command line (config_output_what).
 * Returns 0, or -1 after reporting.
 */
int outfile_check_dir(diag *d, diag_pos where, const char *what, const char *dir);

/*
 * Opens the output folder dir (creating it, one level, when missing) as
 * od.  With root (NULL: no limit), the folder actually opened must lie
 * under root->real, judged by what the descriptor leads to
 * (/proc/self/fd/N), not by the name: a folder swapped for a symbolic link
 * after the config was checked is refused.  Returns 0, or -1 after
 * reporting at where, naming what.
 */
int outdir_open(diag *d, outdir *od, diag_pos where, const char *what, const char *dir,
                const paths_root *root);

/*
 * Takes the folder's lock: FOLDER/.budgetgen.lock, flock()ed, holding the
 * pid.  Held by another process: reports "DIR is being written by another
 * budgetgen (pid N): wait for it to finish" and returns -1 (no waiting).
 * A lock this process inherited from its parent (a batch worker) counts as
 * its own.  Returns 0.
 */
int outdir_lock(diag *d, outdir *od);

/* Removes the temporary files a killed build left for the files named
 * base.pdf and base.xlsx (and the PDF's font subsets), exactly those
 * names (outfile_is_tmp_of), and those in its data folder base.data
 * (removed when nothing else is in it).  Call only with the folder locked. */
void outdir_remove_stale(int dirfd, const char *base);

/* The same for one file, final_name (the portal's index.html, index.csv). */
void outdir_remove_stale_file(int dirfd, const char *final_name);

/* Releases the lock (removing the lock file) if held, and closes. */
void outdir_close(outdir *od);

/* 1 if file is a temporary name of final_name (".FINAL.RRRRRR.budgetgen-tmp"). */
int outfile_is_tmp_of(const char *file, const char *final_name);

/*
 * Creates the temporary file for name in the opened folder od (O_EXCL,
 * mode 0666 less the umask, registered for clean-up on signals).  Returns
 * an open FILE* (the caller may close it and write by of->open_path
 * instead), or NULL after reporting.
 */
FILE *outfile_begin_at(arena *a, diag *d, outfile *of, const outdir *od, const char *name);

/* The same for a folder given by name (opened here, created if missing,
 * not limited, not locked). */
FILE *outfile_begin(arena *a, diag *d, outfile *of, const char *dir, const char *name);

/* Makes the temporary file complete: fp (NULL when the caller closed it and
 * wrote by name) is flushed and closed, its errors checked, the file synced
 * to disk.  Returns 0, or -1 after reporting (what was full, and what to
 * do) and removing the temporary file. */
int outfile_finish(diag *d, outfile *of, FILE *fp);

/* Renames the finished temporary file into place.  Returns 0, or -1 after
 * reporting and removing the temporary file. */
int outfile_publish(diag *d, outfile *of);

/* Renames a and b into place as one step that a kill cannot split (a
 * child in a session of its own makes both renames; see outfile.c).
 * Either may be NULL.  Returns 0, or -1 after reporting. */
int outfile_publish_pair(diag *d, outfile *a, outfile *b);

/* The same for the n files of v (NULL entries skipped) in order, as one
 * step; two or fewer go through outfile_publish_pair.  Returns 0, or -1
 * after reporting. */
int outfile_publish_all(diag *d, outfile **v, size_t n);

/* outfile_finish, then outfile_publish. */
int outfile_commit(diag *d, outfile *of, FILE *fp);

/* Registers an empty scratch folder parentfd/name (scratch.h) for removal
 * (rmdir) by a fatal signal or an early exit; returns the entry or -1. */
int outfile_register_dir(int parentfd, const char *name);
void outfile_unregister(int slot);

/* Removes the temporary file (after a failure); nothing if already renamed
 * or removed.  Safe on a zeroed outfile. */
void outfile_abort(outfile *of, FILE *fp);

/* Reports that writing what (e.g. "the workbook's parts") failed with
 * errno e, in terms of where it was written: for ENOSPC "no space left on
 * the disk of WHERE while writing WHAT: free space or ...". */
void outfile_report_errno(diag *d, const char *file, const char *what, const char *where,
                          const char *advice, int e);

/* Reports that writing the scratch file path (what: e.g. "the subset of
 * font \"X\"", a memory file) failed with errno e. */
void outfile_report_scratch(diag *d, const char *what, const char *path, int e);

/*
 * Installs the signal handlers: SIGINT, SIGTERM and SIGHUP remove every
 * registered temporary file (and the lock file) of this process, then the
 * signal is raised again with its default action.  SIGXFSZ is ignored, so
 * a file that outgrows `ulimit -f` fails its write (EFBIG) and is reported
 * and removed like a full disk.  Call once, early in main.
 */
void outfile_signals_init(void);

/* Test hooks: if the environment variable BUDGETGEN_TEST_CRASH_BEFORE_RENAME
 * is set, the process is killed (SIGKILL) just before the first rename,
 * leaving the temporary files behind as a crash would. */

#endif
