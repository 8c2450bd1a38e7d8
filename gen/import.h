/*
 * import — `budgetgen import WORKBOOK.xlsx`: a department's input folder
 * from the budget system's workbook, or from budgetgen's own (docs/import.md).
 * Stage: import (its own command; nothing else runs).  The workbook is read
 * by xlsxread.c; each table is found by its sheet name or title (the list
 * of names is data: import_kinds in import.c), its title and unit rows
 * skipped, its one- or two-row header read, its 合计 and 类/款 subtotal
 * rows checked and dropped, amounts converted exactly to the unit asked
 * for, and the CSV files written through outfile.c (all or none).  Every
 * decision is printed on out, one line each.
 */
#ifndef GEN_IMPORT_H
#define GEN_IMPORT_H

#include "diag.h"
#include "money.h"

#include <stdio.h>

/* Imports workbook into the folder dir (created when missing) with the
 * amounts in unit.  unit_set: 0 when not asked for (budgetgen's own data
 * sheet then keeps its unit; the national tables give 万元).  Returns the
 * exit status: 0, 1 (the workbook's figures or tables are wrong: nothing
 * written) or 2 (not a workbook, cannot write). */
int import_run(diag *d, FILE *out, const char *workbook, const char *dir, money_unit unit,
               int unit_set);

#endif
