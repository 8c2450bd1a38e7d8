/*
 * diag — formatting and counting of diagnostics (see diag.h).
 */
#include "diag.h"

#include "i18n.h"

#include <stdarg.h>
#include <string.h>

void diag_init(diag *d, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->out = out;
}

diag_pos diag_at(const char *file, int line, int col)
{
    diag_pos p = {file, line, col};
    return p;
}

void diag_report(diag *d, diag_level level, diag_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, level, pos, fmt, ap);
    va_end(ap);
}

void diag_vreport(diag *d, diag_level level, diag_pos pos, const char *fmt, va_list ap)
{
    if (level == DIAG_WARNING && d->strict)
        level = DIAG_ERROR;
    if (level == DIAG_NOTE && d->quiet)
        return;
    if (level == DIAG_ERROR)
        d->errors++;
    else if (level == DIAG_WARNING)
        d->warnings++;
    if (!d->out)
        return;
    if (pos.file) {
        fputs(pos.file, d->out);
        if (pos.line > 0) {
            fprintf(d->out, ":%d", pos.line);
            if (pos.col > 0)
                fprintf(d->out, ":%d", pos.col);
        }
        fputs(": ", d->out);
    } else {
        fputs("budgetgen: ", d->out);
    }
    /* The message in the run's language (i18n.h): every diag_report call
     * site is translated here, at the one funnel. */
    fputs(level == DIAG_ERROR     ? _("error: ")
          : level == DIAG_WARNING ? _("warning: ")
                                  : _("note: "),
          d->out);
    vfprintf(d->out, _(fmt), ap);
    fputc('\n', d->out);
}

void diag_syserr(diag *d, const char *what, const char *path, int err)
{
    d->errors++;
    if (d->out)
        fprintf(d->out, _("budgetgen: error: %s '%s': %s\n"), _(what), path, strerror(err));
}
