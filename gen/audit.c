/*
 * audit — the self-audit of typed text (see audit.h).  Texts and words are
 * decoded into code points, folded (Latin letters to lower case, full-width
 * forms U+FF01–FF5E to ASCII), and matched on those; what is quoted in a
 * message is the text as typed.  Each text is scanned once, left to right.
 */
#include "audit.h"

#include "csv.h"
#include "paths.h"
#include "strbuf.h"
#include "textio.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The sections of a word list, in the order of templates/audit.txt. */
enum {
    AW_PLACEHOLDERS,
    AW_INSTRUCTIONS,
    AW_THIS_YEAR,
    AW_OTHER_YEAR,
    AW_CHANGE,
    AW_SHARE,
    AW_LINK,
    AW_BEFORE,
    AW_FIGURES,
    AW_COUNT
};
static const char *const SECTIONS[AW_COUNT] = {
    "placeholders", "instructions", "this-year", "other-year", "change",
    "share",        "link",         "before",    "figures",
};

typedef struct word {
    const uint32_t *cp; /* folded */
    int n;
    const char *text; /* as written in the list */
    int none;         /* [figures] NAME = -: no figure */
    figure_ref fig;   /* [figures] */
} word;

struct audit_words {
    word *list[AW_COUNT];
    size_t n[AW_COUNT];
};

static uint32_t fold(uint32_t c)
{
    if (c >= 0xFF01 && c <= 0xFF5E)
        c -= 0xFEE0;
    if (c >= 'A' && c <= 'Z')
        c += 'a' - 'A';
    return c;
}

/* How far (code points) a sentence or clause is looked at around a finding:
 * a text without punctuation is not scanned again for every number in it. */
#define CONTEXT 200

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}
static int is_latin(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_ideograph(uint32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}
/* Ends a sentence (for the figures' context). */
static int ends_sentence(uint32_t c)
{
    return c == 0x3002 || c == ';' || c == '!' || c == '?';
}
/* Ends a clause (for the years). */
static int ends_clause(uint32_t c)
{
    return ends_sentence(c) || c == ',';
}
/* May follow a share's number that lacks its %. */
static int after_bare_number(uint32_t c)
{
    return c == 0 || ends_clause(c) || c == 0x3001 || c == '.' || c == ')' || c == ' ' ||
           c == '\t' || c == 0x3000;
}

/* Decodes s (valid UTF-8) into folded code points; off[i] is the byte
 * offset of code point i (off[n] the length). */
static int decode(const char *s, uint32_t **cp, size_t **off)
{
    size_t len = strlen(s);
    uint32_t *c = xmalloc((len + 1) * sizeof *c);
    size_t *o = xmalloc((len + 1) * sizeof *o);
    int n = 0;
    for (const char *p = s; *p;) {
        o[n] = (size_t)(p - s);
        c[n++] = fold(utf8_next(&p));
    }
    o[n] = len;
    c[n] = 0;
    *cp = c;
    *off = o;
    return n;
}

/* ---- the word list -------------------------------------------------------- */

static void add_word(arena *a, audit_words *w, int sec, const char *text, size_t len, int none,
                     figure_ref fig)
{
    word *v = w->list[sec];
    size_t n = w->n[sec];
    if ((n & (n - 1)) == 0) { /* grows at 1, 2, 4, … */
        word *nv = arena_alloc(a, (n ? 2 * n : 1) * sizeof *nv);
        if (n)
            memcpy(nv, v, n * sizeof *nv);
        w->list[sec] = v = nv;
    }
    word *x = &v[n];
    memset(x, 0, sizeof *x);
    x->text = arena_strndup(a, text, len);
    uint32_t *cp;
    size_t *off;
    x->n = decode(x->text, &cp, &off);
    uint32_t *ac = arena_alloc(a, ((size_t)x->n + 1) * sizeof *ac);
    memcpy(ac, cp, ((size_t)x->n + 1) * sizeof *ac);
    free(cp);
    free(off);
    x->cp = ac;
    x->none = none;
    x->fig = fig;
    w->n[sec] = n + 1;
}

audit_words *audit_words_parse(arena *a, diag *d, const char *path, const char *text)
{
    audit_words *w = arena_alloc(a, sizeof *w);
    memset(w, 0, sizeof *w);
    int before = d->errors, sec = -1, line = 0;
    const char *p = text;
    while (*p) {
        line++;
        size_t n = strcspn(p, "\n");
        const char *next = p[n] ? p + n + 1 : p + n;
        char *l = arena_strndup(a, p, n);
        p = next;
        size_t len;
        const char *s = utf8_trim(l, &len);
        if (len && s[len - 1] == '\r')
            s = utf8_trim(arena_strndup(a, s, len - 1), &len);
        if (!len || *s == '#')
            continue;
        diag_pos pos = diag_at(path, line, utf8_column(l, (size_t)(s - l)));
        if (*s == '[' && s[len - 1] == ']') {
            sec = -1;
            for (int i = 0; i < AW_COUNT; i++)
                if (strlen(SECTIONS[i]) == len - 2 && !strncmp(SECTIONS[i], s + 1, len - 2))
                    sec = i;
            if (sec < 0) {
                strbuf sb = STRBUF_INIT;
                for (int i = 0; i < AW_COUNT; i++)
                    sb_printf(&sb, "%s[%s]", i ? ", " : "", SECTIONS[i]);
                diag_report(d, DIAG_ERROR, pos, "unknown section %.*s; expected one of: %s",
                            (int)len, s, sb_str(&sb));
                sb_free(&sb);
                sec = -2; /* its entries are not reported again */
            }
            continue;
        }
        if (sec == -2)
            continue;
        if (sec < 0) {
            diag_report(d, DIAG_ERROR, pos,
                        "\"%.*s\" is outside a section: put it under [placeholders], "
                        "[instructions] …",
                        (int)len, s);
            continue;
        }
        figure_ref fig = {FIG_SUMMARY, 0};
        int none = 0;
        size_t wl = len;
        if (sec == AW_FIGURES) {
            const char *eq = memchr(s, '=', len);
            if (!eq) {
                diag_report(d, DIAG_ERROR, pos,
                            "expected NAME = FIGURE (e.g. “三公”经费 = 三公合计), or NAME = -");
                continue;
            }
            size_t nl, fl;
            const char *name = utf8_trim(arena_strndup(a, s, (size_t)(eq - s)), &nl);
            const char *f = utf8_trim(arena_strndup(a, eq + 1, len - (size_t)(eq - s) - 1), &fl);
            char *fname = arena_strndup(a, f, fl);
            if (!nl) {
                diag_report(d, DIAG_ERROR, pos, "the name before = is empty");
                continue;
            }
            if (!strcmp(fname, "-"))
                none = 1;
            else if (!data_figure_lookup(fname, &fig)) {
                diag_report(d, DIAG_ERROR, pos,
                            "\"%s\" is not a figure name; expected e.g. 收入总计, 支出总计, "
                            "基本支出, 项目支出, 三公合计, 公务接待费, or - for none",
                            fname);
                continue;
            }
            s = name;
            wl = nl;
        }
        add_word(a, w, sec, s, wl, none, fig);
    }
    return d->errors > before ? NULL : w;
}

/* ---- matching --------------------------------------------------------------- */

typedef struct text {
    const char *s; /* as typed */
    uint32_t *t;   /* folded code points, t[n] = 0 */
    size_t *off;
    int n;
} text;

static int match_at(const text *x, int i, const word *w)
{
    if (i < 0 || i + w->n > x->n)
        return 0;
    for (int k = 0; k < w->n; k++)
        if (x->t[i + k] != w->cp[k])
            return 0;
    return 1;
}

/* The longest word of list sec that starts at i (-1: none). */
static int word_at(const audit_words *w, int sec, const text *x, int i)
{
    int best = -1;
    for (size_t k = 0; k < w->n[sec]; k++)
        if (match_at(x, i, &w->list[sec][k]) &&
            (best < 0 || w->list[sec][k].n > w->list[sec][best].n))
            best = (int)k;
    return best;
}

/* The longest word of list sec that ends at end (-1: none). */
static int word_before(const audit_words *w, int sec, const text *x, int end)
{
    int best = -1;
    for (size_t k = 0; k < w->n[sec]; k++) {
        const word *v = &w->list[sec][k];
        if (v->n <= end && match_at(x, end - v->n, v) && (best < 0 || v->n > w->list[sec][best].n))
            best = (int)k;
    }
    return best;
}

/* end moved back over spaces. */
static int skip_spaces_back(const text *x, int end)
{
    while (end > 0 && (x->t[end - 1] == ' ' || x->t[end - 1] == 0x3000 || x->t[end - 1] == '\t'))
        end--;
    return end;
}

/* end moved back over link words (为, 预算 …) and spaces. */
static int strip_links(const audit_words *w, const text *x, int end)
{
    for (;;) {
        end = skip_spaces_back(x, end);
        int k = word_before(w, AW_LINK, x, end);
        if (k < 0)
            return end;
        end -= w->list[AW_LINK][k].n;
    }
}

/* A year "YYYY年" starting at i (four digits alone, then 年): its value, else 0. */
static int year_at(const text *x, int i)
{
    if (i + 4 >= x->n || (i > 0 && is_digit(x->t[i - 1])))
        return 0;
    int y = 0;
    for (int k = 0; k < 4; k++) {
        if (!is_digit(x->t[i + k]))
            return 0;
        y = y * 10 + (int)(x->t[i + k] - '0');
    }
    return x->t[i + 4] == 0x5E74 /* 年 */ ? y : 0;
}

/* True when [from, to) has a word of [other-year], or (years) a year that
 * is not `year`. */
static int other_year(const audit_words *w, const text *x, int from, int to, int year, int years)
{
    for (int i = from; i < to; i++) {
        if (word_at(w, AW_OTHER_YEAR, x, i) >= 0)
            return 1;
        int y = years ? year_at(x, i) : 0;
        if (y && y != year)
            return 1;
    }
    return 0;
}

static void quote(strbuf *sb, const text *x, int from, int to)
{
    sb_printf(sb, "%.*s", (int)(x->off[to] - x->off[from]), x->s + x->off[from]);
}

typedef struct scan {
    const audit_words *w;
    const budget *b;
    diag *d;
    diag_pos pos;
    int cell;
    int found;
} scan;

static void report(scan *sc, const text *x, int at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void report(scan *sc, const text *x, int at, const char *fmt, ...)
{
    (void)x;
    diag_pos p = sc->pos;
    if (!sc->cell)
        p.col = (p.col > 0 ? p.col : 1) + at;
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(sc->d, DIAG_WARNING, p, fmt, ap);
    va_end(ap);
    sc->found++;
}

/* A placeholder or an instruction at i: reported, and its length; else 0. */
static int words_at(scan *sc, const text *x, int i)
{
    for (int sec = AW_PLACEHOLDERS; sec <= AW_INSTRUCTIONS; sec++) {
        int k = word_at(sc->w, sec, x, i);
        if (k < 0)
            continue;
        const word *v = &sc->w->list[sec][k];
        int end = i + v->n, uniform = 1;
        for (int j = 1; j < v->n; j++)
            uniform &= v->cp[j] == v->cp[0];
        if (uniform && v->n > 1) {
            if (i > 0 && x->t[i - 1] == v->cp[0])
                continue; /* inside a run reported at its start */
            while (end < x->n && x->t[end] == v->cp[0])
                end++;
        }
        /* Latin letters: a word of its own (XX, not the XX of XXL). */
        if ((is_latin(v->cp[0]) && i > 0 && is_latin(x->t[i - 1])) ||
            (is_latin(v->cp[v->n - 1]) && end < x->n && is_latin(x->t[end])))
            continue;
        strbuf sb = STRBUF_INIT;
        quote(&sb, x, i, end);
        if (sec == AW_PLACEHOLDERS)
            report(sc, x, i, "placeholder \"%s\" left in: write the text it stands for",
                   sb_str(&sb));
        else
            report(sc, x, i,
                   "template instruction \"%s\" left in: replace it with the text it asks for",
                   sb_str(&sb));
        sb_free(&sb);
        return end - i;
    }
    return 0;
}

int audit_amount_matches(money exact, money typed, money_unit u, int decimals)
{
    if (decimals < 0 || decimals > money_unit_max_decimals(u))
        return 0;
    money step = money_step(u, decimals); /* in fen */
    money diff = typed > exact ? typed - exact : exact - typed;
    return diff < step;
}

/* The figure whose name ends at end, and where the name starts; 0: none. */
static int figure_before(const scan *sc, const text *x, int end, figure_ref *r, int *start)
{
    /* A name holds no mark that ends a clause: the candidates stop there. */
    int most = 0;
    while (most < 16 && most < end && !ends_clause(x->t[end - most - 1]) &&
           x->t[end - most - 1] != 0x3001 && x->t[end - most - 1] != ':')
        most++;
    for (int len = most; len >= 3; len--) {
        int s = end - len;
        int hit = 0, none = 0;
        for (size_t k = 0; k < sc->w->n[AW_FIGURES] && !hit; k++) {
            const word *v = &sc->w->list[AW_FIGURES][k];
            if (v->n == len && match_at(x, s, v)) {
                hit = 1;
                none = v->none;
                *r = v->fig;
            }
        }
        if (!hit && ((unsigned char)x->s[x->off[s]] & 0x80)) {
            char *name = strndup(x->s + x->off[s], x->off[end] - x->off[s]);
            if (!name)
                xalloc_failed();
            hit = data_figure_lookup(name, r);
            free(name);
        }
        if (!hit)
            continue;
        if (none)
            return 0;
        /* The name must begin there: after a mark, at the start, after
         * "YYYY年(度)" or a word of [before]; not 一般公共预算基本支出. */
        int p = s;
        if (p > 0 && x->t[p - 1] == 0x5EA6 /* 度 */ && p > 1 && x->t[p - 2] == 0x5E74)
            p--;
        int ok = s == 0 || !is_ideograph(x->t[s - 1]) ||
                 (p > 1 && x->t[p - 1] == 0x5E74 && is_digit(x->t[p - 2])) ||
                 word_before(sc->w, AW_BEFORE, x, s) >= 0;
        *start = s;
        return ok;
    }
    return 0;
}

/* An amount (digits [i, j) then 万元 or 元, ending at e) that follows a
 * figure's name: compared with the data. */
static void check_figure(scan *sc, const text *x, int i, int j, int e, money_unit u)
{
    figure_ref r;
    int start = 0, end = skip_spaces_back(x, i);
    int found_name = figure_before(sc, x, end, &r, &start);
    for (int links = 0; !found_name && links < 3; links++) {
        int k = word_before(sc->w, AW_LINK, x, end);
        if (k < 0)
            break;
        end = skip_spaces_back(x, end - sc->w->list[AW_LINK][k].n);
        found_name = figure_before(sc, x, end, &r, &start);
    }
    if (!found_name)
        return;
    int from = start;
    while (from > 0 && start - from < CONTEXT && !ends_sentence(x->t[from - 1]))
        from--;
    if (other_year(sc->w, x, from, start, sc->b->year, 1))
        return;
    int found;
    diag_pos fpos;
    money exact = data_figure(sc->b, r, &found, &fpos);
    if (!found)
        return;
    char *num = strndup(x->s + x->off[i], x->off[j] - x->off[i]);
    if (!num)
        xalloc_failed();
    money typed;
    const char *dot = strchr(num, '.');
    int decimals = dot ? (int)strlen(dot + 1) : 0;
    int ok = money_parse(num, u, &typed, NULL, 0) == MONEY_OK;
    free(num);
    if (!ok || audit_amount_matches(exact, typed, u, decimals))
        return;
    /* The data's figure in the typed unit, exactly, with at least the
     * typed decimals. */
    int dd = decimals;
    while (dd < money_unit_max_decimals(u) && money_round(exact, u, dd) != exact)
        dd++;
    char shown[64];
    money_format(exact, u, dd, 0, 0, shown, sizeof shown);
    strbuf name = STRBUF_INIT, typed_text = STRBUF_INIT, where = STRBUF_INIT;
    quote(&name, x, start, end);
    quote(&typed_text, x, i, e);
    if (fpos.file && fpos.line)
        sb_printf(&where, " (%s:%d:%d)", fpos.file, fpos.line, fpos.col);
    report(sc, x, start, "%s is %s%s in the data%s but %s here: correct the text or the data",
           sb_str(&name), shown, money_unit_name(u), sb_str(&where), sb_str(&typed_text));
    sb_free(&name);
    sb_free(&typed_text);
    sb_free(&where);
}

/* A share word (占, 比重 …) before i, after link words, or "占…的" in the
 * same clause: where it starts, else -1. */
static int share_before(const scan *sc, const text *x, int i)
{
    int end = strip_links(sc->w, x, i);
    int k = word_before(sc->w, AW_SHARE, x, end);
    if (k >= 0)
        return end - sc->w->list[AW_SHARE][k].n;
    if (end > 0 && x->t[end - 1] == 0x7684 /* 的 */)
        for (int s = end - 2; s >= 0 && s >= end - 21 && !ends_clause(x->t[s]); s--)
            if (x->t[s] == 0x5360 /* 占 */)
                return s;
    return -1;
}

/* A number starting at i: handled; returns where the scan goes on. */
static int number_at(scan *sc, const text *x, int i, int figures)
{
    int j = i;
    while (j < x->n && is_digit(x->t[j]))
        j++;
    /* thousands: ",ddd" groups, then ".d…" */
    while (j + 3 < x->n && x->s[x->off[j]] == ',' && is_digit(x->t[j + 1]) &&
           is_digit(x->t[j + 2]) && is_digit(x->t[j + 3]) && !is_digit(x->t[j + 4]))
        j += 4;
    if (j + 1 < x->n && x->t[j] == '.' && is_digit(x->t[j + 1])) {
        j++;
        while (j < x->n && is_digit(x->t[j]))
            j++;
    }
    const audit_words *w = sc->w;
    /* "YYYY年部门预算" of another year */
    int y = year_at(x, i);
    if (y && j == i + 4) {
        int k = i + 5;
        if (k < x->n && x->t[k] == 0x5EA6 /* 度 */)
            k++;
        int t = word_at(w, AW_THIS_YEAR, x, k);
        if (t >= 0 && y != sc->b->year) {
            int from = i, to = k;
            while (from > 0 && i - from < CONTEXT && !ends_clause(x->t[from - 1]))
                from--;
            while (to < x->n && to - k < CONTEXT && !ends_clause(x->t[to]))
                to++;
            if (!other_year(w, x, from, to, sc->b->year, 0)) {
                strbuf sb = STRBUF_INIT;
                quote(&sb, x, i, k + w->list[AW_THIS_YEAR][t].n);
                report(sc, x, i,
                       "\"%s\" in the %d budget: write %d年, or, if last year's is meant, say "
                       "so (上年, 较%d年)",
                       sb_str(&sb), sc->b->year, sc->b->year, y);
                sb_free(&sb);
            }
        }
        return j;
    }
    /* an amount: 万元 or 元 after the number */
    int e = j;
    if (e < x->n && (x->t[e] == ' ' || x->t[e] == 0x3000))
        e++;
    money_unit u = MONEY_YUAN;
    int unit = 0;
    if (e + 1 < x->n && x->t[e] == 0x4E07 /* 万 */ && x->t[e + 1] == 0x5143 /* 元 */)
        unit = 1, u = MONEY_WAN, e += 2;
    else if (e < x->n && x->t[e] == 0x5143)
        unit = 1, e += 1;
    if (unit) {
        int zero = 1;
        for (int k = i; k < j; k++)
            zero &= !is_digit(x->t[k]) || x->t[k] == '0';
        int end = strip_links(w, x, i);
        int c = word_before(w, AW_CHANGE, x, end);
        if (zero && c >= 0) {
            int s = end - w->list[AW_CHANGE][c].n;
            strbuf sb = STRBUF_INIT;
            quote(&sb, x, s, e);
            report(sc, x, s,
                   "\"%s\" states a change of nothing: write 与上年持平, or the change with "
                   "the decimals that show it",
                   sb_str(&sb));
            sb_free(&sb);
        } else if (figures && sc->b) {
            check_figure(sc, x, i, j, e, u);
        }
        return e;
    }
    /* a share or rate without % */
    if (after_bare_number(x->t[j])) {
        int s = share_before(sc, x, i);
        if (s >= 0) {
            strbuf sb = STRBUF_INIT, num = STRBUF_INIT;
            quote(&sb, x, s, j);
            quote(&num, x, i, j);
            report(sc, x, s, "share or rate \"%s\" has no %%: write %s%%", sb_str(&sb),
                   sb_str(&num));
            sb_free(&sb);
            sb_free(&num);
        }
    }
    return j;
}

int audit_text(const audit_words *w, const budget *b, diag *d, const char *s, diag_pos pos,
               int cell, int figures)
{
    if (!w || !s || !*s)
        return 0;
    text x = {s, NULL, NULL, 0};
    x.n = decode(s, &x.t, &x.off);
    scan sc = {w, b, d, pos, cell, 0};
    for (int i = 0; i < x.n;) {
        int n = words_at(&sc, &x, i);
        if (n) {
            i += n;
            continue;
        }
        /* a number starts here: not after a digit, a letter, or an ASCII
         * point or comma after a digit (12.5, 1,300) */
        char prev = i > 0 ? s[x.off[i - 1]] : 0;
        if (is_digit(x.t[i]) &&
            (i == 0 || (!is_digit(x.t[i - 1]) && !is_latin(x.t[i - 1]) &&
                        !((prev == '.' || prev == ',') && i > 1 && is_digit(x.t[i - 2]))))) {
            i = number_at(&sc, &x, i, figures);
            continue;
        }
        /* the rest of a number (or of a word with digits) is skipped */
        if (!is_digit(x.t[i]))
            i++;
        else
            while (i < x.n && is_digit(x.t[i]))
                i++;
    }
    free(x.t);
    free(x.off);
    return sc.found;
}

/* ---- every typed text of a budget ------------------------------------------ */

static void audit_file(const audit_words *w, const budget *b, diag *d, const text_file *tf,
                       int figures, int *found)
{
    for (size_t i = 0; i < tf->n; i++) {
        diag_pos p = tf->pos[i];
        p.col = tf->col ? tf->col[i] : 1;
        *found += audit_text(w, b, d, tf->para[i], p, 0, figures);
    }
}

static void audit_named(const audit_words *w, const budget *b, diag *d, const named_text *v,
                        size_t n, int names, int figures, int *found)
{
    for (size_t i = 0; i < n; i++) {
        if (names)
            *found += audit_text(w, b, d, v[i].name, v[i].pos, 1, 0);
        *found += audit_text(w, b, d, v[i].text, v[i].text_pos.file ? v[i].text_pos : v[i].pos, 1,
                             figures);
    }
}

/* Opens the word list; -2: there is none (the defaults only). */
static int open_words(arena *a, diag *d, const config *c, const char **path)
{
    if (c->audit_path) {
        *path = c->audit_path;
        return paths_open(d, c->audit_pos, "audit", c->root, c->audit_path, 0, NULL);
    }
    const char *tp = c->template_path, *slash = strrchr(tp, '/');
    *path = slash ? arena_printf(a, "%.*s/audit.txt", (int)(slash - tp), tp) : "audit.txt";
    int fd = paths_open(d, diag_at(*path, 0, 0), NULL, c->root, *path, PATHS_OPTIONAL, NULL);
    if (fd != -2)
        return fd;
    *path = "templates/audit.txt";
    return paths_open(d, diag_at(*path, 0, 0), NULL, c->root, *path, PATHS_OPTIONAL, NULL);
}

int audit_budget(arena *a, diag *d, const config *c, const budget *b)
{
    if (c->audit_path && !strcmp(c->audit_path, "none"))
        return 0;
    const char *path;
    int fd = open_words(a, d, c, &path);
    if (fd == -2)
        return 0;
    if (fd < 0)
        return -1;
    size_t len;
    const char *enc;
    char *s = textio_read_utf8_fd(a, d, fd, path, 1 << 20, &len, &enc);
    if (!s)
        return -1;
    const audit_words *w = audit_words_parse(a, d, path, s);
    if (!w)
        return -1;
    int found = 0;
    audit_file(w, b, d, &b->duties, 1, &found);
    audit_named(w, b, d, b->reasons, b->n_reasons, 0, 1, &found);
    audit_file(w, b, d, &b->overall_goal, 1, &found);
    audit_named(w, b, d, b->duty_goals, b->n_duty_goals, 1, 0, &found);
    audit_named(w, b, d, b->glossary, b->n_glossary, 1, 0, &found);
    audit_file(w, b, d, &b->notes, 1, &found);
    /* The template's csv: files: every cell that is not a plain amount. */
    for (size_t e = 0; e < b->n_extra; e++) {
        const csv_table *t = b->extra[e].t;
        for (size_t r = 0; t && r < t->nrows; r++)
            for (size_t f = 0; f < t->ncols; f++) {
                const char *cellv = t->rows[r].fields[f];
                money v;
                if (!*cellv || money_parse(cellv, c->input_unit, &v, NULL, 0) == MONEY_OK)
                    continue;
                found += audit_text(w, b, d, cellv, csv_pos(t, &t->rows[r], (int)f), 1, 0);
            }
    }
    return found;
}
