/*
 * render — the output back ends.  Stage: render.  Input: the document model
 * (doc.h) and the config (output folder, name, fonts).  Output: files
 * written atomically (outfile.h).  Renderers compute no content.
 * Only render_pdf.c, pdf_attach.c and layout.c include hpdf.h; only render_xlsx.c
 * includes xlsxwriter.h.
 *
 * A department's PDF and workbook are one publication: main.c has both
 * written completely as temporary files (the *_tmp functions) before it
 * renames either, and renames the second right after the first.
 */
#ifndef GEN_RENDER_H
#define GEN_RENDER_H

#include "arena.h"
#include "config.h"
#include "diag.h"
#include "doc.h"
#include "outfile.h"

/* Writes the PDF as a temporary file in od, complete (flushed, synced,
 * closed, its size read back): *of holds it for outfile_publish or
 * outfile_abort, and *pages its page count.  Returns 0; -2 after reporting
 * characters the fonts lack (each named with where it came from: a problem
 * of the input); or -1 after reporting any other failure.  On failure
 * nothing is left behind. */
int render_pdf_tmp(arena *a, diag *d, const config *c, const doc *dm, const outdir *od,
                   outfile *of, long *pages);

/* Writes the workbook (one sheet per table) as a temporary file in od,
 * complete and read back (zipcheck.h: every part inflates to its size and
 * CRC, every XML part is well formed): *of holds it.  Returns 0, or -1
 * after reporting (what was full, and what to do); nothing left behind. */
int render_xlsx_tmp(arena *a, diag *d, const config *c, const doc *dm, const outdir *od,
                    outfile *of);

/* The same, published at once: <output dir>/<name>.pdf or .xlsx (tests). */
int render_pdf(arena *a, diag *d, const config *c, const doc *dm);
int render_xlsx(arena *a, diag *d, const config *c, const doc *dm);

#endif
