/*
 * datasheet — the input rows inside budgetgen's own workbook, so that the
 * workbook imports back to exactly the data it was made from (budgetgen
 * import; docs/import.md, "Round trip").  Stage: render (render_xlsx.c)
 * and import (import.c).  A hidden sheet named DATASHEET_NAME holds, for
 * each of the files the tables are made from (DATASHEET_FILES), every line
 * of the file as read (UTF-8, no BOM), one line a row: column A the file's
 * name, column B the line.  Row 1 names the unit the files are typed in.
 * The national tables alone do not always determine expenditure.csv (its
 * 基本/项目 split per source other than the three 财政拨款 when a code has
 * several), so import prefers this sheet when it is there.
 */
#ifndef GEN_DATASHEET_H
#define GEN_DATASHEET_H

#include "arena.h"
#include "config.h"
#include "diag.h"

#include <xlsxwriter.h>

#define DATASHEET_NAME "budgetgen-data"

/* The files kept in the sheet, NULL-terminated. */
extern const char *const DATASHEET_FILES[];

/* Adds the hidden sheet to wb from the input folder of c.  A line longer
 * than a cell holds (32,767 characters) leaves the sheet out, with a note.
 * Returns LXW_NO_ERROR or the library's error. */
lxw_error datasheet_write(lxw_workbook *wb, arena *a, diag *d, const config *c);

#endif
