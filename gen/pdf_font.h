/*
 * pdf_font — CFF (PostScript-outline) fonts in the PDF, which libharu 2.3.0
 * cannot load (error 0x1060).  Stage: render.  The font is subset by
 * HarfBuzz (fonts.c, font_subset_cff), and its 'CFF ' table embedded as a
 * Type0 font with a CIDFontType0 descendant and a /FontFile3
 * /Subtype /CIDFontType0C stream, built with libharu's object layer
 * (HPDF_Dict_New, HPDF_Xref_Add, HPDF_DictStream_New).  Encoding
 * Identity-H: a 2-byte code is a CID, which the CFF's charset maps to a
 * glyph (cff_opt.h renumbers a CID-keyed font's CIDs to its glyph ids;
 * if it cannot, HarfBuzz's CIDs stay); a name-keyed CFF's code is its
 * glyph id.  /W gives each CID the advance layout measured
 * (font_advance), the ToUnicode CMap its character.
 * The font is selected with HPDF_Page_SetFontAndSize like any libharu font
 * (it passes HPDF_Font_Validate) and text is written as literal strings of
 * 2-byte CIDs straight into the page's content stream (pdf_cff_show).
 */
#ifndef GEN_PDF_FONT_H
#define GEN_PDF_FONT_H

#include "diag.h"
#include "fonts.h"

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

typedef struct pdf_cff pdf_cff;

/* Subsets f to cps[0..n) (sorted BMP code points) and adds the font to
 * pdf.  NULL after reporting through d. */
pdf_cff *pdf_cff_embed(HPDF_Doc pdf, diag *d, font *f, const uint32_t *cps, size_t n);

/* The font for HPDF_Page_SetFontAndSize. */
HPDF_Font pdf_cff_font(const pdf_cff *c);

/* Shows UTF-8 text in the current font (which must be c's) at the current
 * text position: "(cid cid ...) Tj", each CID two bytes, ( ) \ CR LF
 * escaped.  Returns HPDF_OK or libharu's error. */
HPDF_STATUS pdf_cff_show(const pdf_cff *c, HPDF_Page page, const char *utf8);

/* Frees what is not owned by the document (call after HPDF_Free). */
void pdf_cff_free(pdf_cff *c);

#endif
