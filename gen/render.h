/*
 * render — the output back ends.  Stage: render.  Input: the document model
 * (doc.h) and the config (output folder, name, fonts).  Output: files
 * written atomically (outfile.h).  Renderers compute no content.
 * Only render_pdf.c and layout.c include hpdf.h; only render_xlsx.c
 * includes xlsxwriter.h.
 */
#ifndef GEN_RENDER_H
#define GEN_RENDER_H

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "doc.h"

/* Writes <output dir>/<name>.pdf.  Returns 0; -2 after reporting characters
 * the fonts lack (each named with where it came from: a problem of the
 * input); or -1 after reporting any other failure.  Nothing is left
 * half-written. */
int render_pdf(arena *a, diag *d, const config *c, const doc *dm);

/* Writes <output dir>/<name>.xlsx: one sheet per table.  Returns 0 or -1. */
int render_xlsx(arena *a, diag *d, const config *c, const doc *dm);

#endif
