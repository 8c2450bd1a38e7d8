/*
 * pdf_pack — the PDF libharu wrote, its dictionaries packed (ISO 32000-1
 * 7.5.7, 7.5.8).  Stage: render.  libharu 2.3.0 writes PDF 1.3: every
 * dictionary (pages, fonts, /W, the outline, annotations, each stream's
 * /Length) as plain text, and a cross-reference table of 20 bytes an
 * object.  pdf_pack moves every object that is not a stream into one
 * deflated object stream and replaces the table with a deflated
 * cross-reference stream, which makes the file PDF 1.5 (read by every
 * viewer since 2003; not PDF/A-1).  Streams (content, fonts, CMaps, XMP,
 * the attached data) are copied byte for byte, object numbers are kept.
 * The sample without its open data: 304,030 -> 286,988 bytes
 * (docs/performance.md).
 */
#ifndef GEN_PDF_PACK_H
#define GEN_PDF_PACK_H

#include <stddef.h>

/* The packed in[0..n): 0 with *out (xmalloc'd, the caller frees) and
 * *out_n; or -1 when the file is not as libharu writes it (one
 * cross-reference section of objects of generation 0, a trailer with
 * /Root, no /Encrypt, /Prev or cross-reference stream): then write in as
 * it is. */
int pdf_pack(const unsigned char *in, size_t n, unsigned char **out, size_t *out_n);

/* The inflated data of every object stream of p[0..n) (a file pdf_pack
 * wrote), one after another, NUL-terminated, *len its length; NULL if there
 * is none.  For readers of a written file's dictionaries (batch.c reads
 * the page tree's /Count). */
char *pdf_pack_objects(const char *p, size_t n, size_t *len);

#endif
