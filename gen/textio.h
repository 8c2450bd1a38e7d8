/*
 * textio — reading whole input text files and turning them into UTF-8.
 * Stage: load.  Excel and Notepad in China save GBK (GB18030) or UTF-8 with
 * a BOM; we accept both and say which was read.
 */
#ifndef GEN_TEXTIO_H
#define GEN_TEXTIO_H

#include "arena.h"
#include "diag.h"

#include <stddef.h>

/*
 * Reads path (at most max_bytes) and returns its text as UTF-8, NUL-
 * terminated, without BOM, in the arena; *len gets the length and *encoding
 * "UTF-8", "UTF-8 with BOM" or "GB18030".  path is opened once with
 * paths_open() (no project folder): anything but a regular file (a
 * folder, a FIFO, a device) is refused.  A NUL byte, a file that is
 * neither UTF-8 nor GB18030 or an unreadable file is reported
 * (with line and column where it applies) and NULL returned.
 */
char *textio_read_utf8(arena *a, diag *d, const char *path, size_t max_bytes, size_t *len,
                       const char **encoding);

/* The same from fd, a regular file opened by paths_open(), which is read
 * (never path: that names it in messages) and closed. */
char *textio_read_utf8_fd(arena *a, diag *d, int fd, const char *path, size_t max_bytes,
                          size_t *len, const char **encoding);

/* Converts n bytes of GB18030 (GBK) to UTF-8: a malloc'd, NUL-terminated
 * string with *outlen its length, or NULL with *bad the offset of the first
 * sequence that does not convert ((size_t)-1 if iconv cannot convert at
 * all).  Shared by csv.c and textio_read_utf8(). */
char *textio_from_gb18030(const char *in, size_t n, size_t *outlen, size_t *bad);

/* True if text that is not valid UTF-8 is UTF-8 with a few bad bytes (a
 * word pasted from a GBK file) rather than GBK, which must then be an error,
 * never a conversion into mojibake.  See textio.c for the measurements. */
int textio_mostly_utf8(const char *s, size_t n);

/* 1 if path exists (as anything). */
int textio_exists(const char *path);

#endif
