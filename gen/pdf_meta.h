/*
 * pdf_meta — what libharu 2.3.0 leaves out of, or writes wrong into, a PDF
 * whose text is Chinese.  Stage: render.  Works on libharu's object layer
 * (hpdf_objects.h: HPDF_Dict, HPDF_DictStream_New, HPDF_Xref_Add) before
 * the document is saved:
 *  - each Type0 font's /ToUnicode: libharu 2.3.0 writes its encoding CMap
 *    there (begincidrange, which poppler rejects: "Invalid 'begincidrange'
 *    operator in ToUnicode CMap"); replaced by a ToUnicode CMap
 *    (beginbfrange, UTF-16BE) of the characters the document draws;
 *  - the CIDFont's /CIDSystemInfo: libharu writes (Adobe)(Identity-H) 0,
 *    the name of an encoding, where an ordering belongs: (Adobe)(Identity) 0;
 *  - the catalog's /Lang and an XMP /Metadata stream that says what the
 *    Info dictionary says (title, author, subject, keywords, creator,
 *    producer, dates), so that PDF/UA and archive checkers find both.
 */
#ifndef GEN_PDF_META_H
#define GEN_PDF_META_H

#include <hpdf.h>
#include <stdint.h>

/*
 * Rewrites font f's ToUnicode CMap (a libharu Type0 font loaded for the
 * UTF-8 encoder: its character codes are the 2-byte BMP code points) to
 * map the code points set in used (a 0x10000-bit set) to themselves, and
 * fixes its descendant's CIDSystemInfo.  Returns HPDF_OK or libharu's error.
 */
HPDF_STATUS pdf_fix_unicode_font(HPDF_Doc pdf, HPDF_Font f, const uint8_t *used);

/* A ToUnicode CMap stream (added to the document) mapping each 2-byte
 * code codes[i] to the BMP character cps[i]; codes ascending.  NULL if
 * libharu fails. */
HPDF_Dict pdf_tounicode_stream(HPDF_Doc pdf, const uint16_t *codes, const uint32_t *cps, size_t n);

/* The document's metadata, UTF-8; NULL or "" leaves an entry out. */
typedef struct pdf_meta {
    const char *lang; /* BCP 47, "zh-CN" */
    const char *title, *author, *subject, *keywords, *creator;
    HPDF_Date date; /* creation = modification date (UTC, ind 'Z') */
} pdf_meta;

/* Sets /Lang in the catalog and adds the XMP metadata stream.  Call after
 * the Info dictionary is filled (the producer is read from it). */
HPDF_STATUS pdf_add_meta(HPDF_Doc pdf, const pdf_meta *m);

#endif
