/*
 * codes — the classification code lists (政府收支分类科目): function
 * classification (支出功能分类: 类 3 digits, 款 5, 项 7) and economic
 * classification (部门预算支出经济分类: 类 3, 款 5).  Stage: load.  The
 * lists change between years, so they are data files (templates/codes/),
 * read like any CSV: 科目编码,科目名称.  Used to name the 类 and 款 lines
 * the tables compute, and to check that every code a department uses exists.
 */
#ifndef GEN_CODES_H
#define GEN_CODES_H

#include "arena.h"
#include "diag.h"
#include "paths.h"

#include <stddef.h>

typedef struct code_entry {
    const char *code, *name;
} code_entry;

typedef struct code_list {
    const char *path;
    size_t n;
    code_entry *e; /* sorted by code */
} code_list;

/* The rows of a code list's CSV file in their order, its columns 科目编码
 * and 科目名称 at ix[0] and ix[1]: the file opened once as paths_open
 * allows (at and what: where it is named and as what, for its messages).
 * NULL after reporting. */
struct csv_table;
struct csv_table *codes_read(arena *a, diag *d, const char *path, const paths_root *root,
                             diag_pos at, const char *what, int ix[2]);

/* Reads a code list, which must be a regular file leading into root (NULL:
 * anywhere), opened once (paths_open).  Duplicate or malformed codes are
 * errors at their line.  Returns NULL after reporting. */
code_list *codes_load(arena *a, diag *d, const char *path, const paths_root *root,
                      int max_digits);

/* The name of code, or NULL if the list does not have it. */
const char *codes_name(const code_list *l, const char *code);

#endif
