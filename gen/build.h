/*
 * build — data + template → document model.  Stage: build.  Input: the
 * checked budgets (this year, and last year or NULL), the config, the
 * parsed template.  Output: the doc (doc.h) with every sentence worded,
 * every figure formatted and every table laid out as a grid with spans.
 * Sentences about changes are computed from the two years' exact figures,
 * never typed in, so they always agree with the tables.
 */
#ifndef GEN_BUILD_H
#define GEN_BUILD_H

#include "arena.h"
#include "config.h"
#include "data.h"
#include "diag.h"
#include "doc.h"
#include "template.h"

/* Builds the document.  Returns NULL after reporting (e.g. the template
 * names a figure or file the input does not give, at the template line). */
doc *build_document(arena *a, diag *d, const config *c, const tmpl *t, const budget *cur,
                    const budget *prev);

/* Chinese numeral for 1..99 (一, 十, 十一, 二十三) into out. */
void build_chinese_number(int n, char *out, size_t size);

#endif
