/*
 * cff_opt — a smaller, equivalent CID-keyed CFF for embedding (Adobe TN
 * 5176).  Stage: render.  HarfBuzz's subset (fonts.c, font_subset_cff)
 * keeps the face's CIDs, random 16-bit numbers (5A2D 4104 7B6A ...), in a
 * format-0 charset (1,793 bytes for the sample's 897 body glyphs).
 * cff_optimize gives each glyph its glyph id as CID (charset format 2, one
 * range: 5 bytes), so the codes in the page content, /W and the ToUnicode
 * CMap, which pdf_font.c reads from this charset, become small numbers in
 * glyph order that deflate packs tighter: the sample without open data,
 * 311,782 -> 305,950 bytes (docs/performance.md).  Outlines, glyph order
 * and FDSelect are untouched; only the charset and the offsets after it
 * change.  (Subroutinizing the subset for the document was measured too:
 * every variant came out larger after deflate; docs/performance.md.)
 */
#ifndef GEN_CFF_OPT_H
#define GEN_CFF_OPT_H

#include <stddef.h>

/* The rewritten in[0..n): 0 with *out (xmalloc'd, the caller frees) and
 * *out_n; or -1 when the font is not of the shape expected (name-keyed, an
 * offset operand not in 5-byte form, a layout HarfBuzz does not write,
 * anything malformed): then embed in unchanged. */
int cff_optimize(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n);

#endif
