/*
 * csvshape — a sheet as Excel saves it, recognised around the header row.
 * Stage: load (called by csv.c and load.c).  Finance officers save the
 * sheets of the budget system's workbook as CSV: a title row and a unit
 * row ("单位：万元") above the header, a header of two rows from merged
 * cells (科目编码 over 类, 款, 项), empty columns at the end of every row.
 * Each is accepted with a note naming the lines, or refused with the fix
 * (docs/input.md, "Files saved from Excel").
 */
#ifndef GEN_CSVSHAPE_H
#define GEN_CSVSHAPE_H

#include "csv.h"
#include "diag.h"

#include <stddef.h>

/* Rows above the header that may be skipped (titles, 编制单位, unit). */
#define CSVSHAPE_MAX_ABOVE 4

/*
 * Picks the header among the first records (rec[0..n), n >= 1, each of
 * width[i] cells; blank records are already dropped): title and unit rows
 * above it are skipped with one note, empty header cells at the end are
 * dropped (t->ncols is the last named column), and a header with an empty
 * cell inside followed by a row of names under it is kept as a header of
 * two rows (t->sub_line), for csv_map_columns() to join.  Any other empty
 * header cell is an error.  Sets t->header, t->ncols, t->header_line and
 * the unit fields; returns the index of the first data record; adds the
 * errors it reported to *errors.
 */
size_t csvshape_header(diag *d, csv_table *t, const csv_row *rec, const size_t *width, size_t n,
                       int *errors);

/* The note for the empty columns after the last named one: the header's
 * own (hwidth cells wide) and the rows' (widest cells wide). */
void csvshape_note_trailing(diag *d, const csv_table *t, size_t hwidth, size_t widest);

/* Joins a header of two rows (t->sub_line) into one when every joined
 * name is one of cols (a group over its parts: the parts' names, or
 * group + part; 类, 款, 项 under a group: one code column, the codes
 * joined, 款 and 项 padded to 2 digits), with a note; else refuses it,
 * naming both lines and the expected names.  Returns 0 or -1. */
int csvshape_join(csv_table *t, diag *d, const csv_column *cols, size_t ncols);

/* A header of two rows where one is expected (a csv:FILE table): an
 * error.  Returns 0 or -1. */
int csvshape_one_header(diag *d, const csv_table *t);

/* A unit row that contradicts the unit the file is read in (unit: 0 元,
 * 1 万元, as money_unit) is an error with the fix.  Returns 0 or -1. */
int csvshape_check_unit(diag *d, const csv_table *t, int unit, int unit_set);

#endif
