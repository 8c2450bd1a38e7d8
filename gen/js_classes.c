/*
 * js_classes — the fixed list of 类 a 决算 summary table prints (the
 * template's classes=FILE column option, see js.h): 收入支出决算总表 lists
 * the national 类 always, in the list's order, blank where there is no
 * money.  The list is data (templates/juesuan/summary-classes.csv), so a
 * region changes it without touching the program.
 */
#include "js.h"

#include "codes.h"
#include "csv.h"
#include "paths.h"

#include <string.h>

js_class_list *js_classes_load(arena *a, diag *d, const char *path, const paths_root *root,
                               diag_pos at)
{
    int before = d->errors;
    int ix[2];
    csv_table *t = codes_read(a, d, path, root, at, arena_printf(a, "classes=%s", path), ix);
    if (!t)
        return NULL;
    js_class_list *l = arena_alloc(a, sizeof *l);
    l->path = t->path;
    l->code = arena_alloc(a, (t->nrows + 1) * sizeof *l->code);
    l->name = arena_alloc(a, (t->nrows + 1) * sizeof *l->name);
    l->pos = arena_alloc(a, (t->nrows + 1) * sizeof *l->pos);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        const char *code = r->fields[ix[0]];
        if (strlen(code) != 3 || strspn(code, "0123456789") != 3) {
            diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "科目编码 \"%s\" is not the code of a 类 (3 digits)", code);
            continue;
        }
        for (size_t k = 0; k < l->n; k++)
            if (!strcmp(l->code[k], code))
                diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                            "科目编码 %s is listed twice (first at line %d)", code,
                            l->pos[k].line);
        l->code[l->n] = code;
        l->name[l->n] = r->fields[ix[1]];
        l->pos[l->n++] = csv_pos(t, r, ix[0]);
    }
    return d->errors > before ? NULL : l;
}

int js_classes_index(const js_class_list *l, const char *code)
{
    for (size_t i = 0; l && i < l->n; i++)
        if (!strcmp(l->code[i], code))
            return (int)i;
    return -1;
}
