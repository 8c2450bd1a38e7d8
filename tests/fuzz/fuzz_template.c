/*
 * libFuzzer target for template_load (gen/template.c): the bytes of one
 * input are a template file.  "include NAME" resolves next to it, in the
 * private folder, where tables.tpl, wording.tpl and performance-table.tpl
 * are copied from templates/ when the fuzzer runs from the project root
 * (as `make fuzz` does), so includes reach real content.  Checks: NULL
 * exactly when an error was reported; in a template that loads, every
 * "if" has its "end" after it, every table its columns, every position a
 * file, and every text valid UTF-8.
 *
 * The input's own file name is not guessable ("fuzzed-input.tpl"): a file
 * that includes itself many times is known to take N^4 reads (include
 * cycles are not detected, only depth > 4), which would stop every run on
 * the same timeout.
 */
#include "fuzz_common.h"

#include "template.h"
#include "utf8.h"

static int valid(const char *s)
{
    return s == NULL || utf8_invalid_at(s, strlen(s)) == (size_t)-1;
}

/* Copies templates/NAME into the private folder, if it exists. */
static void copy_template(const char *name)
{
    char src[128];
    snprintf(src, sizeof src, "templates/%s", name);
    FILE *in = fopen(src, "rb");
    if (!in)
        return;
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    fz_write(name, buf, n);
}

static void check_tmpl(const tmpl *t)
{
    for (int i = 0; i < t->n; i++) {
        const tmpl_stmt *s = &t->stmts[i];
        FZ_ASSERT(valid(s->arg) && valid(s->arg2) && valid(s->arg3));
        diag_pos p = template_pos(t, s->line, s->col);
        FZ_ASSERT(p.file != NULL && p.line >= 1);
        if (s->kind == T_IF)
            FZ_ASSERT(s->end > i && s->end < t->n && t->stmts[s->end].kind == T_END);
        if (s->kind == T_TABLE || s->kind == T_CHART) {
            const tmpl_table *tb = s->table;
            FZ_ASSERT(tb && tb->source);
            FZ_ASSERT(tb->chart || tb->ncols > 0);
            for (int c = 0; c < tb->ncols; c++)
                FZ_ASSERT(tb->cols[c].key && valid(tb->cols[c].key) && tb->cols[c].weight > 0);
            for (int h = 0; h < tb->n_head; h++)
                FZ_ASSERT(valid(tb->head[h]));
            FZ_ASSERT(valid(tb->title) && valid(tb->unit) && valid(tb->note));
        }
    }
    for (int i = 0; i < t->n_compare; i++) {
        FZ_ASSERT(template_compare(t, t->compares[i].family) == &t->compares[i]);
        for (int k = 0; k < TC_NCASES; k++)
            FZ_ASSERT(valid(t->compares[i].text[k]));
    }
    for (int i = 0; i < t->n_sentence; i++)
        FZ_ASSERT(template_sentence(t, t->sentences[i].name) == &t->sentences[i]);
    FZ_ASSERT(valid(t->meta_title) && valid(t->footer) && valid(t->num_heading));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int copied;
    fz_setup();
    if (!copied) {
        copy_template("tables.tpl");
        copy_template("wording.tpl");
        copy_template("performance-table.tpl");
        copied = 1;
    }
    arena *a = arena_new();
    diag d;
    diag_init(&d, fz_null);
    const char *path = arena_strdup(a, fz_write("fuzzed-input.tpl", data, size));
    tmpl *t = template_load(a, &d, path, NULL);
    FZ_ASSERT((t == NULL) == (d.errors > 0));
    if (t)
        check_tmpl(t);
    arena_free_all(a);
    return 0;
}
