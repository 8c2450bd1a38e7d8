/*
 * names — the one list of Chinese file names and national column names
 * (see names.h).  The list is a table here rather than a file read at run
 * time: like the column aliases of load.c it is part of what the input
 * format is, it must be the same wherever budgetgen runs (a batch, --root,
 * a test's copy of the project), and a list file missing or edited would
 * turn 三公经费.csv back into a file silently ignored.  docs/input.md
 * prints the same list; tests/e2e_excel.sh reads files under these names.
 */
#include "names.h"
#include "i18n.h"

#include "load.h"

#include "strbuf.h"
#include "utf8.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The input files budgetgen reads from a year's folder (load.h). */
const char *const load_file_names[] = {
    "institutions.csv", "duties.txt",    "revenue.csv",     "summary.csv",
    "expenditure.csv",  "basic_economic.csv", "three_public.csv", "reasons.csv",
    "overall_goal.txt", "duty_goals.csv", "performance.csv", "actuals.csv", "glossary.csv",
    "notes.txt",        "procurement.csv", "assets.csv", "project_notes.csv", NULL,
};

/* The Chinese names of each input file (docs/input.md lists them). */
static const struct {
    const char *file;
    const char *zh[4];
} FILES[] = {
    {"institutions.csv", {"机构设置.csv", "单位构成.csv", "部门构成.csv", NULL}},
    {"duties.txt", {"部门职责.txt", "主要职能.txt", "部门主要职责.txt", NULL}},
    {"revenue.csv", {"收入预算.csv", "收入.csv", NULL, NULL}},
    {"summary.csv", {"收支总额.csv", "收支总表.csv", NULL, NULL}},
    {"expenditure.csv", {"支出预算.csv", "支出功能分类.csv", NULL, NULL}},
    {"basic_economic.csv", {"基本支出.csv", "基本支出经济分类.csv", NULL, NULL}},
    {"three_public.csv", {"三公经费.csv", "“三公”经费.csv", "三公经费预算.csv", NULL}},
    {"reasons.csv", {"增减变化原因.csv", "变动原因.csv", NULL, NULL}},
    {"overall_goal.txt", {"总体绩效目标.txt", "总体目标.txt", NULL, NULL}},
    {"duty_goals.csv", {"职责分类绩效目标.csv", "职责目标.csv", NULL, NULL}},
    {"performance.csv", {"绩效目标.csv", "部门职责活动绩效目标表.csv", "绩效目标表.csv", NULL}},
    {"actuals.csv", {"实际值.csv", "绩效实际值.csv", NULL, NULL}},
    {"glossary.csv", {"名词解释.csv", NULL, NULL, NULL}},
    {"notes.txt", {"其他需要说明的事项.txt", "其他说明.txt", NULL, NULL}},
    {"procurement.csv", {"政府采购预算.csv", "政府采购.csv", NULL, NULL}},
    {"assets.csv", {"国有资产占有使用情况.csv", "国有资产.csv", NULL, NULL}},
    {"project_notes.csv", {"项目经费情况说明.csv", "重点项目.csv", NULL, NULL}},
};
#define NFILES (sizeof FILES / sizeof FILES[0])

/* Column names as the national tables write them, for the names the
 * loaders use (docs/input.md). */
static const char *const COLUMNS[][2] = {
    {"预算数", "金额"},
    {"金额", "预算数"},
    {"总计", "合计"},
    {"功能分类科目编码", "科目编码"},
    {"经济分类科目编码", "科目编码"},
    {"科目代码", "科目编码"},
    {"功能分类科目名称", "科目名称"},
    {"经济分类科目名称", "科目名称"},
};

int names_same_column(const char *h, const char *name)
{
    for (size_t i = 0; i < sizeof COLUMNS / sizeof COLUMNS[0]; i++)
        if (!strcmp(name, COLUMNS[i][1]) && utf8_name_eq(h, COLUMNS[i][0]))
            return 1;
    return 0;
}

static int name_is(const char *entry, const char *name)
{
    return !strcmp(entry, name) ||
           (utf8_invalid_at(entry, strlen(entry)) == (size_t)-1 && utf8_name_eq(entry, name));
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* The entries of dir, sorted (NULL-terminated, malloc'd), or NULL. */
static char **list_dir(const char *dir, size_t *n)
{
    DIR *dp = opendir(dir);
    *n = 0;
    if (!dp)
        return NULL;
    size_t cap = 16;
    char **v = xmalloc(cap * sizeof *v);
    struct dirent *e;
    while ((e = readdir(dp))) {
        if (e->d_name[0] == '.')
            continue;
        if (*n + 1 >= cap)
            v = xrealloc(v, (cap *= 2) * sizeof *v);
        {
            size_t len = strlen(e->d_name) + 1;
            v[*n] = memcpy(xmalloc(len), e->d_name, len);
            (*n)++;
        }
    }
    closedir(dp);
    v[*n] = NULL;
    qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

static void free_list(char **v)
{
    for (size_t i = 0; v && v[i]; i++)
        free(v[i]);
    free(v);
}

const char *names_path(arena *a, diag *d, const char *dir, const char *file)
{
    const char *path = arena_printf(a, "%s/%s", dir, file);
    size_t k;
    for (k = 0; k < NFILES && strcmp(FILES[k].file, file); k++)
        ;
    if (k == NFILES)
        return path;
    size_t n;
    char **ent = list_dir(dir, &n);
    const char *found = NULL; /* the name the file is under */
    for (size_t i = 0; i < n; i++) {
        int is = !strcmp(ent[i], file);
        for (int z = 0; !is && z < 4 && FILES[k].zh[z]; z++)
            is = name_is(ent[i], FILES[k].zh[z]);
        if (!is)
            continue;
        if (found) {
            diag_report(d, DIAG_ERROR, diag_at(path, 0, 0),
                        "%s/%s and %s/%s are both in the folder, and both are %s: keep one of "
                        "them (rename or remove the other)",
                        dir, found, dir, ent[i], file);
            found = file;
            break;
        }
        found = arena_strdup(a, ent[i]);
    }
    free_list(ent);
    return found ? arena_printf(a, "%s/%s", dir, found) : path;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n > m && !strcasecmp(s + n - m, suffix);
}

/* True when budgetgen reads the entry name of a folder. */
static int is_read(const char *name, const char *const *extra, size_t n)
{
    for (int i = 0; load_file_names[i]; i++)
        if (!strcmp(name, load_file_names[i]))
            return 1;
    for (size_t k = 0; k < NFILES; k++)
        for (int z = 0; z < 4 && FILES[k].zh[z]; z++)
            if (name_is(name, FILES[k].zh[z]))
                return 1;
    for (size_t i = 0; i < n; i++)
        if (!strcmp(name, extra[i] + (extra[i][0] == '?')))
            return 1;
    return 0;
}

/* The input file whose name (English or Chinese, without its extension)
 * name starts with: "三公经费（旧）.csv" → 三公经费.csv. */
static const char *near_name(const char *name)
{
    for (size_t k = 0; k < NFILES; k++)
        for (int z = -1; z < 4; z++) {
            const char *s = z < 0 ? FILES[k].file : FILES[k].zh[z];
            if (!s)
                break;
            size_t stem = strcspn(s, ".");
            if (!strncmp(name, s, stem) && strcmp(name, s))
                return s;
        }
    return NULL;
}

static void check_folder(arena *a, diag *d, const char *dir, const char *const *extra, size_t n)
{
    size_t m;
    char **ent = list_dir(dir, &m);
    for (size_t i = 0; i < m; i++) {
        const char *e = ent[i];
        if (!(ends_with(e, ".csv") || ends_with(e, ".txt")) || is_read(e, extra, n))
            continue;
        strbuf sb = STRBUF_INIT;
        for (int k = 0; load_file_names[k]; k++)
            sb_printf(&sb, "%s%s", k ? ", " : "", load_file_names[k]);
        for (size_t k = 0; k < n; k++)
            sb_printf(&sb, ", %s", extra[k] + (extra[k][0] == '?'));
        const char *near = near_name(e);
        diag_report(d, DIAG_WARNING, diag_at(arena_printf(a, "%s/%s", dir, e), 0, 0),
                    "%s/%s is not read by budgetgen%s: the files it reads are %s, or their "
                    "Chinese names (docs/input.md: 三公经费.csv, 支出预算.csv …); rename it or "
                    "remove it",
                    dir, e, near ? arena_printf(a, _(" (%s is)"), near) : "", sb_str(&sb));
        sb_free(&sb);
    }
    free_list(ent);
}

void names_check_folders(arena *a, diag *d, const config *c, const char *const *extra, size_t n)
{
    check_folder(a, d, c->input_dir, extra, n);
    if (c->previous_dir)
        check_folder(a, d, c->previous_dir, NULL, 0);
    for (int i = 0; c->previous_dir && i < c->n_earlier; i++)
        check_folder(a, d, c->earlier[i], NULL, 0);
}
