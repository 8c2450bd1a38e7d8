/*
 * csv — load stage: one CSV file → csv_table of trimmed UTF-8 cells, each
 * record tagged with the line it starts on (see csv.h for the contract).
 * Input: raw bytes as Excel or an editor saves them.  Steps: read with a
 * size cap, reject NUL, strip the BOM, pick UTF-8 or GB18030, then feed
 * libcsv one physical line at a time so that every record knows its line.
 */
#include "csv.h" /* ours: gen/csv.h, found next to this file by the quote rule */
#include "i18n.h"

/*
 * The system libcsv header has the same name as ours.  The Makefile compiles
 * the files in gen/ without -Igen, so the angle form skips gen/ and finds
 * /usr/include/csv.h.  If someone ever adds -Igen to the flags, the
 * angle include would resolve to our own header, whose guard is already
 * defined, and the libcsv names below would vanish: fail loudly instead.
 */
#include <csv.h>
#ifndef LIBCSV_H__
#error "<csv.h> is not libcsv's header: keep gen/ off the -I path for gen/*.c"
#endif

#include "arena.h"
#include "csvshape.h"
#include "diag.h"
#include "names.h"
#include "paths.h"
#include "strbuf.h"
#include "textio.h"
#include "utf8.h"

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KIB ((size_t)1024)
#define MIB (KIB * 1024)

/* Defaults documented in csv.h. */
#define CSV_DEFAULT_MAX_BYTES (64 * MIB)
#define CSV_DEFAULT_MAX_ROWS ((size_t)1000000)
#define CSV_DEFAULT_MAX_CELL (64 * KIB)

/* Fills in the defaults for zero fields.  The byte cap is also clamped so
 * that "limit + 1" (used to detect an over-long read) cannot overflow. */
static csv_limits resolve_limits(const csv_limits *lim)
{
    csv_limits l = {0, 0, 0};
    if (lim)
        l = *lim;
    if (l.max_bytes == 0)
        l.max_bytes = CSV_DEFAULT_MAX_BYTES;
    if (l.max_bytes > SIZE_MAX / 4)
        l.max_bytes = SIZE_MAX / 4;
    if (l.max_rows == 0)
        l.max_rows = CSV_DEFAULT_MAX_ROWS;
    if (l.max_cell_bytes == 0)
        l.max_cell_bytes = CSV_DEFAULT_MAX_CELL;
    return l;
}

/* A limit as people write it: "64 MiB", "64 KiB" or "100 bytes". */
static const char *size_text(char *buf, size_t bufsize, size_t n)
{
    if (n >= MIB && n % MIB == 0)
        snprintf(buf, bufsize, "%zu MiB", n / MIB);
    else if (n >= KIB && n % KIB == 0)
        snprintf(buf, bufsize, "%zu KiB", n / KIB);
    else
        snprintf(buf, bufsize, "%zu byte%s", n, n == 1 ? "" : "s");
    return buf;
}

/*
 * Offset just past the physical line that starts at off: past its "\n",
 * "\r\n" or lone "\r", or len for a last line without a terminator.  A lone
 * CR counts as a line break because libcsv ends an unquoted record on it
 * (old Mac "CSV (Macintosh)" files), so line numbers stay in step with the
 * records libcsv reports.
 */
static size_t line_end(const char *s, size_t off, size_t len)
{
    while (off < len) {
        char c = s[off++];
        if (c == '\n')
            return off;
        if (c == '\r') {
            if (off < len && s[off] == '\n')
                off++;
            return off;
        }
    }
    return off;
}

/* 1-based line of byte off, and the offset where that line starts. */
static int locate(const char *s, size_t len, size_t off, size_t *start)
{
    int line = 1;
    size_t b = 0;
    for (;;) {
        size_t e = line_end(s, b, len);
        if (e > off || e >= len)
            break;
        b = e;
        line++;
    }
    *start = b;
    return line;
}

/* True if libcsv would skip this line between records: only spaces, tabs
 * and the line terminator (its default is_space is space or tab). */
static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/*
 * Reads the whole file fd (path names it in messages; closed here) into a
 * malloc'd, NUL-terminated buffer.  A regular
 * file larger than the cap is refused from its size, before any reading;
 * for anything else (a pipe, a file that grows meanwhile) the read itself
 * stops one byte past the cap.  Reports and returns NULL on failure.
 */
static char *slurp(diag *d, int fd, const char *path, size_t max, size_t *n)
{
    char lim[32];
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;
        close(fd);
        diag_syserr(d, "cannot read", path, e);
        return NULL;
    }
    size_t cap = 64 * KIB, len = 0;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
        if ((uintmax_t)st.st_size > max) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "file is larger than the limit of %s",
                        size_text(lim, sizeof lim, max));
            fclose(f);
            return NULL;
        }
        cap = (size_t)st.st_size + 1; /* +1: reach EOF without growing */
    }
    if (cap > max + 1)
        cap = max + 1;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (len == cap) {
            cap = cap <= (max + 1) / 2 ? cap * 2 : max + 1;
            buf = xrealloc(buf, cap + 1);
        }
        size_t want = cap - len;
        size_t got = fread(buf + len, 1, want, f);
        len += got;
        if (len > max) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0), "file is larger than the limit of %s",
                        size_text(lim, sizeof lim, max));
            goto fail;
        }
        if (got < want)
            break;
    }
    if (ferror(f)) {
        int e = errno;
        diag_syserr(d, "cannot read", path, e);
        goto fail;
    }
    fclose(f);
    buf[len] = '\0';
    *n = len;
    return buf;
fail:
    fclose(f);
    free(buf);
    return NULL;
}

/*
 * libcsv grows its cell buffer by a fixed block (128 bytes) per call of its
 * realloc function, so a long cell costs one copy per 128 bytes: quadratic.
 * glibc's realloc hides it (mremap), but under ASan and valgrind a 10 MB
 * cell took over ten minutes before the cell limit could report it.  These
 * wrappers double the capacity instead (kept in a header in front of the
 * block); libcsv always gets at least the size it asked for.
 */
static void *field_realloc(void *p, size_t n)
{
    size_t *h = p ? (size_t *)p - 1 : NULL;
    size_t cap = h ? *h : 0;
    if (n <= cap)
        return p;
    if (n < cap * 2)
        n = cap * 2;
    h = xrealloc(h, sizeof *h + n);
    *h = n;
    return h + 1;
}

static void field_free(void *p)
{
    if (p)
        free((size_t *)p - 1);
}

/* Parsing state shared with the libcsv callbacks. */
typedef struct reader {
    arena *a;
    diag *d;
    const char *path;
    csv_limits lim;
    csv_table *t;
    int line;         /* physical line being fed to libcsv */
    int rec_line;     /* line where the current record starts */
    size_t rec_off;   /* byte offset of that line, for the unclosed-quote search */
    int at_row_start; /* no byte of a record seen since the last one ended */
    int errors;         /* errors this reader reported */
    int stop;           /* a limit was hit: ignore the rest of the file */
    strbuf cell;        /* scratch: one field, line ends normalised */
    const char **cells; /* the current record (malloc'd vector, arena strings) */
    size_t ncells, capcells;
    csv_row *rows; /* every record with content, the header's too (malloc'd vector) */
    size_t *widths; /* their numbers of cells */
    size_t nrows, caprows;
} reader;

/*
 * libcsv field callback.  The field arrives raw: CR LF or a lone CR inside
 * a quoted cell become "\n", so a multi-line cell reads the same whatever
 * the platform; then the cell is trimmed (Excel users pad with spaces and
 * the full-width U+3000) and checked against the size cap.
 */
static void on_field(void *s, size_t len, void *data)
{
    reader *r = data;
    if (r->stop)
        return;
    const char *p = s;
    sb_reset(&r->cell);
    if (!memchr(p, '\r', len))
        sb_appendn(&r->cell, p, len); /* the usual case: one copy */
    else
        for (size_t i = 0; i < len; i++) {
            if (p[i] == '\r') {
                if (i + 1 < len && p[i + 1] == '\n')
                    continue;
                sb_putc(&r->cell, '\n');
            } else {
                sb_putc(&r->cell, p[i]);
            }
        }
    size_t n;
    const char *v = utf8_trim(sb_str(&r->cell), &n);
    const char *cell = ""; /* shared for empty cells: Excel writes many */
    if (n > r->lim.max_cell_bytes) {
        char lim[32];
        diag_report(r->d, DIAG_ERROR, diag_at(r->path, r->rec_line, (int)r->ncells + 1),
                    "cell has %zu bytes; the limit is %s: shorten it, or raise max_cell in "
                    "[limits] of the config",
                    n, size_text(lim, sizeof lim, r->lim.max_cell_bytes));
        r->errors++;
    } else if (n > 0) {
        cell = arena_strndup(r->a, v, n);
    }
    if (r->ncells == r->capcells) {
        r->capcells = r->capcells ? r->capcells * 2 : 16;
        r->cells = xrealloc(r->cells, r->capcells * sizeof *r->cells);
    }
    r->cells[r->ncells++] = cell;
}

/* The current record's cells as an arena array (never called for an
 * empty record, so r->cells is not NULL). */
static const char **take_cells(reader *r)
{
    assert(r->ncells > 0);
    const char **v = arena_alloc(r->a, r->ncells * sizeof *v);
    memcpy(v, r->cells, r->ncells * sizeof *v);
    return v;
}

/* True if record r repeats the header cell for cell (cells past the
 * header's last column being empty). */
static int repeats_header(const csv_table *t, const csv_row *r)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(r->fields[i], t->header[i]) != 0)
            return 0;
    return 1;
}

/*
 * libcsv row callback: every record with any content is kept; the header
 * is chosen once the file is read (finish()), since Excel may save title
 * and unit rows above it.  A record of empty cells is dropped before its
 * width is compared, because Excel writes ",,,," for rows that once had
 * formatting, often wider or narrower than the real table.
 */
static void on_row(int c, void *data)
{
    reader *r = data;
    (void)c;
    r->at_row_start = 1;
    if (r->stop) {
        r->ncells = 0;
        return;
    }
    size_t i;
    for (i = 0; i < r->ncells; i++)
        if (r->cells[i][0] != '\0')
            break;
    if (i == r->ncells) {
        r->ncells = 0;
        return;
    }
    if (r->nrows == r->caprows) {
        r->caprows = r->caprows ? r->caprows * 2 : 64;
        r->rows = xrealloc(r->rows, r->caprows * sizeof *r->rows);
        r->widths = xrealloc(r->widths, r->caprows * sizeof *r->widths);
    }
    csv_row *row = &r->rows[r->nrows];
    r->widths[r->nrows++] = r->ncells;
    row->line = r->rec_line;
    row->fields = take_cells(r);
    /* Enough for the rows above the header, the header (two rows) and one
     * data row past the limit, which finish() reports. */
    if (r->nrows > r->lim.max_rows + CSVSHAPE_MAX_ABOVE + 2)
        r->stop = 1;
    r->ncells = 0;
}

/*
 * The header and the data rows of the records read: csvshape_header()
 * picks the header (skipping title and unit rows); then every data row
 * must have the header's cells (cells past them may be empty: Excel's
 * columns at the end), must not repeat the header, and there may be at
 * most max_rows of them.  Keeps the data rows in r->rows[0..nrows).
 */
static void finish(reader *r)
{
    csv_table *t = r->t;
    size_t first = csvshape_header(r->d, t, r->rows, r->widths, r->nrows, &r->errors);
    size_t hwidth = 0, widest = 0, k = 0;
    for (size_t i = 0; i < first; i++)
        if (r->rows[i].line >= t->header_line && r->widths[i] > hwidth)
            hwidth = r->widths[i];
    for (size_t i = first; i < r->nrows; i++) {
        csv_row *row = &r->rows[i];
        size_t n = r->widths[i], last = n;
        while (last > t->ncols && row->fields[last - 1][0] == '\0')
            last--;
        if (last != t->ncols) {
            /* libcsv accepts ragged records; a shifted cell would silently
             * land under the wrong heading, so refuse it. */
            if (last > t->ncols)
                diag_report(r->d, DIAG_ERROR, diag_at(r->path, row->line, (int)last),
                            "row has %zu fields but the header has %zu: this cell has no column "
                            "name above it; name the column in the header row, or delete the cell",
                            n, t->ncols);
            else
                diag_report(r->d, DIAG_ERROR, diag_at(r->path, row->line, 0),
                            "row has %zu field%s but the header has %zu", n, n == 1 ? "" : "s",
                            t->ncols);
            r->errors++;
        } else if (repeats_header(t, row)) {
            /* Two exports pasted into one file: the second header would
             * otherwise be read as data, and in a text table (institutions,
             * glossary, performance) published as a row named "单位名称". */
            diag_report(r->d, DIAG_ERROR, diag_at(r->path, row->line, 0),
                        "this row repeats the header row (line %d): remove it (were two tables "
                        "pasted into one file?)",
                        t->header_line);
            r->errors++;
        } else if (k >= r->lim.max_rows) {
            diag_report(r->d, DIAG_ERROR, diag_at(r->path, row->line, 0),
                        "too many data rows: the limit is %zu; if the file is right, raise max_rows "
                        "in [limits] of the config",
                        r->lim.max_rows);
            r->errors++;
            break;
        } else {
            if (n > widest)
                widest = n;
            r->rows[k++] = *row;
        }
    }
    r->nrows = k;
    if (r->errors == 0)
        csvshape_note_trailing(r->d, t, hwidth, widest);
}

/*
 * Finds the quote that opens the cell left unclosed at end of file.  libcsv
 * only says "parse error" at csv_fini; scanning the last record again (it
 * passed strict parsing up to the end, so plain RFC 4180 rules apply)
 * recovers where the quote is, which is what the user must fix.
 */
static size_t find_open_quote(const char *s, size_t off, size_t len)
{
    size_t opened = off;
    int in_quote = 0, field_start = 1;
    while (off < len) {
        char c = s[off];
        if (in_quote) {
            if (c == '"') {
                if (off + 1 < len && s[off + 1] == '"')
                    off++; /* "" is an escaped quote */
                else
                    in_quote = 0;
            }
        } else if (c == '"' && field_start) {
            in_quote = 1;
            opened = off;
            field_start = 0;
        } else if (c == ',' || c == '\r' || c == '\n') {
            field_start = 1;
        } else if (c != ' ' && c != '\t') {
            field_start = 0;
        }
        off++;
    }
    return opened;
}

/*
 * Reports a strict-mode error from csv_parse at byte off of the line that
 * starts at s.  libcsv stops on the offending byte, which is either a quote
 * where none may be (inside an unquoted cell, or after a closing quote and
 * spaces) or some other character right after a closing quote.
 */
static void report_parse_error(reader *r, struct csv_parser *p, const char *s, size_t n, size_t off)
{
    diag_pos pos = diag_at(r->path, r->line, utf8_column(s, off));
    r->errors++;
    if (csv_error(p) != CSV_EPARSE) {
        diag_report(r->d, DIAG_ERROR, pos, "cannot parse: %s", csv_strerror(csv_error(p)));
        return;
    }
    if (s[off] == '"') {
        diag_report(r->d, DIAG_ERROR, pos,
                    "unexpected quote; a cell containing quotes must be enclosed in quotes, "
                    "with each inner quote doubled (\"\")");
        return;
    }
    uint32_t cp;
    int k = utf8_decode(s + off, n - off, &cp);
    if (k == 0 || cp < 0x20 || cp == 0x7F)
        diag_report(r->d, DIAG_ERROR, pos,
                    "unexpected character U+%04X after a closing quote; a quote inside a "
                    "quoted cell must be doubled (\"\")",
                    (unsigned)(k ? cp : (unsigned char)s[off]));
    else
        diag_report(r->d, DIAG_ERROR, pos,
                    "unexpected character \"%.*s\" after a closing quote; a quote inside a "
                    "quoted cell must be doubled (\"\")",
                    k, s + off);
}

/*
 * Runs libcsv over the UTF-8 text.  It is fed one physical line at a time
 * (terminator included) so the callbacks know the current line: a record
 * starts on the first non-blank line fed after the previous record ended,
 * since libcsv skips blank lines between records.
 */
static void parse_text(reader *r, const char *text, size_t len)
{
    struct csv_parser p;
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
        xalloc_failed(); /* its only failure: out of memory */
    /* Growth through xrealloc ends the program on OOM (exit 2, with a
     * message) like every allocation here; field_realloc makes it geometric. */
    csv_set_realloc_func(&p, field_realloc);
    csv_set_free_func(&p, field_free);

    int failed = 0;
    size_t off = 0;
    r->at_row_start = 1;
    while (off < len && !r->stop) {
        size_t eol = line_end(text, off, len);
        r->line++;
        if (r->at_row_start && !is_blank(text + off, eol - off)) {
            r->rec_line = r->line;
            r->rec_off = off;
            r->at_row_start = 0;
        }
        size_t used = csv_parse(&p, text + off, eol - off, on_field, on_row, r);
        if (used < eol - off) {
            report_parse_error(r, &p, text + off, eol - off, used);
            failed = 1;
            break;
        }
        off = eol;
    }
    /* csv_fini ends a last record that has no line terminator; with
     * CSV_STRICT_FINI it fails if that record is inside a quoted cell,
     * which then swallowed everything to the end of the file. */
    if (!failed && !r->stop && csv_fini(&p, on_field, on_row, r) != 0) {
        size_t q = find_open_quote(text, r->rec_off, len), ls;
        int line = locate(text, len, q, &ls);
        /* Excel and editors end a file with a line break: a file that
         * stops inside a quoted cell without one was most likely cut off
         * (an interrupted copy or download). */
        int cut = len > 0 && text[len - 1] != '\n' && text[len - 1] != '\r';
        diag_report(r->d, DIAG_ERROR, diag_at(r->path, line, utf8_column(text + ls, q - ls)),
                    "quote opened here is never closed%s",
                    cut ? _("; the file ends inside this cell without a final line break: if it "
                            "was cut off, copy or export it again")
                        : "");
        r->errors++;
    }
    csv_free(&p);
}

/* Column of byte `off` of a line: counted in characters when the line up
 * to it is valid UTF-8 (what an editor shows), else in bytes. */
static int column_at(const char *line, size_t off)
{
    if (utf8_invalid_at(line, off) != (size_t)-1)
        return (int)off + 1;
    int col = 1;
    for (size_t i = 0; i < off; i++)
        col += ((unsigned char)line[i] & 0xC0) != 0x80;
    return col;
}

/*
 * Reports the first byte that cannot be decoded.  When the text is neither
 * UTF-8 nor GB18030, the decoding that got further is the one the author
 * most likely meant, so its first bad byte is the one to show.
 */
static void report_encoding(diag *d, const char *path, const char *s, size_t len, size_t bad,
                            int bom)
{
    size_t ls;
    int line = locate(s, len, bad, &ls);
    diag_pos pos = diag_at(path, line, column_at(s + ls, bad - ls));
    unsigned b = (unsigned char)s[bad];
    if (bom)
        diag_report(d, DIAG_ERROR, pos,
                    "invalid byte 0x%02X: the file starts with a UTF-8 byte-order mark but is "
                    "not valid UTF-8",
                    b);
    else
        diag_report(d, DIAG_ERROR, pos,
                    "invalid byte 0x%02X: the file is neither UTF-8 nor GB18030 (GBK) text", b);
}

/*
 * What a binary file saved or renamed as .csv is, from its first bytes, or
 * NULL.  A workbook renamed to .csv is a common mistake; "NUL byte at line
 * 3" would not tell the user what to do.
 */
static const char *binary_kind(const char *s, size_t n)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } kinds[] = {
        {"PK\x03\x04", 4, N_("an Excel workbook (.xlsx) or another ZIP archive")},
        {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
         N_("an old Excel workbook (.xls) or another Office file")},
        {"\x89PNG\r\n\x1A\n", 8, N_("a PNG image")},
        {"\xFF\xD8\xFF", 3, N_("a JPEG image")},
        {"%PDF-", 5, N_("a PDF document")},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (n >= kinds[i].len && memcmp(s, kinds[i].magic, kinds[i].len) == 0)
            return _(kinds[i].what);
    return NULL;
}

csv_table *csv_read(arena *a, diag *d, const char *path, const csv_limits *lim)
{
    int fd = paths_open(d, diag_at(path, 0, 0), NULL, NULL, path, 0, NULL);
    if (fd < 0)
        return NULL;
    return csv_read_fd(a, d, fd, path, lim);
}

csv_table *csv_read_fd(arena *a, diag *d, int fd, const char *path, const csv_limits *lim)
{
    csv_limits l = resolve_limits(lim);
    csv_table *t = arena_alloc(a, sizeof *t);
    t->path = arena_strdup(a, path);

    size_t n;
    char *raw = slurp(d, fd, t->path, l.max_bytes, &n);
    if (!raw)
        return NULL;

    /* (after a BOM too, so that a BOM never changes how a file is read) */
    size_t skip = n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    const char *kind = binary_kind(raw + skip, n - skip);
    if (kind) {
        diag_report(d, DIAG_ERROR, diag_at(t->path, 0, 0),
                    "the file is %s, not CSV text: save the table from Excel or WPS as "
                    "\"CSV UTF-8 (逗号分隔)\" under this name",
                    kind);
        free(raw);
        return NULL;
    }

    /* A NUL cannot be carried in C strings, and libcsv would hand it on
     * silently; it usually means a UTF-16 or binary (.xlsx) file. */
    const char *nul = memchr(raw, '\0', n);
    if (nul) {
        size_t ls, off = (size_t)(nul - raw);
        int line = locate(raw, n, off, &ls);
        int utf16 = n >= 2 && (((unsigned char)raw[0] == 0xFF && (unsigned char)raw[1] == 0xFE) ||
                               ((unsigned char)raw[0] == 0xFE && (unsigned char)raw[1] == 0xFF));
        diag_report(d, DIAG_ERROR, diag_at(t->path, line, column_at(raw + ls, off - ls)), "%s",
                    utf16 ? _("NUL byte: the file looks like UTF-16 (Excel \"Unicode Text\"); "
                              "save it as \"CSV UTF-8\"")
                          : _("NUL byte: a CSV file must be text"));
        free(raw);
        return NULL;
    }

    /* Excel's "CSV UTF-8" starts with a BOM.  libcsv would keep it in the
     * first header name, and in strict mode a BOM followed by a quote is
     * a stray-quote error, so it goes before parsing. */
    const char *text = raw;
    size_t len = n;
    int bom = n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0;
    if (bom) {
        text += 3;
        len -= 3;
    }
    t->encoding = bom ? "UTF-8 with BOM" : "UTF-8";

    /* Strictly valid UTF-8 is taken as UTF-8: GBK text of any length is
     * almost never valid UTF-8, while the reverse guess is unreliable. */
    char *conv = NULL;
    size_t bad = utf8_invalid_at(text, len);
    if (bad != (size_t)-1 && !bom && textio_mostly_utf8(text, len)) {
        size_t ls;
        int line = locate(text, len, bad, &ls);
        diag_report(d, DIAG_ERROR, diag_at(t->path, line, column_at(text + ls, bad - ls)),
                    "invalid byte 0x%02X: the rest of the file is UTF-8, but not this: "
                    "retype the characters here (pasted from a file saved as GBK?)",
                    (unsigned char)text[bad]);
        free(raw);
        return NULL;
    }
    if (bad != (size_t)-1) {
        size_t gbad = 0, clen = 0;
        if (!bom)
            conv = textio_from_gb18030(text, len, &clen, &gbad);
        if (!conv) {
            if (!bom && gbad == (size_t)-1) {
                int e = errno;
                diag_report(d, DIAG_ERROR, diag_at(t->path, 0, 0),
                            "not UTF-8, and cannot convert from GB18030: %s", strerror(e));
            } else {
                report_encoding(d, t->path, text, len, !bom && gbad > bad ? gbad : bad, bom);
            }
            free(raw);
            return NULL;
        }
        text = conv;
        len = clen;
        /* GB18030 has a byte-order mark too (84 31 95 33 → U+FEFF). */
        if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
            text += 3;
            len -= 3;
        }
        t->encoding = "GB18030";
        diag_report(d, DIAG_NOTE, diag_at(t->path, 0, 0),
                    "read as GB18030 (GBK), converted to UTF-8");
    }

    reader r;
    memset(&r, 0, sizeof r);
    r.a = a;
    r.d = d;
    r.path = t->path;
    r.lim = l;
    r.t = t;
    t->a = a;
    parse_text(&r, text, len);
    if (r.nrows)
        finish(&r);

    if (r.nrows == 0 && !t->header && r.errors == 0) {
        diag_report(d, DIAG_ERROR, diag_at(t->path, 0, 0), "empty file: expected a header row");
        r.errors++;
    }
    if (r.errors == 0) {
        t->nrows = r.nrows;
        t->rows = arena_alloc(a, (r.nrows ? r.nrows : 1) * sizeof *t->rows);
        if (r.nrows) /* r.rows is NULL then, and memcpy must not see it */
            memcpy(t->rows, r.rows, r.nrows * sizeof *t->rows);
    }
    sb_free(&r.cell);
    free(r.cells);
    free(r.rows);
    free(r.widths);
    free(conv);
    free(raw);
    return r.errors == 0 ? t : NULL;
}

/* The column in the file of field f (1-based), for messages. */
static int file_col(const csv_table *t, int f)
{
    return f < 0 ? 0 : t->colno ? t->colno[f] : f + 1;
}

int csv_map_columns(csv_table *t, diag *d, const csv_column *cols, size_t ncols, int *index)
{
    int errors = 0;
    if (t->sub_line && csvshape_join(t, d, cols, ncols) < 0) {
        for (size_t i = 0; i < ncols; i++)
            index[i] = -1;
        return -1;
    }
    strbuf expected = STRBUF_INIT; /* "项目, 合计, …", built on the first unknown column */
    for (size_t i = 0; i < ncols; i++)
        index[i] = -1;
    for (size_t f = 0; f < t->ncols; f++) {
        const char *h = t->header[f];
        diag_pos pos = diag_at(t->path, t->header_line, file_col(t, (int)f));
        size_t i;
        for (i = 0; i < ncols; i++)
            if (utf8_name_eq(h, cols[i].name) || (cols[i].alias && utf8_name_eq(h, cols[i].alias)) ||
                names_same_column(h, cols[i].name))
                break;
        if (i == ncols) {
            /* An unexpected heading is usually a typo in a required one;
             * ignoring it would then also hide where the data went. */
            if (expected.len == 0)
                for (size_t k = 0; k < ncols; k++)
                    sb_printf(&expected, "%s%s", k ? ", " : "", cols[k].name);
            diag_report(d, DIAG_ERROR, pos, "unknown column \"%s\"; expected one of: %s", h,
                        sb_str(&expected));
            errors++;
        } else if (index[i] >= 0) {
            diag_report(d, DIAG_ERROR, pos, "duplicate column \"%s\" (already at column %d)", h,
                        file_col(t, index[i]));
            errors++;
        } else {
            index[i] = (int)f;
        }
    }
    for (size_t i = 0; i < ncols; i++) {
        if (cols[i].required && index[i] < 0) {
            diag_report(d, DIAG_ERROR, diag_at(t->path, t->header_line, 0),
                        "missing required column \"%s\"", cols[i].name);
            errors++;
        }
    }
    sb_free(&expected);
    return errors ? -1 : 0;
}

diag_pos csv_pos(const csv_table *t, const csv_row *r, int f)
{
    /* f = -1 (a column csv_map_columns did not find) gives column 0, which
     * diag leaves out: the message then names the line only. */
    assert(r && f >= -1);
    return diag_at(t->path, r->line, file_col(t, f));
}
