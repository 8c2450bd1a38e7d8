/*
 * libFuzzer target for config_load (gen/config.c, with Debian's libinih):
 * the bytes of one input are an INI file.  Besides crashes and sanitizer
 * reports, it checks the contract: NULL exactly when an error was reported;
 * a config that loads has every value in its documented range, as valid
 * UTF-8; the same file with CRLF line ends, or a UTF-8 BOM in front (what
 * Notepad writes), loads to exactly the same values; a file with a NUL
 * byte never loads (a NUL once made the reader drop the next line
 * silently).  config_check_paths
 * runs too (it only stat()s the paths, relative to the current folder).
 */
#include "fuzz_common.h"

#include "config.h"
#include "utf8.h"

static int valid(const char *s)
{
    return s == NULL || utf8_invalid_at(s, strlen(s)) == (size_t)-1;
}

static void check_config(const config *c)
{
    FZ_ASSERT(c->department && *c->department && c->region && *c->region);
    FZ_ASSERT(c->year >= 1949 && c->year <= 9999);
    FZ_ASSERT(c->template_path && *c->template_path && c->input_dir && *c->input_dir);
    FZ_ASSERT(c->unit == MONEY_WAN || c->unit == MONEY_YUAN);
    FZ_ASSERT(c->decimals >= 0 && c->decimals <= money_unit_max_decimals(c->unit));
    FZ_ASSERT(c->percent_decimals >= 0 && c->percent_decimals <= 4);
    FZ_ASSERT(c->thousands == 0 || c->thousands == 1);
    FZ_ASSERT(c->percent_trim == 0 || c->percent_trim == 1);
    FZ_ASSERT(c->want_pdf || c->want_xlsx);
    FZ_ASSERT(c->output_name && *c->output_name && !strchr(c->output_name, '/'));
    FZ_ASSERT(c->output_dir && *c->output_dir);
    FZ_ASSERT(c->max_rows >= 1 && c->max_cell >= 16 && c->max_pages >= 1);
    FZ_ASSERT(c->reason_threshold >= 0);
    const char *strs[] = {c->department, c->region,       c->template_path,  c->author,
                          c->input_dir,  c->previous_dir, c->function_codes, c->economic_codes,
                          c->output_dir, c->output_name,  c->font_body,      c->font_heading};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        FZ_ASSERT(valid(strs[i]));
}

static int same_str(const char *x, const char *y)
{
    return (x == NULL && y == NULL) || (x && y && strcmp(x, y) == 0);
}

/* Two readings of the same content must give the same values. */
static void check_same(const config *x, const config *y)
{
    FZ_ASSERT((x == NULL) == (y == NULL));
    if (!x)
        return;
    FZ_ASSERT(same_str(x->department, y->department) && same_str(x->region, y->region));
    FZ_ASSERT(x->year == y->year && x->previous_year == y->previous_year);
    FZ_ASSERT(same_str(x->template_path, y->template_path) && same_str(x->author, y->author));
    FZ_ASSERT(x->unit == y->unit && x->decimals == y->decimals && x->thousands == y->thousands);
    FZ_ASSERT(x->percent_decimals == y->percent_decimals && x->percent_trim == y->percent_trim);
    FZ_ASSERT(same_str(x->input_dir, y->input_dir) && same_str(x->previous_dir, y->previous_dir));
    FZ_ASSERT(same_str(x->function_codes, y->function_codes));
    FZ_ASSERT(same_str(x->economic_codes, y->economic_codes));
    FZ_ASSERT(same_str(x->output_dir, y->output_dir) && same_str(x->output_name, y->output_name));
    FZ_ASSERT(x->want_pdf == y->want_pdf && x->want_xlsx == y->want_xlsx);
    FZ_ASSERT(same_str(x->font_body, y->font_body) && same_str(x->font_heading, y->font_heading));
    FZ_ASSERT(x->reason_threshold == y->reason_threshold && x->max_rows == y->max_rows);
    FZ_ASSERT(x->max_cell == y->max_cell && x->max_pages == y->max_pages);
}

static config *load_checked(arena *a, const char *path)
{
    diag d;
    diag_init(&d, fz_null);
    config *c = config_load(a, &d, path);
    FZ_ASSERT((c == NULL) == (d.errors > 0));
    if (c) {
        check_config(c);
        config_check_paths(c, &d);
    }
    return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_setup();
    arena *a = arena_new();
    config *c = load_checked(a, arena_strdup(a, fz_write("in.ini", data, size)));
    FZ_ASSERT(!(c && memchr(data, '\0', size)));

    if (size > 0 && !memchr(data, '\r', size) && memchr(data, '\n', size)) {
        uint8_t *crlf = xmalloc(2 * size);
        size_t n = 0;
        for (size_t i = 0; i < size; i++) {
            if (data[i] == '\n')
                crlf[n++] = '\r';
            crlf[n++] = data[i];
        }
        const char *p2 = arena_strdup(a, fz_write("crlf.ini", crlf, n));
        free(crlf);
        check_same(c, load_checked(a, p2));
    }
    if (!(size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)) {
        uint8_t *bom = xmalloc(size + 3);
        memcpy(bom, "\xEF\xBB\xBF", 3);
        if (size)
            memcpy(bom + 3, data, size);
        const char *p3 = arena_strdup(a, fz_write("bom.ini", bom, size + 3));
        free(bom);
        check_same(c, load_checked(a, p3));
    }
    arena_free_all(a);
    return 0;
}
