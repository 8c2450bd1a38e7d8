/*
 * render_xlsx — the Excel workbook of the disclosure's tables (see render.h).
 * Stage: render.  Input: the document model and the config (output folder
 * and name, display unit and decimals).  Output: <dir>/<name>.xlsx with one
 * worksheet per DOC_TABLE and DOC_CHART block, in document order, written under a
 * temporary name and renamed into place (outfile.h).
 *
 * A chart (DOC_CHART) gets a sheet of its data with a native column chart
 * beside it (write_chart()), in document order among the tables.
 *
 * Each table sheet is laid out as the printed table: the title merged across the
 * columns, the unit line, the header rows with their spans, the body (amounts
 * as numbers, total rows as =SUM formulas where the figures allow it) and the
 * note.  Column widths and row heights are estimated here because Excel does
 * not size merged cells itself.  Only this file includes xlsxwriter.h.
 *
 * Reproducibility: the same document gives a byte-identical file.
 * libxlsxwriter 1.1.4 stamps every zip entry 1980-01-01 00:00 (checked with
 * zipinfo); the one clock it reads is the creation time in docProps/core.xml,
 * which we fix (creation_time()).
 */
#include "render.h"
#include "i18n.h"
#include "datasheet.h"

#include "layout.h"
#include "linebreak.h"
#include "outfile.h"
#include "scratch.h"
#include "strbuf.h"
#include "utf8.h"
#include "zipcheck.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

/* Face of every cell.  宋体 (SimSun) is the face of Chinese government
 * tables; its digits are half an em, the width of Excel's width unit (the
 * default font's digit), so a CJK character is 2 units and ASCII 1, which is
 * what the width estimate below assumes.  Viewers without SimSun substitute
 * their CJK face. */
#define FONT_NAME "宋体"
#define FONT_PT 11
#define TITLE_PT 14

/* Column widths, in Excel character units. */
#define W_PAD 2.0          /* cell padding and a safety margin */
#define W_MIN 6.0          /* narrowest column */
#define W_TEXT_MAX 50.0    /* widest wrapped text column */
#define W_TEXT_FLOOR 10.0  /* text columns shrink no further to fit a page */
#define W_HEAD_NOWRAP 12.0 /* header texts up to this width stay on one line */
#define W_MAX 255.0        /* Excel's limit */

/* Printable width of an A4 page with our margins at 100 % scale, in width
 * units (about 1.85 mm each): wider tables have their text columns narrowed
 * (down to W_TEXT_FLOOR) before fit-to-width scales the print down. */
#define PAGE_UNITS_PORTRAIT 100.0
#define PAGE_UNITS_LANDSCAPE 150.0

/* Row heights in points.  LINE_PT is one wrapped line of 11 pt text, a
 * little more than SimSun needs (14.25) so that the taller line spacing of
 * substitute CJK faces in LibreOffice and WPS still fits. */
#define ROW_DEFAULT 15.0
#define LINE_PT 15.0
#define ROW_PAD 3.0
#define TITLE_LINE_PT 20.0
#define ROW_MAX_PT 409.0 /* Excel's limit */

/* More columns than this print landscape even if the template did not ask. */
#define LANDSCAPE_COLS 7

/* Excel's sheet-name limit, counted in UTF-16 code units. */
#define SHEET_MAX 31

/* Cell formats are combinations of these bits, created on first use. */
enum {
    ST_ALIGN = 3,   /* doc_align in the low bits */
    ST_BOLD = 4,    /* total rows (合计/总计), header */
    ST_WRAP = 8,    /* text columns and headers */
    ST_NUMBER = 16, /* an amount: the "#,##0.00" number format */
    ST_TEXT = 32,   /* a classification code: the "@" text format */
    ST_HEAD = 64,   /* header cell: grey fill */
    ST_COUNT = 128
};

/* One run of the renderer. */
typedef struct xlsx {
    arena *a;
    diag *d;
    const config *c;
    const char *path; /* final file name, for messages */
    lxw_workbook *wb;
    lxw_format *cell[ST_COUNT]; /* cached cell formats (owned by wb) */
    lxw_format *title, *unit, *note;
    lxw_format *unit_left; /* the text at the left of the unit line */
    char num_format[32];                       /* amounts, per [units] decimals and thousands */
    money scale;                               /* fen per display unit */
    lxw_error err;                             /* the first library error, LXW_NO_ERROR if none */
    char where[LXW_MAX_SHEETNAME_LENGTH + 64]; /* what was being written then */
} xlsx;

/* Records the first error of the library with the place being written;
 * returns 0 for LXW_NO_ERROR, else -1 so that callers stop. */
static int lxw_check(xlsx *x, lxw_error e, const char *sheet, long row, long col)
{
    if (e == LXW_NO_ERROR)
        return 0;
    if (x->err == LXW_NO_ERROR) {
        x->err = e;
        if (row >= 0 && col >= 0) {
            char ref[LXW_MAX_CELL_NAME_LENGTH];
            lxw_rowcol_to_cell(ref, (lxw_row_t)row, (lxw_col_t)col);
            snprintf(x->where, sizeof x->where, "sheet '%s' cell %s", sheet, ref);
        } else if (sheet) {
            snprintf(x->where, sizeof x->where, "sheet '%s'", sheet);
        }
    }
    return -1;
}

/* ---- measuring text --------------------------------------------------- */

/* Advance of a code point in width units: 1 for ASCII and the other
 * alphabetic scripts below U+1100, 2 for CJK and for the punctuation and
 * symbols SimSun draws full-width (“ ” … ≥ ％). */
static double advance(void *ctx, uint32_t cp)
{
    (void)ctx;
    return cp < 0x1100 ? 1.0 : 2.0;
}

/* Width of the widest line of text (lines split at '\n'). */
static double text_width(const char *s)
{
    double best = 0;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        double w = lb_measure(s, n, advance, NULL);
        if (w > best)
            best = w;
        s += n;
        if (*s == '\n')
            s++;
    }
    return best;
}

/* Lines that text takes when wrapped at avail units, as linebreak.c breaks
 * them (Excel breaks CJK text at any character too; the kinsoku rules of
 * linebreak.c make the estimate err on the side of one line more). */
static int wrapped_lines(const char *s, double avail)
{
    if (!*s)
        return 1;
    if (avail < 2)
        avail = 2;
    lb_line *lines = NULL;
    size_t n = lb_break(s, avail, avail, advance, NULL, &lines);
    free(lines);
    return n > INT_MAX ? INT_MAX : (int)n;
}

/* Lines of text that does not wrap: only '\n' breaks it. */
static int hard_lines(const char *s)
{
    int n = 1;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Height of a row showing n lines of body text. */
static double lines_height(int n)
{
    return n <= 1 ? ROW_DEFAULT : n * LINE_PT + ROW_PAD;
}

/* Row heights snap to whole pixels (0.75 pt) as Excel stores them, and stop
 * at Excel's maximum; text beyond it is cut off in the cell (rare: a cell of
 * some 1,300 characters in a 50-unit column). */
static double snap_height(double h)
{
    return fmin(ceil(h / 0.75 - 1e-9) * 0.75, ROW_MAX_PT);
}

/* ---- formats ------------------------------------------------------------ */

/* The format for a combination of ST_* bits. */
static lxw_format *cell_format(xlsx *x, unsigned bits)
{
    if (x->cell[bits])
        return x->cell[bits];
    lxw_format *f = workbook_add_format(x->wb);
    format_set_font_name(f, FONT_NAME);
    format_set_font_size(f, FONT_PT);
    static const uint8_t ALIGN[] = {LXW_ALIGN_LEFT, LXW_ALIGN_CENTER, LXW_ALIGN_RIGHT};
    format_set_align(f, ALIGN[bits & ST_ALIGN]);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f, LXW_BORDER_THIN);
    if (bits & ST_BOLD)
        format_set_bold(f);
    if (bits & ST_WRAP)
        format_set_text_wrap(f);
    if (bits & ST_NUMBER)
        format_set_num_format(f, x->num_format);
    if (bits & ST_TEXT)
        format_set_num_format(f, "@");
    if (bits & ST_HEAD)
        format_set_bg_color(f, 0xD9D9D9); /* light grey, as in printed budget tables */
    x->cell[bits] = f;
    return f;
}

/* Formats of the lines around the table (no borders). */
static void make_frame_formats(xlsx *x)
{
    x->title = workbook_add_format(x->wb);
    format_set_font_name(x->title, FONT_NAME);
    format_set_font_size(x->title, TITLE_PT);
    format_set_bold(x->title);
    format_set_align(x->title, LXW_ALIGN_CENTER);
    format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(x->title);

    x->unit = workbook_add_format(x->wb);
    format_set_font_name(x->unit, FONT_NAME);
    format_set_font_size(x->unit, FONT_PT);
    format_set_align(x->unit, LXW_ALIGN_RIGHT);
    format_set_align(x->unit, LXW_ALIGN_VERTICAL_CENTER);

    x->unit_left = workbook_add_format(x->wb);
    format_set_font_name(x->unit_left, FONT_NAME);
    format_set_font_size(x->unit_left, FONT_PT);
    format_set_align(x->unit_left, LXW_ALIGN_LEFT);
    format_set_align(x->unit_left, LXW_ALIGN_VERTICAL_CENTER);

    x->note = workbook_add_format(x->wb);
    format_set_font_name(x->note, FONT_NAME);
    format_set_font_size(x->note, FONT_PT);
    format_set_align(x->note, LXW_ALIGN_LEFT);
    format_set_align(x->note, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(x->note);
}

/* "#,##0.00" for 2 decimals with thousands separators, "0" for none … */
static void make_num_format(xlsx *x)
{
    int dec = x->c->decimals; /* within every table's unit (config_set_units, build) */
    if (dec < 0)
        dec = 0;
    if (dec > money_unit_max_decimals(MONEY_WAN))
        dec = money_unit_max_decimals(MONEY_WAN);
    char *p = x->num_format;
    p += sprintf(p, "%s", x->c->thousands ? "#,##0" : "0");
    if (dec > 0) {
        *p++ = '.';
        for (int i = 0; i < dec; i++)
            *p++ = '0';
    }
    *p = '\0';
}

/* ---- sheet names -------------------------------------------------------- */

/* Appends s to sb, cut so that sb stays within max UTF-16 code units (the
 * unit Excel counts: a character beyond U+FFFF is two).  Returns the units
 * used. */
static int append_units(strbuf *sb, const char *s, int used, int max)
{
    while (*s) {
        const char *start = s;
        uint32_t cp = utf8_next(&s);
        int u = cp > 0xFFFF ? 2 : 1;
        if (used + u > max)
            break;
        sb_appendn(sb, start, (size_t)(s - start));
        used += u;
    }
    return used;
}

/* Strips spaces and apostrophes from both ends of sb in place: Excel
 * refuses a name that starts or ends with an apostrophe, and spaces at the
 * ends are invisible on the tab. */
static void strip_ends(strbuf *sb)
{
    if (!sb->buf)
        return;
    char *s = sb->buf;
    size_t start = 0, end = sb->len;
    while (start < end && (s[start] == ' ' || s[start] == '\''))
        start++;
    while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\''))
        end--;
    memmove(s, s + start, end - start);
    sb->len = end - start;
    s[sb->len] = '\0';
}

/* Drops opening brackets and quotes left at the end of a cut name
 * ("…情况表（" reads as a typo on the tab). */
static void strip_open_tail(strbuf *sb)
{
    /* ( { “ ‘ （ ［ ｛ 《 「 『 【 〔  ('[' is already ［) */
    static const uint32_t OPEN[] = {'(',    '{',    0x201C, 0x2018, 0xFF08, 0xFF3B,
                                    0xFF5B, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014};
    while (sb->len > 0) {
        size_t i = sb->len - 1;
        while (i > 0 && ((unsigned char)sb->buf[i] & 0xC0) == 0x80)
            i--;
        const char *p = sb->buf + i;
        uint32_t cp = utf8_next(&p);
        size_t k = 0;
        while (k < sizeof OPEN / sizeof OPEN[0] && OPEN[k] != cp)
            k++;
        if (k == sizeof OPEN / sizeof OPEN[0])
            return;
        sb->len = i;
        sb->buf[i] = '\0';
    }
}

/*
 * The sheet name of the index'th table or chart (1-based): its sheet, else
 * its title, else "表N" (fallback "表") or "图N".  The characters Excel forbids ([ ] : * ? / \)
 * become their full-width forms (so "收支/总表" reads the same), control characters become spaces,
 * and the name is cut to 31 characters (not after an opening bracket); a name already used (Excel
 * compares without case) or the reserved "History" gets "(2)", "(3)". Returns an arena string.
 */
static const char *sheet_name(xlsx *x, const char *sheet, const char *title, const char *fallback,
                              int index)
{
    const char *src = sheet && *sheet ? sheet : title;
    strbuf clean = STRBUF_INIT;
    if (src) {
        const char *s = src;
        uint32_t cp;
        while ((cp = utf8_next(&s)) != 0) {
            char enc[4];
            /* [ ] : * ? / \ and their full-width forms ［ ］ ： ＊ ？ ／ ＼ */
            static const char FORBIDDEN[] = "[]:*?/\\";
            static const uint32_t FULL[] = {0xFF3B, 0xFF3D, 0xFF1A, 0xFF0A, 0xFF1F, 0xFF0F, 0xFF3C};
            const char *bad = cp < 0x80 && cp ? strchr(FORBIDDEN, (int)cp) : NULL;
            if (bad)
                cp = FULL[bad - FORBIDDEN];
            else if (cp < 0x20 || cp == 0x7F)
                cp = ' ';
            sb_appendn(&clean, enc, (size_t)utf8_encode(cp, enc));
        }
        strip_ends(&clean);
    }
    if (clean.len == 0) {
        sb_reset(&clean);
        sb_printf(&clean, "%s%d", fallback, index);
    }

    strbuf name = STRBUF_INIT;
    const char *result = NULL;
    for (int k = 1; k < 10000 && !result; k++) {
        char suffix[16] = "";
        if (k > 1)
            snprintf(suffix, sizeof suffix, "(%d)", k);
        sb_reset(&name);
        append_units(&name, sb_str(&clean), 0, SHEET_MAX - (int)strlen(suffix));
        if (name.len < clean.len)
            strip_open_tail(&name);
        strip_ends(&name);
        sb_append(&name, suffix);
        if (strcasecmp(sb_str(&name), "History") == 0)
            continue;
        lxw_error e = workbook_validate_sheet_name(x->wb, sb_str(&name));
        if (e == LXW_NO_ERROR)
            result = arena_strdup(x->a, sb_str(&name));
        else if (e != LXW_ERROR_SHEETNAME_ALREADY_USED)
            break; /* cannot happen after cleaning; reported by the caller */
    }
    sb_free(&clean);
    sb_free(&name);
    return result;
}

/* ---- layout of a sheet -------------------------------------------------- */

/* An anchor's span, clipped to its grid (a span reaching past the grid is a
 * bug in build.c; clipping keeps the sheet well-formed). */
static void clip_span(const doc_cell *x, int row, int col, int nrows, int ncols, int *rs, int *cs)
{
    *rs = x->rowspan;
    *cs = x->colspan;
    if (row + *rs > nrows)
        *rs = nrows - row;
    if (col + *cs > ncols)
        *cs = ncols - col;
}

/* Whether a cell's text wraps in its sheet. */
static int cell_wraps(const doc_table *t, const doc_cell *x, int col, int head)
{
    return head || (!x->is_amount && t->cols[col].kind == DOC_COL_TEXT) || strchr(x->text, '\n');
}

/*
 * Column widths in character units: the widest body text of the column
 * (CJK 2, ASCII 1) plus padding; header texts longer than W_HEAD_NOWRAP may
 * wrap onto two lines; at least W_MIN and the template's min_chars.  Text
 * columns wrap and stop at W_TEXT_MAX; if the table is still wider than the
 * printed page, text columns are narrowed (not below W_TEXT_FLOOR or their
 * longest unbreakable word) so that fit-to-width scales the print down
 * less.  Cells spanning several columns are left to wrap and do not widen
 * columns.
 */
static void column_widths(const doc_table *t, int landscape, double *w)
{
    int n = t->ncols;
    double *natural = xcalloc((size_t)n, sizeof *natural);
    double *floor_w = xcalloc((size_t)n, sizeof *floor_w);
    for (int c = 0; c < n; c++) {
        const doc_column *col = &t->cols[c];
        double body = 0, head = 0, piece = 0;
        for (int r = 0; r < t->n_body; r++) {
            const doc_cell *x = doc_body_cell(t, r, c);
            if (x->colspan != 1)
                continue;
            double tw = text_width(x->text);
            if (tw > body)
                body = tw;
            if (col->kind == DOC_COL_TEXT) {
                double p = lb_min_width(x->text, advance, NULL);
                if (p > piece)
                    piece = p;
            }
        }
        for (int r = 0; r < t->n_head; r++) {
            const doc_cell *x = doc_head_cell(t, r, c);
            if (x->colspan != 1)
                continue;
            double tw = text_width(x->text);
            if (tw > head)
                head = tw;
        }
        double need = body;
        if (head > need) {
            if (head <= W_HEAD_NOWRAP)
                need = head;
            else
                need = fmax(need, fmax(W_HEAD_NOWRAP, ceil(head / 2)));
        }
        need = fmax(need, 2 * col->min_chars); /* min_chars is in em: 2 units */
        double width = fmax(need + W_PAD, W_MIN);
        if (col->kind == DOC_COL_TEXT) {
            width = fmin(width, W_TEXT_MAX);
            floor_w[c] = fmin(width, fmax(W_TEXT_FLOOR, fmin(piece + W_PAD, W_TEXT_MAX)));
        } else {
            width = fmin(width, W_MAX);
            floor_w[c] = width; /* amounts and codes never shrink: no "####" */
        }
        natural[c] = width;
        w[c] = width;
    }

    /* Too wide for the page: as HTML's automatic table layout does, give
     * every column its floor and share the remaining room in proportion to
     * what each column would still like (natural - floor), so the column of
     * a long duty description stays the widest and its rows the shortest. */
    double page = landscape ? PAGE_UNITS_LANDSCAPE : PAGE_UNITS_PORTRAIT;
    double sum_nat = 0, sum_floor = 0;
    for (int c = 0; c < n; c++) {
        sum_nat += natural[c];
        sum_floor += floor_w[c];
    }
    if (sum_nat > page) {
        double share = page > sum_floor ? (page - sum_floor) / (sum_nat - sum_floor) : 0;
        for (int c = 0; c < n; c++)
            w[c] = fmax(floor_w[c], floor(floor_w[c] + (natural[c] - floor_w[c]) * share));
    }
    free(natural);
    free(floor_w);
}

/* Width of columns col .. col+cs-1. */
static double span_width(const double *w, int col, int cs)
{
    double s = 0;
    for (int c = col; c < col + cs; c++)
        s += w[c];
    return s;
}

/*
 * Heights of the rows of a grid (header or body): each row as tall as its
 * tallest one-row cell, then rows under a taller row-spanning cell (a duty
 * cell of the performance table) grown evenly until it fits.
 */
static void grid_heights(const doc_table *t, int head, const double *w, double *h)
{
    int nrows = head ? t->n_head : t->n_body;
    for (int r = 0; r < nrows; r++)
        h[r] = ROW_DEFAULT;
    for (int pass = 0; pass < 2; pass++) {
        for (int r = 0; r < nrows; r++) {
            for (int c = 0; c < t->ncols; c++) {
                const doc_cell *x = head ? doc_head_cell(t, r, c) : doc_body_cell(t, r, c);
                if (x->rowspan == 0 || x->colspan == 0)
                    continue;
                int rs, cs;
                clip_span(x, r, c, nrows, t->ncols, &rs, &cs);
                if ((pass == 0) != (rs == 1))
                    continue;
                /* about one unit of the cell is its inner margin */
                int lines = cell_wraps(t, x, c, head)
                                ? wrapped_lines(x->text, span_width(w, c, cs) - 1)
                                : hard_lines(x->text);
                double need = lines_height(lines);
                double have = 0;
                for (int i = r; i < r + rs; i++)
                    have += h[i];
                if (need > have)
                    for (int i = r; i < r + rs; i++)
                        h[i] += (need - have) / rs;
            }
        }
    }
}

/* Sets a row's height when it differs from the default. */
static int set_height(xlsx *x, lxw_worksheet *ws, const char *sheet, lxw_row_t row, double h)
{
    h = snap_height(h);
    if (h <= ROW_DEFAULT)
        return 0;
    return lxw_check(x, worksheet_set_row(ws, row, h, NULL), sheet, (long)row, 0);
}

/* Writes text over rows r0..r1 and columns c0..c1: a merged range, or a plain
 * cell when the range is one cell (libxlsxwriter refuses to merge one). */
static lxw_error put_range(lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
                           lxw_col_t c1, const char *text, lxw_format *f)
{
    if (r0 != r1 || c0 != c1)
        return worksheet_merge_range(ws, r0, c0, r1, c1, text, f);
    if (!*text)
        return worksheet_write_blank(ws, r0, c0, f);
    return worksheet_write_string(ws, r0, c0, text, f);
}

/*
 * Whether the amount at body row r, column c of a total row may be written
 * as =SUM of the rows above: every row above is a normal row (a subtotal
 * would be counted twice), the column holds one-by-one cells there, at least
 * one of them an amount, and the exact sum of those amounts equals the
 * total's own value — the sheet must show the figure the document states,
 * so a total that does not add up (check.c reports it) stays a number.
 * Text cells inside the range are ignored by SUM as by this sum.  Sets
 * *first, *last to the body rows of the first and last amount.
 */
static int sum_range(const doc_table *t, int r, int c, int *first, int *last)
{
    money sum = 0;
    *first = *last = -1;
    for (int i = 0; i < r; i++) {
        if (t->row_kind[i] != DOC_ROW_NORMAL)
            return 0;
        const doc_cell *x = doc_body_cell(t, i, c);
        if (x->rowspan != 1 || x->colspan != 1)
            return 0;
        if (!x->is_amount)
            continue;
        if ((x->value > 0 && sum > INT64_MAX - x->value) ||
            (x->value < 0 && sum < INT64_MIN - x->value))
            return 0;
        sum += x->value;
        if (*first < 0)
            *first = i;
        *last = i;
    }
    return *first >= 0 && sum == doc_body_cell(t, r, c)->value;
}

/*
 * A computed subtotal or total as a formula over the n body cells it adds:
 * down its column c, rows rows[] (cell->sum_rows, set by build.c:
 * "=SUM(E5:E7,E9)"), or along its row r, columns cols[] (cell->sum_cols:
 * the “三公” 合计 and 小计, "=SUM(C5,E5,K5)"); runs of neighbouring cells
 * become ranges.  Only when every referenced cell is a one-by-one amount
 * (or a zero shown blank, which SUM counts as 0) and their exact sum is the
 * cell's own value, so the sheet recomputes to the document's figure.
 * Returns 1 and fills formula; 0: write the number.
 */
static int sum_formula(const doc_table *t, const doc_cell *cell, const int *rows, int c,
                       const int *cols, int r, int n, lxw_row_t row0, char *formula, size_t size)
{
    if ((!rows && !cols) || n <= 0)
        return 0;
    money sum = 0;
    for (int i = 0; i < n; i++) {
        const doc_cell *x = doc_body_cell(t, rows ? rows[i] : r, cols ? cols[i] : c);
        if (x->rowspan != 1 || x->colspan != 1 || (!x->is_amount && x->value != 0))
            return 0;
        sum += x->is_amount ? x->value : 0;
    }
    if (sum != cell->value)
        return 0;
    const int *k = rows ? rows : cols;
    size_t o = (size_t)snprintf(formula, size, "=SUM(");
    for (int i = 0; i < n; i++) {
        int j = i;
        while (j + 1 < n && k[j + 1] == k[j] + 1)
            j++; /* a run of neighbouring cells becomes a range */
        char a[LXW_MAX_CELL_NAME_LENGTH], b[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(a, row0 + (lxw_row_t)(rows ? rows[i] : r),
                           (lxw_col_t)(cols ? cols[i] : c));
        lxw_rowcol_to_cell(b, row0 + (lxw_row_t)(rows ? rows[j] : r),
                           (lxw_col_t)(cols ? cols[j] : c));
        int m = j > i ? snprintf(formula + o, size - o, "%s%s:%s", i ? "," : "", a, b)
                      : snprintf(formula + o, size - o, "%s%s", i ? "," : "", a);
        if (m < 0 || (size_t)m >= size - o - 2)
            return 0; /* too long for the buffer: write the number */
        o += (size_t)m;
        i = j;
    }
    snprintf(formula + o, size - o, ")");
    return 1;
}

/* Writes the header (head != 0) or body grid starting at sheet row row0. */
static int write_grid(xlsx *x, lxw_worksheet *ws, const char *sheet, const doc_table *t, int head,
                      lxw_row_t row0)
{
    int nrows = head ? t->n_head : t->n_body;
    for (int r = 0; r < nrows; r++) {
        int total = !head && t->row_kind[r] == DOC_ROW_TOTAL;
        for (int c = 0; c < t->ncols; c++) {
            const doc_cell *cell = head ? doc_head_cell(t, r, c) : doc_body_cell(t, r, c);
            if (cell->rowspan == 0 || cell->colspan == 0)
                continue; /* covered by a span written at its anchor */
            int rs, cs;
            clip_span(cell, r, c, nrows, t->ncols, &rs, &cs);
            unsigned bits;
            if (head) {
                bits = DOC_CENTER | ST_BOLD | ST_WRAP | ST_HEAD;
            } else {
                bits = (unsigned)cell->align & ST_ALIGN;
                if (total)
                    bits |= ST_BOLD;
                if (cell->is_amount)
                    bits |= ST_NUMBER;
                else if (t->cols[c].kind == DOC_COL_CODE)
                    bits |= ST_TEXT; /* codes stay text when edited: 2010301 */
                if (cell_wraps(t, cell, c, 0))
                    bits |= ST_WRAP;
            }
            lxw_format *f = cell_format(x, bits);
            lxw_row_t lr = row0 + (lxw_row_t)r;
            lxw_col_t lc = (lxw_col_t)c;
            int amount = !head && cell->is_amount;
            /* A merged amount is merged blank first, then its anchor
             * overwritten with the number (libxlsxwriter's documented way). */
            lxw_error e = LXW_NO_ERROR;
            if (!amount || rs > 1 || cs > 1)
                e = put_range(ws, lr, lc, lr + (lxw_row_t)rs - 1, lc + (lxw_col_t)cs - 1,
                              amount ? "" : cell->text, f);
            if (lxw_check(x, e, sheet, (long)lr, c) < 0)
                return -1;
            if (!amount)
                continue;
            /* The exact fen value becomes a double only here. */
            double v = (double)cell->value / (double)x->scale;
            int first, last;
            char sf[4096];
            if (rs == 1 && cs == 1 &&
                (sum_formula(t, cell, cell->sum_rows, c, NULL, r, cell->n_sum, row0, sf,
                             sizeof sf) ||
                 sum_formula(t, cell, NULL, c, cell->sum_cols, r, cell->n_sum_cols, row0, sf,
                             sizeof sf))) {
                e = worksheet_write_formula_num(ws, lr, lc, sf, f, v);
            } else if (total && rs == 1 && cs == 1 && sum_range(t, r, c, &first, &last)) {
                char from[LXW_MAX_CELL_NAME_LENGTH], to[LXW_MAX_CELL_NAME_LENGTH];
                char formula[2 * LXW_MAX_CELL_NAME_LENGTH + 16];
                lxw_rowcol_to_cell(from, row0 + (lxw_row_t)first, lc);
                lxw_rowcol_to_cell(to, row0 + (lxw_row_t)last, lc);
                snprintf(formula, sizeof formula, "=SUM(%s:%s)", from, to);
                /* The cached value is the stated total, so viewers that do
                 * not recalculate (openpyxl, previews) show the document's
                 * figure. */
                e = worksheet_write_formula_num(ws, lr, lc, formula, f, v);
            } else {
                e = worksheet_write_number(ws, lr, lc, v, f);
            }
            if (lxw_check(x, e, sheet, (long)lr, c) < 0)
                return -1;
        }
    }
    return 0;
}

/* "第{页}页 共{总页}页" → the Excel footer "&C第&P页 共&N页" ('&' doubled).
 * Returns NULL for no footer. */
static const char *excel_footer(arena *a, const char *pattern)
{
    if (!pattern || !*pattern)
        return NULL;
    strbuf sb = STRBUF_INIT;
    sb_append(&sb, "&C");
    for (const char *s = pattern; *s;) {
        if (strncmp(s, "{页}", strlen("{页}")) == 0) {
            sb_append(&sb, "&P");
            s += strlen("{页}");
        } else if (strncmp(s, "{总页}", strlen("{总页}")) == 0) {
            sb_append(&sb, "&N");
            s += strlen("{总页}");
        } else {
            if (*s == '&')
                sb_putc(&sb, '&');
            sb_putc(&sb, *s++);
        }
    }
    const char *r = arena_strdup(a, sb_str(&sb));
    sb_free(&sb);
    return r;
}

/* Print set-up of a sheet: A4, one page wide, centred, small margins
 * (inches), and the document's page footer when Excel can take it. */
static void set_print(xlsx *x, lxw_worksheet *ws, const char *sheet, int landscape,
                      const char *footer_pattern)
{
    worksheet_set_paper(ws, 9);
    if (landscape)
        worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    const char *footer = excel_footer(x->a, footer_pattern);
    if (footer && worksheet_set_footer(ws, footer) != LXW_NO_ERROR)
        diag_report(x->d, DIAG_NOTE, diag_at(x->path, 0, 0),
                    "sheet '%s': page footer too long for Excel, left out", sheet);
}

/* Writes one table as the sheet index (1-based).  Returns 0 or -1 (the error
 * recorded in x). */
/*
 * The first rows of a table's or a chart's sheet: the title (merged across,
 * its row tall enough for the wrapped title) and the unit line, each only
 * when given.  *row is the next free row before and after.  Returns 0 or -1
 * after reporting.
 */
static int write_title_rows(xlsx *x, lxw_worksheet *ws, const char *sheet, const char *title,
                            const char *unit, const char *left, lxw_col_t last_col,
                            double total_w, lxw_row_t *row)
{
    if (title && *title) {
        /* the title is TITLE_PT, wider than the FONT_PT the units assume */
        double avail = (total_w - 1) * FONT_PT / TITLE_PT;
        int lines = wrapped_lines(title, avail);
        if (lxw_check(x, put_range(ws, *row, 0, *row, last_col, title, x->title), sheet, *row,
                      0) < 0 ||
            lxw_check(x, worksheet_set_row(ws, *row, snap_height(lines * TITLE_LINE_PT + 6), NULL),
                      sheet, *row, 0) < 0)
            return -1;
        (*row)++;
    }
    if (left && *left && last_col > 0) {
        /* the left text over the first half, the unit line over the rest */
        lxw_col_t mid = (lxw_col_t)((last_col - 1) / 2);
        if (lxw_check(x, put_range(ws, *row, 0, *row, mid, left, x->unit_left), sheet, *row, 0) <
                0 ||
            lxw_check(x, put_range(ws, *row, mid + 1, *row, last_col, unit ? unit : "", x->unit),
                      sheet, *row, mid + 1) < 0)
            return -1;
        (*row)++;
    } else if ((unit && *unit) || (left && *left)) {
        const char *text = unit && *unit ? unit : left;
        if (left && *left && unit && *unit)
            text = arena_printf(x->a, "%s　　%s", left, unit); /* one column: one cell */
        if (lxw_check(x, put_range(ws, *row, 0, *row, last_col, text, x->unit), sheet, *row, 0) <
            0)
            return -1;
        (*row)++;
    }
    return 0;
}

/* A run of list items blocks[from..to) that come from data (list
 * csv:FILE) as a two-column table, 序号 | 内容, so the workbook has them
 * too; the sheet is named by the items. */
static doc_table *list_table(arena *a, const doc *dm, size_t from, size_t to)
{
    doc_table *t = doc_table_new(a, 2);
    t->id = "list";
    t->sheet = t->title = dm->blocks[from].sheet;
    t->cols[0] = (doc_column){"序号", DOC_COL_TEXT, DOC_CENTER, 0, 1};
    t->cols[1] = (doc_column){"内容", DOC_COL_TEXT, DOC_LEFT, 0, 6};
    doc_cell *h = doc_table_add_head(a, t);
    h[0].text = "序号";
    h[1].text = "内容";
    h[0].align = h[1].align = DOC_CENTER;
    for (size_t i = from; i < to; i++) {
        doc_cell *r = doc_table_add_body(a, t, DOC_ROW_NORMAL);
        r[0].text = dm->blocks[i].number ? dm->blocks[i].number : "";
        r[0].align = DOC_CENTER;
        r[1].text = dm->blocks[i].text ? dm->blocks[i].text : "";
        r[0].pos = r[1].pos = dm->blocks[i].src;
    }
    return t;
}

static int write_table(xlsx *x, const doc *dm, const doc_table *t, int index)
{
    x->scale = money_unit_scale(t->unit); /* its cells' numbers are in its unit */
    const char *sheet = sheet_name(x, t->sheet, t->title, "表", index);
    if (!sheet)
        return lxw_check(x, LXW_ERROR_PARAMETER_VALIDATION, t->id ? t->id : "", -1, -1);
    if (t->ncols < 1 || t->ncols > LXW_COL_MAX ||
        (long)t->n_head + t->n_body + 3 > (long)LXW_ROW_MAX)
        return lxw_check(x, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, sheet, -1, -1);
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, sheet);
    if (!ws)
        return lxw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet, -1, -1);

    int n = t->ncols;
    lxw_col_t last_col = (lxw_col_t)(n - 1);
    int landscape = t->landscape || n > LANDSCAPE_COLS;

    double *w = xcalloc((size_t)n, sizeof *w);
    double *hh = xcalloc((size_t)t->n_head + 1, sizeof *hh);
    double *bh = xcalloc((size_t)t->n_body + 1, sizeof *bh);
    column_widths(t, landscape, w);
    grid_heights(t, 1, w, hh);
    grid_heights(t, 0, w, bh);
    double total_w = span_width(w, 0, n);
    int rc = -1;

    for (int c = 0; c < n; c++)
        if (lxw_check(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c], NULL), sheet, 0,
                      c) < 0)
            goto out;

    /* The rows of the sheet, top to bottom: title, unit line, header, body,
     * note; a part the table lacks takes no row. */
    lxw_row_t row = 0;
    if (write_title_rows(x, ws, sheet, t->title, t->unit_line, t->unit_left, last_col, total_w,
                         &row) < 0)
        goto out;
    lxw_row_t head_first = row;
    if (write_grid(x, ws, sheet, t, 1, head_first) < 0)
        goto out;
    for (int r = 0; r < t->n_head; r++)
        if (set_height(x, ws, sheet, head_first + (lxw_row_t)r, hh[r]) < 0)
            goto out;
    lxw_row_t body_first = head_first + (lxw_row_t)t->n_head;
    if (write_grid(x, ws, sheet, t, 0, body_first) < 0)
        goto out;
    for (int r = 0; r < t->n_body; r++)
        if (set_height(x, ws, sheet, body_first + (lxw_row_t)r, bh[r]) < 0)
            goto out;
    row = body_first + (lxw_row_t)t->n_body;
    if (t->note && *t->note) {
        /* e.g. 本部门2020年无国有资本经营预算收支，本表为空表。 */
        int lines = wrapped_lines(t->note, total_w - 1);
        if (lxw_check(x, put_range(ws, row, 0, row, last_col, t->note, x->note), sheet, row, 0) <
                0 ||
            set_height(x, ws, sheet, row, lines_height(lines)) < 0)
            goto out;
    }

    /* Title, unit and header stay in view while scrolling, and the header
     * rows are printed on every page. */
    if (body_first > 0)
        worksheet_freeze_panes(ws, body_first, 0);
    if (t->n_head > 0 &&
        lxw_check(x, worksheet_repeat_rows(ws, head_first, body_first - 1), sheet, -1, -1) < 0)
        goto out;

    set_print(x, ws, sheet, landscape, dm->footer);
    rc = 0;
out:
    free(w);
    free(hh);
    free(bh);
    return rc;
}

/* ---- charts ------------------------------------------------------------- */

/* Header of the category column of a chart's data sheet. */
#define CHART_CAT_HEAD "项目"
/* Chart text: 宋体 as the cells; sizes in points. */
#define CHART_TITLE_PT 12
#define CHART_TEXT_PT 9
/* Excel's default chart is 480 × 288 pixels; wider for many categories. */
#define CHART_PX_PER_CAT 100.0
#define CHART_MAX_SCALE 2.5

/*
 * Writes one chart (DOC_CHART) as the sheet index (1-based among charts):
 * the data as a small table — title, unit line, a header row (项目 and the
 * series names) and one row per category with the exact amounts as numbers
 * in the document's format — and beside it a native column chart over
 * those cells: one series per doc series, named by its header cell, the
 * categories from the first column, the value axis as in the PDF
 * (layout.h: lay_nice_step) and the same colours.  Returns 0 or -1 (the
 * error recorded in x).
 */
static int write_chart(xlsx *x, const doc *dm, const doc_chart *ch, int index)
{
    x->scale = money_unit_scale(ch->amount_unit);
    const char *sheet = sheet_name(x, ch->sheet, ch->title, "图", index);
    if (!sheet)
        return lxw_check(x, LXW_ERROR_PARAMETER_VALIDATION, ch->id ? ch->id : "", -1, -1);
    int nc = ch->n_cats, ns = ch->n_series;
    if (ns < 1 || ns + 1 > LXW_COL_MAX || (long)nc + 3 > (long)LXW_ROW_MAX)
        return lxw_check(x, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, sheet, -1, -1);
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, sheet);
    if (!ws)
        return lxw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet, -1, -1);

    /* Column widths: the longest category, and per series its name or its
     * widest amount (as printed, with separators). */
    double *w = xcalloc((size_t)ns + 1, sizeof *w);
    w[0] = text_width(CHART_CAT_HEAD);
    for (int c = 0; c < nc; c++)
        w[0] = fmax(w[0], text_width(ch->cats[c] ? ch->cats[c] : ""));
    w[0] = fmin(fmax(w[0] + W_PAD, W_MIN), W_TEXT_MAX);
    for (int s = 0; s < ns; s++) {
        w[s + 1] = text_width(ch->series[s] ? ch->series[s] : "");
        for (int c = 0; c < nc; c++) {
            const char *l = ch->labels[s * nc + c];
            w[s + 1] = fmax(w[s + 1], text_width(l ? l : ""));
        }
        w[s + 1] = fmin(fmax(w[s + 1] + W_PAD, W_MIN), W_MAX);
    }
    double total_w = span_width(w, 0, ns + 1);
    int rc = -1;
    for (int c = 0; c <= ns; c++)
        if (lxw_check(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w[c], NULL), sheet, 0,
                      c) < 0)
            goto out;

    lxw_col_t last_col = (lxw_col_t)ns;
    lxw_row_t row = 0;
    if (write_title_rows(x, ws, sheet, ch->title, ch->unit, NULL, last_col, total_w, &row) < 0)
        goto out;
    lxw_row_t head = row++;
    lxw_format *hf = cell_format(x, DOC_CENTER | ST_BOLD | ST_WRAP | ST_HEAD);
    if (lxw_check(x, worksheet_write_string(ws, head, 0, CHART_CAT_HEAD, hf), sheet, head, 0) < 0)
        goto out;
    for (int s = 0; s < ns; s++)
        if (lxw_check(x,
                      put_range(ws, head, (lxw_col_t)(s + 1), head, (lxw_col_t)(s + 1),
                                ch->series[s] ? ch->series[s] : "", hf),
                      sheet, head, s + 1) < 0)
            goto out;
    lxw_row_t first = row;
    lxw_format *tf = cell_format(x, DOC_LEFT | ST_WRAP),
               *nf = cell_format(x, DOC_RIGHT | ST_NUMBER);
    money max = 0;
    for (int c = 0; c < nc; c++, row++) {
        const char *cat = ch->cats[c] ? ch->cats[c] : "";
        if (lxw_check(x, put_range(ws, row, 0, row, 0, cat, tf), sheet, row, 0) < 0 ||
            set_height(x, ws, sheet, row, lines_height(wrapped_lines(cat, w[0] - 1))) < 0)
            goto out;
        for (int s = 0; s < ns; s++) {
            money v = ch->values[s * nc + c];
            max = v > max ? v : max;
            /* the exact fen value becomes a double only here */
            if (lxw_check(x,
                          worksheet_write_number(ws, row, (lxw_col_t)(s + 1),
                                                 (double)v / (double)x->scale, nf),
                          sheet, row, s + 1) < 0)
                goto out;
        }
    }
    lxw_row_t last = row - 1;

    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_COLUMN);
    if (!chart) {
        lxw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet, -1, -1);
        goto out;
    }
    /* lxw_chart_font takes a char *: libxlsxwriter copies the name */
    static char face[] = FONT_NAME;
    lxw_chart_font text = {.name = face, .size = CHART_TEXT_PT};
    lxw_chart_font title = {.name = face, .size = CHART_TITLE_PT, .bold = 1};
    for (int s = 0; s < ns; s++) {
        lxw_chart_series *se = chart_add_series(chart, NULL, NULL);
        if (!se) {
            lxw_check(x, LXW_ERROR_MEMORY_MALLOC_FAILED, sheet, -1, -1);
            goto out;
        }
        lxw_col_t col = (lxw_col_t)(s + 1);
        chart_series_set_categories(se, sheet, first, 0, last, 0);
        chart_series_set_values(se, sheet, first, col, last, col);
        chart_series_set_name_range(se, sheet, head, col);
        lxw_chart_fill fill = {.color = lay_series_rgb(s, ns)};
        chart_series_set_fill(se, &fill);
        /* value labels above the bars, as printed */
        chart_series_set_labels(se);
        chart_series_set_labels_num_format(se, x->num_format);
        chart_series_set_labels_font(se, &text);
    }
    if (ch->title && *ch->title) {
        chart_title_set_name(chart, ch->title);
        chart_title_set_name_font(chart, &title);
    }
    if (ch->unit && *ch->unit) {
        chart_axis_set_name(chart->y_axis, ch->unit);
        chart_axis_set_name_font(chart->y_axis, &text);
    }
    /* the PDF's value axis: from 0 in the same nice steps */
    int nsteps;
    money step = lay_nice_step(max, x->scale, &nsteps);
    chart_axis_set_min(chart->y_axis, 0);
    chart_axis_set_max(chart->y_axis, (double)(step * nsteps) / (double)x->scale);
    chart_axis_set_major_unit(chart->y_axis, (double)step / (double)x->scale);
    char axis_fmt[24];
    int dec = 0;
    for (money q = x->scale; dec < 6 && step % q; q /= 10)
        dec++;
    snprintf(axis_fmt, sizeof axis_fmt, "%s%s%.*s", x->c->thousands ? "#,##0" : "0", dec ? "." : "",
             dec, "000000");
    chart_axis_set_num_format(chart->y_axis, axis_fmt);
    chart_axis_set_num_font(chart->y_axis, &text);
    chart_axis_set_num_font(chart->x_axis, &text);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_legend_set_font(chart, &text);

    lxw_chart_options opt;
    memset(&opt, 0, sizeof opt);
    opt.x_scale = fmin(fmax(1.0, nc * CHART_PX_PER_CAT / 480.0), CHART_MAX_SCALE);
    opt.y_scale = 1.25;
    opt.description = ch->title && *ch->title ? (char *)ch->title : NULL;
    /* beside the data, one empty column between */
    if (lxw_check(x, worksheet_insert_chart_opt(ws, 0, last_col + 2, chart, &opt), sheet, -1, -1) <
        0)
        goto out;

    /* landscape: the chart is beside the table */
    set_print(x, ws, sheet, 1, dm->footer);
    rc = 0;
out:
    free(w);
    return rc;
}

/* ---- the workbook ------------------------------------------------------- */

/* Days from 1970-01-01 to 1 January of year y (proleptic Gregorian; the
 * civil-from-days algorithm of H. Hinnant, for month 1 day 1). */
static long long days_to_jan1(long long y)
{
    y -= 1; /* January counts in the previous March-based year */
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + 306;
    return era * 146097 + doe - 719468;
}

/*
 * The creation time written into docProps/core.xml: SOURCE_DATE_EPOCH if
 * set (reproducible-builds.org: a malformed value is an error), else
 * 1 January of the budget year, 00:00 UTC — never the clock, so the same
 * input gives the same bytes.  libxlsxwriter takes 0 to mean "now", so the
 * epoch itself is written one second later.
 */
static int creation_time(diag *d, const doc *dm, time_t *out)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) { /* set but empty counts as unset, as for most tools */
        char *end;
        errno = 0;
        long long v = strtoll(sde, &end, 10);
        /* digits only: strtoll alone would take " 12", "-5" and "+5" */
        if (*sde < '0' || *sde > '9' || *end || errno ||
            (sizeof(time_t) < sizeof v && v > INT32_MAX)) {
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "SOURCE_DATE_EPOCH='%s' is not a number of seconds since 1970", sde);
            return -1;
        }
        *out = (time_t)(v ? v : 1);
        return 0;
    }
    int year = dm->year >= 1971 && dm->year <= 9999 ? dm->year : 1980;
    *out = (time_t)(days_to_jan1(year) * 86400);
    return 0;
}

/*
 * Reads the written workbook back (zipcheck.h).  A zip that is whole around
 * a part cut short means libxlsxwriter's scratch file of that part stopped
 * (its writes are not checked): the scratch folder was full, or a file
 * reached `ulimit -f`.  A damaged zip means the file in the output folder
 * was written short.  Returns 0, or -1 after reporting.
 */
static int check_written(arena *a, diag *d, const outfile *of, const outdir *od,
                         const char *scratch)
{
    int fd = openat(of->dirfd, of->tmp_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    zc_result r;
    if (fd < 0) {
        diag_syserr(d, "cannot read back", of->tmp_path, errno);
        return -1;
    }
    zc_status st = zipcheck_fd(fd, &r);
    close(fd);
    if (st == ZC_OK)
        return 0;
    const char *detail = r.part[0] ? arena_printf(a, "%s: %s", r.part, r.why) : r.why;
    struct rlimit rl;
    int limited = getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY;
    if (st == ZC_PART) {
        const char *env = getenv("TMPDIR");
        const char *where =
            env && *env ? arena_printf(a, "TMPDIR=%s", env)
            : strcmp(scratch, "/dev/shm") == 0
                ? _("/dev/shm (the memory file system budgetgen uses for scratch files when "
                    "TMPDIR is not set)")
                : arena_printf(a, _("%s (TMPDIR is not set)"), scratch);
        if (limited)
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "cannot write '%s': the workbook's parts were cut short while written "
                        "to %s: its disk is full, or a part reached the file size limit (ulimit "
                        "-f, %llu bytes): free space, set TMPDIR to a larger folder or raise the "
                        "limit (read back before publishing, %s)",
                        of->final_path, where, (unsigned long long)rl.rlim_cur, detail);
        else
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "cannot write '%s': no space left on the disk of %s while writing the "
                        "workbook's parts: free space or set TMPDIR to a larger folder (read "
                        "back before publishing, %s)",
                        of->final_path, where, detail);
    } else {
        struct statvfs sv;
        int full = fstatvfs(od->fd, &sv) == 0 && sv.f_bavail == 0;
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot write '%s': the workbook written is damaged%s: %s (read back before "
                    "publishing, %s)",
                    of->final_path,
                    full ? _(": no space left on the disk of the output folder") : "",
                    full ? _("free space there or choose another output folder") : _("run again"),
                    detail);
    }
    return -1;
}

/* Reports the first library error, naming the output file. */
static void report_lxw(xlsx *x, lxw_error e, int sys_errno)
{
    int io = e == LXW_ERROR_CREATING_XLSX_FILE || e == LXW_ERROR_CREATING_TMPFILE ||
             e == LXW_ERROR_READING_TMPFILE || e == LXW_ERROR_ZIP_FILE_OPERATION ||
             e == LXW_ERROR_ZIP_FILE_ADD || e == LXW_ERROR_ZIP_CLOSE;
    diag_report(x->d, DIAG_ERROR, diag_at(x->path, 0, 0), "cannot write the workbook%s%s: %s%s%s",
                x->where[0] ? ", " : "", x->where, lxw_strerror(e), io && sys_errno ? ": " : "",
                io && sys_errno ? strerror(sys_errno) : "");
}

int render_xlsx_tmp(arena *a, diag *d, const config *c, const doc *dm, const outdir *od,
                    outfile *of)
{
    xlsx x;
    memset(&x, 0, sizeof x);
    x.a = a;
    x.d = d;
    x.c = c;
    make_num_format(&x);

    time_t created;
    if (creation_time(d, dm, &created) < 0)
        return -1;

    memset(of, 0, sizeof *of);
    FILE *fp = outfile_begin_at(a, d, of, od, arena_printf(a, "%s.xlsx", c->output_name));
    if (!fp)
        return -1;
    x.path = of->final_path;
    /* libxlsxwriter writes by name when the workbook is closed: keep only the
     * temporary file's name, reached through the opened folder. */
    if (fclose(fp) != 0) {
        int e = errno;
        outfile_abort(of, NULL);
        diag_syserr(d, "cannot write", of->final_path, e);
        return -1;
    }

    /* Not constant_memory: merged ranges need the whole sheet in memory.
     * libxlsxwriter writes each part of the workbook to a temporary file
     * (about 30 for a disclosure), unlinked as soon as it is made, so a
     * crash leaves nothing behind.  They go to $TMPDIR when it is set;
     * otherwise to /dev/shm, the memory file system, when there is one we
     * may write to, rather than /tmp, which is often a disk: creating and
     * deleting 30 files per document there cost about 1 ms of system time
     * each (1,000 departments: 12.3 s of system time with /tmp on ext4,
     * 11.1 s with /dev/shm).  libxlsxwriter does not check its writes to
     * these files: a full scratch folder gives parts cut short in an
     * otherwise consistent zip, which check_written() finds. */
    lxw_workbook_options opt;
    memset(&opt, 0, sizeof opt);
    const char *env_tmp = getenv("TMPDIR");
    struct stat shm;
    const char *scratch;
    if (env_tmp && *env_tmp)
        scratch = env_tmp;
    else if (stat("/dev/shm", &shm) == 0 && S_ISDIR(shm.st_mode) &&
             access("/dev/shm", W_OK | X_OK) == 0)
        scratch = "/dev/shm";
    else
        scratch = "/tmp";
    /* A folder of this build's own in it (scratch.h), so that a part file
     * a kill leaves behind is found and removed by the next build. */
    scratch_dir sc;
    if (scratch_open(a, &sc, scratch) != 0) {
        int e = errno;
        const char *env = getenv("TMPDIR");
        outfile_report_errno(d, of->final_path, "the workbook's scratch folder",
                             env && *env ? arena_printf(a, "TMPDIR=%s", env) : scratch,
                             "free space there or set TMPDIR to a folder budgetgen may write "
                             "into",
                             e);
        outfile_abort(of, NULL);
        return -1;
    }
    opt.tmpdir = (char *)sc.path; /* the field is not const; libxlsxwriter only reads it */
    x.wb = workbook_new_opt(of->open_path, &opt);
    if (!x.wb) {
        scratch_close(&sc);
        diag_report(d, DIAG_ERROR, diag_at(x.path, 0, 0), "cannot write the workbook: %s",
                    lxw_strerror(LXW_ERROR_MEMORY_MALLOC_FAILED));
        outfile_abort(of, NULL);
        return -1;
    }
    make_frame_formats(&x);

    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = dm->title ? arena_strdup(a, dm->title) : NULL;
    props.subject = dm->subject ? arena_strdup(a, dm->subject) : NULL;
    props.author = dm->author ? arena_strdup(a, dm->author) : NULL;
    props.keywords = dm->keywords ? arena_strdup(a, dm->keywords) : NULL;
    props.created = created;
    lxw_check(&x, workbook_set_properties(x.wb, &props), NULL, -1, -1);

    int tables = 0, charts = 0;
    for (size_t i = 0; i < dm->n && x.err == LXW_NO_ERROR; i++) {
        const doc_block *b = &dm->blocks[i];
        if (b->kind == DOC_TABLE && b->table)
            write_table(&x, dm, b->table, ++tables);
        else if (b->kind == DOC_LIST_ITEM && b->sheet &&
                 (i == 0 || dm->blocks[i - 1].kind != DOC_LIST_ITEM || !dm->blocks[i - 1].sheet)) {
            size_t end = i;
            while (end < dm->n && dm->blocks[end].kind == DOC_LIST_ITEM && dm->blocks[end].sheet)
                end++;
            write_table(&x, dm, list_table(a, dm, i, end), ++tables);
        }
        else if (b->kind == DOC_CHART && b->chart && b->chart->n_cats > 0 && b->chart->n_series > 0)
            write_chart(&x, dm, b->chart, ++charts);
    }
    if (tables + charts == 0 && x.err == LXW_NO_ERROR)
        diag_report(d, DIAG_NOTE, diag_at(x.path, 0, 0),
                    "the document has no tables: the workbook has one empty sheet");
    if (x.err == LXW_NO_ERROR) /* the input rows, for budgetgen import (datasheet.h) */
        lxw_check(&x, datasheet_write(x.wb, a, d, c), DATASHEET_NAME, -1, -1);

    /* workbook_close() frees the workbook whatever it returns. */
    errno = 0;
    lxw_error ce = workbook_close(x.wb);
    int close_errno = errno;
    x.wb = NULL;
    scratch_close(&sc);
    if (x.err != LXW_NO_ERROR || ce != LXW_NO_ERROR) {
        if (x.err == LXW_NO_ERROR)
            x.err = ce;
        if (ce != LXW_NO_ERROR && (close_errno == ENOSPC || close_errno == EDQUOT ||
                                   close_errno == EFBIG))
            outfile_report_errno(d, of->final_path, "the workbook",
                                 arena_printf(a, "the output folder %s", od->path),
                                 "free space there or choose another output folder",
                                 close_errno);
        else
            report_lxw(&x, x.err, close_errno);
        outfile_abort(of, NULL);
        return -1;
    }
    /* Synced and closed, then read back before anything is renamed. */
    if (outfile_finish(d, of, NULL) != 0)
        return -1;
    if (check_written(a, d, of, od, scratch) != 0) {
        outfile_abort(of, NULL);
        return -1;
    }
    return 0;
}

int render_xlsx(arena *a, diag *d, const config *c, const doc *dm)
{
    outdir od;
    if (outdir_open(d, &od, c->output_pos, config_output_what(a, c), c->output_dir, NULL) < 0)
        return -1;
    outfile of;
    int rc = render_xlsx_tmp(a, d, c, dm, &od, &of);
    if (rc == 0 && outfile_publish(d, &of) != 0)
        rc = -1;
    outdir_close(&od);
    return rc;
}
