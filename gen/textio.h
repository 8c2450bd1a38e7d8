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
 * "UTF-8", "UTF-8 with BOM" or "GB18030".  A NUL byte, a file that is
 * neither UTF-8 nor GB18030, a directory or an unreadable file is reported
 * (with line and column where it applies) and NULL returned.
 */
char *textio_read_utf8(arena *a, diag *d, const char *path, size_t max_bytes, size_t *len,
                       const char **encoding);

/* 1 if path exists (as anything). */
int textio_exists(const char *path);

#endif
