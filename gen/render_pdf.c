/*
 * render_pdf — the disclosure as a PDF, drawn with libharu 2.3.0.
 * Stage: render.  Input: the document model and the config (fonts, output
 * folder and name, page limit).  Output: <dir>/<name>.pdf, written under a
 * temporary name and renamed into place (outfile.h).
 *
 * Order of work: open the two fonts; lay the whole document out
 * (layout.c: every page exists before the first is drawn, so footers can
 * say "共N页"); check that every character drawn is in the font that draws
 * it; subset each font to exactly those characters (fonts.c, HarfBuzz) into
 * temporary files, since libharu embeds whole CJK fonts with glyphs missing
 * and at 300-600 KB (../shared/LIBS.md), and adapt the subsets to libharu's
 * slow cmap lookups and /W widths (tune_for_haru()); then draw, add the
 * outline and the metadata, and save.  The same input gives the same bytes:
 * dates come from SOURCE_DATE_EPOCH or the budget year, never the clock.
 */
#define _GNU_SOURCE /* memfd_create */
#include "render.h"
#include "i18n.h"

#include "fonts.h"
#include "pdf_font.h"
#include "pdf_meta.h"
#include "pdf_pack.h"
#include "strbuf.h"
#include "layout.h"
#include "outfile.h"
#include "pdf_attach.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <hb.h>
#include <hpdf.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_BODY_FONT "AR PL UMing CN"
#define DEFAULT_HEADING_FONT "WenQuanYi Zen Hei"

/* Outline width of emulated bold (fill then stroke): thin enough that the
 * counters of dense characters like 赢 stay open at 9-10.5 pt. */
#define BOLD_STROKE 0.3

/* libharu's UTF-8 encoder maps characters to 16-bit CIDs: only the Basic
 * Multilingual Plane can be drawn. */
#define BMP 0x10000
#define BITMAP_BYTES (BMP / 8)

/* Missing characters are reported at each place they occur, up to this
 * many messages, so that a wrong font does not print thousands of lines. */
#define MAX_CHAR_REPORTS 50

/* The first libharu error, recorded by the error handler: libharu keeps
 * going after an error and returns codes, so the renderer checks this at
 * each stage instead of every call. */
typedef struct haru_status {
    HPDF_STATUS error, detail;
} haru_status;

static void on_haru_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    haru_status *h = user;
    /* HPDF_ReadFromStream reports the normal end of the saved document
     * through the handler too */
    if (error_no == HPDF_STREAM_EOF)
        return;
    if (h->error == HPDF_OK) {
        h->error = error_no;
        h->detail = detail_no;
    }
}

/* The libharu codes a user can act on, in words; others are given as
 * numbers (hpdf_error.h). */
static const char *haru_message(HPDF_STATUS e)
{
    switch (e) {
    case HPDF_FAILD_TO_ALLOC_MEM:
        return "out of memory";
    case HPDF_FILE_IO_ERROR:
    case HPDF_FILE_OPEN_ERROR:
        return "cannot read a temporary font file";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT:
        return "the font does not permit embedding";
    case HPDF_TTF_INVALID_FOMAT:
    case HPDF_TTF_MISSING_TABLE:
    case HPDF_TTF_INVALID_CMAP:
        return "the font subset is not a TrueType font libharu can read";
    case HPDF_PAGE_OUT_OF_RANGE:
        return "too many pages";
    default:
        return "PDF library error";
    }
}

static int bit(const uint8_t *set, uint32_t cp)
{
    return set[cp >> 3] >> (cp & 7) & 1;
}

static void set_bit(uint8_t *set, uint32_t cp)
{
    set[cp >> 3] = (uint8_t)(set[cp >> 3] | 1u << (cp & 7));
}

/* One reported (character, place) pair, so a cell broken over five lines
 * gives one message, not five. */
typedef struct report {
    uint32_t cp;
    int slot;
    const diag_pos *pos;
} report;

typedef struct charcheck {
    diag *d;
    font *fonts[LAY_NFONTS];
    int slot[LAY_NFONTS]; /* font slot of each layout font (same font: same slot) */
    uint8_t *used;        /* per slot: characters drawn */
    uint8_t *known;       /* per slot: font_has() asked */
    uint8_t *missing;     /* per slot: font_has() said no */
    report reports[MAX_CHAR_REPORTS];
    size_t n_reports;
    size_t n_errors;
} charcheck;

static void report_char(charcheck *cc, const lay_op *op, uint32_t cp, const char *why)
{
    int slot = cc->slot[op->font];
    cc->n_errors++;
    for (size_t i = 0; i < cc->n_reports; i++)
        if (cc->reports[i].cp == cp && cc->reports[i].slot == slot && cc->reports[i].pos == op->pos)
            return;
    if (cc->n_reports == MAX_CHAR_REPORTS)
        return;
    cc->reports[cc->n_reports++] = (report){cp, slot, op->pos};
    char ch[5] = {0};
    utf8_encode(cp, ch);
    diag_pos where = op->pos ? *op->pos : diag_at(NULL, 0, 0);
    diag_report(cc->d, DIAG_ERROR, where, "character \xe2\x80\x9c%s\xe2\x80\x9d (U+%04X) %s%s", ch,
                (unsigned)cp, why, op->role == LAY_ROLE_FOOTER ? _(" (in the page footer)") : "");
}

/*
 * Marks every character the pages draw in its font's set and checks that
 * the font has it: the document must never show a blank or a box where a
 * figure or a name should be.  Returns the number of problems.
 */
static size_t check_chars(charcheck *cc, const layout *L)
{
    for (size_t p = 0; p < L->n_pages; p++) {
        const lay_page *pg = &L->pages[p];
        for (size_t i = 0; i < pg->n_ops; i++) {
            const lay_op *op = &pg->ops[i];
            if (op->kind != LAY_TEXT)
                continue;
            int slot = cc->slot[op->font];
            uint8_t *used = cc->used + (size_t)slot * BITMAP_BYTES;
            uint8_t *known = cc->known + (size_t)slot * BITMAP_BYTES;
            uint8_t *missing = cc->missing + (size_t)slot * BITMAP_BYTES;
            const char *s = op->text;
            uint32_t cp;
            while ((cp = utf8_next(&s)) != 0) {
                if (cp >= BMP) {
                    report_char(cc, op, cp,
                                "is outside the Basic Multilingual Plane: the PDF library "
                                "cannot draw it");
                    continue;
                }
                if (!bit(known, cp)) {
                    set_bit(known, cp);
                    if (!font_has(cc->fonts[op->font], cp))
                        set_bit(missing, cp);
                }
                if (bit(missing, cp)) {
                    char why[200];
                    snprintf(why, sizeof why,
                             _("is not in font %s: replace it in the input, or name a font "
                               "that has it in [fonts] of the config"),
                             font_family(cc->fonts[op->font]));
                    report_char(cc, op, cp, why);
                    continue;
                }
                set_bit(used, cp);
            }
        }
    }
    if (cc->n_errors > cc->n_reports)
        diag_report(cc->d, DIAG_NOTE, diag_at(NULL, 0, 0),
                    "%zu more places with characters the fonts lack are not listed",
                    cc->n_errors - cc->n_reports);
    return cc->n_errors;
}

/* The sorted code points of one slot's set. */
static uint32_t *set_list(const uint8_t *set, size_t *n)
{
    size_t k = 0;
    for (uint32_t cp = 0; cp < BMP; cp++)
        k += (size_t)bit(set, cp);
    uint32_t *v = xmalloc((k ? k : 1) * sizeof *v);
    k = 0;
    for (uint32_t cp = 0; cp < BMP; cp++)
        if (bit(set, cp))
            v[k++] = cp;
    *n = k;
    return v;
}

/*
 * libharu 2.3.0 looks characters up in a font's cmap by a linear scan of
 * its format 4 segments: 65,536 lookups when the font is loaded for the
 * UTF-8 encoder (HPDF_GetFont) and one per character drawn.  HarfBuzz
 * gives a subset of scattered Chinese characters one segment per
 * character (about 900), and HPDF_GetFont alone then took 18 ms of a
 * 85 ms run.  Rewritten with few segments — characters up to `gap` apart
 * share one, the code points between them mapping to glyph 0 through
 * glyphIdArray — it takes 2-3 ms.  The widest gap that fits is used: with
 * 1,024, a document's characters fall into a handful of segments (ASCII,
 * punctuation, the CJK block, full-width forms) and the lookups per
 * character drawn cost nothing either (they were 17% of the instructions
 * of a run with a gap of 16); compressed, the table is as small as the
 * fragmented one (the gaps are runs of zeros: 52 bytes more for
 * bench/peer.tpl's 827 characters).  PDF viewers do not read this cmap (a
 * CIDFontType2 maps CIDs through /CIDToGIDMap); only libharu does.
 */
#define CMAP_MAX_ARRAY 30000 /* idRangeOffset and the subtable length are 16-bit */

static void put16(uint8_t **p, unsigned v)
{
    (*p)[0] = (uint8_t)(v >> 8);
    (*p)[1] = (uint8_t)v;
    *p += 2;
}

/* The cmap table for cps[0..n) (sorted, BMP) with glyphs gid[], segments
 * joined across gaps of up to gap code points; NULL if glyphIdArray would
 * grow too large for one format 4 subtable. */
static uint8_t *build_cmap(const uint32_t *cps, const uint16_t *gid, size_t n, uint32_t gap,
                           size_t *len)
{
    size_t nseg = 1, narr = 0; /* the final 0xFFFF segment */
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || cps[i] - cps[i - 1] > gap)
            nseg++;
        narr += i == 0 || cps[i] - cps[i - 1] > gap ? 1 : cps[i] - cps[i - 1];
    }
    size_t sub = 16 + 8 * nseg + 2 * narr;
    if (narr > CMAP_MAX_ARRAY || sub > 65535)
        return NULL;
    uint32_t *start = xmalloc(nseg * sizeof *start), *end = xmalloc(nseg * sizeof *end);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 0 || cps[i] - cps[i - 1] > gap)
            start[k++] = cps[i];
        end[k - 1] = cps[i];
    }
    start[k] = end[k] = 0xFFFF;
    *len = 4 + 2 * 8 + sub;
    uint8_t *t = xcalloc(1, *len), *p = t;
    put16(&p, 0); /* version */
    put16(&p, 2); /* (0,3) and (3,1) share the subtable */
    put16(&p, 0), put16(&p, 3), put16(&p, 0), put16(&p, 20);
    put16(&p, 3), put16(&p, 1), put16(&p, 0), put16(&p, 20);
    unsigned sr = 2, es = 0;
    while (sr * 2 <= nseg * 2)
        sr *= 2, es++;
    put16(&p, 4), put16(&p, (unsigned)sub), put16(&p, 0);
    put16(&p, (unsigned)(2 * nseg)), put16(&p, sr), put16(&p, es),
        put16(&p, (unsigned)(2 * nseg - sr));
    for (size_t i = 0; i < nseg; i++)
        put16(&p, end[i]);
    put16(&p, 0); /* reservedPad */
    for (size_t i = 0; i < nseg; i++)
        put16(&p, start[i]);
    for (size_t i = 0; i < nseg; i++)
        put16(&p, i + 1 == nseg ? 1 : 0); /* idDelta: 0xFFFF + 1 wraps to glyph 0 */
    size_t pos = 0;
    for (size_t i = 0; i < nseg; i++) {
        /* idRangeOffset counts bytes from this entry to the segment's
         * first glyphIdArray entry */
        put16(&p, i + 1 == nseg ? 0 : (unsigned)(2 * (nseg - i) + 2 * pos));
        if (i + 1 < nseg)
            pos += end[i] - start[i] + 1;
    }
    size_t j = 0;
    for (size_t i = 0; i + 1 < nseg; i++)
        for (uint32_t cp = start[i]; cp <= end[i]; cp++) {
            while (j < n && cps[j] < cp)
                j++;
            put16(&p, j < n && cps[j] == cp ? gid[j] : 0);
        }
    free(start);
    free(end);
    return t;
}

static unsigned get16(const uint8_t *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/*
 * The advance (font units) that most of the glyphs gid[0..n) have, from
 * hmtx (nhm long metrics; later glyphs repeat the last advance).
 */
static unsigned common_advance(const uint8_t *hmtx, unsigned len, unsigned nhm, const uint16_t *gid,
                               size_t n)
{
    unsigned adv[32], cnt[32], nadv = 0, best = 0;
    if (nhm == 0 || (size_t)nhm * 4 > len)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned g = gid[i] < nhm ? gid[i] : nhm - 1;
        unsigned a = get16(hmtx + 4 * g), k = 0;
        while (k < nadv && adv[k] != a)
            k++;
        if (k == nadv) {
            if (nadv == 32)
                continue;
            adv[nadv] = a;
            cnt[nadv++] = 0;
        }
        if (++cnt[k] > cnt[best])
            best = k;
    }
    return nadv ? adv[best] : 0;
}

/*
 * Adapts the subset font at path to libharu: a compact cmap (see above),
 * and glyph 0 (.notdef, never drawn: a missing character is an error)
 * given the advance most glyphs have.  libharu writes that advance as the
 * font's /DW and lists in /W every glyph whose width differs — with the
 * .notdef advance of half an em, every Chinese character (one em) was
 * listed, 13 KB of uncompressed font dictionary.  And a one-byte 'prep'
 * program (see HARU_PREP).  The outlines are not touched.  If anything
 * fails the font is left as HarfBuzz wrote it, which is correct, only
 * slower and larger.  Returns -1 only on a write error.
 */

/*
 * libharu 2.3.0 writes the 13 tables it embeds into a memory stream of
 * 4096-byte blocks, 'prep' last, then seeks to each table's offset to sum
 * its checksum.  An empty 'prep' starts at the very end of the stream, and
 * when the font's tables add up to a multiple of 4096 bytes that seek asks
 * for a block that does not exist: HPDF_MemStream_SeekFunc fails with
 * HPDF_INVALID_OBJECT (0x1033) and the PDF cannot be written -- one font in
 * about 4,096 (department 979 of `tools/synth.py --seed 1`).  The subset
 * has no hinting, so 'prep' is empty unless given this program: RTG, round
 * to grid, which is already the interpreter's default state.  A no-op, one
 * byte, and 'prep' never starts at the end.
 */
static const unsigned char HARU_PREP[] = {0x18};
static int tune_for_haru(diag *d, const char *path, const uint32_t *cps, size_t n)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob)
        return 0;
    hb_face_t *face = hb_face_create(blob, 0);
    hb_font_t *hf = hb_font_create(face);
    uint16_t *gid = xmalloc((n ? n : 1) * sizeof *gid);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = 0;
        gid[i] = hb_font_get_nominal_glyph(hf, cps[i], &g) && g < 0x10000 ? (uint16_t)g : 0;
    }
    size_t len = 0;
    /* the widest gap whose glyphIdArray still fits */
    uint8_t *cmap = NULL;
    for (uint32_t gap = 1024; gap >= 4 && !cmap; gap /= 4)
        cmap = build_cmap(cps, gid, n, gap, &len);

    hb_blob_t *hhea = hb_face_reference_table(face, HB_TAG('h', 'h', 'e', 'a'));
    hb_blob_t *hmtx = hb_face_reference_table(face, HB_TAG('h', 'm', 't', 'x'));
    unsigned hlen = 0, mlen = 0;
    const uint8_t *hh = (const uint8_t *)hb_blob_get_data(hhea, &hlen);
    const uint8_t *hm = (const uint8_t *)hb_blob_get_data(hmtx, &mlen);
    uint8_t *metrics = NULL;
    unsigned adv = hlen >= 36 ? common_advance(hm, mlen, get16(hh + 34), gid, n) : 0;
    if (adv && mlen >= 4) {
        metrics = xmalloc(mlen);
        memcpy(metrics, hm, mlen);
        metrics[0] = (uint8_t)(adv >> 8);
        metrics[1] = (uint8_t)adv;
    }

    int ret = 0;
    {
        hb_face_t *b = hb_face_builder_create();
        hb_tag_t tags[64];
        unsigned count = 63; /* room for 'prep' */
        hb_face_get_table_tags(face, 0, &count, tags);
        int has_prep = 0;
        for (unsigned i = 0; i < count; i++)
            has_prep |= tags[i] == HB_TAG('p', 'r', 'e', 'p');
        if (!has_prep)
            tags[count++] = HB_TAG('p', 'r', 'e', 'p');
        for (unsigned i = 0; i < count; i++) {
            hb_blob_t *tb;
            if (tags[i] == HB_TAG('p', 'r', 'e', 'p')) {
                tb = hb_face_reference_table(face, tags[i]);
                if (hb_blob_get_length(tb) == 0) {
                    hb_blob_destroy(tb);
                    tb = hb_blob_create((const char *)HARU_PREP, sizeof HARU_PREP,
                                        HB_MEMORY_MODE_READONLY, NULL, NULL);
                }
            } else if (tags[i] == HB_TAG('c', 'm', 'a', 'p') && cmap)
                tb = hb_blob_create((const char *)cmap, (unsigned)len, HB_MEMORY_MODE_READONLY,
                                    NULL, NULL);
            else if (tags[i] == HB_TAG('h', 'm', 't', 'x') && metrics)
                tb = hb_blob_create((const char *)metrics, mlen, HB_MEMORY_MODE_READONLY, NULL,
                                    NULL);
            else
                tb = hb_face_reference_table(face, tags[i]);
            hb_face_builder_add_table(b, tags[i], tb);
            hb_blob_destroy(tb);
        }
        hb_blob_t *out = hb_face_reference_blob(b);
        unsigned olen = 0;
        const char *data = hb_blob_get_data(out, &olen);
        if (olen > 0) {
            FILE *fp = fopen(path, "wb");
            int e = fp ? 0 : errno;
            if (fp) {
                errno = 0;
                if (fwrite(data, 1, olen, fp) != olen || fflush(fp) != 0)
                    e = errno ? errno : EIO;
                if (fclose(fp) != 0 && !e)
                    e = errno;
            }
            if (e) {
                outfile_report_scratch(d, "a font subset", path, e);
                ret = -1;
            }
        }
        hb_blob_destroy(out);
        hb_face_destroy(b);
    }
    free(cmap);
    free(metrics);
    hb_blob_destroy(hhea);
    hb_blob_destroy(hmtx);
    free(gid);
    hb_font_destroy(hf);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    return ret;
}

/*
 * PDF dates: SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set, as the
 * reproducible-builds convention asks; else 1 January of the budget year,
 * 00:00:00 UTC.  Never the clock: the same input gives the same bytes.
 */
static int pdf_date(diag *d, int year, HPDF_Date *out)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (env && *env) {
        char *end;
        errno = 0;
        long long v = strtoll(env, &end, 10);
        time_t t = (time_t)v;
        if (errno || *end || v < 0 || (long long)t != v || !gmtime_r(&t, &tm) ||
            tm.tm_year + 1900 > 9999) {
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds since 1970", env);
            return -1;
        }
    } else {
        tm.tm_year = (year >= 1 && year <= 9999 ? year : 1970) - 1900;
        tm.tm_mday = 1;
    }
    memset(out, 0, sizeof *out);
    out->year = tm.tm_year + 1900;
    out->month = tm.tm_mon + 1;
    out->day = tm.tm_mday;
    out->hour = tm.tm_hour;
    out->minutes = tm.tm_min;
    out->seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
    out->ind = 'Z';
    return 0;
}

/*
 * Coordinates to 1/100 pt, far below what print or screen can show:
 * libharu writes five decimals, and short numbers compress better (the
 * content streams are a quarter of the file).
 */
static HPDF_REAL pt(double v)
{
    return (HPDF_REAL)(floor(v * 100.0 + 0.5) / 100.0);
}

/* A grid segment along one axis: from a0 to a1 at the constant k. */
typedef struct seg {
    double k, a0, a1;
} seg;

static int seg_cmp(const void *pa, const void *pb)
{
    const seg *a = pa, *b = pb;
    if (a->k != b->k)
        return a->k < b->k ? -1 : 1;
    if (a->a0 != b->a0)
        return a->a0 < b->a0 ? -1 : 1;
    return (a->a1 > b->a1) - (a->a1 < b->a1);
}

/* Sorts segs and joins the ones that touch or overlap on the same line:
 * a table's cells give each grid line in many pieces.  Returns the count. */
static size_t merge_segs(seg *v, size_t n)
{
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, seg_cmp);
    size_t m = 0;
    for (size_t i = 1; i < n; i++) {
        if (v[i].k == v[m].k && v[i].a0 <= v[m].a1 + 0.011) {
            if (v[i].a1 > v[m].a1)
                v[m].a1 = v[i].a1;
        } else {
            v[++m] = v[i];
        }
    }
    return m + 1;
}

/* Strokes every LAY_LINE of width w on the page as one path, collinear
 * pieces joined. */
static void stroke_lines(HPDF_Page page, const lay_page *pg, double w)
{
    seg *hz = xmalloc((pg->n_ops + 1) * sizeof *hz), *vt = xmalloc((pg->n_ops + 1) * sizeof *vt);
    size_t nh = 0, nv = 0;
    for (size_t i = 0; i < pg->n_ops; i++) {
        const lay_op *q = &pg->ops[i];
        if (q->kind != LAY_LINE || q->line_width != w)
            continue;
        double x0 = pt(q->x), y0 = pt(q->y), x1 = pt(q->x2), y1 = pt(q->y2);
        if (y0 == y1)
            hz[nh++] = (seg){y0, x0 < x1 ? x0 : x1, x0 < x1 ? x1 : x0};
        else if (x0 == x1)
            vt[nv++] = (seg){x0, y0 < y1 ? y0 : y1, y0 < y1 ? y1 : y0};
        else { /* not from tables; drawn as given */
            HPDF_Page_MoveTo(page, (HPDF_REAL)x0, (HPDF_REAL)y0);
            HPDF_Page_LineTo(page, (HPDF_REAL)x1, (HPDF_REAL)y1);
        }
    }
    nh = merge_segs(hz, nh);
    nv = merge_segs(vt, nv);
    for (size_t i = 0; i < nh; i++) {
        HPDF_Page_MoveTo(page, (HPDF_REAL)hz[i].a0, (HPDF_REAL)hz[i].k);
        HPDF_Page_LineTo(page, (HPDF_REAL)hz[i].a1, (HPDF_REAL)hz[i].k);
    }
    for (size_t i = 0; i < nv; i++) {
        HPDF_Page_MoveTo(page, (HPDF_REAL)vt[i].k, (HPDF_REAL)vt[i].a0);
        HPDF_Page_LineTo(page, (HPDF_REAL)vt[i].k, (HPDF_REAL)vt[i].a1);
    }
    HPDF_Page_Stroke(page);
    free(hz);
    free(vt);
}

/* A colour component 0..255 as a fill value, to 1/1000: "0.122" rather
 * than libharu's "0.12157". */
static HPDF_REAL channel(uint32_t rgb, int shift)
{
    return (HPDF_REAL)(floor((double)(rgb >> shift & 0xFF) / 255.0 * 1000.0 + 0.5) / 1000.0);
}

/* Draws one laid-out page: shading, chart bars and gridlines first, in
 * their order (bars cover gridlines), then the grid (one path per line
 * width), then all text in one text object. */
static void draw_page(HPDF_Page page, const lay_page *pg, HPDF_Font const hf[LAY_NFONTS],
                      pdf_cff *const cff[LAY_NFONTS], const int real_bold[LAY_NFONTS])
{
    HPDF_Page_SetWidth(page, (HPDF_REAL)pg->width);
    HPDF_Page_SetHeight(page, (HPDF_REAL)pg->height);

    /* the fill set last: a run of rectangles of one colour sets it once */
    int have_fill = 0, fill_rgb = 0;
    uint32_t fill = 0;
    double fill_gray = 0.0;
    for (size_t i = 0; i < pg->n_ops; i++) {
        const lay_op *op = &pg->ops[i];
        if (op->kind != LAY_RECT)
            continue;
        if (op->has_rgb) {
            if (!have_fill || !fill_rgb || fill != op->rgb)
                HPDF_Page_SetRGBFill(page, channel(op->rgb, 16), channel(op->rgb, 8),
                                     channel(op->rgb, 0));
            fill_rgb = 1;
            fill = op->rgb;
        } else {
            if (!have_fill || fill_rgb || fill_gray != op->gray)
                HPDF_Page_SetGrayFill(page, (HPDF_REAL)op->gray);
            fill_rgb = 0;
            fill_gray = op->gray;
        }
        have_fill = 1;
        HPDF_Page_Rectangle(page, pt(op->box.x0), pt(op->box.y0), pt(op->box.x1 - op->box.x0),
                            pt(op->box.y1 - op->box.y0));
        HPDF_Page_Fill(page);
    }

    /* Projecting caps close the corners where a heavier frame line meets
     * a thinner inner one. */
    HPDF_Page_SetLineCap(page, HPDF_PROJECTING_SCUARE_END);
    double done[8];
    size_t ndone = 0;
    for (size_t i = 0; i < pg->n_ops; i++) {
        const lay_op *op = &pg->ops[i];
        if (op->kind != LAY_LINE)
            continue;
        size_t k = 0;
        while (k < ndone && done[k] != op->line_width)
            k++;
        if (k < ndone)
            continue; /* this width was drawn with an earlier line */
        if (ndone < sizeof done / sizeof done[0])
            done[ndone++] = op->line_width;
        HPDF_Page_SetLineWidth(page, (HPDF_REAL)op->line_width);
        stroke_lines(page, pg, op->line_width);
    }

    HPDF_Page_SetGrayFill(page, 0);
    HPDF_Page_SetGrayStroke(page, 0);
    HPDF_Page_SetLineWidth(page, BOLD_STROKE);
    HPDF_Page_BeginText(page);
    int cur_font = -1, bold = 0;
    double cur_size = 0.0, cs = 0.0;
    /* Start of the current text line, tracked here: Td is relative to it,
     * and differences of rounded doubles print short ("0 -11.7 Td"), where
     * HPDF_Page_TextOut subtracts floats and prints "-11.69998". */
    double line_x = 0.0, line_y = 0.0;
    for (size_t i = 0; i < pg->n_ops; i++) {
        const lay_op *op = &pg->ops[i];
        if (op->kind != LAY_TEXT)
            continue;
        if (op->font != cur_font || op->size != cur_size) {
            HPDF_Page_SetFontAndSize(page, hf[op->font], (HPDF_REAL)op->size);
            cur_font = op->font;
            cur_size = op->size;
        }
        if (op->char_space != cs) {
            /* to 1/10000 pt: over 40 gaps that is still far below 1/100 pt */
            HPDF_Page_SetCharSpace(page, (HPDF_REAL)(floor(op->char_space * 1e4 + 0.5) / 1e4));
            cs = op->char_space;
        }
        /* emulated bold only where the face is not bold itself */
        int want_bold = op->bold && !real_bold[op->font];
        if (want_bold != bold) {
            HPDF_Page_SetTextRenderingMode(page, want_bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
            bold = want_bold;
        }
        double x = pt(op->x), y = pt(op->y);
        HPDF_Page_MoveTextPos(page, pt(x - line_x), pt(y - line_y));
        if (cff[op->font])
            pdf_cff_show(cff[op->font], page, op->text);
        else
            HPDF_Page_ShowText(page, op->text);
        line_x = x;
        line_y = y;
    }
    HPDF_Page_EndText(page);
}

/*
 * The outline: a level n + 1 entry nests under the last entry of level n
 * (tables under their section).  Top-level entries are open, so the
 * reader sees the sections and what each contains.
 */
static void add_outline(HPDF_Doc pdf, const layout *L, HPDF_Page *pages)
{
    HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");
    enum { DEPTH = 8 };
    HPDF_Outline parent[DEPTH + 1] = {NULL};
    for (size_t i = 0; i < L->n_marks; i++) {
        const lay_mark *m = &L->marks[i];
        int level = m->level > DEPTH ? DEPTH : m->level;
        HPDF_Outline up = NULL;
        for (int k = level - 1; k >= 1 && !up; k--)
            up = parent[k];
        HPDF_Outline o = HPDF_CreateOutline(pdf, up, m->title, enc);
        if (!o)
            return;
        HPDF_Destination dst = HPDF_Page_CreateDestination(pages[m->page]);
        /* a little above the block, so its first line is not at the very
         * edge of the window */
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)(m->y + 12 < L->pages[m->page].height
                                                      ? m->y + 12
                                                      : L->pages[m->page].height));
        HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, level == 1 ? HPDF_TRUE : HPDF_FALSE);
        parent[level] = o;
        for (int k = level + 1; k <= DEPTH; k++)
            parent[k] = NULL;
    }
}

static void set_info(HPDF_Doc pdf, HPDF_InfoType what, const char *value)
{
    if (value && *value)
        HPDF_SetInfoAttr(pdf, what, value);
}

/* Writes the saved document from libharu's memory stream to fp. */
static int copy_stream(HPDF_Doc pdf, FILE *fp, long long *bytes)
{
    /* The whole file in memory, its dictionaries packed into an object
     * stream (pdf_pack.h); as libharu wrote it if that cannot be done. */
    HPDF_BYTE buf[1 << 16];
    strbuf all = STRBUF_INIT;
    unsigned char *packed = NULL;
    size_t pn = 0;
    int rc = -1;
    *bytes = 0;
    if (HPDF_ResetStream(pdf) != HPDF_OK)
        return -1;
    for (;;) {
        HPDF_UINT32 k = sizeof buf;
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, buf, &k);
        sb_appendn(&all, (const char *)buf, k);
        if (st == HPDF_STREAM_EOF || (st == HPDF_OK && k == 0))
            break;
        if (st != HPDF_OK)
            goto out;
    }
    const unsigned char *w = (const unsigned char *)all.buf;
    size_t n = all.len;
    if (pdf_pack(w, n, &packed, &pn) == 0) {
        w = packed;
        n = pn;
    }
    if (n && fwrite(w, 1, n, fp) != n)
        goto out;
    *bytes = (long long)n;
    rc = 0;
out:
    sb_free(&all);
    free(packed);
    return rc;
}

/*
 * The preference list of layout role k and where it was given (config.c:
 * [fonts]), or, in *same, the role whose face it is.  The figures roles
 * ([fonts] figures, layout_figures.c): unset, the face of the text around
 * the figures; set, that face in table cells and paragraphs, and in header
 * cells and 合计 rows its bold weight if installed, else the bold role's
 * face.  fonts[] holds the faces of the roles before k.
 */
static const char *role_font(arena *a, const config *c, int k, font *const fonts[LAY_NFONTS],
                             diag_pos *where, int *same)
{
    if (k == LAY_FONT_FIGURES || k == LAY_FONT_FIGURES_BOLD || k == LAY_FONT_FIGURES_TEXT) {
        if (!c->font_figures) {
            *same = k == LAY_FONT_FIGURES        ? LAY_FONT_TABLE
                    : k == LAY_FONT_FIGURES_BOLD ? LAY_FONT_TABLE_BOLD
                                                 : LAY_FONT_BODY;
            return NULL;
        }
        *where = c->font_figures_pos;
        if (k == LAY_FONT_FIGURES)
            return c->font_figures;
        const font *fig = fonts[LAY_FONT_FIGURES];
        if (k == LAY_FONT_FIGURES_TEXT || font_weight(fig) >= 600) {
            *same = LAY_FONT_FIGURES;
            return NULL;
        }
        /* "DejaVu Serif:bold, <bold>": the first installed (fonts.c) */
        diag_pos bold_where;
        int bold_same = -1;
        const char *bold = role_font(a, c, LAY_FONT_TABLE_BOLD, fonts, &bold_where, &bold_same);
        if (strchr(font_family(fig), ','))
            return bold;
        return arena_printf(a, "%s:bold, %s", font_family(fig), bold);
    }
    /* a config not made by config_load (tests) may name only two */
    int headish = k == LAY_FONT_HEADING || k == LAY_FONT_TITLE || k == LAY_FONT_SUBHEADING;
    const char *name = c->font_role[k] ? c->font_role[k] : headish ? c->font_heading : c->font_body;
    *where = c->font_role[k] ? c->font_role_pos[k]
             : headish       ? c->font_heading_pos
                             : c->font_body_pos;
    return name ? name : headish ? DEFAULT_HEADING_FONT : DEFAULT_BODY_FONT;
}

static int same_font(const font *a, const font *b)
{
    return strcmp(font_path(a), font_path(b)) == 0 && font_index(a) == font_index(b);
}

int render_pdf_tmp(arena *a, diag *d, const config *c, const doc *dm, const outdir *od,
                   outfile *of, long *n_pages)
{
    int ret = -1;
    font *fonts[LAY_NFONTS] = {NULL};
    font *slot_font[LAY_NFONTS] = {NULL};            /* each distinct font once */
    const char *font_path_of[LAY_NFONTS] = {NULL}; /* what libharu reads */
    pdf_cff *slot_cff[LAY_NFONTS] = {NULL};        /* CFF fonts (pdf_font.c) */
    int memfd[LAY_NFONTS];
    for (int s = 0; s < LAY_NFONTS; s++)
        memfd[s] = -1;
    charcheck cc;
    memset(&cc, 0, sizeof cc);
    HPDF_Doc pdf = NULL;
    HPDF_Page *pages = NULL;
    haru_status hs = {HPDF_OK, 0};
    outfile font_tmp[LAY_NFONTS];
    memset(font_tmp, 0, sizeof font_tmp);
    memset(of, 0, sizeof *of);
    FILE *fp = NULL;
    int began = 0;
    *n_pages = 0;

    /* The faces by role (config.c: [fonts], preference lists).  A face
     * named for several roles is one slot: one subset, one embedded font. */
    int nslots = 0;
    for (int k = 0; k < LAY_NFONTS; k++) {
        diag_pos where;
        int same = -1;
        const char *name = role_font(a, c, k, fonts, &where, &same);
        if (same >= 0) { /* the figures roles: another role's face */
            fonts[k] = fonts[same];
            cc.slot[k] = cc.slot[same];
            continue;
        }
        font *f = font_open(d, where, name);
        if (!f)
            goto out;
        int s = 0;
        while (s < nslots && !same_font(slot_font[s], f))
            s++;
        if (s < nslots) {
            font_close(f);
        } else {
            slot_font[s] = f;
            nslots++;
        }
        fonts[k] = slot_font[s];
        cc.slot[k] = s;
    }

    layout *L = layout_doc(a, d, dm, fonts);
    if (c->max_pages > 0 && L->n_pages > (size_t)c->max_pages) {
        diag_report(d, DIAG_ERROR, diag_at(c->path, 0, 0),
                    "the PDF would have %zu pages, more than [limits] max_pages = %ld", L->n_pages,
                    c->max_pages);
        goto out;
    }

    cc.d = d;
    for (int k = 0; k < LAY_NFONTS; k++)
        cc.fonts[k] = fonts[k];
    cc.used = xcalloc((size_t)nslots, BITMAP_BYTES);
    cc.known = xcalloc((size_t)nslots, BITMAP_BYTES);
    cc.missing = xcalloc((size_t)nslots, BITMAP_BYTES);
    if (check_chars(&cc, L) > 0) {
        ret = -2; /* the input's fault, not the system's: exit status 1 */
        goto out;
    }

    HPDF_Date date; /* checked before any file is made */
    if (pdf_date(d, dm->year ? dm->year : c->year, &date) != 0)
        goto out;

    const char *name = arena_printf(a, "%s.pdf", c->output_name);
    fp = outfile_begin_at(a, d, of, od, name);
    if (!fp)
        goto out;
    began = 1;

    /* The subsets go where libharu can read them by path (it has no other
     * way in): an anonymous memory file, /proc/self/fd/N, which never
     * touches the disk and vanishes with the process.  Without memfd or
     * /proc, a temporary file next to the output (same file system, same
     * clean-up rules). */
    int slot_unused[LAY_NFONTS] = {0};
    for (int s = 0; s < nslots; s++) {
        size_t used = 0;
        for (size_t i = 0; i < BITMAP_BYTES && !used; i++)
            used = cc.used[(size_t)s * BITMAP_BYTES + i];
        slot_unused[s] = !used;
    }
    for (int s = 0; s < nslots; s++) {
        char *path = NULL;
        if (font_is_cff(slot_font[s]) || slot_unused[s])
            continue; /* subset and embedded by pdf_cff_embed, below */
        memfd[s] = memfd_create("budgetgen-font", MFD_CLOEXEC);
        if (memfd[s] >= 0) {
            path = arena_printf(a, "/proc/self/fd/%d", memfd[s]);
            if (access(path, R_OK | W_OK) != 0) {
                close(memfd[s]);
                memfd[s] = -1;
                path = NULL;
            }
        }
        if (!path) {
            FILE *ff = outfile_begin_at(a, d, &font_tmp[s], od,
                                        arena_printf(a, "%s.font%d", name, s));
            if (!ff)
                goto out;
            fclose(ff);
            path = (char *)font_tmp[s].open_path; /* removed at the end */
        }
        font_path_of[s] = path;
        size_t n;
        uint32_t *cps = set_list(cc.used + (size_t)s * BITMAP_BYTES, &n);
        int rc = font_subset(slot_font[s], d, cps, n, path);
        if (rc == 0)
            rc = tune_for_haru(d, path, cps, n);
        free(cps);
        if (rc != 0)
            goto out;
    }

    pdf = HPDF_New(on_haru_error, &hs);
    if (!pdf) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0), "cannot write '%s': out of memory",
                    of->final_path);
        goto out;
    }
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    HPDF_Font hf[LAY_NFONTS] = {NULL};
    pdf_cff *cff_of[LAY_NFONTS] = {NULL};
    int real_bold[LAY_NFONTS];
    for (int s = 0; s < nslots && hs.error == HPDF_OK; s++) {
        HPDF_Font f = NULL;
        if (slot_unused[s])
            continue; /* a role the document does not use: not embedded */
        if (font_is_cff(slot_font[s])) {
            size_t n;
            uint32_t *cps = set_list(cc.used + (size_t)s * BITMAP_BYTES, &n);
            slot_cff[s] = pdf_cff_embed(pdf, d, slot_font[s], cps, n);
            free(cps);
            if (!slot_cff[s])
                goto out;
            f = pdf_cff_font(slot_cff[s]);
        } else {
            const char *fname = HPDF_LoadTTFontFromFile(pdf, font_path_of[s], HPDF_TRUE);
            f = fname ? HPDF_GetFont(pdf, fname, "UTF-8") : NULL;
        }
        for (int k = 0; k < LAY_NFONTS; k++)
            if (cc.slot[k] == s) {
                hf[k] = f;
                cff_of[k] = slot_cff[s];
            }
    }
    for (int k = 0; k < LAY_NFONTS; k++) {
        if (hs.error == HPDF_OK && !hf[k] && !slot_unused[cc.slot[k]])
            hs.error = HPDF_INVALID_FONT;
        real_bold[k] = font_weight(fonts[k]) >= 600;
    }

    HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    /* Chinese metadata needs the UTF-8 encoder current (it is, above). */
    set_info(pdf, HPDF_INFO_TITLE, dm->title);
    set_info(pdf, HPDF_INFO_SUBJECT, dm->subject);
    set_info(pdf, HPDF_INFO_AUTHOR, dm->author);
    set_info(pdf, HPDF_INFO_KEYWORDS, dm->keywords);
    set_info(pdf, HPDF_INFO_CREATOR, "budgetgen");
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);

    if (hs.error == HPDF_OK) {
        pages = xcalloc(L->n_pages, sizeof *pages);
        for (size_t p = 0; p < L->n_pages && hs.error == HPDF_OK; p++) {
            pages[p] = HPDF_AddPage(pdf);
            if (pages[p])
                draw_page(pages[p], &L->pages[p], hf, cff_of, real_bold);
        }
    }
    if (hs.error == HPDF_OK)
        add_outline(pdf, L, pages);
    /* A cover and a 目录 (unnumbered, layout_toc.c): the viewer's page
     * labels follow the footers, i, ii, … before the body's 1, 2, … */
    if (hs.error == HPDF_OK && L->n_front > 0) {
        HPDF_AddPageLabel(pdf, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, NULL);
        HPDF_AddPageLabel(pdf, (HPDF_UINT)L->n_front, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);
    }
    /* libharu's ToUnicode and CIDSystemInfo replaced, /Lang and XMP added
     * (pdf_meta.c): poppler, qpdf and pdfminer then read it silently. */
    for (int s = 0; s < nslots && hs.error == HPDF_OK; s++)
        for (int k = 0; k < LAY_NFONTS && !slot_cff[s] && !slot_unused[s]; k++)
            if (cc.slot[k] == s) {
                HPDF_STATUS st = pdf_fix_unicode_font(pdf, hf[k], cc.used + (size_t)s * BITMAP_BYTES);
                if (st != HPDF_OK && hs.error == HPDF_OK)
                    hs.error = st;
                break;
            }
    if (hs.error == HPDF_OK) {
        pdf_meta m = {"zh-CN", dm->title, dm->author, dm->subject,
                      dm->keywords, "budgetgen", date};
        HPDF_STATUS st = pdf_add_meta(pdf, &m);
        if (st != HPDF_OK && hs.error == HPDF_OK)
            hs.error = st;
    }
    if (hs.error == HPDF_OK)
        pdf_attach_files(pdf, dm); /* the data files (render_data.c) */
    if (hs.error == HPDF_OK)
        HPDF_SaveToStream(pdf);
    if (hs.error != HPDF_OK) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot write '%s': %s (libharu error 0x%04X, detail %u)", of->final_path,
                    haru_message(hs.error), (unsigned)hs.error, (unsigned)hs.detail);
        goto out;
    }
    long long bytes;
    errno = 0;
    if (copy_stream(pdf, fp, &bytes) != 0 || hs.error != HPDF_OK) {
        if (hs.error != HPDF_OK)
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "cannot write '%s': %s (libharu error 0x%04X, detail %u)", of->final_path,
                        haru_message(hs.error), (unsigned)hs.error, (unsigned)hs.detail);
        else if (ferror(fp)) {
            /* outfile_finish sees the error flag, reports what was full
             * and removes the temporary file. */
            (void)outfile_finish(d, of, fp);
            fp = NULL;
        } else
            diag_syserr(d, "cannot write", of->final_path, errno ? errno : EIO);
        goto out;
    }
    began = 0; /* outfile_finish removes the temporary file if it fails */
    if (outfile_finish(d, of, fp) != 0) {
        fp = NULL;
        goto out;
    }
    fp = NULL;
    /* Read back: the file holds every byte written, and ends as a PDF does. */
    {
        struct stat st;
        char tail[8] = "";
        int fd = openat(of->dirfd, of->tmp_name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        int ok = fd >= 0 && fstat(fd, &st) == 0 && (long long)st.st_size == bytes &&
                 bytes >= 6 && pread(fd, tail, 6, (off_t)bytes - 6) == 6 &&
                 (memcmp(tail + 1, "%%EOF", 5) == 0 || memcmp(tail, "%%EOF", 5) == 0);
        if (fd >= 0)
            close(fd);
        if (!ok) {
            diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                        "cannot write '%s': the file written is not the %lld bytes of the "
                        "document (read back before publishing)",
                        of->final_path, bytes);
            began = 1;
            goto out;
        }
    }
    *n_pages = (long)L->n_pages;
    ret = 0;

out:
    if (began || ret != 0)
        outfile_abort(of, fp);
    for (int s = 0; s < LAY_NFONTS; s++)
        outfile_abort(&font_tmp[s], NULL);
    for (int s = 0; s < LAY_NFONTS; s++)
        if (memfd[s] >= 0)
            close(memfd[s]);
    if (pdf)
        HPDF_Free(pdf);
    for (int s = 0; s < LAY_NFONTS; s++)
        pdf_cff_free(slot_cff[s]);
    free(pages);
    free(cc.used);
    free(cc.known);
    free(cc.missing);
    for (int s = 0; s < LAY_NFONTS; s++)
        font_close(slot_font[s]);
    return ret;
}

int render_pdf(arena *a, diag *d, const config *c, const doc *dm)
{
    outdir od;
    if (outdir_open(d, &od, c->output_pos, config_output_what(a, c), c->output_dir, NULL) < 0)
        return -1;
    outfile of;
    long pages;
    int rc = render_pdf_tmp(a, d, c, dm, &od, &of, &pages);
    if (rc == 0 && outfile_publish(d, &of) != 0)
        rc = -1;
    outdir_close(&od);
    return rc;
}
