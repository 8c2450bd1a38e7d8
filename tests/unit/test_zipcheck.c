/*
 * Unit tests for gen/zipcheck.c, the read-back of a written workbook.
 * The zips are made here, independently of libxlsxwriter: by a small zip
 * writer on zlib (stored and deflated parts), and by Python's zipfile.
 * Good zips pass; every truncation fails as a damaged container; a flipped
 * byte in compressed data, a wrong CRC or size fails; a part cut short
 * inside an otherwise whole zip (what a full scratch folder gives) fails as
 * a part, naming it.  The XML checker: well-formed documents pass, each
 * kind of malformation fails.
 */
#include "harness.h"

#include "zipcheck.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

/* ---- a minimal zip writer ------------------------------------------------- */

typedef struct zbuf {
    unsigned char *p;
    size_t n, cap;
    unsigned char *cd;
    size_t cdn, cdcap;
    unsigned entries;
} zbuf;

static void put(unsigned char **p, size_t *n, size_t *cap, const void *src, size_t len)
{
    if (*n + len > *cap) {
        *cap = (*n + len) * 2 + 64;
        *p = realloc(*p, *cap);
    }
    memcpy(*p + *n, src, len);
    *n += len;
}

static void le16(unsigned char *b, unsigned v)
{
    b[0] = (unsigned char)v;
    b[1] = (unsigned char)(v >> 8);
}

static void le32(unsigned char *b, uint32_t v)
{
    le16(b, v & 0xFFFF);
    le16(b + 2, v >> 16);
}

/* Adds a part: method 0 stored, 8 deflated. */
static void add(zbuf *z, const char *name, const char *data, size_t len, int method)
{
    unsigned char *comp = (unsigned char *)data;
    size_t clen = len;
    unsigned char *tmp = NULL;
    if (method == 8) {
        z_stream s;
        memset(&s, 0, sizeof s);
        deflateInit2(&s, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
        uLong bound = deflateBound(&s, (uLong)len);
        tmp = malloc(bound);
        s.next_in = (unsigned char *)data;
        s.avail_in = (uInt)len;
        s.next_out = tmp;
        s.avail_out = (uInt)bound;
        deflate(&s, Z_FINISH);
        clen = s.total_out;
        deflateEnd(&s);
        comp = tmp;
    }
    uint32_t crc = (uint32_t)crc32(0, (const unsigned char *)data, (uInt)len);
    size_t nlen = strlen(name);
    unsigned char h[30] = {0};
    le32(h, 0x04034b50);
    le16(h + 4, 20);
    le16(h + 8, (unsigned)method);
    le32(h + 14, crc);
    le32(h + 18, (uint32_t)clen);
    le32(h + 22, (uint32_t)len);
    le16(h + 26, (unsigned)nlen);
    size_t off = z->n;
    put(&z->p, &z->n, &z->cap, h, 30);
    put(&z->p, &z->n, &z->cap, name, nlen);
    put(&z->p, &z->n, &z->cap, comp, clen);
    unsigned char c[46] = {0};
    le32(c, 0x02014b50);
    le16(c + 4, 20);
    le16(c + 6, 20);
    le16(c + 10, (unsigned)method);
    le32(c + 16, crc);
    le32(c + 20, (uint32_t)clen);
    le32(c + 24, (uint32_t)len);
    le16(c + 28, (unsigned)nlen);
    le32(c + 42, (uint32_t)off);
    put(&z->cd, &z->cdn, &z->cdcap, c, 46);
    put(&z->cd, &z->cdn, &z->cdcap, name, nlen);
    z->entries++;
    free(tmp);
}

/* Appends the central directory and its end record; returns the zip. */
static unsigned char *finish(zbuf *z, size_t *len)
{
    size_t cd_off = z->n;
    put(&z->p, &z->n, &z->cap, z->cd, z->cdn);
    unsigned char e[22] = {0};
    le32(e, 0x06054b50);
    le16(e + 8, z->entries);
    le16(e + 10, z->entries);
    le32(e + 12, (uint32_t)z->cdn);
    le32(e + 16, (uint32_t)cd_off);
    put(&z->p, &z->n, &z->cap, e, 22);
    free(z->cd);
    *len = z->n;
    return z->p;
}

static const char CT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

/* A sheet of about 20 KB: rows of cells with attributes, entities,
 * a comment and CDATA. */
static char *sheet(size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    n += (size_t)sprintf(s + n, "<?xml version=\"1.0\"?>\r\n<!-- 表 -->"
                                "<worksheet xmlns:r='r'><sheetData>");
    for (int r = 1; r <= 300; r++)
        n += (size_t)sprintf(s + n, "<row r=\"%d\"><c r=\"A%d\" t=\"s\"><v>%d</v></c>"
                                    "<c><is><t>A&amp;B &#x4E00;</t></is></c></row>",
                             r, r, r);
    n += (size_t)sprintf(s + n, "</sheetData><x><![CDATA[a < b]]></x></worksheet>\n");
    *len = n;
    return s;
}

static unsigned char *good_zip(size_t *len, size_t *sheet_len)
{
    zbuf z;
    memset(&z, 0, sizeof z);
    size_t sl;
    char *sh = sheet(&sl);
    add(&z, "[Content_Types].xml", CT, strlen(CT), 8);
    add(&z, "xl/worksheets/sheet1.xml", sh, sl, 8);
    add(&z, "xl/media/image1.bin", "\x00\x01\x02<<<", 6, 0);
    add(&z, "_rels/.rels", "<Relationships/>", 16, 0);
    free(sh);
    if (sheet_len)
        *sheet_len = sl;
    return finish(&z, len);
}

static void test_good(void)
{
    size_t len;
    unsigned char *zip = good_zip(&len, NULL);
    zc_result r;
    CHECK_INT(zipcheck_mem(zip, len, &r), ZC_OK);
    CHECK_INT((int)r.parts, 4);
    /* Through a file, as render_xlsx.c reads it. */
    char path[] = "/tmp/test_zipcheck.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0 && write(fd, zip, len) == (ssize_t)len);
    CHECK_INT(zipcheck_fd(fd, &r), ZC_OK);
    close(fd);
    unlink(path);
    free(zip);
}

/* Every cut of the file fails, as a damaged container. */
static void test_truncated(void)
{
    size_t len;
    unsigned char *zip = good_zip(&len, NULL);
    zc_result r;
    size_t bad = 0;
    for (size_t cut = 0; cut < len; cut += cut < 64 || len - cut < 64 ? 1 : 97)
        bad += zipcheck_mem(zip, cut, &r) == ZC_CONTAINER;
    size_t tried = 0;
    for (size_t cut = 0; cut < len; cut += cut < 64 || len - cut < 64 ? 1 : 97)
        tried++;
    CHECK_INT((int)bad, (int)tried);
    CHECK_INT(zipcheck_mem(zip, len - 1, &r), ZC_CONTAINER);
    CHECK(strstr(r.why, "end of central directory") != NULL);
    free(zip);
}

static void test_corrupted(void)
{
    size_t len;
    unsigned char *zip = good_zip(&len, NULL);
    zc_result r;
    /* A byte of the deflated sheet (after the first part and the sheet's
     * local header, well inside its data). */
    size_t sheet_data = 30 + 19 + 0;
    sheet_data += (size_t)(zip[18] | zip[19] << 8 | zip[20] << 16 | (unsigned)zip[21] << 24);
    sheet_data += 30 + strlen("xl/worksheets/sheet1.xml") + 40;
    for (int bit = 0; bit < 8; bit++) {
        zip[sheet_data] ^= (unsigned char)(1u << bit);
        CHECK_INT(zipcheck_mem(zip, len, &r), ZC_CONTAINER);
        CHECK_STR(r.part, "xl/worksheets/sheet1.xml");
        zip[sheet_data] ^= (unsigned char)(1u << bit);
    }
    CHECK_INT(zipcheck_mem(zip, len, &r), ZC_OK);
    /* The stored part's recorded CRC, in the central directory. */
    size_t cd = (size_t)(zip[len - 6] | zip[len - 5] << 8 | zip[len - 4] << 16);
    size_t e = cd;
    for (int k = 0; k < 2; k++) /* third entry: image1.bin */
        e += 46 + (size_t)(zip[e + 28] | zip[e + 29] << 8);
    zip[e + 16] ^= 1;
    CHECK_INT(zipcheck_mem(zip, len, &r), ZC_CONTAINER);
    CHECK_STR(r.part, "xl/media/image1.bin");
    CHECK(strstr(r.why, "CRC-32") != NULL);
    zip[e + 16] ^= 1;
    /* Its size. */
    zip[e + 24] ^= 2;
    CHECK_INT(zipcheck_mem(zip, len, &r), ZC_CONTAINER);
    zip[e + 24] ^= 2;
    /* The first part's recorded uncompressed size, one more. */
    zip[cd + 24]++;
    CHECK_INT(zipcheck_mem(zip, len, &r), ZC_CONTAINER);
    CHECK_STR(r.part, "[Content_Types].xml");
    zip[cd + 24]--;
    CHECK_INT(zipcheck_mem(zip, len, &r), ZC_OK);
    free(zip);
}

/* What a full scratch folder gives: the sheet stops at 8,192 bytes, and the
 * zip is consistent around it (CRC and size of the short part). */
static void test_part_cut_short(void)
{
    size_t sl;
    char *sh = sheet(&sl);
    CHECK(sl > 8192);
    zbuf z;
    memset(&z, 0, sizeof z);
    add(&z, "[Content_Types].xml", CT, strlen(CT), 8);
    add(&z, "xl/worksheets/sheet1.xml", sh, 8192, 8);
    size_t len;
    unsigned char *zip = finish(&z, &len);
    zc_result r;
    CHECK_INT(zipcheck_mem(zip, len, &r), ZC_PART);
    CHECK_STR(r.part, "xl/worksheets/sheet1.xml");
    CHECK(strstr(r.why, "8192 bytes") != NULL);
    printf("note: cut short: %s: %s\n", r.part, r.why);
    free(zip);
    free(sh);
}

/* A zip from Python's zipfile (another writer), good and with a part cut. */
static void test_python_zip(void)
{
    char path[] = "/tmp/test_zipcheck_py.XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w',"
             "zipfile.ZIP_DEFLATED); z.writestr('a.xml','<a>'+'<b x=\\\"1\\\"/>'*5000+'</a>');"
             "z.writestr('b.xml','<a><b>'*10); z.close()\" %s",
             path);
    if (system(cmd) != 0) {
        printf("note: %s: python3 not available; not checked\n", h_test);
        close(fd);
        unlink(path);
        return;
    }
    zc_result r;
    CHECK_INT(zipcheck_fd(fd, &r), ZC_PART);
    CHECK_STR(r.part, "b.xml");
    close(fd);
    unlink(path);
}

static int xml_ok(const char *s)
{
    char why[200];
    return zipcheck_xml(s, strlen(s), why, sizeof why) == 0;
}

static void test_xml(void)
{
    CHECK(xml_ok("<a/>"));
    CHECK(xml_ok("\xEF\xBB\xBF<?xml version='1.0'?>\n<a x=\"1>2\" y='&quot;'><b>t&lt;</b></a>\n"));
    CHECK(xml_ok("<!DOCTYPE a><a><!-- <c> --><![CDATA[</a>]]></a>"));
    CHECK(!xml_ok(""));
    CHECK(!xml_ok("<a>"));
    CHECK(!xml_ok("<a><b></a></b>"));
    CHECK(!xml_ok("<a></a><b/>"));
    CHECK(!xml_ok("<a x=\"1></a>"));
    CHECK(!xml_ok("<a x=1></a>"));
    CHECK(!xml_ok("<a>&amp</a>"));
    CHECK(!xml_ok("<a x=\"<\"/>"));
    CHECK(!xml_ok("text<a/>"));
    CHECK(!xml_ok("<a></a"));
    CHECK(!xml_ok("<a><b"));
    CHECK(!xml_ok("<a><!-- x"));
    CHECK(!xml_ok("</a>"));
}

int main(void)
{
    RUN(test_good);
    RUN(test_truncated);
    RUN(test_corrupted);
    RUN(test_part_cut_short);
    RUN(test_python_zip);
    RUN(test_xml);
    return harness_end();
}
