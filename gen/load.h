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
#include "codes.h"
#include "config.h"
#include "csv.h"
#include "data.h"
#include "diag.h"

/* Loads dir for year into *b (zeroed first).  Returns 0, -1 if an error
 * was reported, or -2 if a file was refused because it leads outside the
 * project folder (c->root; a symbolic link in dir: an error of the setup,
 * not of the data). */
int load_budget(arena *a, diag *d, const config *c, const char *dir, int year, budget *b);

/* Reads the CSV files a template lays out as they are (files[0..n), names
 * relative to the budget's folder).  A missing file is an error.  A row
 * whose first cell is 合计 must equal the sum of the other rows in every
 * column whose cells are all amounts (checked here).  Returns 0, -1, or
 * -2 as load_budget() does. */
int load_extra(arena *a, diag *d, const config *c, budget *b, const char *const *files, size_t n);

/* Derives the 类 and 款 lines of the classification tables from the
 * entered leaves, named from the code lists; a code missing from a list
 * is an error (NULL list: names as entered, codes not checked).  Returns 0
 * or -1. */
int load_derive(arena *a, diag *d, const config *c, budget *b, const code_list *fcodes,
                const code_list *ecodes);

/* Reads FILE of the folder dir as load_budget() reads its files: by its
 * name or a Chinese one (names.c), from a descriptor opened once and
 * checked to lead into the project folder (paths_open), and its unit row,
 * if it has one, checked against the unit amounts are read in
 * (csvshape_check_unit).  Returns the table; NULL with *status 0 when the
 * file is absent, -1 after reporting it unreadable or wrong, -2 after
 * reporting a path that leads outside the project folder. */
csv_table *load_input_csv(arena *a, diag *d, const config *c, const char *dir, const char *file,
                          const csv_limits *lim, int *status);

/* An amount cell (column f of row r; f < 0: none) in the unit the files
 * are typed in, into *am with its position.  A negative amount (then 0)
 * and a cell that is no amount are reported at the cell, and an empty cell
 * when required.  Returns money_parse's status. */
money_status load_amount_cell(diag *d, const config *c, const csv_table *t, const csv_row *r,
                              int f, int required, amount *am);

/* The file names load_budget() reads, NULL-terminated (for --help);
 * defined in names.c, beside their Chinese names. */
extern const char *const load_file_names[];

#endif
