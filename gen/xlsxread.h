/*
 * xlsxread — reads the cells of an .xlsx workbook (budgetgen import).
 * Stage: import.  The zip is read with libzip and every XML part with
 * expat: no zip or XML parsing of our own.  Read: xl/workbook.xml (sheet
 * names, order, hidden state) and its relationships, xl/sharedStrings.xml,
 * and each sheet's cells (types s, n, str, inlineStr, b, e; r="C7"
 * references) and mergeCells.  A formula's cached value is its value; a
 * formula without one is kept as XL_NOVALUE for the caller to refuse.
 */
#ifndef GEN_XLSXREAD_H
#define GEN_XLSXREAD_H

#include "arena.h"
#include "diag.h"

#include <stddef.h>
#include <stdint.h>

/* The most a part of the workbook may hold once inflated. */
#define XL_MAX_PART ((size_t)256 * 1024 * 1024)

typedef enum xl_type { XL_TEXT, XL_NUMBER, XL_BOOL, XL_ERROR, XL_NOVALUE } xl_type;

typedef struct xl_cell {
    uint32_t row, col; /* 0-based */
    xl_type type;
    const char *v; /* the text, the number as written, "TRUE"/"FALSE", "#N/A" */
} xl_cell;

typedef struct xl_merge {
    uint32_t r0, c0, r1, c1; /* inclusive, 0-based */
} xl_merge;

typedef struct xl_sheet {
    const char *name;
    int hidden;
    xl_cell *cells; /* sorted by row, then column; no empty strings */
    size_t n;
    xl_merge *merges;
    size_t n_merges;
    uint32_t nrows, ncols; /* one past the last row and column with a cell */
} xl_sheet;

typedef struct xl_book {
    const char *path;
    xl_sheet *sheets;
    size_t n;
} xl_book;

/* Reads path into b (everything in the arena).  Returns 0, or -1 after
 * reporting (not a zip, a part missing or malformed, a part too large). */
int xl_read(arena *a, diag *d, const char *path, xl_book *b);

/* The cell at (row, col), or NULL when empty. */
const xl_cell *xl_at(const xl_sheet *s, uint32_t row, uint32_t col);

/* "C7" for (6, 2), in buf (at least 16 bytes). */
const char *xl_ref(uint32_t row, uint32_t col, char *buf);

/* The sheet named name, or NULL. */
const xl_sheet *xl_sheet_named(const xl_book *b, const char *name);

#endif
