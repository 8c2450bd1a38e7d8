/*
 * doc — document model construction and the tree dump (see doc.h).
 */
#include "doc.h"

#include <string.h>

doc *doc_new(arena *a)
{
    return arena_alloc(a, sizeof(doc));
}

doc_block *doc_add(arena *a, doc *d, doc_block_kind kind)
{
    if (d->n == d->cap) {
        /* The arena has no realloc: copy into a larger array. */
        size_t cap = d->cap ? d->cap * 2 : 32;
        doc_block *nb = arena_alloc(a, cap * sizeof *nb);
        if (d->n)
            memcpy(nb, d->blocks, d->n * sizeof *nb);
        d->blocks = nb;
        d->cap = cap;
    }
    doc_block *b = &d->blocks[d->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

doc_table *doc_table_new(arena *a, int ncols)
{
    doc_table *t = arena_alloc(a, sizeof *t);
    t->ncols = ncols;
    t->cols = arena_alloc(a, (size_t)ncols * sizeof *t->cols);
    for (int c = 0; c < ncols; c++)
        t->cols[c].weight = 1;
    t->unit = MONEY_WAN; /* the builder sets each table's own */
    return t;
}

/* Grows a row-major grid by one row of anchor cells.  Rows are appended in
 * order by build_tables.c; the grid is re-allocated at powers of two. */
static doc_cell *grow(arena *a, doc_cell **grid, int *n, int ncols)
{
    int rows = *n;
    int cap = 1;
    while (cap < rows)
        cap *= 2;
    if (rows == 0 || rows == cap) {
        int ncap = rows ? cap * 2 : 4;
        doc_cell *g = arena_alloc(a, (size_t)ncap * (size_t)ncols * sizeof *g);
        if (rows)
            memcpy(g, *grid, (size_t)rows * (size_t)ncols * sizeof *g);
        *grid = g;
    }
    doc_cell *row = *grid + (size_t)rows * (size_t)ncols;
    for (int c = 0; c < ncols; c++) {
        memset(&row[c], 0, sizeof row[c]);
        row[c].text = "";
        row[c].rowspan = row[c].colspan = 1;
    }
    (*n)++;
    return row;
}

doc_cell *doc_table_add_head(arena *a, doc_table *t)
{
    return grow(a, &t->head, &t->n_head, t->ncols);
}

doc_cell *doc_table_add_body(arena *a, doc_table *t, doc_row_kind kind)
{
    int old = t->n_body;
    doc_cell *row = grow(a, &t->body, &t->n_body, t->ncols);
    /* row_kind grows alongside, same policy. */
    int cap = 1;
    while (cap < old)
        cap *= 2;
    if (old == 0 || old == cap) {
        int ncap = old ? cap * 2 : 4;
        doc_row_kind *k = arena_alloc(a, (size_t)ncap * sizeof *k);
        if (old)
            memcpy(k, t->row_kind, (size_t)old * sizeof *k);
        t->row_kind = k;
    }
    t->row_kind[old] = kind;
    return row;
}

doc_cell *doc_head_cell(const doc_table *t, int row, int col)
{
    return &t->head[(size_t)row * (size_t)t->ncols + (size_t)col];
}

doc_cell *doc_body_cell(const doc_table *t, int row, int col)
{
    return &t->body[(size_t)row * (size_t)t->ncols + (size_t)col];
}

void doc_table_span(doc_table *t, int body, int row, int col, int rs, int cs)
{
    for (int r = row; r < row + rs; r++)
        for (int c = col; c < col + cs; c++) {
            doc_cell *x = body ? doc_body_cell(t, r, c) : doc_head_cell(t, r, c);
            x->rowspan = x->colspan = 0;
        }
    doc_cell *anchor = body ? doc_body_cell(t, row, col) : doc_head_cell(t, row, col);
    anchor->rowspan = rs;
    anchor->colspan = cs;
}

static const char *const KIND_NAMES[] = {"title", "heading",    "para",  "label", "item",
                                         "table", "page-break", "chart", "cover", "toc",  "line"};
static const char *const ALIGN_NAMES[] = {"left", "center", "right"};
static const char *const COL_KIND_NAMES[] = {"text", "code", "amount", "percent"};
static const char *const ROW_KIND_NAMES[] = {"", " subtotal", " total"};

static void dump_grid(FILE *out, const doc_table *t, const doc_cell *grid, int rows,
                      const char *what)
{
    for (int r = 0; r < rows; r++) {
        fprintf(out, "    %s %d%s:", what, r + 1,
                grid == t->body && t->row_kind ? ROW_KIND_NAMES[t->row_kind[r]] : "");
        for (int c = 0; c < t->ncols; c++) {
            const doc_cell *x = &grid[(size_t)r * (size_t)t->ncols + (size_t)c];
            if (x->rowspan == 0) {
                fputs(" |~", out);
                continue;
            }
            fprintf(out, " | %s", x->text);
            if (x->rowspan > 1 || x->colspan > 1)
                fprintf(out, " {%dx%d}", x->rowspan, x->colspan);
        }
        fputs("\n", out);
    }
}

void doc_dump_tree(const doc *d, FILE *out)
{
    fprintf(out, "document \"%s\" author \"%s\" footer \"%s\"\n", d->title ? d->title : "",
            d->author ? d->author : "", d->footer ? d->footer : "");
    for (size_t i = 0; i < d->n; i++) {
        const doc_block *b = &d->blocks[i];
        fprintf(out, "%s", KIND_NAMES[b->kind]);
        if (b->kind == DOC_HEADING || b->kind == DOC_COVER)
            fprintf(out, " %d", b->level);
        if (b->kind == DOC_LINE)
            fprintf(out, " %s", ALIGN_NAMES[b->align]);
        if (b->number)
            fprintf(out, " [%s]", b->number);
        if (b->text)
            fprintf(out, " %s", b->text);
        fputs("\n", out);
        if (b->kind == DOC_CHART) {
            const doc_chart *ch = b->chart;
            fprintf(out, "  id %s sheet \"%s\"\n  title %s\n  unit %s\n", ch->id,
                    ch->sheet ? ch->sheet : "", ch->title ? ch->title : "",
                    ch->unit ? ch->unit : "");
            for (int s = 0; s < ch->n_series; s++) {
                fprintf(out, "  series %s:", ch->series[s]);
                for (int c = 0; c < ch->n_cats; c++)
                    fprintf(out, " %s=%s", ch->cats[c], ch->labels[s * ch->n_cats + c]);
                fputs("\n", out);
            }
            continue;
        }
        if (b->kind != DOC_TABLE)
            continue;
        const doc_table *t = b->table;
        fprintf(out, "  id %s%s sheet \"%s\"\n", t->id, t->landscape ? " landscape" : "",
                t->sheet ? t->sheet : "");
        if (t->title)
            fprintf(out, "  title %s\n", t->title);
        if (t->unit_line)
            fprintf(out, "  unit %s\n", t->unit_line);
        for (int c = 0; c < t->ncols; c++)
            fprintf(out, "  column %d %s %s %s\n", c + 1, t->cols[c].key,
                    COL_KIND_NAMES[t->cols[c].kind], ALIGN_NAMES[t->cols[c].align]);
        dump_grid(out, t, t->head, t->n_head, "head");
        dump_grid(out, t, t->body, t->n_body, "row");
        if (t->note)
            fprintf(out, "  note %s\n", t->note);
    }
}

void doc_each_text(const doc *d, void (*fn)(void *ctx, const char *text, diag_pos pos), void *ctx)
{
    diag_pos none = {0};
    if (d->footer)
        fn(ctx, d->footer, none);
    if (d->continued)
        fn(ctx, d->continued, none);
    for (size_t i = 0; i < d->n; i++) {
        const doc_block *b = &d->blocks[i];
        if (b->number)
            fn(ctx, b->number, b->src);
        if (b->text)
            fn(ctx, b->text, b->src);
        if (b->kind == DOC_CHART) {
            const doc_chart *ch = b->chart;
            if (ch->title)
                fn(ctx, ch->title, b->src);
            if (ch->unit)
                fn(ctx, ch->unit, b->src);
            for (int c = 0; c < ch->n_cats; c++)
                fn(ctx, ch->cats[c], b->src);
            for (int sr = 0; sr < ch->n_series; sr++)
                fn(ctx, ch->series[sr], b->src);
            for (int v = 0; v < ch->n_series * ch->n_cats; v++)
                fn(ctx, ch->labels[v], b->src);
            continue;
        }
        if (b->kind != DOC_TABLE)
            continue;
        const doc_table *t = b->table;
        if (t->title)
            fn(ctx, t->title, b->src);
        if (t->unit_line)
            fn(ctx, t->unit_line, b->src);
        if (t->note)
            fn(ctx, t->note, b->src);
        for (int r = 0; r < t->n_head * t->ncols; r++)
            fn(ctx, t->head[r].text, t->head[r].pos);
        for (int r = 0; r < t->n_body * t->ncols; r++)
            fn(ctx, t->body[r].text, t->body[r].pos);
    }
}
