/*
 * zipcheck — reads a written workbook back before it is published.
 * libxlsxwriter does not check the writes of its scratch files: when the
 * scratch folder fills, a part of the zip stops short (at a stdio buffer,
 * 8,192 bytes) and the zip around it is still consistent, so the workbook
 * "succeeds" and Excel cannot open it.  zipcheck parses the zip's central
 * directory, inflates every part with zlib, checks its size and CRC-32
 * against the directory, and checks that every XML part (*.xml, *.rels) is
 * well formed (tags balanced and properly nested, one root element,
 * attributes quoted, entities terminated) — a part cut short fails that.
 * Stage: render (render_xlsx.c), between writing and renaming.
 */
#ifndef GEN_ZIPCHECK_H
#define GEN_ZIPCHECK_H

#include <stddef.h>

typedef enum zc_status {
    ZC_OK = 0,
    ZC_CONTAINER, /* the zip itself is damaged: the file was written short or altered */
    ZC_PART,      /* the zip is whole, but a part's content is cut short or malformed */
} zc_status;

typedef struct zc_result {
    zc_status status;
    size_t parts;   /* parts checked */
    char part[256]; /* the part at fault ("" for the container) */
    char why[256];  /* what is wrong, e.g. "ends inside <sheetData> after 8192 bytes" */
} zc_result;

/* Checks the zip in buf[0..len).  Returns r->status. */
zc_status zipcheck_mem(const unsigned char *buf, size_t len, zc_result *r);

/* Checks the zip file open as fd (read from offset 0).  Returns r->status;
 * a file that cannot be read is ZC_CONTAINER with the reason. */
zc_status zipcheck_fd(int fd, zc_result *r);

/* Checks that s[0..n) is well-formed XML (as above).  Returns 0, or -1 with
 * the reason in why. */
int zipcheck_xml(const char *s, size_t n, char *why, size_t why_size);

#endif
