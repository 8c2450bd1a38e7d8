/*
 * config — INI → typed config with inih (see config.h).
 *
 * Debian's libinih gives its handler no line numbers and cuts lines at 200
 * bytes silently.  We feed it through ini_parse_stream() with our own line
 * reader, which counts lines (so the handler knows where each key is) and
 * rejects over-long lines before inih can cut them.
 */
#include "config.h"

#include "i18n.h"
#include "strbuf.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* inih's line buffer: longer lines are cut by the library (INI_MAX_LINE). */
#define INI_LINE_LIMIT 200

typedef enum key_kind { K_STRING, K_INT, K_BOOL, K_UNIT, K_FORMATS } key_kind;

typedef struct key_def {
    const char *section;
    const char *name;
    key_kind kind;
    int required;
    const char *help; /* what is expected, for messages */
} key_def;

/* Every key the config understands.  The order is the order of --help. */
static const key_def KEYS[] = {
    {"document", "department", K_STRING, 1, N_("the department's full name (部门名称)")},
    {"document", "region", K_STRING, 1, N_("the region or government level (地区)")},
    {"document", "year", K_INT, 1, N_("the budget year, e.g. 2020")},
    {"document", "profile", K_STRING, 0,
     N_("a region's profile: national, district-2026 or a folder of templates holding document.tpl "
     "(and juesuan.tpl, read with kind = 决算; default national; see docs/profiles.md)")},
    {"document", "template", K_STRING, 0,
     N_("path of the document template, instead of a profile (default: the profile's "
     "document.tpl)")},
    {"document", "author", K_STRING, 0, N_("PDF author (default: the department)")},
    {"document", "language", K_STRING, 0,
     N_("zh or en: the language of budgetgen's messages for this config (default: the "
        "locale; --lang wins)")},
    {"document", "kind", K_STRING, 0,
     N_("预算 (the budget, default) or 决算 (the final accounts: docs/juesuan.md); yusuan and "
     "juesuan are accepted too")},
    {"units", "unit", K_UNIT, 0,
     N_("万元 or 元: the unit of the tables and charts (default 万元; a template's units tables "
     "wins)")},
    {"units", "decimals", K_INT, 0, N_("digits after the point for amounts (default 2)")},
    {"units", "thousands", K_BOOL, 0, N_("yes/no: thousands separators (default yes)")},
    {"units", "percent_decimals", K_INT, 0, N_("digits after the point for percentages (default 1)")},
    {"units", "percent_trim", K_BOOL, 0, N_("yes/no: write 2.0% as 2% (default no)")},
    {"units", "trim", K_BOOL, 0,
     N_("yes/no: tables drop trailing zeros, 29.00 as 29, 0.50 as 0.5 (default no)")},
    {"units", "text_decimals", K_INT, 0,
     N_("digits after the point for amounts in the text (default decimals)")},
    {"units", "text_trim", K_BOOL, 0,
     N_("yes/no: the text drops trailing zeros, 29万元, 0.5万元 (default trim)")},
    {"units", "text_thousands", K_BOOL, 0,
     N_("yes/no: thousands separators in the text (default thousands)")},
    {"units", "text_unit", K_UNIT, 0,
     N_("万元 or 元: the unit of amounts in the text (default unit; a template's units text wins)")},
    {"input", "dir", K_STRING, 1, N_("folder of this year's CSV and text files")},
    {"input", "unit", K_UNIT, 0,
     N_("万元 or 元: the unit the CSV files are typed in, converted exactly to [units] unit "
     "(default: [units] unit)")},
    {"input", "previous", K_STRING, 0, N_("folder of last year's files (for comparisons)")},
    {"input", "budget", K_STRING, 0,
     N_("with kind = 决算: the year's 预算 input folder, whose figures are the 年初预算")},
    {"input", "previous_year", K_INT, 0, N_("year of the previous folder (default year - 1)")},
    {"input", "earlier", K_STRING, 0,
     N_("folders of the years before previous, newest first, comma-separated (for trends)")},
    {"input", "function_codes", K_STRING, 0,
     N_("function code list (default templates/codes/function-YEAR.csv if there, else "
     "templates/codes/function.csv)")},
    {"input", "economic_codes", K_STRING, 0,
     N_("economic code list (default templates/codes/economic-YEAR.csv if there, else "
     "templates/codes/economic.csv)")},
    {"input", "previous_function_codes", K_STRING, 0,
     N_("function code list of the previous year's data (default templates/codes/"
     "function-PREVIOUS_YEAR.csv if there, else function_codes)")},
    {"input", "previous_economic_codes", K_STRING, 0,
     N_("economic code list of the previous year's data (default templates/codes/"
     "economic-PREVIOUS_YEAR.csv if there, else economic_codes)")},
    {"output", "dir", K_STRING, 0, N_("folder for the PDF and XLSX (default output)")},
    {"output", "name", K_STRING, 0,
     N_("file name without extension (default 部门-年度): no / \\ or control characters, "
     "not starting with '.'")},
    {"output", "formats", K_FORMATS, 0, N_("pdf, xlsx or pdf,xlsx (default pdf,xlsx)")},
    {"output", "data", K_BOOL, 0,
     N_("yes/no: the figures as open data, NAME.data/ (CSV, datapackage.json) and in the PDF "
     "(default yes)")},
    /* the fonts' default lists are printed by config_print_keys (FONT_DEFAULTS) */
    {"fonts", "body", K_STRING, 0,
     N_("paragraphs: a font family or file, or a list of them, the first installed wins")},
    {"fonts", "heading", K_STRING, 0, N_("一级标题 and table titles")},
    {"fonts", "title", K_STRING, 0, N_("the document title")},
    {"fonts", "subheading", K_STRING, 0, N_("二级及以下标题")},
    {"fonts", "table", K_STRING, 0, N_("table cells")},
    {"fonts", "bold", K_STRING, 0, N_("table header cells and 合计 rows")},
    {"fonts", "figures", K_STRING, 0,
     N_("the figures (0-9 . , % - +) of table cells and paragraphs, e.g. a Latin face; its bold "
        "weight, else bold, in header cells and 合计 rows (default: the face around them)")},
    {"check", "reason_threshold", K_INT, 0,
     N_("percent: a change larger than this needs a reason in reasons.csv (default 10; 0: off)")},
    {"check", "js_reason_threshold", K_INT, 0,
     N_("percent: with kind = 决算, a 决算 that differs from its 年初预算 by more than this needs a "
     "reason (default 10)")},
    {"check", "audit", K_STRING, 0,
     N_("word list of the self-audit of typed text (default audit.txt beside the template, else "
     "templates/audit.txt; none: off)")},
    {"limits", "max_rows", K_INT, 0, N_("most data rows in one CSV file (default 100000)")},
    {"limits", "max_cell", K_INT, 0, N_("most bytes in one CSV cell (default 65536)")},
    {"limits", "max_pages", K_INT, 0,
     N_("most pages of the PDF (default 2000); a CSV file may have 50 rows a page")},
};
#define NKEYS (sizeof KEYS / sizeof KEYS[0])

typedef struct parse_state {
    arena *a;
    diag *d;
    const char *path;
    FILE *fp;
    int line;            /* line just handed to inih */
    config_value values[NKEYS];
    int in_section;      /* a [section] header has been read */
    int section_known;   /* … and it is one we know */
    int rejected;        /* lines reported and not handed to inih */
    const char *linebuf; /* the line inih is parsing (in place) */
    size_t linelen;      /* its length as handed over */
    int cols[NKEYS];     /* column (characters, from 1) where each value starts */
} parse_state;

static int known_section(const char *name, size_t n)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (strlen(KEYS[i].section) == n && strncmp(KEYS[i].section, name, n) == 0)
            return 1;
    return 0;
}

/* Classifies one line before inih sees it, so that every problem is
 * reported at its own line (inih reports only the first, and never an
 * empty unknown section).  Returns 0 if the line must not reach inih. */
static int vet_line(parse_state *st, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    if (n == 0 || *s == ';' || *s == '#')
        return 1;
    diag_pos pos = diag_at(st->path, st->line, 0);
    if (*s == '[') {
        const char *close = memchr(s, ']', n);
        if (!close) {
            diag_report(st->d, DIAG_ERROR, pos, "expected a [section] header: ']' is missing");
            return 0;
        }
        size_t len = (size_t)(close - s - 1);
        st->in_section = 1;
        st->section_known = known_section(s + 1, len);
        if (!st->section_known)
            diag_report(st->d, DIAG_ERROR, pos,
                        "unknown section [%.*s]; expected [document], [units], [input], "
                        "[output], [fonts], [check] or [limits]",
                        (int)len, s + 1);
        return 1;
    }
    if (!memchr(s, '=', n) && !memchr(s, ':', n)) {
        diag_report(st->d, DIAG_ERROR, pos, "not a key = value line or a [section] header");
        return 0;
    }
    if (!st->in_section) {
        diag_report(st->d, DIAG_ERROR, pos,
                    "%.*s comes before any [section] header; put it under [document], "
                    "[units], [input], [output], [fonts], [check] or [limits]",
                    (int)n, s);
        return 0;
    }
    return 1;
}

/* Our ini_reader: one physical line per call, counted, length-checked. */
static char *read_line(char *str, int num, void *stream)
{
    parse_state *st = stream;
    char buf[4096];
    /* Read byte by byte rather than with fgets: fgets gives no length, and
     * strlen stops at a NUL byte, so a NUL made the line look unfinished
     * and the loop below swallowed the NEXT line ("unit = 元" after a
     * comment with a NUL vanished, and every amount was read in 万元). */
    size_t len = 0;
    int c = EOF;
    while (len < sizeof buf - 1 && (c = getc(st->fp)) != EOF) {
        buf[len++] = (char)c;
        if (c == '\n')
            break;
    }
    if (len == 0)
        return NULL;
    buf[len] = '\0';
    st->line++;
    int complete = buf[len - 1] == '\n';
    if (!complete && c != EOF) {
        /* Swallow the rest of an absurdly long line. */
        while ((c = fgetc(st->fp)) != EOF && c != '\n')
            ;
    }
    size_t content = len - (complete ? 1 : 0);
    if (content > 0 && buf[content - 1] == '\r')
        content--;
    if (memchr(buf, '\0', content)) {
        diag_report(st->d, DIAG_ERROR, diag_at(st->path, st->line, 0),
                    "NUL byte: the config must be text; save it as UTF-8");
        st->rejected++;
        str[0] = '\n';
        str[1] = '\0';
        return str;
    }
    /* A BOM at the start is allowed (Notepad writes one). */
    const char *text = buf;
    if (st->line == 1 && content >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        memmove(buf, buf + 3, content - 3);
        content -= 3;
    }
    if (utf8_invalid_at(text, content) != (size_t)-1) {
        diag_report(st->d, DIAG_ERROR, diag_at(st->path, st->line, 0),
                    "not valid UTF-8: save the config as UTF-8");
        content = 0;
        st->rejected++;
    } else if (content >= INI_LINE_LIMIT - 1 || content >= (size_t)num - 1) {
        diag_report(st->d, DIAG_ERROR, diag_at(st->path, st->line, 0),
                    "line is longer than %d bytes: keep config lines short and put long "
                    "text in files under the input folder",
                    INI_LINE_LIMIT - 2);
        content = 0;
        st->rejected++;
    } else if (!vet_line(st, text, content)) {
        content = 0;
        st->rejected++;
    }
    if (content > (size_t)num - 2)
        content = (size_t)num - 2;
    st->linebuf = str;
    st->linelen = content + 1;
    memcpy(str, buf, content);
    str[content] = '\n';
    str[content + 1] = '\0';
    return str;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    parse_state *st = user;
    if (!st->section_known)
        return 1; /* the unknown section was reported at its header line */
    for (size_t i = 0; i < NKEYS; i++) {
        if (strcmp(KEYS[i].section, section) || strcmp(KEYS[i].name, name))
            continue;
        if (st->values[i].text) {
            diag_report(st->d, DIAG_ERROR, diag_at(st->path, st->line, 0),
                        "%s is set twice in [%s] (first at line %d)", name, section,
                        st->values[i].pos.line);
            return 1;
        }
        st->values[i].text = arena_strdup(st->a, value);
        st->values[i].pos = diag_at(st->path, st->line, 0);
        /* inih parses our line buffer in place: value points into it. */
        if (st->linebuf && value >= st->linebuf && value <= st->linebuf + st->linelen) {
            /* Characters before it (inih has put NULs over the '=' and the
             * spaces around it, so count lead bytes rather than decode). */
            int col = 1;
            for (const char *p = st->linebuf; p < value; p++)
                col += ((unsigned char)*p & 0xC0) != 0x80;
            st->cols[i] = col;
        }
        return 1;
    }
    strbuf known = STRBUF_INIT;
    for (size_t i = 0; i < NKEYS; i++)
        if (strcmp(KEYS[i].section, section) == 0)
            sb_printf(&known, "%s%s", known.len ? ", " : "", KEYS[i].name);
    diag_report(st->d, DIAG_ERROR, diag_at(st->path, st->line, 0),
                "unknown key \"%s\" in [%s]; expected one of: %s", name, section, sb_str(&known));
    sb_free(&known);
    return 1;
}

static const config_value *value_of(const parse_state *st, const char *section, const char *name)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (!strcmp(KEYS[i].section, section) && !strcmp(KEYS[i].name, name))
            return &st->values[i];
    return NULL;
}

static const char *help_of(const char *section, const char *name)
{
    for (size_t i = 0; i < NKEYS; i++)
        if (!strcmp(KEYS[i].section, section) && !strcmp(KEYS[i].name, name))
            return _(KEYS[i].help);
    return "";
}

/* ---- the output name --------------------------------------------------------
 * [output] name (default 部门名称-年度) becomes the published files' names
 * and so their URLs on the portal.  A name that is not a plain file name is
 * refused, never cleaned: a silent rename would move a published URL. */

static const char *const NAME_RULE =
    N_("an output name is a file name: printable characters other than '/' and '\\', "
       "not starting with '.'");

/* Invisible line separators and reordering marks: a name holding one
 * would read differently from the bytes of its URL. */
static int is_format_char(uint32_t cp)
{
    return cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* What is wrong with code point cp at offset off of a name, or NULL. */
static const char *bad_name_char(uint32_t cp, size_t off, char *buf, size_t n)
{
    if (off == 0 && cp == '.')
        return _("starts with '.' (a hidden file, or '.' or '..')");
    if (cp == '/')
        return _("contains '/' (a folder separator)");
    if (cp == '\\')
        return _("contains '\\' (a folder separator on Windows)");
    if (cp == '\r')
        return _("contains a carriage return (CR)");
    if (cp == 0x1B)
        return _("contains an escape character (ESC)");
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
        snprintf(buf, n, _("contains the control character U+%04X"), (unsigned)cp);
        return buf;
    }
    if (is_format_char(cp)) {
        snprintf(buf, n, _("contains the invisible formatting character U+%04X"), (unsigned)cp);
        return buf;
    }
    return NULL;
}

/* s with every control or formatting character written as \xNN or \uNNNN,
 * so that a message never sends ESC or CR to the terminal. */
static const char *shown_name(arena *a, const char *s)
{
    strbuf sb = STRBUF_INIT;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(s + i, n - i, &cp);
        if (len <= 0) {
            sb_printf(&sb, "\\x%02X", (unsigned char)s[i]);
            i++;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F)
            sb_printf(&sb, "\\x%02X", (unsigned)cp);
        else if ((cp >= 0x80 && cp <= 0x9F) || is_format_char(cp))
            sb_printf(&sb, "\\u%04X", (unsigned)cp);
        else
            sb_appendn(&sb, s + i, (size_t)len);
        i += (size_t)len;
    }
    const char *res = arena_strdup(a, sb_str(&sb));
    sb_free(&sb);
    return res;
}

/* Reports a bad output name at the character that makes it bad: on the
 * [output] name line, or, for the default 部门名称-年度, on the department
 * line (the character is in the department's name). */
static void check_output_name(parse_state *st, const char *name)
{
    const config_value *nv = value_of(st, "output", "name");
    const config_value *dv = value_of(st, "document", "department");
    int from_default = !nv->text;
    const config_value *at = from_default ? dv : nv;
    int col0 = st->cols[at - st->values];
    size_t n = strlen(name);
    int chars = 0;
    for (size_t i = 0; i < n; chars++) {
        uint32_t cp;
        int len = utf8_decode(name + i, n - i, &cp);
        if (len <= 0)
            return; /* not UTF-8: read_line has reported the line */
        char buf[80];
        const char *why = bad_name_char(cp, i, buf, sizeof buf);
        if (why) {
            diag_pos pos = at->pos;
            if (!at->text)
                pos = diag_at(st->path, 0, 0);
            else if (col0 > 0)
                pos.col = col0 + chars;
            if (from_default)
                diag_report(st->d, DIAG_ERROR, pos,
                            "department = \"%s\": the default output name \"%s\" "
                            "(部门名称-年度) %s: set [output] name; %s",
                            shown_name(st->a, dv->text ? dv->text : ""), shown_name(st->a, name),
                            why, _(NAME_RULE));
            else
                diag_report(st->d, DIAG_ERROR, pos, "name = \"%s\": %s: %s", shown_name(st->a, name),
                            why, _(NAME_RULE));
            return;
        }
        i += (size_t)len;
    }
}

/* Integer value in [lo, hi]; def when absent. */
static long get_int(parse_state *st, const char *section, const char *name, long def, long lo,
                    long hi)
{
    const config_value *v = value_of(st, section, name);
    if (!v->text)
        return def;
    char *end;
    errno = 0;
    long x = strtol(v->text, &end, 10);
    if (errno || end == v->text || *end || x < lo || x > hi) {
        diag_report(st->d, DIAG_ERROR, v->pos, "%s = \"%s\": expected a whole number from %ld to %ld (%s)",
                    name, v->text, lo, hi, help_of(section, name));
        return def;
    }
    return x;
}

static int get_bool(parse_state *st, const char *section, const char *name, int def)
{
    const config_value *v = value_of(st, section, name);
    if (!v->text)
        return def;
    static const char *yes[] = {"yes", "true", "on", "1"}, *no[] = {"no", "false", "off", "0"};
    for (int i = 0; i < 4; i++) {
        if (!strcmp(v->text, yes[i]))
            return 1;
        if (!strcmp(v->text, no[i]))
            return 0;
    }
    diag_report(st->d, DIAG_ERROR, v->pos, "%s = \"%s\": expected yes or no", name, v->text);
    return def;
}

static const char *get_str(parse_state *st, const char *section, const char *name, const char *def,
                           diag_pos *pos)
{
    const config_value *v = value_of(st, section, name);
    if (pos)
        *pos = v->text ? v->pos : diag_at(st->path, 0, 0);
    if (!v->text)
        return def;
    if (!*v->text) {
        diag_report(st->d, DIAG_ERROR, v->pos, "%s is empty: expected %s", name,
                    help_of(section, name));
        return def;
    }
    return v->text;
}

/*
 * [fonts]: the face of each layout role (layout.h LAY_FONT_*).  A config
 * that names only body and heading (before the roles existed) keeps its
 * look: title and subheading default to heading, table to body, bold to
 * table (drawn bold); one that names nothing gets the faces by role of
 * GB/T 9704 when installed, Noto CJK otherwise.
 */
static void config_fonts(config *c, parse_state *st)
{
    const char *body = get_str(st, "fonts", "body", NULL, &c->font_body_pos);
    const char *head = get_str(st, "fonts", "heading", NULL, &c->font_heading_pos);
    diag_pos tpos, spos, tabpos, bpos;
    const char *title = get_str(st, "fonts", "title", NULL, &tpos);
    const char *sub = get_str(st, "fonts", "subheading", NULL, &spos);
    const char *table = get_str(st, "fonts", "table", NULL, &tabpos);
    const char *bold = get_str(st, "fonts", "bold", NULL, &bpos);
    if (!title && head)
        title = head, tpos = c->font_heading_pos;
    if (!sub && head)
        sub = head, spos = c->font_heading_pos;
    if (!table && body)
        table = body, tabpos = c->font_body_pos;
    if (!bold && table)
        bold = table, bpos = tabpos;
    c->font_body = body ? body : FONTS_BODY;
    c->font_heading = head ? head : FONTS_HEADING;
    c->font_role[0] = c->font_body; /* LAY_FONT_BODY */
    c->font_role_pos[0] = c->font_body_pos;
    c->font_role[1] = c->font_heading; /* LAY_FONT_HEADING */
    c->font_role_pos[1] = c->font_heading_pos;
    c->font_role[2] = title ? title : FONTS_TITLE;
    c->font_role_pos[2] = tpos;
    c->font_role[3] = sub ? sub : FONTS_SUBHEADING;
    c->font_role_pos[3] = spos;
    c->font_role[4] = table ? table : FONTS_TABLE;
    c->font_role_pos[4] = tabpos;
    c->font_role[5] = bold ? bold : FONTS_BOLD;
    c->font_role_pos[5] = bpos;
    c->font_figures = get_str(st, "fonts", "figures", NULL, &c->font_figures_pos);
}

/* Reports a path that does not exist or is not of the expected kind, or,
 * when it exists, leads outside c->root.  A default (pos without a line)
 * is not looked for, since it is read only when needed, but is confined. */
static void check_path(const config *c, diag *d, const char *path, diag_pos pos,
                       const char *section, const char *key, int dir)
{
    struct stat sb;
    if (!path || !*path)
        return;
    if (!pos.line) {
        strbuf what = STRBUF_INIT;
        sb_printf(&what, "[%s] %s = \"%s\" (the default)", section, key, path);
        paths_confine(d, pos, sb_str(&what), c->root, path);
        sb_free(&what);
        return;
    }
    int before = d->errors;
    if (stat(path, &sb) != 0)
        diag_report(d, DIAG_ERROR, pos, "%s = \"%s\": %s", key, path,
                    errno == ENOENT ? (dir ? _("the folder does not exist") : _("no such file"))
                                    : strerror(errno));
    /* Say what to do: a file where a folder is expected is usually one of
     * the files in that folder, and the reverse the folder of the file. */
    else if (dir && S_ISREG(sb.st_mode))
        diag_report(d, DIAG_ERROR, pos,
                    "%s = \"%s\": this is a file, not a folder: name the folder that holds "
                    "the files",
                    key, path);
    else if (dir && !S_ISDIR(sb.st_mode))
        diag_report(d, DIAG_ERROR, pos, "%s = \"%s\": not a folder", key, path);
    else if (!dir && S_ISDIR(sb.st_mode))
        diag_report(d, DIAG_ERROR, pos,
                    "%s = \"%s\": this is a folder, not a file: name the file itself", key, path);
    else if (!dir && !S_ISREG(sb.st_mode))
        diag_report(d, DIAG_ERROR, pos, "%s = \"%s\": not a regular file", key, path);
    if (d->errors == before && c->root) {
        strbuf what = STRBUF_INIT;
        sb_printf(&what, "%s = \"%s\"", key, path);
        paths_confine(d, pos, sb_str(&what), c->root, path);
        sb_free(&what);
    }
}

int config_check_unit(const config *c, diag *d, money_unit u, diag_pos at, const char *what)
{
    int max = money_unit_max_decimals(u);
    if (c->decimals <= max)
        return 0;
    diag_report(d, DIAG_ERROR, at,
                "%s %s: %s holds at most %d decimals, but decimals = %d (%s:%d): set decimals "
                "to %d or less in [units]",
                what, money_unit_name(u), money_unit_name(u), max, c->decimals,
                c->decimals_pos.file ? c->decimals_pos.file : "the config", c->decimals_pos.line,
                max);
    return -1;
}

int config_set_units(config *c, diag *d, int tables, diag_pos tables_at, int text, diag_pos text_at)
{
    int bad = 0;
    if (tables >= 0) {
        c->unit = (money_unit)tables;
        bad = config_check_unit(c, d, c->unit, tables_at, "units tables");
    }
    if (text >= 0) {
        c->text_unit = (money_unit)text;
        int max = money_unit_max_decimals(c->text_unit);
        if (!c->text_decimals_set && c->text_decimals > max)
            c->text_decimals = max; /* the default follows decimals, within the unit */
        else if (c->text_decimals > max) {
            diag_report(d, DIAG_ERROR, text_at,
                        "units text %s: %s holds at most %d decimals, but text_decimals = %d "
                        "(%s:%d): set text_decimals to %d or less in [units]",
                        money_unit_name(c->text_unit), money_unit_name(c->text_unit), max,
                        c->text_decimals,
                        c->text_decimals_pos.file ? c->text_decimals_pos.file : "the config",
                        c->text_decimals_pos.line, max);
            bad = -1;
        }
    }
    return bad;
}

int config_set_formats(config *c, const char *list)
{
    int pdf = 0, xlsx = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ", ");
        if (n == 3 && !strncmp(p, "pdf", 3))
            pdf = 1;
        else if (n == 4 && !strncmp(p, "xlsx", 4))
            xlsx = 1;
        else if (n > 0)
            return -1;
        p += n;
        p += strspn(p, ", ");
    }
    if (!pdf && !xlsx)
        return -1;
    c->want_pdf = pdf;
    c->want_xlsx = xlsx;
    return 0;
}

/* The template file of a profile folder for a document kind: document.tpl
 * (the 预算), juesuan.tpl (the 决算: docs/profiles.md). */
static const char *profile_file(int kind)
{
    return kind == DOC_KIND_JUESUAN ? "juesuan.tpl" : "document.tpl";
}

/* templates/codes/KIND-YEAR.csv when the project has that file (the
 * list of that year's 政府收支分类科目), else def. */
static const char *year_list_or(arena *a, const char *kind, int year, const char *def)
{
    const char *p = arena_printf(a, "templates/codes/%s-%d.csv", kind, year);
    struct stat sb;
    return stat(p, &sb) == 0 && S_ISREG(sb.st_mode) ? p : def;
}

/* The list of a year: its own, else the undated templates/codes/KIND.csv. */
static const char *year_list(arena *a, const char *kind, int year)
{
    return year_list_or(a, kind, year, arena_printf(a, "templates/codes/%s.csv", kind));
}

/* A unit key: 万元 or 元; def when the key is absent (or wrong, after
 * reporting it). */
static money_unit config_unit(diag *d, const config_value *v, const char *key, const char *where,
                              money_unit def)
{
    if (!v->text)
        return def;
    if (!strcmp(v->text, "万元"))
        return MONEY_WAN;
    if (!strcmp(v->text, "元"))
        return MONEY_YUAN;
    diag_report(d, DIAG_ERROR, v->pos, "%s = \"%s\"%s: expected 万元 or 元", key, v->text, where);
    return def;
}

config *config_load(arena *a, diag *d, const char *path)
{
    parse_state st;
    memset(&st, 0, sizeof st);
    st.a = a;
    st.d = d;
    st.path = arena_strdup(a, path);
    /* A config may lie anywhere (the operator names it), but must be a
     * regular file: /dev/zero or a FIFO would be read forever.  Opened
     * once, checked on the descriptor, read from it. */
    int fd = paths_open(d, diag_at(st.path, 0, 0), NULL, NULL, path, PATHS_CONFIG, NULL);
    if (fd < 0)
        return NULL;
    st.fp = fdopen(fd, "rb");
    if (!st.fp) {
        diag_syserr(d, "cannot read config", path, errno);
        close(fd);
        return NULL;
    }
    int errors_before = d->errors;
    ini_allow_multiline = 0; /* a continuation line would hide its line number */
    int rc = ini_parse_stream(read_line, &st, handler, &st);
    fclose(st.fp);
    /* Every malformed line was reported by vet_line(); inih's own count
     * (rc > 0) adds nothing.  rc < 0 is inih running out of memory. */
    if (rc < 0)
        diag_report(d, DIAG_ERROR, diag_at(st.path, 0, 0), "cannot parse the config (out of memory)");

    /* A key on a rejected line would be reported missing too: say only
     * what is wrong with the line. */
    for (size_t i = 0; i < NKEYS && !st.rejected; i++)
        if (KEYS[i].required && !st.values[i].text)
            diag_report(d, DIAG_ERROR, diag_at(st.path, 0, 0), "missing %s in [%s]: %s",
                        KEYS[i].name, KEYS[i].section, _(KEYS[i].help));

    config *c = arena_alloc(a, sizeof *c);
    c->path = st.path;
    c->department = get_str(&st, "document", "department", "", NULL);
    c->region = get_str(&st, "document", "region", "", NULL);
    c->year = (int)get_int(&st, "document", "year", 0, 1949, 9999);
    /* The document template: [document] template, or the document.tpl of
     * a profile (a folder of templates: templates/profiles/NAME, or a path
     * with a slash), national by default. */
    const config_value *pv = value_of(&st, "document", "profile");
    c->template_path = get_str(&st, "document", "template", NULL, &c->template_pos);
    if (pv->text && c->template_path) {
        diag_report(d, DIAG_ERROR, pv->pos,
                    "profile and template are both given (template at line %d): a profile is "
                    "the template PROFILE/document.tpl; keep one of the two keys",
                    c->template_pos.line);
    }
    /* [document] kind: the one place the 决算 document kind is chosen
     * (docs/juesuan.md); its default template is templates/juesuan/. */
    const config_value *kv = value_of(&st, "document", "kind");
    if (kv->text && (!strcmp(kv->text, "决算") || !strcmp(kv->text, "juesuan")))
        c->kind = DOC_KIND_JUESUAN;
    else if (kv->text && strcmp(kv->text, "预算") && strcmp(kv->text, "yusuan"))
        diag_report(d, DIAG_ERROR, kv->pos, "kind = \"%s\": expected 预算 or 决算", kv->text);
    if (c->kind == DOC_KIND_JUESUAN && !c->template_path && !pv->text) {
        c->template_path = "templates/juesuan/document.tpl";
        c->template_pos = kv->pos;
    } else if (!c->template_path) {
        const char *name = pv->text && *pv->text ? pv->text : "national";
        c->profile = name;
        c->profile_dir = strchr(name, '/') ? arena_strdup(a, name)
                                           : arena_printf(a, "templates/profiles/%s", name);
        c->template_path = arena_printf(a, "%s/%s", c->profile_dir, profile_file(c->kind));
        c->profile_pos = pv->pos;
    }
    c->author = get_str(&st, "document", "author", c->department, NULL);
    i18n_set_config(d, value_of(&st, "document", "language")->text, /* i18n.h */
                    value_of(&st, "document", "language")->pos);

    c->unit = config_unit(d, value_of(&st, "units", "unit"), "unit", "", MONEY_WAN);
    c->text_unit = config_unit(d, value_of(&st, "units", "text_unit"), "text_unit", "", c->unit);
    /* [input] unit: the unit every CSV file is typed in.  Amounts are held
     * in fen whatever the unit, so 元 → 万元 and 万元 → 元 are exact; a value
     * with more decimals than its input unit holds (0.001 元) is refused. */
    const config_value *iu = value_of(&st, "input", "unit");
    c->input_unit_set = iu->text != NULL;
    c->input_unit = config_unit(d, iu, "unit", _(" in [input]"), c->unit);
    c->decimals = (int)get_int(&st, "units", "decimals", 2, 0, money_unit_max_decimals(c->unit));
    c->decimals_pos = value_of(&st, "units", "decimals")->pos;
    c->thousands = get_bool(&st, "units", "thousands", 1);
    c->percent_decimals = (int)get_int(&st, "units", "percent_decimals", 1, 0, 4);
    c->percent_trim = get_bool(&st, "units", "percent_trim", 0);
    c->trim = get_bool(&st, "units", "trim", 0);
    c->text_own = value_of(&st, "units", "text_decimals")->text ||
                  value_of(&st, "units", "text_trim")->text ||
                  value_of(&st, "units", "text_thousands")->text;
    int text_max = money_unit_max_decimals(c->text_unit);
    c->text_decimals = (int)get_int(&st, "units", "text_decimals",
                                    c->decimals < text_max ? c->decimals : text_max, 0, text_max);
    c->text_decimals_pos = value_of(&st, "units", "text_decimals")->pos;
    c->decimals_set = value_of(&st, "units", "decimals")->text != NULL;
    c->text_decimals_set = value_of(&st, "units", "text_decimals")->text != NULL;
    c->text_trim = get_bool(&st, "units", "text_trim", c->trim);
    c->text_thousands = get_bool(&st, "units", "text_thousands", c->thousands);

    c->input_dir = get_str(&st, "input", "dir", "", &c->input_pos);
    c->previous_dir = get_str(&st, "input", "previous", NULL, &c->previous_pos);
    c->previous_year = (int)get_int(&st, "input", "previous_year", c->year - 1, 1949, 9999);
    c->budget_dir = get_str(&st, "input", "budget", NULL, &c->budget_pos);
    if (c->budget_dir && c->kind != DOC_KIND_JUESUAN)
        diag_report(d, DIAG_ERROR, c->budget_pos,
                    "budget names the 预算 folder of a 决算: it needs kind = 决算 in [document]");
    const config_value *ev = value_of(&st, "input", "earlier");
    c->earlier_pos = ev->pos;
    for (const char *p = ev->text; p && *p;) {
        size_t n = strcspn(p, ",");
        size_t len;
        const char *dir = utf8_trim(arena_strndup(a, p, n), &len);
        if (len && c->n_earlier < 8)
            c->earlier[c->n_earlier++] = arena_strndup(a, dir, len);
        else if (len)
            diag_report(d, DIAG_ERROR, ev->pos, "earlier: at most 8 folders");
        p += n + (p[n] == ',');
    }
    if (c->n_earlier && !c->previous_dir)
        diag_report(d, DIAG_ERROR, ev->pos, "earlier needs previous in [input] first");
    /* The code lists: one per year (templates/codes/function-2020.csv …),
     * the year's own when the project has it, else the undated list;
     * last year's data by last year's. */
    c->function_codes = get_str(&st, "input", "function_codes", year_list(a, "function", c->year),
                                &c->function_codes_pos);
    c->economic_codes = get_str(&st, "input", "economic_codes", year_list(a, "economic", c->year),
                                &c->economic_codes_pos);
    c->previous_function_codes =
        get_str(&st, "input", "previous_function_codes",
                year_list_or(a, "function", c->previous_year, c->function_codes),
                &c->previous_function_codes_pos);
    c->previous_economic_codes =
        get_str(&st, "input", "previous_economic_codes",
                year_list_or(a, "economic", c->previous_year, c->economic_codes),
                &c->previous_economic_codes_pos);

    c->output_dir = get_str(&st, "output", "dir", "output", &c->output_pos);
    c->output_name = get_str(&st, "output", "name",
                             arena_printf(a, "%s-%d", c->department, c->year), NULL);
    if (*c->output_name)
        check_output_name(&st, c->output_name);
    c->want_pdf = c->want_xlsx = 1;
    const config_value *f = value_of(&st, "output", "formats");
    c->formats_pos = f->pos;
    if (f->text && config_set_formats(c, f->text) < 0)
        diag_report(d, DIAG_ERROR, f->pos, "formats = \"%s\": expected pdf, xlsx or pdf,xlsx",
                    f->text);

    c->want_data = get_bool(&st, "output", "data", 1);

    config_fonts(c, &st);

    c->reason_threshold = (int)get_int(&st, "check", "reason_threshold", 10, 0, 1000);
    c->audit_path = get_str(&st, "check", "audit", NULL, &c->audit_pos);
    c->js_reason_threshold = (int)get_int(&st, "check", "js_reason_threshold", 10, 0, 1000);

    /* 100,000: 2000 pages (max_pages) hold at most 100,000 table rows (see
     * load.c), so a larger file could not be published anyway, and memory
     * stays a few hundred MB (1,000,000 rows took 4.4 GB before failing). */
    c->max_rows = get_int(&st, "limits", "max_rows", 100000, 1, 100000000);
    c->max_cell = get_int(&st, "limits", "max_cell", 65536, 16, 16 * 1024 * 1024);
    c->max_pages = get_int(&st, "limits", "max_pages", 2000, 1, 1000000);

    return d->errors > errors_before ? NULL : c;
}

/* The [fonts] keys' defaults: a preference list, or another key's face when
 * that key is set (e.g. title follows heading). */
static const struct {
    const char *name, *follows, *list;
} FONT_DEFAULTS[] = {
    {"body", NULL, FONTS_BODY},           {"heading", NULL, FONTS_HEADING},
    {"title", "heading", FONTS_TITLE},    {"subheading", "heading", FONTS_SUBHEADING},
    {"table", "body", FONTS_TABLE},       {"bold", "table/body", FONTS_BOLD},
};

void config_print_keys(FILE *out)
{
    const char *section = "";
    for (size_t i = 0; i < NKEYS; i++) {
        if (strcmp(section, KEYS[i].section)) {
            section = KEYS[i].section;
            fprintf(out, "  [%s]\n", section);
        }
        fprintf(out, "    %-17s %s", KEYS[i].name, _(KEYS[i].help));
        for (size_t k = 0; !strcmp(section, "fonts") && k < sizeof FONT_DEFAULTS / sizeof *FONT_DEFAULTS;
             k++) {
            if (strcmp(FONT_DEFAULTS[k].name, KEYS[i].name))
                continue;
            if (FONT_DEFAULTS[k].follows)
                fprintf(out, _(" (default: %s if set, else %s)"), FONT_DEFAULTS[k].follows,
                        FONT_DEFAULTS[k].list);
            else
                fprintf(out, _(" (default %s)"), FONT_DEFAULTS[k].list);
        }
        fprintf(out, "%s\n", KEYS[i].required ? _(" (required)") : "");
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* [document] profile: its folder must hold the template of the kind
 * (document.tpl, juesuan.tpl); else say which profiles the project has
 * one in. */
static void check_profile(const config *c, diag *d)
{
    struct stat sb;
    const char *file = profile_file(c->kind);
    if (stat(c->template_path, &sb) == 0 && S_ISREG(sb.st_mode)) {
        check_path(c, d, c->template_path, c->profile_pos, "document", "profile", 0);
        return;
    }
    strbuf have = STRBUF_INIT;
    DIR *dir = opendir("templates/profiles");
    if (dir) {
        /* sorted, so the message is the same on every machine */
        char **names = NULL;
        size_t n = 0;
        for (struct dirent *e; (e = readdir(dir));) {
            if (e->d_name[0] == '.')
                continue;
            char p[NAME_MAX + 64];
            snprintf(p, sizeof p, "templates/profiles/%s/%s", e->d_name, file);
            if (stat(p, &sb) != 0 || !S_ISREG(sb.st_mode))
                continue;
            names = xrealloc(names, (n + 1) * sizeof *names);
            names[n] = xrealloc(NULL, strlen(e->d_name) + 1);
            strcpy(names[n++], e->d_name);
        }
        closedir(dir);
        qsort(names, n, sizeof *names, cmp_str);
        for (size_t i = 0; i < n; i++) {
            sb_printf(&have, "%s%s", i ? ", " : "", names[i]);
            free(names[i]);
        }
        free(names);
    }
    if (c->kind == DOC_KIND_JUESUAN)
        diag_report(d, DIAG_ERROR, c->profile_pos,
                    "profile = \"%s\" has no 决算 template: kind = 决算 reads %s, which is not "
                    "there; the profiles of templates/profiles with a juesuan.tpl: %s",
                    c->profile, c->template_path, have.len ? sb_str(&have) : "none");
    else
        diag_report(d, DIAG_ERROR, c->profile_pos,
                    "profile = \"%s\": %s is not a profile (no document.tpl in it); the profiles "
                    "of templates/profiles: %s",
                    c->profile, c->profile_dir, have.len ? sb_str(&have) : "none");
    sb_free(&have);
}

int config_check_paths(const config *c, diag *d)
{
    int before = d->errors;
    check_path(c, d, c->input_dir, c->input_pos, "input", "dir", 1);
    if (c->previous_dir)
        check_path(c, d, c->previous_dir, c->previous_pos, "input", "previous", 1);
    if (c->budget_dir)
        check_path(c, d, c->budget_dir, c->budget_pos, "input", "budget", 1);
    for (int i = 0; i < c->n_earlier; i++)
        check_path(c, d, c->earlier[i], c->earlier_pos, "input", "earlier", 1);
    if (c->profile && c->profile_pos.line)
        check_profile(c, d);
    else
        check_path(c, d, c->template_path, c->template_pos, "document", "template", 0);
    check_path(c, d, c->function_codes, c->function_codes_pos, "input", "function_codes", 0);
    check_path(c, d, c->economic_codes, c->economic_codes_pos, "input", "economic_codes", 0);
    if (c->previous_function_codes_pos.line)
        check_path(c, d, c->previous_function_codes, c->previous_function_codes_pos, "input",
                   "previous_function_codes", 0);
    if (c->previous_economic_codes_pos.line)
        check_path(c, d, c->previous_economic_codes, c->previous_economic_codes_pos, "input",
                   "previous_economic_codes", 0);
    if (c->audit_path && strcmp(c->audit_path, "none"))
        check_path(c, d, c->audit_path, c->audit_pos, "check", "audit", 0);
    /* The output folder need not exist yet (build creates it); where it
     * would be is confined all the same, so that check already refuses a
     * config that build would refuse. */
    if (c->root && !c->output_from_option) {
        arena *a = arena_new();
        paths_confine(d, c->output_pos, config_output_what(a, c), c->root, c->output_dir);
        arena_free_all(a);
    }
    return d->errors > before ? -1 : 0;
}

void config_set_output_dir(config *c, const char *dir)
{
    c->output_dir = dir;
    c->output_pos = diag_at(NULL, 0, 0);
    c->output_from_option = 1;
}

const char *config_output_what(arena *a, const config *c)
{
    if (c->output_from_option)
        return arena_printf(a, "-o \"%s\"", c->output_dir);
    if (!c->output_pos.line)
        return arena_printf(a, "[output] dir = \"%s\" (the default)", c->output_dir);
    return arena_printf(a, "dir = \"%s\"", c->output_dir);
}

const char *config_input_unit_key(const config *c)
{
    return c->input_unit_set ? "[input] unit" : "[units] unit";
}

const char *config_kind_name(int kind)
{
    return kind == DOC_KIND_JUESUAN ? "决算" : "预算";
}
