/* punct — half-width punctuation inside Chinese text, set full-width
 * (punct.h has the rule). */
#include "punct.h"

#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Chinese for the rule: CJK radicals to the unified ideographs (with CJK
 * punctuation, kana and the rest of that range), compatibility ideographs,
 * full-width forms, extension B and beyond, and the quotes, dash and
 * ellipsis Chinese text sets (‘ ’ “ ” — …). */
static int is_chinese(uint32_t cp)
{
    return cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || cp == 0x2014 ||
           cp == 0x2026 || (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* The code point that ends just before byte i of s (0 at the start). */
static uint32_t cp_before(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    uint32_t cp = 0;
    return utf8_decode(s + j, i - j, &cp) ? cp : 0;
}

/* The code point that starts at byte i of s (0 at the end). */
static uint32_t cp_at(const char *s, size_t i, size_t n)
{
    uint32_t cp = 0;
    return i < n && utf8_decode(s + i, n - i, &cp) ? cp : 0;
}

static const char *full_of(char c)
{
    switch (c) {
    case ',': return "，";
    case ';': return "；";
    case ':': return "：";
    case '?': return "？";
    case '!': return "！";
    case '(': return "（";
    default: return "）";
    }
}

const char *punct_fullwidth(arena *a, const char *s)
{
    if (!s || !strpbrk(s, ",;:?!()"))
        return s;
    size_t n = strlen(s);
    /* What each byte becomes: 0 as typed, else its full-width form. */
    unsigned char *conv = arena_alloc(a, n + 1);
    memset(conv, 0, n + 1);
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == ';' || c == ':' || c == '?' || c == '!') {
            if (is_chinese(cp_before(s, i)) || is_chinese(cp_at(s, i + 1, n)))
                conv[i] = any = 1;
        } else if (c == '(') {
            /* its matching ")" (nested ASCII pairs counted) */
            int depth = 0, chinese_inside = 0;
            size_t j = i;
            for (; j < n; j++) {
                if (s[j] == '(')
                    depth++;
                else if (s[j] == ')' && --depth == 0)
                    break;
                else if ((unsigned char)s[j] >= 0x80 && is_chinese(cp_at(s, j, n)))
                    chinese_inside = 1;
            }
            if (j < n && (chinese_inside || is_chinese(cp_before(s, i)) ||
                          is_chinese(cp_at(s, j + 1, n))))
                conv[i] = conv[j] = any = 1;
        }
    }
    if (!any)
        return s;
    /* Each converted byte (1) becomes 3 bytes. */
    size_t extra = 0;
    for (size_t i = 0; i < n; i++)
        extra += conv[i] ? 2 : 0;
    char *out = arena_alloc(a, n + extra + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (conv[i]) {
            memcpy(o, full_of(s[i]), 3);
            o += 3;
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return out;
}

static void punct_table(arena *a, doc_table *t)
{
    t->title = punct_fullwidth(a, t->title);
    t->unit_line = punct_fullwidth(a, t->unit_line);
    t->unit_left = punct_fullwidth(a, t->unit_left);
    t->note = punct_fullwidth(a, t->note);
    for (int i = 0; i < t->n_head * t->ncols; i++)
        t->head[i].text = punct_fullwidth(a, t->head[i].text);
    for (int r = 0; r < t->n_body; r++)
        for (int c = 0; c < t->ncols; c++) {
            doc_cell *x = doc_body_cell(t, r, c);
            if (t->cols[c].kind == DOC_COL_TEXT && !x->is_amount && !x->is_percent)
                x->text = punct_fullwidth(a, x->text);
        }
}

void punct_doc(arena *a, doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        doc_block *b = &d->blocks[i];
        b->text = punct_fullwidth(a, b->text);
        b->number = punct_fullwidth(a, b->number);
        if (b->kind == DOC_TABLE && b->table)
            punct_table(a, b->table);
    }
}
