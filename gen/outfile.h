/*
 * outfile — atomic output.  A file is written under a temporary name in the
 * destination folder and renamed over the final name only when complete, so
 * a reader (or the portal) never sees a half-written PDF and a failed run
 * leaves the previous file untouched.
 */
#ifndef GEN_OUTFILE_H
#define GEN_OUTFILE_H

#include "arena.h"
#include "diag.h"

#include <stdio.h>

typedef struct outfile {
    const char *final_path; /* e.g. output/部门-2020.pdf */
    const char *tmp_path;   /* output/.部门-2020.pdf.XXXXXX */
} outfile;

/*
 * Checks, before anything is laid out, that the output folder dir can take
 * the files: it is a folder the run may write into, or it does not exist
 * yet and its parent is one (outfile_begin creates it, one level).  Creates
 * nothing.  Messages say what to do and start with what, at where: the
 * config line of [output] dir (`dir = "output"`), or no file and `-o "DIR"`
 * when the folder came from the command line (config_output_what).
 * Returns 0, or -1 after reporting.
 */
int outfile_check_dir(diag *d, diag_pos where, const char *what, const char *dir);

/*
 * Creates the folder's temporary file for final_path (mkstemp in the same
 * folder, so rename is atomic).  Returns an open FILE* (the caller may
 * close it and write by path instead), or NULL after reporting.
 */
FILE *outfile_begin(arena *a, diag *d, outfile *of, const char *dir, const char *name);

/* Renames the finished temporary file into place.  fp (may be NULL when
 * the caller closed it) is closed first and its errors checked.  Returns 0,
 * or -1 after reporting and removing the temporary file. */
int outfile_commit(diag *d, outfile *of, FILE *fp);

/* Removes the temporary file (after a failure). */
void outfile_abort(outfile *of, FILE *fp);

/* Test hook: if the environment variable BUDGETGEN_TEST_CRASH_BEFORE_RENAME
 * is set, the process is killed (SIGKILL) just before the rename, leaving
 * the temporary file behind as a crash would. */

#endif
