/*
 * scratch — a private scratch folder for libxlsxwriter's part files.
 *
 * libxlsxwriter writes each part of a workbook to a file it creates in its
 * tmpdir and unlinks at once; a process killed in between leaves the file
 * behind, in a folder (TMPDIR, /dev/shm, /tmp) that nothing else cleans.  So
 * each build makes its own folder there, BASE/budgetgen-scratch.RRRRRR,
 * holds an flock on it for as long as it lives, and removes it at the end
 * (and on SIGINT, SIGTERM, SIGHUP or an early exit: outfile.h's registry).
 * A folder that a SIGKILL left is found by the next build: its flock can be
 * taken, since its owner is dead, so its part files ("tmp.*", libxlsxwriter's
 * naming) and the folder are removed.  A folder whose flock is held belongs
 * to a running build and is never touched, whatever its age or pid.
 */
#ifndef GEN_SCRATCH_H
#define GEN_SCRATCH_H

#include "arena.h"

typedef struct scratch_dir {
    const char *path; /* BASE/budgetgen-scratch.RRRRRR, for libxlsxwriter */
    int fd;           /* the folder, flock'd; -1 when not made */
    int parentfd;     /* BASE */
    const char *name; /* budgetgen-scratch.RRRRRR */
    int slot;         /* outfile.h registry entry, -1 none */
} scratch_dir;

/* Removes the scratch folders of dead builds in base, then makes, locks and
 * registers this build's folder.  Returns 0, or -1 with errno set. */
int scratch_open(arena *a, scratch_dir *s, const char *base);

/* Removes what is left in the folder (nothing, normally) and the folder. */
void scratch_close(scratch_dir *s);

#endif
