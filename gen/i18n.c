/*
 * i18n — message language and catalogue (see i18n.h and docs/messages.md).
 *
 * gettext finds the Chinese catalogue through LANGUAGE=zh_CN, which glibc
 * honours whenever LC_MESSAGES is not "C": so Chinese works whether or not
 * the zh_CN.UTF-8 locale is installed (under C or POSIX, LC_MESSAGES is
 * switched to the built-in C.UTF-8 first).  English never asks gettext.
 */
#include "i18n.h"

#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
#define DOMAIN "budgetgen"

static i18n_lang current = I18N_EN;
static int from_option;

/* A locale name: Chinese if it starts with "zh"; -1 for C/POSIX (no
 * language), 0 for anything else. */
static int zh_name(const char *s)
{
    if (!s || !*s)
        return -2; /* not set: look further */
    if (!strcmp(s, "C") || !strcmp(s, "POSIX") || !strncmp(s, "C.", 2))
        return -1;
    return !strncmp(s, "zh", 2) ? 1 : 0;
}

static void apply(i18n_lang lang)
{
    current = lang;
    if (lang == I18N_ZH) {
        const char *m = setlocale(LC_MESSAGES, NULL);
        if (!m || !strcmp(m, "C") || !strcmp(m, "POSIX"))
            setlocale(LC_MESSAGES, "C.UTF-8");
        setenv("LANGUAGE", "zh_CN", 1);
    } else {
        /* strerror() and other libc texts in English too */
        setenv("LANGUAGE", "en", 1);
    }
    textdomain(DOMAIN); /* drops gettext's cache of the previous choice */
}

void i18n_init(const char *argv0)
{
    setlocale(LC_CTYPE, "");
    setlocale(LC_MESSAGES, "");
    /* The locale in force for messages, as setlocale read it. */
    int z = zh_name(getenv("LC_ALL"));
    if (z == -2)
        z = zh_name(getenv("LC_MESSAGES"));
    if (z == -2)
        z = zh_name(getenv("LANG"));
    if (z >= 0) { /* a real locale: LANGUAGE's first entry, if any, wins */
        const char *l = getenv("LANGUAGE");
        if (l && *l)
            z = !strncmp(l, "zh", 2);
    }
    /* The catalogue beside the binary (build/<variant>/locale), else the
     * installed one. */
    char exe[PATH_MAX], dir[PATH_MAX + 64];
    const char *bind = LOCALEDIR;
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    (void)argv0;
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            struct stat sb;
            snprintf(dir, sizeof dir, "%s/locale/zh_CN/LC_MESSAGES/" DOMAIN ".mo", exe);
            if (stat(dir, &sb) == 0) {
                snprintf(dir, sizeof dir, "%s/locale", exe);
                bind = dir;
            }
        }
    }
    bindtextdomain(DOMAIN, bind);
    bind_textdomain_codeset(DOMAIN, "UTF-8");
    apply(z == 1 ? I18N_ZH : I18N_EN);
}

int i18n_parse(const char *name)
{
    if (!name)
        return -1;
    if (!strcmp(name, "zh"))
        return I18N_ZH;
    if (!strcmp(name, "en"))
        return I18N_EN;
    return -1;
}

void i18n_set_option(i18n_lang lang)
{
    from_option = 1;
    apply(lang);
}

void i18n_set_config(diag *d, const char *text, diag_pos pos)
{
    if (!text)
        return;
    int l = i18n_parse(text);
    if (l < 0) {
        diag_report(d, DIAG_ERROR, pos, "language = \"%s\": expected zh (中文) or en (English)",
                    text);
        return;
    }
    if (!from_option && (i18n_lang)l != current)
        apply((i18n_lang)l);
}

int i18n_options(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *v = NULL;
        if (!strcmp(argv[i], "--"))
            break;
        if (!strncmp(argv[i], "--lang=", 7))
            v = argv[i] + 7;
        else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
            v = argv[i + 1];
        else
            continue;
        int l = i18n_parse(v);
        if (l < 0) {
            fprintf(stderr, _("budgetgen: --lang=%s: expected zh (中文) or en (English)\n"), v);
            return -1;
        }
        i18n_set_option((i18n_lang)l);
    }
    return 0;
}

i18n_lang i18n_current(void)
{
    return current;
}

const char *i18n_text(const char *msgid)
{
    if (current == I18N_EN || !msgid || !*msgid)
        return msgid;
    return dgettext(DOMAIN, msgid);
}

const char *i18n_ntext(const char *msgid, const char *plural, unsigned long n)
{
    if (current == I18N_EN)
        return n == 1 ? msgid : plural;
    return dngettext(DOMAIN, msgid, plural, n);
}
