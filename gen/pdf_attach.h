/*
 * pdf_attach — embeds the document's data files (doc->attach, written by
 * render_data.c) in the PDF, so the PDF alone carries its figures:
 * `pdfdetach -list` names them (datapackage.json, facts.csv,
 * table-NN-ID.csv) and `pdfdetach -saveall` writes them byte for byte.
 * Stage: render (called by render_pdf.c before the PDF is saved).
 */
#ifndef GEN_PDF_ATTACH_H
#define GEN_PDF_ATTACH_H

#include "doc.h"

#include <hpdf.h>

/* Attaches every file of dm->attach under its name; errors go to the
 * document's libharu error handler. */
void pdf_attach_files(HPDF_Doc pdf, const doc *dm);

#endif
