/*
 * load — fills a budget (data.h) from one input folder.
 * Stage: load.  Input: the folder's CSV and text files (docs/input.md lists
 * them); every file is optional here, and build.c reports what a template
 * needs but the folder lacks.  Output: the budget, every figure with its
 * position.  Each file is read completely and every problem in it reported
 * before loading stops, so one run shows all mistakes of a file.
 */
#ifndef GEN_LOAD_H
#define GEN_LOAD_H

#include "arena.h"
#include "config.h"
#include "data.h"
#include "diag.h"

/* Loads dir for year into *b (zeroed first).  Returns 0, or -1 if an error
 * was reported. */
int load_budget(arena *a, diag *d, const config *c, const char *dir, int year, budget *b);

/* The file names load_budget() reads, NULL-terminated (for --help). */
extern const char *const load_file_names[];

#endif
