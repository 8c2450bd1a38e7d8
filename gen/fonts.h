/*
 * fonts — finding, measuring and subsetting the document's TrueType fonts.
 * Stage: layout/render.  Fonts are named by fontconfig family ("AR PL UMing
 * CN", "WenQuanYi Zen Hei") or by a file path (.ttf, or .ttc with ":N" for
 * the face index).  Measuring uses HarfBuzz advances (1/1000 em, rounded as
 * libharu rounds its width table), so layout needs no PDF library.
 * Subsetting uses libharfbuzz-subset: libharu 2.3.0 loses glyphs of whole
 * CJK fonts (composite components at glyph id >= 32768) and embeds most of
 * the font; a subset to the document's characters fixes both
 * (../shared/LIBS.md).
 */
#ifndef GEN_FONTS_H
#define GEN_FONTS_H

#include "diag.h"

#include <stddef.h>
#include <stdint.h>

typedef struct font font;

/*
 * Opens a font by family name or path, or the first installed one of a
 * comma-separated preference list ("FangSong, 仿宋_GB2312, Noto Serif CJK
 * SC"); a family may end in a weight (":bold", ":medium", ":regular", …)
 * that the installed face must have.  Reports an error through d (naming
 * what was asked and, for a family, that fontconfig found no such family —
 * fontconfig's fallback to another family is NOT accepted) and returns NULL
 * on failure.  where is the config position for the message.
 */
font *font_open(diag *d, diag_pos where, const char *name);

/* The file and face index actually used (for messages and --help). */
const char *font_path(const font *f);
int font_index(const font *f);
const char *font_family(const font *f);

/* True if the font maps cp to a glyph that is not .notdef.  Always false
 * above U+FFFF: libharu 2.3.0's character codes are 16-bit, so such a
 * character cannot be drawn (it would show another glyph). */
int font_has(const font *f, uint32_t cp);

/* Horizontal advance of cp in 1/1000 em (the .notdef advance if absent). */
int font_advance(font *f, uint32_t cp);

/* Ascender and descender in 1/1000 em (descender negative). */
int font_ascent(const font *f);
int font_descent(const font *f);

/*
 * Writes a TrueType subset holding exactly the code points cps[0..n) (and
 * .notdef) to out_path.  Returns 0, or -1 after reporting through d.
 * Deterministic: the same font and code points give the same bytes.
 */
int font_subset(font *f, diag *d, const uint32_t *cps, size_t n, const char *out_path);

/* CFF outlines (a 'CFF ' table, no 'glyf'): embedded by pdf_font.c. */
int font_is_cff(const font *f);

/* OS/2 usWeightClass: 400 regular, 700 bold (a real bold face needs no
 * emulated bold). */
unsigned font_weight(const font *f);

/* The subset of a CFF font to cps[0..n) (HarfBuzz: an OpenType font with a
 * 'CFF ' table and a cmap) in *out (malloc'd, *len bytes).  Returns 0, or
 * -1 after reporting through d. */
int font_subset_cff(font *f, diag *d, const uint32_t *cps, size_t n, char **out, size_t *len);

void font_close(font *f);

#endif
