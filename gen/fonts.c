/*
 * fonts — finding (fontconfig), measuring (HarfBuzz) and subsetting
 * (libharfbuzz-subset) the TrueType fonts of the document.  Stage:
 * layout/render.  Input: a family name or a font path; output: advances in
 * 1/1000 em that equal libharu 2.3.0's width table, and subset .ttf files
 * that libharu embeds without losing glyphs (../shared/LIBS.md).
 */
#include "fonts.h"
#include "i18n.h"
#include "outfile.h"

#include "arena.h"
#include "strbuf.h"
#include "utf8.h"

#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>


/* libharu 2.3.0 reads composite component ids as signed 16-bit numbers:
 * a subset must keep every glyph id below this. */
#define HARU_MAX_GLYPHS 32768

/* Added to a cached advance (an int16_t, as libharu stores it) so that a
 * stored advance is never 0, which marks one not yet measured. */
#define ADV_BIAS 0x10000

struct font {
    int fc_ref;   /* holds a reference to fc_config (found by family) */
    char *path;   /* file actually opened (owned) */
    int index;    /* face index within a .ttc */
    char *family; /* family name as the font spells it (owned) */
    int fd;       /* the file, opened once and read through this descriptor
                     (mmap for HarfBuzz, pread for the subset): -1 none */
    hb_blob_t *blob;
    hb_face_t *face;
    hb_font_t *hb; /* scale = upem: advances come back in font units */
    unsigned upem;
    int ascent, descent; /* 1/1000 em */
    int32_t *bmp_adv;    /* 0x10000 advances plus ADV_BIAS; 0 until measured */
    int cff;             /* CFF outlines (embedded by pdf_font.c, not libharu) */
    int want_weight;     /* OS/2 weight asked for ("Family:bold"), 0 if none */
    unsigned weight;     /* OS/2 usWeightClass (400 regular, 700 bold) */
};

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xmalloc(n);
    memcpy(p, s, n);
    return p;
}

/*
 * Font units to 1/1000 em exactly as libharu 2.3.0 fills its width table
 * (hpdf_fontdef_tt.c, HPDF_TTFontDef_GetCharWidth and GetGidWidth):
 * (HPDF_UINT16)((HPDF_UINT)advance_width * 1000 / units_per_em), read back
 * as HPDF_INT16.  That truncates: 614 units of a 1024-unit em are 599, not
 * 600, and the PDF /W array says 599 too.
 */
static int haru_width(hb_position_t adv, unsigned upem)
{
    if (adv < 0)
        adv = 0;
    return (int16_t)(uint16_t)((uint32_t)adv * 1000u / upem);
}

/* Vertical metrics the same way (ParseHhea: signed, truncated toward 0). */
static int haru_metric(hb_position_t v, unsigned upem)
{
    return (int)((int32_t)v * 1000 / (int32_t)upem);
}

/* ---- naming a font ---------------------------------------------------- */

static int ends_with_ci(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

/*
 * A name is a path if it contains '/' or ends in .ttf, .ttc or .otf, with an
 * optional ":N" face index ("/usr/share/fonts/x.ttc:2").  Sets *len to the
 * length of the path part and *index to N (0 without a suffix).
 */
static int is_path(const char *name, size_t *len, int *index)
{
    size_t n = strlen(name);
    const char *colon = strrchr(name, ':');
    *index = 0;
    if (colon && colon[1]) {
        const char *p = colon + 1;
        long v = 0;
        while (*p >= '0' && *p <= '9' && v < 100000)
            v = v * 10 + (*p++ - '0');
        if (!*p) {
            n = (size_t)(colon - name);
            *index = (int)v;
        }
    }
    *len = n;
    if (memchr(name, '/', n))
        return 1;
    return ends_with_ci(name, n, ".ttf") || ends_with_ci(name, n, ".ttc") ||
           ends_with_ci(name, n, ".otf");
}

/*
 * fontconfig's configuration: a private one, loaded on the first lookup and
 * destroyed when the last font found through it is closed.  The default
 * configuration (FcConfigGetCurrent) would live until exit, and fontconfig
 * 2.14 leaks 288 bytes while parsing it that only FcConfigDestroy releases
 * (LeakSanitizer reports them); FcFini would tear down global state other
 * code may share.  One load per run costs ~5 ms.  Not thread-safe: fonts
 * are opened and closed by one thread.
 */
static FcConfig *fc_config;
static int fc_users;

static FcConfig *fc_acquire(void)
{
    if (!fc_config)
        fc_config = FcInitLoadConfigAndFonts();
    if (fc_config)
        fc_users++;
    return fc_config;
}

static void fc_release(void)
{
    if (fc_users > 0 && --fc_users == 0) {
        FcConfigDestroy(fc_config);
        fc_config = NULL;
    }
}

/*
 * Asks fontconfig for family.  fontconfig always answers with *some* font
 * (its fallback for an unknown family is DejaVu or whatever is installed),
 * so the answer is accepted only if one of its family names — these include
 * the localized ones, 文泉驿正黑 for WenQuanYi Zen Hei — equals the request,
 * ignoring case.  Otherwise a missing Song face would silently turn into a
 * sans-serif one.
 */
/* A ":bold"-like suffix of a family name: its fontconfig weight, or -1. */
static int style_weight(const char *style)
{
    static const struct {
        const char *name;
        int weight;
    } w[] = {{"thin", FC_WEIGHT_THIN},       {"extralight", FC_WEIGHT_EXTRALIGHT},
             {"light", FC_WEIGHT_LIGHT},     {"regular", FC_WEIGHT_REGULAR},
             {"medium", FC_WEIGHT_MEDIUM},   {"semibold", FC_WEIGHT_SEMIBOLD},
             {"bold", FC_WEIGHT_BOLD},       {"black", FC_WEIGHT_BLACK},
             {"heavy", FC_WEIGHT_HEAVY}};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcasecmp(style, w[i].name) == 0)
            return w[i].weight;
    return -1;
}

static int fc_lookup(font *f, diag *d, diag_pos where, const char *asked, int quiet)
{
    /* "Noto Serif CJK SC:bold": the family, and the weight it must have. */
    char *family = xstrdup(asked);
    int want_weight = -1;
    char *colon = strrchr(family, ':');
    if (colon && (want_weight = style_weight(colon + 1)) >= 0)
        *colon = '\0';
    FcConfig *config = fc_acquire();
    if (!config) {
        diag_report(d, DIAG_ERROR, where,
                    "font family \"%s\": fontconfig cannot load its configuration", family);
        return -1;
    }
    FcPattern *pat = FcPatternCreate();
    FcPattern *match = NULL;
    FcResult res = FcResultNoMatch;
    FcChar8 *s = NULL;
    int found = 0;

    /* FcPatternAddString, not FcNameParse: a family may contain '-' or ':',
     * which FcNameParse reads as size and property separators. */
    if (pat && FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family) &&
        (want_weight < 0 || FcPatternAddInteger(pat, FC_WEIGHT, want_weight)) &&
        FcConfigSubstitute(config, pat, FcMatchPattern)) {
        FcDefaultSubstitute(pat);
        match = FcFontMatch(config, pat, &res);
    }
    for (int i = 0; match && FcPatternGetString(match, FC_FAMILY, i, &s) == FcResultMatch; i++) {
        if (FcStrCmpIgnoreCase(s, (const FcChar8 *)family) == 0) {
            found = 1;
            break;
        }
    }
    int got_weight;
    if (found && want_weight >= 0 &&
        (FcPatternGetInteger(match, FC_WEIGHT, 0, &got_weight) != FcResultMatch ||
         got_weight != want_weight))
        found = 0; /* the family, but not in that weight */
    FcChar8 *file = NULL;
    if (found && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        int idx = 0;
        f->family = xstrdup((const char *)s);
        f->path = xstrdup((const char *)file);
        if (FcPatternGetInteger(match, FC_INDEX, 0, &idx) != FcResultMatch)
            idx = 0;
        /* The high 16 bits number named instances of variable fonts. */
        f->index = idx & 0xFFFF;
    } else {
        found = 0;
    }
    if (match)
        FcPatternDestroy(match);
    if (pat)
        FcPatternDestroy(pat);
    if (found && want_weight >= 0)
        f->want_weight = FcWeightToOpenType(want_weight);
    if (found)
        f->fc_ref = 1; /* released by font_close */
    else
        fc_release();
    if (!found && !quiet)
        diag_report(d, DIAG_ERROR, where,
                    "font family \"%s\" is not installed (fc-list shows installed families; "
                    "Debian: apt-get install fonts-arphic-uming fonts-wqy-zenhei)",
                    asked);
    free(family);
    return found ? 0 : -1;
}

/* The family (name ID 1, English) of a font opened by path, else the path. */
static char *face_family(hb_face_t *face, const char *path)
{
    hb_language_t en = hb_language_from_string("en", -1);
    unsigned len = hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_FAMILY, en, NULL, NULL);
    if (len == 0)
        return xstrdup(path);
    unsigned size = len + 1;
    char *s = xmalloc(size);
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_FONT_FAMILY, en, &size, s);
    return s;
}

static int has_table(hb_face_t *face, hb_tag_t tag)
{
    hb_blob_t *b = hb_face_reference_table(face, tag);
    unsigned len = hb_blob_get_length(b);
    hb_blob_destroy(b);
    return len > 0;
}

/* OS/2 fsType (0 if the table is missing or short). */
static unsigned fs_type(hb_face_t *face)
{
    hb_blob_t *b = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
    unsigned len = 0;
    const unsigned char *p = (const unsigned char *)hb_blob_get_data(b, &len);
    unsigned v = len >= 10 ? (unsigned)(p[8] << 8 | p[9]) : 0;
    hb_blob_destroy(b);
    return v;
}

/* The font file as a HarfBuzz blob, mapped from the descriptor that was
 * checked (as hb_blob_create_from_file maps a name); NULL on failure. */
typedef struct mapping {
    void *p;
    size_t n;
} mapping;

static void unmap(void *user)
{
    mapping *m = user;
    munmap(m->p, m->n);
    free(m);
}

static hb_blob_t *blob_of_fd(int fd, off_t size)
{
    if (size <= 0 || (unsigned long long)size > 0xFFFFFFFFull)
        return NULL;
    void *p = mmap(NULL, (size_t)size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED)
        return NULL;
    mapping *m = xmalloc(sizeof *m);
    m->p = p;
    m->n = (size_t)size;
    hb_blob_t *b = hb_blob_create(p, (unsigned)size, HB_MEMORY_MODE_READONLY_MAY_MAKE_WRITABLE, m,
                                  unmap);
    if (b == hb_blob_get_empty()) /* hb_blob_create has called unmap */
        return NULL;
    return b;
}

/*
 * Loads f->path face f->index and checks that libharu 2.3.0 will be able
 * to embed it: TrueType outlines (it cannot read CFF, error 0x1060), the
 * tables its loader requires, and an fsType that permits embedding.
 */
static int load_face(font *f, diag *d, diag_pos where, const char *asked)
{
    /* A regular file only: a FIFO named in [fonts] would hang the build,
     * a device never end (O_NONBLOCK: opening a FIFO does not wait). */
    int probe = open(f->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (probe < 0) {
        int err = errno;
        diag_report(d, DIAG_ERROR, where, "font \"%s\": cannot open '%s': %s", asked, f->path,
                    strerror(err));
        return -1;
    }
    struct stat pst;
    int regular = fstat(probe, &pst) == 0 && S_ISREG(pst.st_mode);
    if (!regular) {
        close(probe);
        diag_report(d, DIAG_ERROR, where, "font \"%s\": '%s' is not a regular file", asked,
                    f->path);
        return -1;
    }
    /* What was checked is what is read: never the name again, so a file
     * swapped for a FIFO meanwhile changes nothing. */
    f->fd = probe;
    f->blob = blob_of_fd(probe, pst.st_size);
    unsigned count = f->blob ? hb_face_count(f->blob) : 0;
    if (count == 0) {
        diag_report(d, DIAG_ERROR, where, "font \"%s\": '%s' is not a TrueType font file", asked,
                    f->path);
        return -1;
    }
    if (f->index < 0 || (unsigned)f->index >= count) {
        diag_report(d, DIAG_ERROR, where, "font \"%s\": '%s' has %u face%s (index 0 to %u), not %d",
                    asked, f->path, count, count == 1 ? "" : "s", count - 1, f->index);
        return -1;
    }
    f->face = hb_face_create(f->blob, (unsigned)f->index);
    hb_face_make_immutable(f->face);

    /* TrueType outlines go through libharu; CFF ones (Noto CJK, most
     * OpenType CJK faces) through pdf_font.c as CIDFontType0C.  CFF2
     * (variable) outlines have no PDF font type. */
    f->cff = !has_table(f->face, HB_TAG('g', 'l', 'y', 'f')) &&
             has_table(f->face, HB_TAG('C', 'F', 'F', ' '));
    if (!f->cff && !has_table(f->face, HB_TAG('g', 'l', 'y', 'f'))) {
        int cff2 = has_table(f->face, HB_TAG('C', 'F', 'F', '2'));
        diag_report(d, DIAG_ERROR, where,
                    "font \"%s\" ('%s') has %s outlines; PDF embeds TrueType (glyf) and CFF "
                    "fonts: use Noto Serif CJK SC, AR PL UMing CN or WenQuanYi Zen Hei",
                    asked, f->path, cff2 ? _("CFF2 (variable)") : _("no TrueType or CFF"));
        return -1;
    }
    static const hb_tag_t required[] = {
        HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'), HB_TAG('h', 'm', 't', 'x'),
        HB_TAG('m', 'a', 'x', 'p'), HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
        HB_TAG('O', 'S', '/', '2'), HB_TAG('l', 'o', 'c', 'a'),
    };
    /* loca (last) only with glyf */
    size_t n_required = sizeof required / sizeof required[0] - (f->cff ? 1 : 0);
    for (size_t i = 0; i < n_required; i++) {
        if (!has_table(f->face, required[i])) {
            char tag[5];
            hb_tag_to_string(required[i], tag);
            tag[4] = '\0';
            diag_report(d, DIAG_ERROR, where, "font \"%s\" ('%s') has no '%s' table", asked,
                        f->path, tag);
            return -1;
        }
    }
    /* 0x0002 restricted licence, 0x0100 no subsetting, 0x0200 bitmap embedding
     * only: libharu refuses these (HPDF_TTF_CANNOT_EMBEDDING_FONT), and the
     * licence forbids what we do. */
    {
        hb_blob_t *b = hb_face_reference_table(f->face, HB_TAG('O', 'S', '/', '2'));
        unsigned len = 0;
        const unsigned char *p = (const unsigned char *)hb_blob_get_data(b, &len);
        f->weight = len >= 6 ? (unsigned)(p[4] << 8 | p[5]) : 400;
        hb_blob_destroy(b);
    }
    unsigned fst = fs_type(f->face);
    if (fst & (0x0002 | 0x0100 | 0x0200)) {
        diag_report(d, DIAG_ERROR, where,
                    "font \"%s\" ('%s') does not permit embedding or subsetting "
                    "(OS/2 fsType 0x%04x)",
                    asked, f->path, fst);
        return -1;
    }

    f->upem = hb_face_get_upem(f->face);
    f->hb = hb_font_create(f->face);
    hb_font_set_scale(f->hb, (int)f->upem, (int)f->upem);
    hb_font_make_immutable(f->hb);

    /* hhea ascender/descender unless OS/2 asks for its typo metrics; for
     * the fonts we use that is hhea, which is also what libharu writes as
     * the PDF /Ascent and /Descent. */
    hb_font_extents_t ext;
    memset(&ext, 0, sizeof ext);
    hb_font_get_h_extents(f->hb, &ext);
    f->ascent = haru_metric(ext.ascender, f->upem);
    f->descent = haru_metric(ext.descender, f->upem);
    if (f->descent > 0)
        f->descent = -f->descent;
    return 0;
}

/* One entry of a preference list: a path, or a family (quietly: the next
 * entry is tried when it is not installed). */
static font *font_open1(diag *d, diag_pos where, const char *name, int quiet)
{
    font *f = xcalloc(1, sizeof *f);
    f->fd = -1;
    size_t len;
    int index;

    if (is_path(name, &len, &index)) {
        f->path = xmalloc(len + 1);
        memcpy(f->path, name, len);
        f->path[len] = '\0';
        f->index = index;
    } else if (fc_lookup(f, d, where, name, quiet) != 0) {
        font_close(f);
        return NULL;
    }
    if (load_face(f, d, where, name) != 0) {
        font_close(f);
        return NULL;
    }
    if (!f->family)
        f->family = face_family(f->face, f->path);
    /* fontconfig answers "Family:bold" with the regular face marked for
     * synthetic emboldening when there is no bold one: the face itself
     * must have the weight. */
    if (f->want_weight && abs((int)f->weight - f->want_weight) > 50) {
        if (!quiet)
            diag_report(d, DIAG_ERROR, where,
                        "font \"%s\": the installed face '%s' has weight %u, not %d", name,
                        f->path, f->weight, f->want_weight);
        font_close(f);
        return NULL;
    }
    return f;
}

font *font_open(diag *d, diag_pos where, const char *name)
{
    if (!strchr(name, ','))
        return font_open1(d, where, name, 0);
    /* "FangSong, 仿宋_GB2312, Noto Serif CJK SC": the first installed.  A
     * path or an installed family that cannot be used is an error (the
     * list says what the user wants; a broken file is not skipped). */
    char *list = xstrdup(name);
    font *f = NULL;
    for (char *p = list, *next; p; p = next) {
        next = strchr(p, ',');
        if (next)
            *next++ = '\0';
        size_t n;
        const char *one = utf8_trim(p, &n);
        if (n == 0)
            continue;
        char *entry = xmalloc(n + 1);
        memcpy(entry, one, n);
        entry[n] = '\0';
        size_t plen;
        int pidx;
        int quiet = !is_path(entry, &plen, &pidx);
        int errors = d->errors;
        f = font_open1(d, where, entry, quiet);
        free(entry);
        if (f || d->errors > errors)
            break;
    }
    free(list);
    if (!f && !d->errors)
        diag_report(d, DIAG_ERROR, where,
                    "none of the fonts \"%s\" is installed (fc-list shows installed families; "
                    "Debian: apt-get install fonts-noto-cjk fonts-arphic-uming fonts-wqy-zenhei)",
                    name);
    return f;
}

int font_is_cff(const font *f)
{
    return f->cff;
}

unsigned font_weight(const font *f)
{
    return f->weight;
}

/* A HarfBuzz subset input holding the code points cps[0..n), or NULL after
 * reporting through d. */
static hb_subset_input_t *subset_input(const font *f, diag *d, const uint32_t *cps, size_t n)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0), "cannot subset font \"%s\": out of memory",
                    f->family);
        return NULL;
    }
    hb_set_t *u = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n; i++)
        hb_set_add(u, cps[i]);
    return in;
}

int font_subset_cff(font *f, diag *d, const uint32_t *cps, size_t n, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    hb_subset_input_t *in = subset_input(f, d, cps, n);
    if (!in)
        return -1;
    /* No hints (viewers hint CFF themselves); .notdef keeps its box;
     * subroutines expanded (the sample: 313 KB against 341 KB with the
     * subset's subroutines, which compress worse than plain outlines).  No
     * layout closure: text is drawn by cmap glyph, never shaped, so the
     * glyphs GSUB reaches (vertical forms, locl variants: 1,493 glyphs for
     * 900 characters of the sample) are dead weight, and GSUB/GPOS go. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE |
                                      HB_SUBSET_FLAGS_DESUBROUTINIZE);
    hb_set_clear(hb_subset_input_set(in, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG));
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
    hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
    hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
    hb_set_add(drop, HB_TAG('V', 'O', 'R', 'G'));
    hb_set_add(drop, HB_TAG('v', 'h', 'e', 'a'));
    hb_set_add(drop, HB_TAG('v', 'm', 't', 'x'));
    hb_face_t *sub = hb_subset_or_fail(f->face, in);
    hb_subset_input_destroy(in);
    hb_blob_t *blob = sub ? hb_face_reference_blob(sub) : NULL;
    unsigned blen = 0;
    const char *data = blob ? hb_blob_get_data(blob, &blen) : NULL;
    if (!data || blen == 0) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot subset font \"%s\" ('%s'): HarfBuzz failed", f->family, f->path);
    } else {
        *out = xmalloc(blen);
        memcpy(*out, data, blen);
        *len = blen;
    }
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    return *out ? 0 : -1;
}

const char *font_path(const font *f)
{
    return f->path;
}

int font_index(const font *f)
{
    return f->index;
}

const char *font_family(const font *f)
{
    return f->family;
}

int font_ascent(const font *f)
{
    return f->ascent;
}

int font_descent(const font *f)
{
    return f->descent;
}

/*
 * libharu 2.3.0 cannot draw a character outside the BMP: its UTF-8 encoder
 * and CIDs are 16-bit, so U+24E00 would come out as the glyph of U+4E00 (一)
 * or as .notdef (tried: 𠀀 U+20000 draws .notdef).  Both fonts we use map
 * such characters (CJK Extension B), so they count as absent here, where
 * the check stage can report them, rather than draw wrongly.
 */
#define HARU_MAX_CP 0xFFFF

int font_has(const font *f, uint32_t cp)
{
    hb_codepoint_t g = 0;
    return cp <= HARU_MAX_CP && hb_font_get_nominal_glyph(f->hb, cp, &g) && g != 0;
}

static int measure(const font *f, uint32_t cp)
{
    hb_codepoint_t g = 0;
    /* An unmapped character draws .notdef (glyph 0); libharu then uses
     * glyph 0's advance too (its missing_width is the same number). */
    if (cp > HARU_MAX_CP || !hb_font_get_nominal_glyph(f->hb, cp, &g))
        g = 0;
    return haru_width(hb_font_get_glyph_h_advance(f->hb, g), f->upem);
}

int font_advance(font *f, uint32_t cp)
{
    if (cp > 0xFFFF)
        return measure(f, cp);
    /* Layout measures every character of the document, mostly the same few
     * hundred: remember BMP advances, stored plus ADV_BIAS so that the zeroed
     * table means "not measured" -- calloc's pages stay untouched, and not
     * resident, outside the blocks the document's characters come from
     * (256 KB a font if all were touched). */
    if (!f->bmp_adv)
        f->bmp_adv = xcalloc(0x10000, sizeof *f->bmp_adv);
    if (f->bmp_adv[cp] == 0)
        f->bmp_adv[cp] = measure(f, cp) + ADV_BIAS;
    return f->bmp_adv[cp] - ADV_BIAS;
}

/* ---- flattening nested composite glyphs ------------------------------- */

/*
 * libharu 2.3.0 embeds only the glyphs it saw drawn plus their direct
 * components (CheckCompositGryph looks one level deep), so a composite
 * whose component is itself a composite loses its inner parts: 樂 ≯ ∷ in
 * WenQuanYi Zen Hei, pinyin ǖ ǘ ǚ ǜ in AR PL UMing draw partly or wholly
 * blank.  HarfBuzz keeps such nesting, so after subsetting every composite
 * is rewritten to refer to simple glyphs only, with the transforms of the
 * levels multiplied out.  Composites placed by point matching or with
 * Apple-style scaled offsets are left as they are (none occur in the CJK
 * fonts we use).
 */

enum {
    CG_ARG_1_AND_2_ARE_WORDS = 0x0001,
    CG_ARGS_ARE_XY_VALUES = 0x0002,
    CG_ROUND_XY_TO_GRID = 0x0004,
    CG_WE_HAVE_A_SCALE = 0x0008,
    CG_MORE_COMPONENTS = 0x0020,
    CG_WE_HAVE_AN_X_AND_Y_SCALE = 0x0040,
    CG_WE_HAVE_A_TWO_BY_TWO = 0x0080,
    CG_USE_MY_METRICS = 0x0200,
    CG_OVERLAP_COMPOUND = 0x0400,
    CG_SCALED_COMPONENT_OFFSET = 0x0800,
};

/* A component placement: x' = a x + c y + dx, y' = b x + d y + dy. */
typedef struct xform {
    double a, b, c, d, dx, dy;
} xform;

typedef struct component {
    unsigned flags, gid;
    xform t;
} component;

typedef struct components {
    component *v;
    size_t n, cap;
} components;

/* The glyf and loca tables of a face, read-only. */
typedef struct glyf_src {
    const unsigned char *glyf, *loca;
    unsigned glyf_len, num_glyphs;
    int long_loca;
} glyf_src;

static unsigned rd16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)(v >> 8);
    p[1] = (unsigned char)v;
}

static void wr16(strbuf *sb, unsigned v)
{
    put16((unsigned char *)sb_extend(sb, 2), v);
}

/* Zero bytes up to a multiple of 4: glyphs in glyf are 4-byte aligned. */
static void pad4(strbuf *sb)
{
    if (sb->len % 4)
        memset(sb_extend(sb, 4 - sb->len % 4), 0, 4 - sb->len % 4);
}

static void wr32(strbuf *sb, uint32_t v)
{
    unsigned char *p = (unsigned char *)sb_extend(sb, 4);
    put16(p, v >> 16);
    put16(p + 2, v & 0xFFFF);
}

static double f2dot14(const unsigned char *p)
{
    return (int16_t)rd16(p) / 16384.0;
}

static long round_half(double v)
{
    return v < 0 ? -(long)(-v + 0.5) : (long)(v + 0.5);
}

/* Where glyph gid lies in glyf, [*a, *b); -1 if gid or loca is out of
 * range.  Reads only loca: glyf need not be mapped (compact_source). */
static int glyph_range(const glyf_src *s, unsigned gid, uint32_t *a, uint32_t *b)
{
    if (gid >= s->num_glyphs)
        return -1;
    if (s->long_loca) {
        *a = rd32(s->loca + 4 * gid);
        *b = rd32(s->loca + 4 * gid + 4);
    } else {
        *a = 2u * rd16(s->loca + 2 * gid);
        *b = 2u * rd16(s->loca + 2 * gid + 2);
    }
    return *b < *a || *b > s->glyf_len ? -1 : 0;
}

/* The bytes of glyph gid; -1 if gid or loca is out of range. */
static int glyph_data(const glyf_src *s, unsigned gid, const unsigned char **p, unsigned *len)
{
    uint32_t a, b;
    if (glyph_range(s, gid, &a, &b) != 0)
        return -1;
    *p = s->glyf + a;
    *len = b - a;
    return 0;
}

static int is_composite(const unsigned char *g, unsigned len)
{
    return len >= 10 && (int16_t)rd16(g) < 0;
}

/* Reads the component record at p (before end); NULL if truncated. */
static const unsigned char *read_component(const unsigned char *p, const unsigned char *end,
                                           component *c)
{
    if (end - p < 4)
        return NULL;
    c->flags = rd16(p);
    c->gid = rd16(p + 2);
    p += 4;
    xform *t = &c->t;
    t->a = t->d = 1;
    t->b = t->c = 0;
    if (c->flags & CG_ARG_1_AND_2_ARE_WORDS) {
        if (end - p < 4)
            return NULL;
        t->dx = (int16_t)rd16(p);
        t->dy = (int16_t)rd16(p + 2);
        p += 4;
    } else {
        if (end - p < 2)
            return NULL;
        t->dx = (int8_t)p[0];
        t->dy = (int8_t)p[1];
        p += 2;
    }
    int need = c->flags & CG_WE_HAVE_A_SCALE            ? 2
               : c->flags & CG_WE_HAVE_AN_X_AND_Y_SCALE ? 4
               : c->flags & CG_WE_HAVE_A_TWO_BY_TWO     ? 8
                                                        : 0;
    if (end - p < need)
        return NULL;
    if (need == 2) {
        t->a = t->d = f2dot14(p);
    } else if (need == 4) {
        t->a = f2dot14(p);
        t->d = f2dot14(p + 2);
    } else if (need == 8) {
        t->a = f2dot14(p);
        t->b = f2dot14(p + 2);
        t->c = f2dot14(p + 4);
        t->d = f2dot14(p + 6);
    }
    return p + need;
}

/* outer after inner: a point of the inner component placed in the outer
 * glyph (OpenType offsets are unscaled: x' = M x + offset). */
static xform compose(const xform *o, const xform *i)
{
    xform r;
    r.a = o->a * i->a + o->c * i->b;
    r.b = o->b * i->a + o->d * i->b;
    r.c = o->a * i->c + o->c * i->d;
    r.d = o->b * i->c + o->d * i->d;
    r.dx = o->a * i->dx + o->c * i->dy + o->dx;
    r.dy = o->b * i->dx + o->d * i->dy + o->dy;
    return r;
}

/*
 * Appends the simple-glyph components of composite glyph g, placed by t,
 * to out.  *nested is set when some component was itself a composite.
 * Returns -1 if the glyph cannot be flattened.
 */
static int collect(const glyf_src *s, const unsigned char *g, unsigned len, const xform *t,
                   int depth, components *out, int *nested)
{
    const unsigned char *p = g + 10, *end = g + len;
    component c;
    do {
        p = read_component(p, end, &c);
        if (!p || !(c.flags & CG_ARGS_ARE_XY_VALUES) || (c.flags & CG_SCALED_COMPONENT_OFFSET))
            return -1;
        const unsigned char *cg;
        unsigned clen;
        if (glyph_data(s, c.gid, &cg, &clen) != 0)
            return -1;
        xform placed = compose(t, &c.t);
        if (is_composite(cg, clen)) {
            *nested = 1;
            /* depth bounds the recursion on a (malformed) cyclic font */
            if (depth >= 8 || collect(s, cg, clen, &placed, depth + 1, out, nested) != 0)
                return -1;
            continue;
        }
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 16;
            out->v = xrealloc(out->v, out->cap * sizeof *out->v);
        }
        unsigned keep = CG_ROUND_XY_TO_GRID;
        if (depth == 0)
            keep |= CG_USE_MY_METRICS | CG_OVERLAP_COMPOUND;
        out->v[out->n].flags = c.flags & keep;
        out->v[out->n].gid = c.gid;
        out->v[out->n].t = placed;
        out->n++;
    } while (c.flags & CG_MORE_COMPONENTS);
    return 0;
}

static int f2dot14_ok(double v)
{
    return v >= -2.0 && v <= 32767 / 16384.0;
}

/* Writes a composite glyph: the 10-byte header of the original (contour
 * count -1 and bounding box, which flattening does not change), then the
 * records.  No instructions: the subset has no hinting.  -1 if a value
 * does not fit its field. */
static int write_composite(strbuf *out, const unsigned char *header, const components *c)
{
    sb_appendn(out, (const char *)header, 10);
    for (size_t i = 0; i < c->n; i++) {
        const component *k = &c->v[i];
        const xform *t = &k->t;
        long dx = round_half(t->dx), dy = round_half(t->dy);
        unsigned flags = k->flags | CG_ARGS_ARE_XY_VALUES;
        if (i + 1 < c->n)
            flags |= CG_MORE_COMPONENTS;
        if (dx < -32768 || dx > 32767 || dy < -32768 || dy > 32767)
            return -1;
        if (dx < -128 || dx > 127 || dy < -128 || dy > 127)
            flags |= CG_ARG_1_AND_2_ARE_WORDS;
        int nscale = 0;
        double v[4];
        if (t->b != 0 || t->c != 0) {
            flags |= CG_WE_HAVE_A_TWO_BY_TWO;
            v[0] = t->a, v[1] = t->b, v[2] = t->c, v[3] = t->d;
            nscale = 4;
        } else if (t->a != t->d) {
            flags |= CG_WE_HAVE_AN_X_AND_Y_SCALE;
            v[0] = t->a, v[1] = t->d;
            nscale = 2;
        } else if (t->a != 1) {
            flags |= CG_WE_HAVE_A_SCALE;
            v[0] = t->a;
            nscale = 1;
        }
        wr16(out, flags);
        wr16(out, k->gid);
        if (flags & CG_ARG_1_AND_2_ARE_WORDS) {
            wr16(out, (unsigned)(dx & 0xFFFF));
            wr16(out, (unsigned)(dy & 0xFFFF));
        } else {
            char b[2] = {(char)(dx & 0xFF), (char)(dy & 0xFF)};
            sb_appendn(out, b, 2);
        }
        for (int j = 0; j < nscale; j++) {
            if (!f2dot14_ok(v[j]))
                return -1;
            wr16(out, (unsigned)(round_half(v[j] * 16384.0) & 0xFFFF));
        }
    }
    return 0;
}

/* True if some composite glyph has a composite component. */
static int has_nested(const glyf_src *s)
{
    for (unsigned gid = 0; gid < s->num_glyphs; gid++) {
        const unsigned char *p, *cg;
        unsigned len, clen;
        component c;
        if (glyph_data(s, gid, &p, &len) != 0 || !is_composite(p, len))
            continue;
        const unsigned char *q = p + 10, *end = p + len;
        do {
            q = read_component(q, end, &c);
            if (q && glyph_data(s, c.gid, &cg, &clen) == 0 && is_composite(cg, clen))
                return 1;
        } while (q && (c.flags & CG_MORE_COMPONENTS));
    }
    return 0;
}

static hb_blob_t *blob_of(const strbuf *sb)
{
    return hb_blob_create(sb->buf ? sb->buf : "", (unsigned)sb->len, HB_MEMORY_MODE_DUPLICATE, NULL,
                          NULL);
}

/*
 * Returns face with every nested composite flattened (a new reference to
 * face itself when there is none): glyf rebuilt, loca rewritten in the long
 * format (head.indexToLocFormat = 1), maxp's component count raised if
 * needed.  NULL if the tables are malformed.
 */
static hb_face_t *flatten_composites(hb_face_t *face)
{
    hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
    hb_blob_t *loca = hb_face_reference_table(face, HB_TAG('l', 'o', 'c', 'a'));
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    hb_blob_t *maxp = hb_face_reference_table(face, HB_TAG('m', 'a', 'x', 'p'));
    unsigned loca_len, head_len, maxp_len;
    glyf_src s;
    s.glyf = (const unsigned char *)hb_blob_get_data(glyf, &s.glyf_len);
    s.loca = (const unsigned char *)hb_blob_get_data(loca, &loca_len);
    const unsigned char *hd = (const unsigned char *)hb_blob_get_data(head, &head_len);
    const unsigned char *mp = (const unsigned char *)hb_blob_get_data(maxp, &maxp_len);
    s.num_glyphs = hb_face_get_glyph_count(face);
    s.long_loca = head_len >= 54 && rd16(hd + 50) == 1;

    strbuf g = STRBUF_INIT, l = STRBUF_INIT;
    components comps = {NULL, 0, 0};
    hb_face_t *result = NULL;
    int any = 0;
    unsigned max_elements = 0;
    if (head_len < 54 || maxp_len < 6 || loca_len < (s.num_glyphs + 1) * (s.long_loca ? 4u : 2u))
        goto done;
    if (!has_nested(&s)) { /* the usual case: nothing to rewrite */
        result = hb_face_reference(face);
        goto done;
    }

    for (unsigned gid = 0; gid < s.num_glyphs; gid++) {
        const unsigned char *p;
        unsigned len;
        if (glyph_data(&s, gid, &p, &len) != 0)
            goto done;
        wr32(&l, (uint32_t)g.len);
        size_t start = g.len;
        int nested = 0;
        comps.n = 0;
        if (is_composite(p, len)) {
            xform id = {1, 0, 0, 1, 0, 0};
            if (collect(&s, p, len, &id, 0, &comps, &nested) == 0 && nested &&
                write_composite(&g, p, &comps) == 0) {
                any = 1;
                if (comps.n > max_elements)
                    max_elements = (unsigned)comps.n;
            } else {
                g.len = start; /* keep the glyph as it was */
                nested = 0;
            }
        }
        if (!nested)
            sb_appendn(&g, (const char *)p, len);
        pad4(&g);
    }
    wr32(&l, (uint32_t)g.len);
    if (!any) {
        result = hb_face_reference(face);
        goto done;
    }

    unsigned char *h2 = xmalloc(head_len), *m2 = xmalloc(maxp_len);
    memcpy(h2, hd, head_len);
    put16(h2 + 50, 1); /* indexToLocFormat: long offsets */
    memcpy(m2, mp, maxp_len);
    if (maxp_len >= 32 && rd32(mp) == 0x00010000 && rd16(mp + 28) < max_elements)
        put16(m2 + 28, max_elements); /* maxComponentElements */

    hb_face_t *b = hb_face_builder_create();
    unsigned total = hb_face_get_table_tags(face, 0, NULL, NULL);
    for (unsigned i = 0; i < total; i++) {
        hb_tag_t tag;
        unsigned one = 1;
        hb_blob_t *t;
        hb_face_get_table_tags(face, i, &one, &tag);
        switch (tag) {
        case HB_TAG('g', 'l', 'y', 'f'):
            t = blob_of(&g);
            break;
        case HB_TAG('l', 'o', 'c', 'a'):
            t = blob_of(&l);
            break;
        case HB_TAG('h', 'e', 'a', 'd'):
            t = hb_blob_create((const char *)h2, head_len, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
            break;
        case HB_TAG('m', 'a', 'x', 'p'):
            t = hb_blob_create((const char *)m2, maxp_len, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
            break;
        default:
            t = hb_face_reference_table(face, tag);
        }
        hb_face_builder_add_table(b, tag, t);
        hb_blob_destroy(t);
    }
    free(h2);
    free(m2);
    result = b;

done:
    free(comps.v);
    sb_free(&g);
    sb_free(&l);
    hb_blob_destroy(glyf);
    hb_blob_destroy(loca);
    hb_blob_destroy(head);
    hb_blob_destroy(maxp);
    return result;
}

/* ---- a compact source for the subsetter ------------------------------- */

/*
 * The font files are memory-mapped (hb_blob_create_from_file), and every
 * page of a mapping that is touched counts towards the process's resident
 * memory -- with the kernel's fault-around, 64 KB of it per touch.  The
 * subsetter reading ~800 glyphs scattered over AR PL UMing's 17 MB glyf
 * table made 12 MB of the file resident, more than everything else the
 * process holds.  So the glyphs are read with pread() instead, and the
 * subsetter is given a small font made of them: the same glyph ids (cmap
 * and hmtx stay valid), loca in the long format pointing at only the glyphs
 * the document needs and their composite components, empty glyphs for the
 * rest, and no bitmaps, vertical metrics, layout tables or glyph names.
 */

/* Tables left out of the compact source, and so of the subset: libharu
 * embeds only its 13 tables, and these would cost subsetting time -- the
 * bitmap strikes, vertical metrics and glyph names are megabytes in the CJK
 * fonts.  Without GSUB the glyph closure also stops pulling in vertical and
 * localized alternates nobody draws. */
static int compact_skips(hb_tag_t tag)
{
    switch (tag) {
    case HB_TAG('E', 'B', 'D', 'T'): case HB_TAG('E', 'B', 'L', 'C'):
    case HB_TAG('E', 'B', 'S', 'C'): case HB_TAG('B', 'D', 'F', ' '):
    case HB_TAG('F', 'F', 'T', 'M'): case HB_TAG('D', 'S', 'I', 'G'):
    case HB_TAG('G', 'S', 'U', 'B'): case HB_TAG('G', 'P', 'O', 'S'):
    case HB_TAG('G', 'D', 'E', 'F'): case HB_TAG('v', 'h', 'e', 'a'):
    case HB_TAG('v', 'm', 't', 'x'): case HB_TAG('V', 'O', 'R', 'G'):
    case HB_TAG('g', 'a', 's', 'p'): case HB_TAG('h', 'd', 'm', 'x'):
    case HB_TAG('V', 'D', 'M', 'X'): case HB_TAG('L', 'T', 'S', 'H'):
    case HB_TAG('k', 'e', 'r', 'n'): case HB_TAG('P', 'C', 'L', 'T'):
        return 1;
    default:
        return 0;
    }
}

/* Reads glyph gid of the original font into out (appended); 0 if absent
 * or empty, -1 on a read error or a loca entry outside glyf. */
static int read_glyph(int fd, off_t glyf_off, const glyf_src *s, unsigned gid, strbuf *out,
                      size_t *len)
{
    uint32_t a, b;
    *len = 0;
    if (glyph_range(s, gid, &a, &b) != 0)
        return -1;
    if (a == b)
        return 0;
    char *dst = sb_extend(out, b - a);
    size_t got = 0;
    while (got < b - a) {
        ssize_t r = pread(fd, dst + got, b - a - got, glyf_off + a + (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        got += (size_t)r;
    }
    *len = b - a;
    return 0;
}

/* Adds gid to the work list if it is new. */
static void want_glyph(uint8_t *seen, unsigned gid, unsigned **list, size_t *n, size_t *cap)
{
    if (seen[gid >> 3] >> (gid & 7) & 1)
        return;
    seen[gid >> 3] = (uint8_t)(seen[gid >> 3] | 1u << (gid & 7));
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *list = xrealloc(*list, *cap * sizeof **list);
    }
    (*list)[(*n)++] = gid;
}

static int cmp_uint(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;
    return x < y ? -1 : x > y;
}

/*
 * The compact source font for code points cps[0..n) of f: see above.
 * NULL (reported through d) on a read error or malformed tables.
 */
static hb_face_t *compact_source(font *f, diag *d, const uint32_t *cps, size_t n)
{
    hb_blob_t *file = f->blob;
    hb_blob_t *glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
    hb_blob_t *loca = hb_face_reference_table(f->face, HB_TAG('l', 'o', 'c', 'a'));
    hb_blob_t *head = hb_face_reference_table(f->face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned file_len, loca_len, head_len;
    const char *base = hb_blob_get_data(file, &file_len);
    glyf_src s;
    /* Only the address of glyf is taken, to know where it starts in the
     * file: its pages are not touched. */
    s.glyf = (const unsigned char *)hb_blob_get_data(glyf, &s.glyf_len);
    s.loca = (const unsigned char *)hb_blob_get_data(loca, &loca_len);
    const unsigned char *hd = (const unsigned char *)hb_blob_get_data(head, &head_len);
    s.num_glyphs = hb_face_get_glyph_count(f->face);
    s.long_loca = head_len >= 54 && rd16(hd + 50) == 1;

    hb_face_t *result = NULL;
    strbuf g = STRBUF_INIT, l = STRBUF_INIT, data = STRBUF_INIT;
    unsigned *list = NULL;          /* glyph ids needed, in the order read */
    size_t *start = NULL, *lens = NULL; /* per listed glyph: its bytes in data */
    size_t *where = NULL, *size = NULL; /* the same by glyph id */
    size_t nl = 0, cap = 0;
    uint8_t *seen = NULL;
    int fd = -1;
    if (!base || !s.glyf || s.glyf_len == 0 || head_len < 54 || s.num_glyphs == 0 ||
        loca_len < (s.num_glyphs + 1) * (s.long_loca ? 4u : 2u)) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot subset font \"%s\" ('%s'): malformed glyf/loca tables", f->family,
                    f->path);
        goto done;
    }
    off_t glyf_off = (off_t)((const char *)s.glyf - base);
    fd = f->fd; /* opened and checked by load_face; closed by font_close */
    if (fd < 0) {
        diag_syserr(d, "cannot read font file", f->path, EBADF);
        goto done;
    }

    /* The glyphs: .notdef, those of the code points, then the components
     * of composites, found as the glyphs are read. */
    seen = xcalloc((s.num_glyphs + 7) / 8, 1);
    want_glyph(seen, 0, &list, &nl, &cap);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t gid = 0;
        if (hb_font_get_nominal_glyph(f->hb, cps[i], &gid) && gid < s.num_glyphs)
            want_glyph(seen, gid, &list, &nl, &cap);
    }
    /* Reading in file order keeps the reads sequential; components found
     * on the way are read in later rounds. */
    size_t done_upto = 0;
    while (done_upto < nl) {
        qsort(list + done_upto, nl - done_upto, sizeof *list, cmp_uint);
        size_t end = nl;
        start = xrealloc(start, cap * sizeof *start);
        lens = xrealloc(lens, cap * sizeof *lens);
        for (size_t i = done_upto; i < end; i++) {
            start[i] = data.len;
            if (read_glyph(fd, glyf_off, &s, list[i], &data, &lens[i]) != 0) {
                diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                            "cannot subset font \"%s\" ('%s'): cannot read glyph %u", f->family,
                            f->path, list[i]);
                goto done;
            }
            const unsigned char *gp = (const unsigned char *)data.buf + start[i];
            if (!is_composite(gp, (unsigned)lens[i]))
                continue;
            const unsigned char *p = gp + 10, *gend = gp + lens[i];
            component c;
            do {
                p = read_component(p, gend, &c);
                if (p && c.gid < s.num_glyphs)
                    want_glyph(seen, c.gid, &list, &nl, &cap);
            } while (p && (c.flags & CG_MORE_COMPONENTS));
        }
        done_upto = end;
    }

    /* glyf and long loca over every glyph id, empty where not needed */
    where = xcalloc(s.num_glyphs, sizeof *where);
    size = xcalloc(s.num_glyphs, sizeof *size);
    for (size_t i = 0; i < nl; i++) {
        where[list[i]] = start[i];
        size[list[i]] = lens[i];
    }
    for (unsigned gid = 0; gid < s.num_glyphs; gid++) {
        wr32(&l, (uint32_t)g.len);
        if (size[gid]) {
            sb_appendn(&g, data.buf + where[gid], size[gid]);
            pad4(&g);
        }
    }
    wr32(&l, (uint32_t)g.len);
    sb_free(&data);

    unsigned char h2[54];
    memcpy(h2, hd, sizeof h2);
    put16(h2 + 50, 1); /* indexToLocFormat: long offsets */

    hb_face_t *b = hb_face_builder_create();
    unsigned total = hb_face_get_table_tags(f->face, 0, NULL, NULL);
    for (unsigned i = 0; i < total; i++) {
        hb_tag_t tag;
        unsigned one = 1;
        hb_blob_t *t;
        hb_face_get_table_tags(f->face, i, &one, &tag);
        if (compact_skips(tag))
            continue;
        switch (tag) {
        case HB_TAG('g', 'l', 'y', 'f'):
            t = blob_of(&g);
            break;
        case HB_TAG('l', 'o', 'c', 'a'):
            t = blob_of(&l);
            break;
        case HB_TAG('h', 'e', 'a', 'd'):
            t = hb_blob_create((const char *)h2, sizeof h2, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
            break;
        case HB_TAG('p', 'o', 's', 't'): {
            /* the 32-byte header as version 3: no glyph names */
            hb_blob_t *o = hb_face_reference_table(f->face, tag);
            unsigned plen;
            const char *pp = hb_blob_get_data(o, &plen);
            unsigned char p3[32] = {0};
            if (plen >= 32)
                memcpy(p3, pp, 32);
            put16(p3, 3);
            put16(p3 + 2, 0);
            hb_blob_destroy(o);
            t = hb_blob_create((const char *)p3, sizeof p3, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
            break;
        }
        default:
            t = hb_face_reference_table(f->face, tag);
        }
        hb_face_builder_add_table(b, tag, t);
        hb_blob_destroy(t);
    }
    /* A builder's tables cannot be listed, which the subsetter needs:
     * serialise it and read it back as an ordinary font. */
    hb_blob_t *bytes = hb_face_reference_blob(b);
    hb_face_destroy(b);
    result = hb_face_create(bytes, 0);
    hb_blob_destroy(bytes);

done:
    free(seen);
    free(list);
    free(start);
    free(lens);
    free(where);
    free(size);
    sb_free(&data);
    sb_free(&g);
    sb_free(&l);
    hb_blob_destroy(glyf);
    hb_blob_destroy(loca);
    hb_blob_destroy(head);
    return result;
}

/* ---- subsetting ------------------------------------------------------- */

/* Writes a font subset (to a memory file, /proc/self/fd/N, or a temporary
 * file of the output folder); every write checked, errors name the font. */
static int write_file(diag *d, const char *family, const char *path, const char *data, size_t len)
{
    char what[300];
    snprintf(what, sizeof what, "the subset of font \"%s\"", family);
    FILE *fp = fopen(path, "wb");
    if (!fp) {
        outfile_report_scratch(d, what, path, errno);
        return -1;
    }
    errno = 0;
    if (fwrite(data, 1, len, fp) != len || fflush(fp) != 0) {
        int err = errno ? errno : EIO;
        fclose(fp);
        outfile_report_scratch(d, what, path, err);
        return -1;
    }
    if (fclose(fp) != 0) {
        outfile_report_scratch(d, what, path, errno);
        return -1;
    }
    return 0;
}

int font_subset(font *f, diag *d, const uint32_t *cps, size_t n, const char *out_path)
{
    hb_subset_input_t *in = subset_input(f, d, cps, n);
    if (!in)
        return -1;
    /* Glyph ids are renumbered (no RETAIN_GIDS): that keeps them below
     * 32768, where libharu reads composite components correctly.  Hinting
     * is dropped (instructions, cvt, fpgm, prep): libharu embeds it but
     * PDF viewers rarely run TrueType hints, and AR PL UMing has none
     * anyway.  .notdef keeps its outline so a missing character shows as a
     * box, not as a silent blank. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NOTDEF_OUTLINE);

    hb_face_t *src = compact_source(f, d, cps, n);
    if (!src) {
        hb_subset_input_destroy(in);
        return -1;
    }
    hb_face_t *sub = hb_subset_or_fail(src, in);
    hb_subset_input_destroy(in);
    hb_face_destroy(src);
    if (!sub) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot subset font \"%s\" ('%s'): HarfBuzz failed", f->family, f->path);
        return -1;
    }
    unsigned glyphs = hb_face_get_glyph_count(sub);
    if (glyphs >= HARU_MAX_GLYPHS) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "font \"%s\": the document needs %u glyphs; libharu draws at most %d",
                    f->family, glyphs, HARU_MAX_GLYPHS - 1);
        hb_face_destroy(sub);
        return -1;
    }
    /* hb_subset's result is a face builder, whose table directory cannot be
     * listed: re-read it as an ordinary font before flattening. */
    hb_blob_t *bytes = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    sub = hb_face_create(bytes, 0);
    hb_blob_destroy(bytes);
    hb_face_t *flat = flatten_composites(sub);
    hb_face_destroy(sub);
    if (!flat) {
        diag_report(d, DIAG_ERROR, diag_at(NULL, 0, 0),
                    "cannot subset font \"%s\" ('%s'): malformed glyf/loca tables", f->family,
                    f->path);
        return -1;
    }
    hb_blob_t *blob = hb_face_reference_blob(flat);
    unsigned len = 0;
    const char *data = hb_blob_get_data(blob, &len);
    int ret = write_file(d, f->family, out_path, data, len);
    hb_blob_destroy(blob);
    hb_face_destroy(flat);
    return ret;
}

void font_close(font *f)
{
    if (!f)
        return;
    if (f->hb)
        hb_font_destroy(f->hb);
    if (f->face)
        hb_face_destroy(f->face);
    if (f->blob)
        hb_blob_destroy(f->blob);
    if (f->fd >= 0)
        close(f->fd);
    if (f->fc_ref)
        fc_release();
    free(f->bmp_adv);
    free(f->family);
    free(f->path);
    free(f);
}
