/*
 * linebreak — greedy line breaking of Chinese/Latin text (see linebreak.h).
 * Stage: layout.  Input: one UTF-8 paragraph and an advance function.
 * Output: a malloc'd array of lines (byte ranges with their natural width).
 *
 * The text is decoded once into an array of code points, each with its
 * advance, a break class and a "break allowed before" flag; the greedy fill
 * then walks that array.  Every code point is measured once and visited a
 * bounded number of times, so a paragraph costs O(n).
 */
#include "linebreak.h"

#include "arena.h"
#include "utf8.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* Break classes, a reduced UAX #14 that covers what budget disclosures
 * contain. */
enum {
    LB_ID, /* CJK ideograph, kana, full-width form: break before and after */
    LB_AL, /* part of a Latin word or a number: no break inside a run */
    LB_SP, /* space: break opportunity, dropped at line ends and starts */
    LB_CL, /* closing punctuation: never starts a line (no break before) */
    LB_OP, /* opening punctuation: never ends a line (no break after) */
    LB_GL, /* no-break space and joiners: no break on either side */
    LB_NL  /* '\n': forced break */
};

/* Raw classes that need their neighbours to be resolved to LB_AL or another
 * class (see classify()). */
enum {
    LB_NUMSEP = 16, /* , . ．  inside "72,899" or "11.1" */
    LB_CMP          /* ≥ ＜ ～ …  opening a number as in "≥80%" */
};

typedef struct cpinfo {
    size_t off;        /* byte offset of the code point in the text */
    double adv;        /* its advance (0 for '\n') */
    uint32_t cp;       /* the code point */
    unsigned char cls; /* LB_* */
    unsigned char brk; /* 1 if a line may start at this code point */
} cpinfo;

/* A growing array of lines; the caller of lb_break() frees v. */
typedef struct linevec {
    lb_line *v;
    size_t n, cap;
} linevec;

static int is_digit(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

/* Opening punctuation per GB/T 15834 (前引号, 前括号, 前书名号) and the ASCII
 * brackets: a line must not end with one. */
static int is_open(uint32_t cp)
{
    switch (cp) {
    case '(':
    case '[':
    case '{':
    case 0x00AB: /* « */
    case 0x2018: /* ‘ */
    case 0x201C: /* “ */
    case 0x3008: /* 〈 */
    case 0x300A: /* 《 */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
    case 0x3010: /* 【 */
    case 0x3014: /* 〔 */
    case 0x3016: /* 〖 */
    case 0x3018: /* 〘 */
    case 0x301A: /* 〚 */
    case 0x301D: /* 〝 */
    case 0xFE59:
    case 0xFE5B:
    case 0xFE5D: /* small ( { 〔 */
    case 0xFF08: /* （ */
    case 0xFF3B: /* ［ */
    case 0xFF5B: /* ｛ */
    case 0xFF5F: /* ｟ */
    case 0xFF62: /* ｢ */
        return 1;
    }
    return 0;
}

/* Closing punctuation per GB/T 15834 4.x: 点号 (、，。；：？！), 后引号,
 * 后括号, 后书名号, 省略号, 间隔号 and 分隔号 (· /) must not start a line.
 * % ‰ ° ℃ are units that stick to the number before them. */
static int is_close(uint32_t cp)
{
    switch (cp) {
    case ';':
    case ':':
    case '?':
    case '!':
    case ')':
    case ']':
    case '}':
    case '%':
    case '/':
    case 0x00B0: /* ° */
    case 0x00B7: /* · */
    case 0x00BB: /* » */
    case 0x2019: /* ’ */
    case 0x201D: /* ” */
    case 0x2025: /* ‥ */
    case 0x2026: /* … */
    case 0x2030: /* ‰ */
    case 0x2103: /* ℃ */
    case 0x3001: /* 、 */
    case 0x3002: /* 。 */
    case 0x3009: /* 〉 */
    case 0x300B: /* 》 */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
    case 0x3011: /* 】 */
    case 0x3015: /* 〕 */
    case 0x3017: /* 〗 */
    case 0x3019: /* 〙 */
    case 0x301B: /* 〛 */
    case 0x301E:
    case 0x301F: /* 〞 〟 */
    case 0x30FB: /* ・ */
    case 0xFE50:
    case 0xFE51:
    case 0xFE52:
    case 0xFE54:
    case 0xFE55:
    case 0xFE56:
    case 0xFE57:
    case 0xFE5A:
    case 0xFE5C:
    case 0xFE5E: /* small forms */
    case 0xFF01: /* ！ */
    case 0xFF05: /* ％ */
    case 0xFF09: /* ） */
    case 0xFF0C: /* ， */
    case 0xFF1A: /* ： */
    case 0xFF1B: /* ； */
    case 0xFF1F: /* ？ */
    case 0xFF3D: /* ］ */
    case 0xFF5D: /* ｝ */
    case 0xFF60:
    case 0xFF61:
    case 0xFF63:
    case 0xFF64: /* ｠ ｡ ｣ ､ */
        return 1;
    }
    return 0;
}

/* Comparison and range signs that belong to the number they precede:
 * "≥80%" and "＜70%" are indicator targets and must stay whole. */
static int is_cmp(uint32_t cp)
{
    switch (cp) {
    case 0x2248: /* ≈ */
    case 0x2260: /* ≠ */
    case 0x2264: /* ≤ */
    case 0x2265: /* ≥ */
    case 0x2266: /* ≦ */
    case 0x2267: /* ≧ */
    case 0x301C: /* 〜 */
    case 0xFE64: /* ﹤ */
    case 0xFE65: /* ﹥ */
    case 0xFF0B: /* ＋ */
    case 0xFF0D: /* － */
    case 0xFF1C: /* ＜ */
    case 0xFF1D: /* ＝ */
    case 0xFF1E: /* ＞ */
    case 0xFF5E: /* ～ */
        return 1;
    }
    return 0;
}

/* The class of cp alone; LB_NUMSEP and LB_CMP still need context. */
static unsigned char raw_class(uint32_t cp)
{
    if (cp == '\n')
        return LB_NL;
    /* Control characters are treated as spaces so that a stray '\r' of a
     * CRLF file or a tab never shows up as content at a line end. */
    if (cp < 0x20 || cp == ' ' || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x2006) ||
        (cp >= 0x2008 && cp <= 0x200B) || cp == 0x205F)
        return LB_SP;
    if (cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || cp == 0x2060 || cp == 0xFEFF ||
        cp == 0x200D)
        return LB_GL;
    if (cp == ',' || cp == '.' || cp == 0xFF0E)
        return LB_NUMSEP;
    if (is_open(cp))
        return LB_OP;
    if (is_close(cp))
        return LB_CL;
    if (is_cmp(cp))
        return LB_CMP;
    /* Full-width digits and letters are read as Latin (０-９ Ａ-Ｚ ａ-ｚ). */
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A))
        return LB_AL;
    /* ASCII and the alphabetic scripts below U+2000 (accented Latin, Greek,
     * Cyrillic, combining marks) form runs; the general punctuation and
     * symbol blocks (①, ■, —) and everything CJK break like ideographs. */
    if (cp < 0x2000)
        return LB_AL;
    return LB_ID;
}

/* Punctuation after which a following Latin run is glued: "e.g", "%a",
 * "1/2".  Full-width punctuation is not, so "，2020" may break. */
static int sticks_to_run(uint32_t cp)
{
    return cp < 0x100 || cp == 0x2030 || cp == 0x2103;
}

/* May a line start at B, given the previous non-space A (a, acp) and
 * whether spaces stand between them? */
static int pair_breaks(unsigned a, uint32_t acp, unsigned b, uint32_t bcp, int sp)
{
    if (b == LB_CL) /* kinsoku: 行首禁则 */
        return 0;
    if (a == LB_OP) /* kinsoku: 行尾禁则 */
        return 0;
    if (sp)
        return 1;
    if (a == LB_GL || b == LB_GL)
        return 0;
    if (a == LB_AL && b == LB_AL)
        return 0;
    if (a == LB_CL && b == LB_AL && sticks_to_run(acp))
        return 0;
    if (a == LB_AL && b == LB_OP && bcp < 0x80) /* "f(x)" */
        return 0;
    if (acp == bcp && (acp == 0x2014 || acp == 0x2015)) /* 破折号 "——" is one mark */
        return 0;
    return 1;
}

/*
 * Resolves the context-dependent classes and sets the break flags.  A ',' or
 * '.' belongs to a number only between an AL character and a digit
 * ("72,899", "11.1"); elsewhere it is closing punctuation, so "2019年,2020"
 * cannot put the comma at a line start.  A comparison sign joins the number
 * it precedes (or the run it follows: "10～20").
 */
static void classify(cpinfo *c, size_t n)
{
    unsigned prev = LB_NL; /* class of the previous code point */
    for (size_t i = 0; i < n; i++) {
        unsigned k = c[i].cls;
        uint32_t next = i + 1 < n ? c[i + 1].cp : 0;
        if (k == LB_NUMSEP)
            k = prev == LB_AL && is_digit(next) ? LB_AL : LB_CL;
        else if (k == LB_CMP)
            k = is_digit(next) || prev == LB_AL ? LB_AL : LB_ID;
        c[i].cls = (unsigned char)k;
        prev = k;
    }

    unsigned a = LB_NL; /* previous non-space class in this paragraph */
    uint32_t acp = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned k = c[i].cls;
        if (k == LB_NL) {
            c[i].brk = 1;
            a = LB_NL, acp = 0, sp = 0;
        } else if (k == LB_SP) {
            /* the break is after the spaces, never before them */
            c[i].brk = 0;
            sp = 1;
        } else {
            c[i].brk = (unsigned char)(a == LB_NL ? 1 : pair_breaks(a, acp, k, c[i].cp, sp));
            a = k, acp = c[i].cp, sp = 0;
        }
    }
}

/* Decodes text into a malloc'd array of n + 1 entries; the last one is a
 * sentinel '\n' whose offset is the text length. */
static cpinfo *prepare(const char *text, lb_advance_fn advance, void *ctx, size_t *count)
{
    size_t cap = utf8_length(text) + 1;
    cpinfo *c = xmalloc(cap * sizeof *c);
    const char *p = text;
    size_t n = 0;
    while (*p) {
        assert(n + 1 < cap);
        c[n].off = (size_t)(p - text);
        uint32_t cp = utf8_next(&p);
        c[n].cp = cp;
        c[n].cls = raw_class(cp);
        c[n].brk = 0;
        c[n].adv = cp == '\n' ? 0.0 : advance(ctx, cp);
        n++;
    }
    c[n].off = (size_t)(p - text);
    c[n].cp = '\n';
    c[n].cls = LB_NL;
    c[n].brk = 1;
    c[n].adv = 0.0;
    classify(c, n);
    *count = n;
    return c;
}

/* True if a line of width x fits avail.  The tolerance of one part in 10^9
 * keeps a line that is exactly N characters wide from losing its last
 * character to rounding (widths are sums of em fractions times the size);
 * avail <= 0 or NaN fits nothing, so each line then gets one character. */
static int fits(double x, double avail)
{
    return avail > 0 && x <= avail + avail * 1e-9;
}

static void push_line(linevec *lv, size_t start, size_t len, double width, int hard)
{
    if (lv->n == lv->cap) {
        lv->cap = lv->cap ? lv->cap * 2 : 8;
        lv->v = xrealloc(lv->v, lv->cap * sizeof *lv->v);
    }
    lv->v[lv->n++] = (lb_line){start, len, width, hard};
}

static size_t skip_spaces(const cpinfo *c, size_t i, size_t end)
{
    while (i < end && c[i].cls == LB_SP)
        i++;
    return i;
}

static size_t trim_spaces(const cpinfo *c, size_t beg, size_t i)
{
    while (i > beg && c[i - 1].cls == LB_SP)
        i--;
    return i;
}

/* Would a break before index q (inside one piece starting at beg) leave
 * opening punctuation at the line end or closing punctuation (including a
 * number's ',' '.') at the next line's start? */
static int bad_cut(const cpinfo *c, size_t beg, size_t q)
{
    size_t e = trim_spaces(c, beg, q);
    if (e > beg && c[e - 1].cls == LB_OP)
        return 1;
    while (c[q].cls == LB_SP) /* stops at the sentinel at the latest */
        q++;
    uint32_t cp = c[q].cp;
    return c[q].cls == LB_CL || cp == ',' || cp == '.' || cp == 0xFF0E;
}

/*
 * A piece wider than the line, starting at beg, overflows at code point
 * over: break it between code points.  Prefer a cut a little earlier that
 * obeys the kinsoku rules ("（1）" alone on a narrow line cannot, so then
 * the fullest cut is kept).
 */
static size_t emergency_cut(const cpinfo *c, size_t beg, size_t over)
{
    size_t q = over;
    while (q > beg + 1 && bad_cut(c, beg, q))
        q--;
    return bad_cut(c, beg, q) ? over : q;
}

static double sum_adv(const cpinfo *c, size_t beg, size_t end)
{
    double w = 0.0;
    for (size_t i = beg; i < end; i++)
        w += c[i].adv;
    return w;
}

/* Breaks one '\n' piece c[beg..end) of a text, its leading spaces skipped
 * and something left, into lines added to lv: 0 when it cannot
 * (lb_break_title() then falls back to lb_break()). */
typedef int (*piece_fn)(const cpinfo *c, size_t beg, size_t end, double first_width, double width,
                        linevec *lv);

/*
 * Each '\n' piece of the n code points c through piece, in order; a trailing
 * '\n' gives a final empty line.  0 as soon as a piece cannot be broken.
 */
static int break_pieces(const cpinfo *c, size_t n, double first_width, double width, piece_fn piece,
                        linevec *lv)
{
    size_t beg = 0;
    for (;;) {
        size_t end = beg;
        while (end < n && c[end].cls != LB_NL)
            end++;
        size_t from = skip_spaces(c, beg, end);
        if (from == end) /* empty or only spaces: one empty hard line */
            push_line(lv, c[end].off, 0, 0.0, 1);
        else if (!piece(c, from, end, first_width, width, lv))
            return 0;
        if (end >= n)
            return 1;
        beg = end + 1;
    }
}

/*
 * Fills the lines of one '\n'-terminated paragraph c[beg..end) (a piece_fn
 * that always succeeds).  Widths are summed from the line start in text
 * order, the same order lb_measure() uses, so a line's width equals
 * lb_measure() of its bytes exactly and the fit test is made on that very
 * number.
 */
static int fill_paragraph(const cpinfo *c, size_t beg, size_t end, double first_width, double width,
                          linevec *lv)
{
    size_t pos = beg;
    while (pos < end) {
        double avail = lv->n == 0 ? first_width : width;
        size_t start = pos, cend = pos, q = pos;
        double run = 0.0; /* width from start to q, spaces included */
        double w = 0.0;   /* width from start to cend */
        int placed = 0;
        while (q < end) {
            /* Walk one piece: the code points up to the next break
             * opportunity.  Spaces are not tested against the width since
             * they vanish if the line ends after them. */
            size_t i = q, last = cend, over = (size_t)-1;
            double acc = run, lastw = w;
            do {
                double nw = acc + c[i].adv;
                if (c[i].cls != LB_SP) {
                    if (!fits(nw, avail) && (placed || i > q)) {
                        over = i;
                        break;
                    }
                    last = i + 1;
                    lastw = nw;
                }
                acc = nw;
                i++;
            } while (i < end && !c[i].brk);
            if (over == (size_t)-1) {
                run = acc, cend = last, w = lastw, q = i;
                placed = 1;
                continue;
            }
            if (placed) /* the piece moves whole to the next line */
                break;
            /* The piece alone is wider than the line. */
            q = emergency_cut(c, start, over);
            cend = trim_spaces(c, start, q);
            w = sum_adv(c, start, cend);
            break;
        }
        pos = skip_spaces(c, q, end);
        push_line(lv, c[start].off, c[cend].off - c[start].off, w, pos >= end);
    }
    return 1;
}

size_t lb_break(const char *text, double first_width, double width, lb_advance_fn advance,
                void *ctx, lb_line **lines)
{
    assert(text && advance && lines);
    size_t n;
    cpinfo *c = prepare(text, advance, ctx, &n);
    linevec lv = {NULL, 0, 0};
    break_pieces(c, n, first_width, width, fill_paragraph, &lv);
    free(c);
    *lines = lv.v;
    return lv.n;
}

double lb_measure(const char *text, size_t n, lb_advance_fn advance, void *ctx)
{
    double w = 0.0;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        int k = utf8_decode(text + i, n - i, &cp);
        if (k == 0) { /* as utf8_next(): invalid byte reads as U+FFFD */
            cp = 0xFFFD;
            k = 1;
        }
        if (cp != '\n') /* lb_break gives '\n' no width either */
            w += advance(ctx, cp);
        i += (size_t)k;
    }
    return w;
}

double lb_min_width(const char *text, lb_advance_fn advance, void *ctx)
{
    size_t n;
    cpinfo *c = prepare(text, advance, ctx, &n);
    double best = 0.0;
    size_t i = 0;
    while (i < n) {
        if (c[i].cls == LB_SP || c[i].cls == LB_NL) { /* dropped at line starts */
            i++;
            continue;
        }
        /* One piece; its trailing spaces do not count, as at a line end. */
        double acc = 0.0, pw = 0.0;
        do {
            acc += c[i].adv;
            if (c[i].cls != LB_SP)
                pw = acc;
            i++;
        } while (i < n && c[i].cls != LB_NL && !c[i].brk);
        if (pw > best)
            best = pw;
    }
    free(c);
    return best;
}

/* ---- balanced breaking of centred titles ---------------------------------- */

/* Is a break before c[q] (allowed by the rules above) one a title prefers:
 * after a separator (：，、；) or closing mark, before an opening mark, at
 * spaces, or after the 年 of a year ("2020年 / 部门预算公开表")? */
static int title_point(const cpinfo *c, size_t beg, size_t q)
{
    size_t e = trim_spaces(c, beg, q);
    if (e < q)
        return 1; /* spaces stood there */
    if (e == beg)
        return 0;
    uint32_t a = c[e - 1].cp, b = c[q].cp;
    if (a == 0xFF1A || a == 0xFF0C || a == 0x3001 || a == 0xFF1B || a == ':' || a == ';' ||
        c[e - 1].cls == LB_CL)
        return 1;
    if (c[q].cls == LB_OP)
        return 1;
    return a == 0x5E74 /* 年 */ && e >= beg + 2 && is_digit(c[e - 2].cp) && b != 0x5EA6 /* 度 */;
}

/* Best breaking of c[beg..end) found so far from a position: lexicographic
 * (breaks at other points, lines, widest line). */
typedef struct tstate {
    int bad, lines;
    double widest;
    size_t from; /* where the last line starts */
    int ok;
} tstate;

static int tbetter(int bad, int lines, double widest, const tstate *s)
{
    if (!s->ok)
        return 1;
    if (bad != s->bad)
        return bad < s->bad;
    if (lines != s->lines)
        return lines < s->lines;
    return widest < s->widest - 1e-9;
}

/* One '\n' piece of a title; 0 if no breaking into lines of width fits
 * (a piece wider than a line: the caller falls back to lb_break()). */
static int title_piece(const cpinfo *c, size_t beg, size_t end, double first_width, double width,
                       linevec *lv)
{
    size_t n = end - beg;
    /* cand[k]: positions where a line may start (beg, every allowed break) */
    size_t *cand = xmalloc((n + 1) * sizeof *cand), nc = 0;
    for (size_t q = beg; q < end; q++)
        if (q == beg || (c[q].brk && c[q].cls != LB_SP))
            cand[nc++] = q;
    tstate *st = xcalloc(nc + 1, sizeof *st); /* st[k]: best to a line starting at cand[k] */
    st[0].ok = 1;
    for (size_t k = 0; k < nc; k++) {
        if (!st[k].ok)
            continue;
        for (size_t j = k + 1; j <= nc; j++) {
            size_t stop = j < nc ? cand[j] : end;
            size_t e = trim_spaces(c, cand[k], stop);
            double w = sum_adv(c, cand[k], e);
            if (!fits(w, k == 0 && lv->n == 0 ? first_width : width))
                break;
            int bad = st[k].bad + (j < nc && !title_point(c, beg, cand[j]));
            double widest = w > st[k].widest ? w : st[k].widest;
            if (tbetter(bad, st[k].lines + 1, widest, &st[j])) {
                st[j] = (tstate){bad, st[k].lines + 1, widest, k, 1};
            }
        }
    }
    int ok = st[nc].ok;
    if (ok) {
        size_t *starts = xmalloc((nc + 1) * sizeof *starts), m = 0;
        for (size_t j = nc; j > 0; j = st[j].from)
            starts[m++] = st[j].from;
        for (size_t i = m; i-- > 0;) {
            size_t a = cand[starts[i]], b = i > 0 ? cand[starts[i - 1]] : end;
            size_t e = trim_spaces(c, a, b);
            push_line(lv, c[a].off, c[e].off - c[a].off, sum_adv(c, a, e), i == 0);
        }
        free(starts);
    }
    free(st);
    free(cand);
    return ok;
}

size_t lb_break_title(const char *text, double first_width, double width, lb_advance_fn advance,
                      void *ctx, lb_line **lines)
{
    assert(text && advance && lines);
    size_t n;
    cpinfo *c = prepare(text, advance, ctx, &n);
    linevec lv = {NULL, 0, 0};
    int ok = break_pieces(c, n, first_width, width, title_piece, &lv);
    free(c);
    if (!ok) {
        free(lv.v);
        return lb_break(text, first_width, width, advance, ctx, lines);
    }
    *lines = lv.v;
    return lv.n;
}
