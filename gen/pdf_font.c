/*
 * pdf_font — CFF fonts embedded as CIDFontType0C through libharu's object
 * layer (pdf_font.h).  Stage: render.
 */
#include "pdf_font.h"

#include "arena.h"
#include "cff_opt.h"
#include "cff_read.h"
#include "pdf_meta.h"
#include "strbuf.h"
#include "utf8.h"

#include <hb.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBMP 0x10000u

struct pdf_cff {
    HPDF_Font type0;
    HPDF_FontAttr_Rec attr; /* what HPDF_Font_Validate and SetFontAndSize read */
    uint16_t *code;         /* per BMP code point: its CID, 0 = not in the font */
};

/* ---- reading the CFF table (cff_read.h) ---------------------------------- */

/* The Top DICT's charset offset (op 15, default 0), whether it has ROS
 * (12 30: CID-keyed) and the CharStrings offset (op 17): the last operand
 * of each. */
static int read_top(const cff_buf *b, size_t s, size_t e, long *charset, int *cid, long *cstr)
{
    *charset = 0;
    *cid = 0;
    *cstr = -1;
    cff_dent d;
    int r;
    while ((r = cff_dict_next(b, &s, e, &d)) == 1) {
        if (d.op == 15 && d.nargs > 0)
            *charset = d.last;
        else if (d.op == 17 && d.nargs > 0)
            *cstr = d.last;
        else if (d.op == 1230)
            *cid = 1;
    }
    return r == 0 && *cstr > 0 ? 0 : -1;
}

/*
 * gid_cid[0..nglyphs): the CID (CID-keyed font) or the glyph id
 * (name-keyed: a CIDFontType0C code is then the glyph index) of each glyph.
 * Returns the glyph count, or -1 if the table is malformed.
 */
static long cff_cids(const unsigned char *p, size_t n, uint16_t **gid_cid)
{
    cff_buf b = {p, n};
    long hdr = cff_rd(&b, 2, 1);
    if (hdr < 4)
        return -1;
    cff_index names, top;
    if (cff_read_index(&b, (size_t)hdr, &names) != 0 || cff_read_index(&b, names.end, &top) != 0 ||
        top.count < 1)
        return -1;
    size_t ts, te;
    long charset, cstr;
    int cid;
    if (cff_index_item(&b, &top, 0, &ts, &te) != 0 ||
        read_top(&b, ts, te, &charset, &cid, &cstr) != 0)
        return -1;
    cff_index cs;
    if (cff_read_index(&b, (size_t)cstr, &cs) != 0 || cs.count < 1 || cs.count > 65535)
        return -1;
    long ng = cs.count;
    uint16_t *m = xcalloc((size_t)ng, sizeof *m);
    for (long g = 0; g < ng; g++)
        m[g] = (uint16_t)g;
    if (cid) {
        /* charset: glyph 0 is CID 0, then format 0 (one CID a glyph), 1 or
         * 2 (ranges: first, count left as 1 or 2 bytes). */
        if (charset <= 2) {
            free(m);
            return -1; /* a predefined charset in a CID font: malformed */
        }
        size_t c = (size_t)charset;
        long fmt = cff_rd(&b, c++, 1);
        long g = 1;
        while (g < ng) {
            if (fmt == 0) {
                long v = cff_rd(&b, c, 2);
                if (v < 0)
                    break;
                m[g++] = (uint16_t)v;
                c += 2;
            } else if (fmt == 1 || fmt == 2) {
                long first = cff_rd(&b, c, 2);
                long left = cff_rd(&b, c + 2, fmt == 1 ? 1u : 2u);
                if (first < 0 || left < 0)
                    break;
                c += fmt == 1 ? 3 : 4;
                for (long k = 0; k <= left && g < ng; k++)
                    m[g++] = (uint16_t)(first + k);
            } else {
                break;
            }
        }
        if (g < ng) {
            free(m);
            return -1;
        }
    }
    *gid_cid = m;
    return ng;
}

/* ---- the PDF objects -------------------------------------------------------- */

static const unsigned char *table(hb_face_t *face, hb_tag_t tag, hb_blob_t **keep, unsigned *len)
{
    *keep = hb_face_reference_table(face, tag);
    return (const unsigned char *)hb_blob_get_data(*keep, len);
}

static int s16(const unsigned char *p)
{
    return (int16_t)(p[0] << 8 | p[1]);
}

/* "Noto Serif CJK SC" → "NotoSerifCJKSC" (a PDF name without spaces). */
static void base_name(char *out, size_t size, const char *tag, const font *f, unsigned weight)
{
    size_t k = (size_t)snprintf(out, size, "%s+", tag);
    for (const char *s = font_family(f); *s && k + 1 < size; s++)
        if ((unsigned char)*s > 0x20 && (unsigned char)*s < 0x7F && !strchr("()<>[]{}/%#", *s))
            out[k++] = *s;
    out[k] = '\0';
    if (weight >= 600 && k + 6 < size)
        snprintf(out + k, size - k, "-Bold");
    else if (weight >= 500 && k + 8 < size)
        snprintf(out + k, size - k, "-Medium");
}

pdf_cff *pdf_cff_embed(HPDF_Doc pdf, diag *d, font *f, const uint32_t *cps, size_t n)
{
    char *otf = NULL;
    size_t otf_len = 0;
    if (font_subset_cff(f, d, cps, n, &otf, &otf_len) != 0)
        return NULL;
    pdf_cff *c = xcalloc(1, sizeof *c);
    c->code = xcalloc(NBMP, sizeof *c->code);
    hb_blob_t *blob = hb_blob_create(otf, (unsigned)otf_len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, 0);
    hb_font_t *hf = hb_font_create(face);
    hb_blob_t *cffb, *headb;
    unsigned cff_len = 0, head_len = 0;
    const unsigned char *cff = table(face, HB_TAG('C', 'F', 'F', ' '), &cffb, &cff_len);
    const unsigned char *head = table(face, HB_TAG('h', 'e', 'a', 'd'), &headb, &head_len);
    /* CIDs renumbered to glyph ids (cff_opt.h); the font embedded
     * unchanged when it is not of the shape expected (no subroutinizing:
     * it came out larger after deflate, docs/performance.md) */
    unsigned char *small = NULL;
    size_t small_len = 0;
    if (cff && cff_optimize(cff, cff_len, &small, &small_len) == 0 && small_len <= cff_len) {
        cff = small;
        cff_len = (unsigned)small_len;
    }
    uint16_t *gid_cid = NULL;
    long ng = cff && head_len >= 54 ? cff_cids(cff, cff_len, &gid_cid) : -1;
    uint16_t *codes = xmalloc((n ? n : 1) * sizeof *codes);
    uint32_t *chars = xmalloc((n ? n : 1) * sizeof *chars);
    int *widths = xmalloc((n ? n : 1) * sizeof *widths);
    size_t k = 0;
    HPDF_STATUS r = HPDF_OK;
    if (ng < 0) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot embed font \"%s\" ('%s'): its CFF subset is malformed", font_family(f),
                    font_path(f));
        goto fail;
    }
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = 0;
        if (cps[i] >= NBMP || !hb_font_get_nominal_glyph(hf, cps[i], &g) || g == 0 || (long)g >= ng)
            continue; /* render_pdf.c checked font_has: never happens */
        c->code[cps[i]] = gid_cid[g];
        codes[k] = gid_cid[g];
        chars[k] = cps[i];
        widths[k] = font_advance(f, cps[i]);
        k++;
    }
    /* by code, for the CMap and /W */
    for (size_t i = 1; i < k; i++)
        for (size_t j = i; j > 0 && codes[j - 1] > codes[j]; j--) {
            uint16_t tc = codes[j];
            codes[j] = codes[j - 1];
            codes[j - 1] = tc;
            uint32_t tu = chars[j];
            chars[j] = chars[j - 1];
            chars[j - 1] = tu;
            int tw = widths[j];
            widths[j] = widths[j - 1];
            widths[j - 1] = tw;
        }

    HPDF_MMgr mm = pdf->mmgr;
    unsigned weight = font_weight(f);
    /* The subset tag (six capitals): a hash of the face and its characters,
     * so the same document gives the same bytes in any process and in any
     * order of embedding (a counter would differ on a second document
     * rendered by the same process). */
    uint32_t h = 2166136261u;
    for (const char *p = font_family(f); *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    h = (h ^ weight) * 16777619u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ cps[i]) * 16777619u;
    char tag[8], name[160];
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '\0';
    base_name(name, sizeof name, tag, f, weight);
    unsigned upem = hb_face_get_upem(face);

    HPDF_Dict ff = HPDF_DictStream_New(mm, pdf->xref);
    HPDF_Dict desc = HPDF_Dict_New(mm);
    HPDF_Dict cidfont = HPDF_Dict_New(mm);
    HPDF_Dict type0 = HPDF_Dict_New(mm);
    HPDF_Dict tu = pdf_tounicode_stream(pdf, codes, chars, k);
    if (!ff || !desc || !cidfont || !type0 || !tu)
        goto haru;
    if (pdf->compression_mode & HPDF_COMP_TEXT)
        ff->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    r += HPDF_Dict_AddName(ff, "Subtype", "CIDFontType0C");
    r += HPDF_Stream_Write(ff->stream, cff, cff_len);

    r += HPDF_Xref_Add(pdf->xref, desc);
    r += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    r += HPDF_Dict_AddName(desc, "FontName", name);
    /* 4 symbolic (characters outside the Adobe standard Latin set) */
    r += HPDF_Dict_AddNumber(desc, "Flags", 4);
    HPDF_Array bbox = HPDF_Array_New(mm);
    r += HPDF_Dict_Add(desc, "FontBBox", bbox);
    for (int i = 0; i < 4; i++)
        r += HPDF_Array_AddNumber(bbox, (HPDF_INT32)(s16(head + 36 + 2 * i) * 1000L / (long)upem));
    r += HPDF_Dict_AddNumber(desc, "ItalicAngle", 0);
    r += HPDF_Dict_AddNumber(desc, "Ascent", font_ascent(f));
    r += HPDF_Dict_AddNumber(desc, "Descent", font_descent(f));
    r += HPDF_Dict_AddNumber(desc, "CapHeight", font_ascent(f));
    r += HPDF_Dict_AddNumber(desc, "StemV", weight >= 600 ? 140 : 80);
    r += HPDF_Dict_Add(desc, "FontFile3", ff);

    r += HPDF_Xref_Add(pdf->xref, cidfont);
    r += HPDF_Dict_AddName(cidfont, "Type", "Font");
    r += HPDF_Dict_AddName(cidfont, "Subtype", "CIDFontType0");
    r += HPDF_Dict_AddName(cidfont, "BaseFont", name);
    HPDF_Dict si = HPDF_Dict_New(mm);
    r += HPDF_Dict_Add(cidfont, "CIDSystemInfo", si);
    r += HPDF_Dict_Add(si, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    r += HPDF_Dict_Add(si, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    r += HPDF_Dict_AddNumber(si, "Supplement", 0);
    r += HPDF_Dict_Add(cidfont, "FontDescriptor", desc);
    r += HPDF_Dict_AddNumber(cidfont, "DW", 1000);
    /* /W: runs of consecutive CIDs whose width is not 1000 */
    HPDF_Array w = HPDF_Array_New(mm);
    r += HPDF_Dict_Add(cidfont, "W", w);
    HPDF_Array run = NULL;
    for (size_t i = 0; i < k; i++) {
        if (widths[i] == 1000) {
            run = NULL;
            continue;
        }
        if (!run || codes[i] != codes[i - 1] + 1) {
            r += HPDF_Array_AddNumber(w, codes[i]);
            run = HPDF_Array_New(mm);
            r += HPDF_Array_Add(w, run);
        }
        r += HPDF_Array_AddNumber(run, widths[i]);
    }

    r += HPDF_Xref_Add(pdf->xref, type0);
    r += HPDF_Dict_AddName(type0, "Type", "Font");
    r += HPDF_Dict_AddName(type0, "Subtype", "Type0");
    r += HPDF_Dict_AddName(type0, "BaseFont", name);
    r += HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
    HPDF_Array dfs = HPDF_Array_New(mm);
    r += HPDF_Dict_Add(type0, "DescendantFonts", dfs);
    r += HPDF_Array_Add(dfs, cidfont);
    r += HPDF_Dict_Add(type0, "ToUnicode", tu);
    if (r != HPDF_OK)
        goto haru;
    /* What libharu's page operators read of a font: a font-class
     * dictionary with attributes (HPDF_Font_Validate, writing mode). */
    c->attr.type = HPDF_FONT_TYPE0_CID;
    c->attr.writing_mode = HPDF_WMODE_HORIZONTAL;
    c->attr.xref = pdf->xref;
    type0->header.obj_class |= HPDF_OSUBCLASS_FONT;
    type0->attr = &c->attr;
    c->type0 = type0;
    goto done;
haru:
    diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                "cannot embed font \"%s\": PDF library error (out of memory?)", font_family(f));
fail:
    pdf_cff_free(c);
    c = NULL;
done:
    free(codes);
    free(chars);
    free(widths);
    free(gid_cid);
    hb_blob_destroy(cffb);
    free(small);
    hb_blob_destroy(headb);
    hb_font_destroy(hf);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
    free(otf);
    return c;
}

HPDF_Font pdf_cff_font(const pdf_cff *c)
{
    return c->type0;
}

HPDF_STATUS pdf_cff_show(const pdf_cff *c, HPDF_Page page, const char *s)
{
    HPDF_PageAttr pa = (HPDF_PageAttr)page->attr;
    char buf[4096];
    size_t k = 0;
    buf[k++] = '(';
    HPDF_STATUS r = HPDF_OK;
    while (*s) {
        uint32_t cp = utf8_next(&s);
        unsigned code = cp < NBMP ? c->code[cp] : 0;
        if (k + 16 > sizeof buf) { /* room for a code (4) and ") Tj\n" (5) */
            r += HPDF_Stream_Write(pa->stream, (const HPDF_BYTE *)buf, (HPDF_UINT)k);
            k = 0;
        }
        /* A literal string, two bytes a code (deflate packs it ~4% tighter
         * than hex): backslash before ( ) \, and CR and LF as \r \n, which a
         * reader would otherwise take as one end of line (ISO 32000 7.3.4.2). */
        for (int i = 1; i >= 0; i--) {
            unsigned char ch = (unsigned char)(code >> (8 * i));
            if (ch == '(' || ch == ')' || ch == '\\') {
                buf[k++] = '\\';
                buf[k++] = (char)ch;
            } else if (ch == '\r' || ch == '\n') {
                buf[k++] = '\\';
                buf[k++] = ch == '\r' ? 'r' : 'n';
            } else {
                buf[k++] = (char)ch;
            }
        }
    }
    memcpy(buf + k, ") Tj\012", 5);
    k += 5;
    r += HPDF_Stream_Write(pa->stream, (const HPDF_BYTE *)buf, (HPDF_UINT)k);
    return r;
}

void pdf_cff_free(pdf_cff *c)
{
    if (!c)
        return;
    free(c->code);
    free(c);
}
