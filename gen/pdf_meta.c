/*
 * pdf_meta — a correct ToUnicode CMap, a standard CIDSystemInfo, /Lang and
 * XMP metadata for libharu 2.3.0's output (pdf_meta.h).  Stage: render.
 * Uses libharu's object layer (hpdf_objects.h, hpdf_font.h, hpdf_doc.h),
 * which 2.3.0 installs and exports.
 */
#include "pdf_meta.h"

#include "strbuf.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <string.h>

#define NBMP 0x10000u

static int used_bit(const uint8_t *set, uint32_t cp)
{
    return set[cp >> 3] >> (cp & 7) & 1;
}

/* A fresh (Registry)(Ordering) Supplement dictionary. */
static HPDF_Dict system_info(HPDF_MMgr mmgr, const char *ordering)
{
    HPDF_Dict si = HPDF_Dict_New(mmgr);
    if (!si)
        return NULL;
    HPDF_STATUS r = HPDF_Dict_Add(si, "Registry", HPDF_String_New(mmgr, "Adobe", NULL));
    r += HPDF_Dict_Add(si, "Ordering", HPDF_String_New(mmgr, ordering, NULL));
    r += HPDF_Dict_AddNumber(si, "Supplement", 0);
    return r == HPDF_OK ? si : NULL;
}

static const char CMAP_HEAD[] = "/CIDInit /ProcSet findresource begin\n"
                                "12 dict begin\n"
                                "begincmap\n"
                                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
                                "/Supplement 0 >> def\n"
                                "/CMapName /Adobe-Identity-UCS def\n"
                                "/CMapType 2 def\n"
                                "1 begincodespacerange\n"
                                "<0000> <FFFF>\n"
                                "endcodespacerange\n";

static const char CMAP_TAIL[] = "endcmap\n"
                                "CMapName currentdict /CMap defineresource pop\n"
                                "end\n"
                                "end\n";

/*
 * The ToUnicode program: each run of two or more consecutive used code
 * points within one block of 256 (a bfrange may only vary its last byte)
 * is one "<lo> <hi> <lo>" bfrange line, a single one a "<c> <c>" bfchar
 * line; at most 100 lines per block, as the CMap specification limits.
 * Surrogates (D800–DFFF) are not characters and are skipped.
 */
static void flush_block(strbuf *sb, const char *kind, const unsigned (*v)[2], int n)
{
    if (n == 0)
        return;
    sb_printf(sb, "%d begin%s\n", n, kind);
    for (int i = 0; i < n; i++) {
        if (kind[2] == 'r') /* bfrange */
            sb_printf(sb, "<%04X> <%04X> <%04X>\n", v[i][0], v[i][1], v[i][0]);
        else
            sb_printf(sb, "<%04X> <%04X>\n", v[i][0], v[i][0]);
    }
    sb_printf(sb, "end%s\n", kind);
}

static void write_ranges(strbuf *sb, const uint8_t *used)
{
    unsigned range[100][2], single[100][2];
    int nr = 0, ns = 0;
    for (uint32_t cp = 0; cp < NBMP;) {
        if (!used_bit(used, cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            cp++;
            continue;
        }
        uint32_t end = cp;
        while (end + 1 < NBMP && (end + 1) >> 8 == cp >> 8 && used_bit(used, end + 1))
            end++;
        if (end > cp) {
            range[nr][0] = (unsigned)cp;
            range[nr][1] = (unsigned)end;
            if (++nr == 100) {
                flush_block(sb, "bfrange", (const unsigned (*)[2])range, nr);
                nr = 0;
            }
        } else {
            single[ns][0] = (unsigned)cp;
            if (++ns == 100) {
                flush_block(sb, "bfchar", (const unsigned (*)[2])single, ns);
                ns = 0;
            }
        }
        cp = end + 1;
    }
    flush_block(sb, "bfrange", (const unsigned (*)[2])range, nr);
    flush_block(sb, "bfchar", (const unsigned (*)[2])single, ns);
}

/* The last code of the run of consecutive codes under one high byte that
 * starts at codes[i] (a bfrange may vary the last byte only). */
static size_t run_end(const uint16_t *codes, size_t n, size_t i)
{
    size_t j = i;
    while (j + 1 < n && codes[j + 1] == codes[j] + 1 && (codes[j + 1] >> 8) == (codes[i] >> 8))
        j++;
    return j;
}

HPDF_Dict pdf_tounicode_stream(HPDF_Doc pdf, const uint16_t *codes, const uint32_t *cps, size_t n)
{
    HPDF_Dict st = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!st)
        return NULL;
    if (pdf->compression_mode & HPDF_COMP_TEXT)
        st->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    strbuf sb = STRBUF_INIT;
    sb_append(&sb, CMAP_HEAD);
    /* Runs of consecutive codes under one high byte (the CFF fonts' CIDs
     * are glyph ids, cff_opt.h: nearly all of them) as bfrange with an
     * array of characters, the codes written once a run; single codes as
     * bfchar.  At most 100 entries a block. */
    size_t count[2] = {0, 0}; /* single codes, runs */
    for (size_t i = 0; i < n; i = run_end(codes, n, i) + 1)
        count[run_end(codes, n, i) > i]++;
    for (int pass = 0; pass < 2; pass++) {
        const char *kind = pass ? "bfrange" : "bfchar";
        size_t done = 0;
        for (size_t i = 0, j; i < n; i = j + 1) {
            j = run_end(codes, n, i);
            if ((j > i) != pass)
                continue;
            if (done % 100 == 0) {
                size_t left = count[pass] - done;
                sb_printf(&sb, "%zu begin%s\n", left < 100 ? left : 100, kind);
            }
            if (pass) {
                sb_printf(&sb, "<%04X> <%04X> [", (unsigned)codes[i], (unsigned)codes[j]);
                for (size_t m = i; m <= j; m++)
                    sb_printf(&sb, m > i ? " <%04X>" : "<%04X>", (unsigned)cps[m]);
                sb_append(&sb, "]\n");
            } else {
                sb_printf(&sb, "<%04X> <%04X>\n", (unsigned)codes[i], (unsigned)cps[i]);
            }
            if (++done % 100 == 0 || done == count[pass])
                sb_printf(&sb, "end%s\n", kind);
        }
    }
    sb_append(&sb, CMAP_TAIL);
    HPDF_STATUS r = HPDF_Stream_Write(st->stream, (const HPDF_BYTE *)sb_str(&sb), (HPDF_UINT)sb.len);
    sb_free(&sb);
    return r == HPDF_OK ? st : NULL;
}

HPDF_STATUS pdf_fix_unicode_font(HPDF_Doc pdf, HPDF_Font f, const uint8_t *used)
{
    if (!f || !f->attr)
        return HPDF_INVALID_FONT;
    HPDF_FontAttr attr = (HPDF_FontAttr)f->attr;
    HPDF_Dict cmap = attr->cmap_stream;
    if (!cmap || !cmap->stream || !attr->descendant_font)
        return HPDF_INVALID_FONT;

    strbuf sb = STRBUF_INIT;
    sb_append(&sb, CMAP_HEAD);
    write_ranges(&sb, used);
    sb_append(&sb, CMAP_TAIL);

    /* The stream object stays (the font refers to it): its bytes and its
     * dictionary are replaced.  A ToUnicode stream needs no /Type,
     * /CMapName, /CIDSystemInfo or /WMode: those of libharu's encoding
     * CMap (CMapName /UTF-8, Ordering (Identity-H)) are removed. */
    HPDF_MemStream_FreeData(cmap->stream);
    HPDF_STATUS r = HPDF_Stream_Write(cmap->stream, (const HPDF_BYTE *)sb_str(&sb),
                                      (HPDF_UINT)sb.len);
    sb_free(&sb);
    static const char *const drop[] = {"Type", "CMapName", "CIDSystemInfo", "WMode"};
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        (void)HPDF_Dict_RemoveElement(cmap, drop[i]); /* or HPDF_DICT_ITEM_NOT_FOUND */

    HPDF_Dict si = system_info(pdf->mmgr, "Identity");
    if (!si)
        return HPDF_FAILD_TO_ALLOC_MEM;
    r += HPDF_Dict_Add(attr->descendant_font, "CIDSystemInfo", si);
    return r == HPDF_OK ? HPDF_OK : HPDF_INVALID_OBJECT;
}

/* ---- XMP -------------------------------------------------------------- */

static int given(const char *s)
{
    return s && *s;
}

static void xmp_simple(strbuf *sb, const char *tag, const char *v)
{
    if (!given(v))
        return;
    sb_printf(sb, "   <%s>", tag);
    sb_markup_text(sb, v);
    sb_printf(sb, "</%s>\n", tag);
}

static void xmp_alt(strbuf *sb, const char *tag, const char *v)
{
    if (!given(v))
        return;
    sb_printf(sb, "   <%s><rdf:Alt><rdf:li xml:lang=\"x-default\">", tag);
    sb_markup_text(sb, v);
    sb_printf(sb, "</rdf:li></rdf:Alt></%s>\n", tag);
}

/* The Info dictionary's producer (libharu writes its own name there). */
static const char *info_producer(HPDF_Doc pdf, char *buf, size_t size)
{
    HPDF_String s =
        pdf->info ? HPDF_Dict_GetItem(pdf->info, "Producer", HPDF_OCLASS_STRING) : NULL;
    if (!s || !s->value || s->len >= size)
        return NULL;
    memcpy(buf, s->value, s->len);
    buf[s->len] = '\0';
    return buf;
}

HPDF_STATUS pdf_add_meta(HPDF_Doc pdf, const pdf_meta *m)
{
    HPDF_Dict root = (HPDF_Dict)pdf->catalog;
    if (!root)
        return HPDF_INVALID_DOCUMENT;
    HPDF_STATUS r = HPDF_OK;
    if (given(m->lang))
        r += HPDF_Dict_Add(root, "Lang", HPDF_String_New(pdf->mmgr, m->lang, NULL));

    char date[32];
    snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02dZ", m->date.year % 10000,
             m->date.month % 100, m->date.day % 100, m->date.hour % 100, m->date.minutes % 100,
             m->date.seconds % 100);
    char prod[256];
    const char *producer = info_producer(pdf, prod, sizeof prod);

    strbuf sb = STRBUF_INIT;
    /* The packet wrapper with its id, as XMP requires; no padding (the
     * file is written once, never edited in place). */
    sb_append(&sb, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                 "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                 " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                 "  <rdf:Description rdf:about=\"\"\n"
                 "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                 "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                 "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
    sb_append(&sb, "   <dc:format>application/pdf</dc:format>\n");
    xmp_alt(&sb, "dc:title", m->title);
    if (given(m->author)) {
        sb_append(&sb, "   <dc:creator><rdf:Seq><rdf:li>");
        sb_markup_text(&sb, m->author);
        sb_append(&sb, "</rdf:li></rdf:Seq></dc:creator>\n");
    }
    xmp_alt(&sb, "dc:description", m->subject);
    if (given(m->lang)) {
        sb_append(&sb, "   <dc:language><rdf:Bag><rdf:li>");
        sb_markup_text(&sb, m->lang);
        sb_append(&sb, "</rdf:li></rdf:Bag></dc:language>\n");
    }
    xmp_simple(&sb, "pdf:Keywords", m->keywords);
    xmp_simple(&sb, "pdf:Producer", producer);
    xmp_simple(&sb, "xmp:CreatorTool", m->creator);
    xmp_simple(&sb, "xmp:CreateDate", date);
    xmp_simple(&sb, "xmp:ModifyDate", date);
    xmp_simple(&sb, "xmp:MetadataDate", date);
    sb_append(&sb, "  </rdf:Description>\n"
                 " </rdf:RDF>\n"
                 "</x:xmpmeta>\n"
                 "<?xpacket end=\"r\"?>");

    /* Uncompressed (HPDF_DictStream_New sets no filter): XMP is meant to
     * be found by tools that scan the file for the packet. */
    HPDF_Dict xmp = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!xmp) {
        sb_free(&sb);
        return HPDF_FAILD_TO_ALLOC_MEM;
    }
    r += HPDF_Dict_AddName(xmp, "Type", "Metadata");
    r += HPDF_Dict_AddName(xmp, "Subtype", "XML");
    r += HPDF_Stream_Write(xmp->stream, (const HPDF_BYTE *)sb_str(&sb), (HPDF_UINT)sb.len);
    sb_free(&sb);
    r += HPDF_Dict_Add(root, "Metadata", xmp);
    return r == HPDF_OK ? HPDF_OK : HPDF_INVALID_OBJECT;
}
