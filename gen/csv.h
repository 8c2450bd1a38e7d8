/*
 * csv — reads one CSV file into memory as UTF-8 records with positions.
 * Stage: load.  Input: a file as Excel or a text editor saves it (UTF-8 with
 * or without BOM, or GBK/GB18030, detected and converted with iconv; CRLF or
 * LF; RFC 4180 quoting with multi-line cells), parsed with libcsv in strict
 * mode.  Output: a csv_table allocated in the caller's arena.
 * Every problem is reported through diag with file:line:column.
 */
#ifndef GEN_CSV_H
#define GEN_CSV_H

#include "arena.h"
#include "diag.h"

#include <stddef.h>

/* Limits that stop runaway input with a message instead of exhausting
 * memory.  Zero fields take the defaults below. */
typedef struct csv_limits {
    size_t max_bytes;      /* whole file; default 64 MiB */
    size_t max_rows;       /* data rows; default 1,000,000 */
    size_t max_cell_bytes; /* one cell after conversion; default 64 KiB */
} csv_limits;

typedef struct csv_row {
    int line;            /* 1-based line where the record starts */
    const char **fields; /* ncols cells, UTF-8, spaces (also U+3000) trimmed */
} csv_row;

typedef struct csv_table {
    arena *a;             /* the arena the table lives in */
    const char *path;     /* as given, for messages (arena copy) */
    const char *encoding; /* what was read: "UTF-8", "UTF-8 with BOM" or "GB18030" */
    int header_line;      /* line of the header record (1 unless blank lines lead) */
    size_t ncols;         /* number of header fields */
    const char **header;  /* ncols names, trimmed */
    size_t nrows;         /* data records (header excluded, blank records skipped) */
    csv_row *rows;
    /* The shape Excel saves (gen/csvshape.c): */
    int *colno;            /* column in the file of each field (1-based); NULL: field + 1 */
    int unit_line;         /* a unit row above the header ("单位：元"): its line, else 0 */
    int unit_col;          /* its column */
    int unit;              /* what it says: 0 元, 1 万元, -1 another unit */
    const char *unit_text; /* the cell as written */
    int sub_line;          /* a second header row (merged cells above it), not yet joined: its
                              line, else 0; csv_map_columns() joins it or refuses it */
    const char **sub;      /* its ncols cells */
} csv_table;

/*
 * Reads path.  Rows above the header that Excel saves are skipped with a
 * note (a title row, a unit row: see csvshape.h), and so are empty columns
 * after the last named one.  Returns NULL after reporting through d if the file cannot be
 * opened or read (diag_syserr), is not a regular file, is empty, is larger than a limit, contains
 * a NUL byte, is neither valid UTF-8 nor valid GB18030, has a quote left
 * open or a stray quote (libcsv strict mode; message names the line), or
 * has a record with more or fewer fields than the header (message names the
 * line and both counts).  A record whose cells are all empty is skipped.
 * When the file was converted from GB18030, a note says so.
 * All memory is owned by a.
 */
csv_table *csv_read(arena *a, diag *d, const char *path, const csv_limits *lim);

/* The same from fd, opened by paths_open() (csv_read opens path so, with
 * no project folder: only a regular file is read); fd is read and closed,
 * path only names it in messages. */
csv_table *csv_read_fd(arena *a, diag *d, int fd, const char *path, const csv_limits *lim);

/* One expected column: its published Chinese name and an optional English
 * alias (both matched exactly after trimming). */
typedef struct csv_column {
    const char *name;
    const char *alias; /* NULL for none */
    int required;
} csv_column;

/*
 * Maps the table's header to the expected columns, in any order.  index[i]
 * receives the field index of cols[i], or -1 if absent.  Reports (as errors,
 * at the header line and the column's position): a header that matches no
 * expected column (listing the expected names), a column given twice, a
 * required column missing.  A header of two rows (sub_line) is first joined
 * into one when that gives the expected columns (csvshape_join), else
 * refused naming both lines.  Returns 0 if no error was reported, else -1.
 */
int csv_map_columns(csv_table *t, diag *d, const csv_column *cols, size_t ncols, int *index);

/* Position of cell (row r, field index f) for messages: line of the record,
 * column f + 1. */
diag_pos csv_pos(const csv_table *t, const csv_row *r, int f);

#endif
