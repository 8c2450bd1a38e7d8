/*
 * names — the Chinese names of the input files and the national tables'
 * names of their columns (docs/input.md, "Files saved from Excel").
 * Stage: load.  One list, in gen/names.c: 三公经费.csv is three_public.csv,
 * 支出预算.csv is expenditure.csv …; a header 预算数 is the column 金额 …
 * A file in an input folder that budgetgen does not read is a warning.
 */
#ifndef GEN_NAMES_H
#define GEN_NAMES_H

#include "arena.h"
#include "config.h"
#include "diag.h"

#include <stddef.h>

/* dir/file, or dir/NAME when the folder holds file under one of its
 * Chinese names NAME.  The file under two names (three_public.csv and
 * 三公经费.csv) is an error naming both (then dir/file). */
const char *names_path(arena *a, diag *d, const char *dir, const char *file);

/* True when a header cell h names the column name the way the national
 * tables do (预算数 for 金额, 总计 for 合计, 功能分类科目编码 for 科目编码 …). */
int names_same_column(const char *h, const char *name);

/* Warns about every .csv and .txt file of the input folders of c (this
 * year's, previous, earlier) that budgetgen does not read: not an input
 * file (load_file_names), not one of their Chinese names, not one of
 * extra[0..n) (the csv: files of the template, a leading '?' ignored; this
 * year's folder only). */
void names_check_folders(arena *a, diag *d, const config *c, const char *const *extra, size_t n);

#endif
