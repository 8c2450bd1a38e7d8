/* datasheet — see datasheet.h. */
#include "datasheet.h"

#include "money.h"
#include "names.h"
#include "textio.h"

#include <string.h>
#include <unistd.h>

const char *const DATASHEET_FILES[] = {
    "expenditure.csv", "basic_economic.csv", "three_public.csv", "revenue.csv",
    "summary.csv",     "institutions.csv",   NULL,
};

/* The input files are read again here: at most this many bytes each. */
#define DATASHEET_MAX_FILE ((size_t)64 * 1024 * 1024)
/* The longest text a workbook cell holds (Excel's limit). */
#define CELL_MAX 32767

lxw_error datasheet_write(lxw_workbook *wb, arena *a, diag *d, const config *c)
{
    if (!c->input_dir) /* a document not made from an input folder (tests) */
        return LXW_NO_ERROR;
    const char *text[8] = {0};
    size_t len[8] = {0};
    for (int i = 0; DATASHEET_FILES[i]; i++) {
        const char *path = names_path(a, d, c->input_dir, DATASHEET_FILES[i]);
        if (access(path, F_OK) != 0)
            continue;
        const char *enc;
        text[i] = textio_read_utf8(a, d, path, DATASHEET_MAX_FILE, &len[i], &enc);
        if (!text[i])
            return LXW_ERROR_CREATING_TMPFILE;
        /* a line a cell: none may be longer than a cell holds */
        const char *s = text[i];
        while (*s) {
            const char *e = strchr(s, '\n');
            size_t n = e ? (size_t)(e - s) : strlen(s);
            if (n > CELL_MAX) {
                diag_report(d, DIAG_NOTE, diag_at(path, 0, 0),
                            "a line is longer than a workbook cell holds: the workbook "
                            "has no %s sheet (budgetgen import reads its tables instead)",
                            DATASHEET_NAME);
                return LXW_NO_ERROR;
            }
            s += n + (e ? 1 : 0);
        }
    }
    lxw_worksheet *ws = workbook_add_worksheet(wb, DATASHEET_NAME);
    if (!ws)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    worksheet_hide(ws);
    lxw_error e = worksheet_write_string(ws, 0, 0, "unit", NULL);
    if (e == LXW_NO_ERROR)
        e = worksheet_write_string(ws, 0, 1, money_unit_name(c->input_unit), NULL);
    lxw_row_t row = 1;
    for (int i = 0; DATASHEET_FILES[i] && e == LXW_NO_ERROR; i++) {
        if (!text[i])
            continue;
        const char *s = text[i];
        while (*s && e == LXW_NO_ERROR) {
            const char *nl = strchr(s, '\n');
            size_t n = nl ? (size_t)(nl - s) : strlen(s);
            size_t k = n;
            if (k && s[k - 1] == '\r')
                k--;
            e = worksheet_write_string(ws, row, 0, DATASHEET_FILES[i], NULL);
            if (e == LXW_NO_ERROR && k)
                e = worksheet_write_string(ws, row, 1, arena_strndup(a, s, k), NULL);
            row++;
            s += n + (nl ? 1 : 0);
        }
    }
    return e;
}
