/*
 * codes — code list loading and lookup (see codes.h).
 */
#include "codes.h"

#include "csv.h"
#include "paths.h"

#include <stdlib.h>
#include <string.h>

static int cmp_entry(const void *x, const void *y)
{
    return strcmp(((const code_entry *)x)->code, ((const code_entry *)y)->code);
}

csv_table *codes_read(arena *a, diag *d, const char *path, const paths_root *root, diag_pos at,
                      const char *what, int ix[2])
{
    /* Opened once and checked on the descriptor (config_check_paths judged
     * the name earlier; a link swapped in since must not be followed). */
    int fd = paths_open(d, at, what, root, path, 0, NULL);
    if (fd < 0)
        return NULL;
    csv_table *t = csv_read_fd(a, d, fd, path, NULL);
    if (!t)
        return NULL;
    static const csv_column cols[] = {{"科目编码", "code", 1}, {"科目名称", "name", 1}};
    return csv_map_columns(t, d, cols, 2, ix) < 0 ? NULL : t;
}

code_list *codes_load(arena *a, diag *d, const char *path, const paths_root *root,
                      int max_digits)
{
    int before = d->errors;
    int ix[2];
    csv_table *t = codes_read(a, d, path, root, diag_at(path, 0, 0), NULL, ix);
    if (!t)
        return NULL;
    code_list *l = arena_alloc(a, sizeof *l);
    l->path = t->path;
    l->e = arena_alloc(a, (t->nrows + 1) * sizeof *l->e);
    for (size_t i = 0; i < t->nrows; i++) {
        const csv_row *r = &t->rows[i];
        const char *code = r->fields[ix[0]];
        size_t len = strlen(code);
        if (strspn(code, "0123456789") != len || (len != 3 && len != 5 && len != (size_t)max_digits)) {
            diag_report(d, DIAG_ERROR, csv_pos(t, r, ix[0]),
                        "科目编码 \"%s\" is not a code of 3, 5%s digits", code,
                        max_digits == 7 ? " or 7" : "");
            continue;
        }
        l->e[l->n].code = code;
        l->e[l->n].name = r->fields[ix[1]];
        l->n++;
    }
    qsort(l->e, l->n, sizeof *l->e, cmp_entry);
    for (size_t i = 1; i < l->n; i++)
        if (!strcmp(l->e[i].code, l->e[i - 1].code))
            diag_report(d, DIAG_ERROR, diag_at(l->path, 0, 0), "科目编码 %s is listed twice",
                        l->e[i].code);
    return d->errors > before ? NULL : l;
}

const char *codes_name(const code_list *l, const char *code)
{
    if (!l)
        return NULL;
    code_entry key = {code, NULL};
    const code_entry *e = bsearch(&key, l->e, l->n, sizeof *l->e, cmp_entry);
    return e ? e->name : NULL;
}
