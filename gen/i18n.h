/*
 * i18n — the language of budgetgen's messages (GNU gettext, domain
 * "budgetgen", catalogue po/zh_CN.po).  English is the source language;
 * Chinese (zh_CN) is chosen by the locale (LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG), by the option --lang=zh|en, or by the config key
 * [document] language = zh|en (the option wins).  Under C, POSIX or C.UTF-8
 * with no override the messages are English, as Debian's tools do.  Only
 * LC_MESSAGES and LC_CTYPE are set from the environment: numbers are
 * formatted the same in every language (LC_NUMERIC stays "C").
 * See docs/messages.md.
 */
#ifndef GEN_I18N_H
#define GEN_I18N_H

#include "diag.h"

/* The translation of a message (msgid itself in English).  A literal
 * marked N_ is extracted by xgettext but translated later, where used. */
#define _(s) i18n_text(s)
#define N_(s) (s)

typedef enum i18n_lang { I18N_EN, I18N_ZH } i18n_lang;

/* Chooses the language from the environment and binds the catalogue:
 * beside the binary (BINDIR/locale, as `make` builds it) when there, else
 * the installed LOCALEDIR.  argv0 is the program's argv[0]. */
void i18n_init(const char *argv0);

/* "zh" or "en" → its language; -1 for anything else. */
int i18n_parse(const char *name);

/* Looks for --lang=zh|en (or --lang zh|en) anywhere before "--" in argv,
 * before any other option is read, so that every message of the run is in
 * that language; applies it with i18n_set_option.  Returns 0, or -1 after
 * printing why the value is wrong. */
int i18n_options(int argc, char **argv);

/* --lang: fixes the language for the whole run (a config key no longer
 * changes it). */
void i18n_set_option(i18n_lang lang);

/* [document] language = text at pos (text NULL when absent): checked
 * (zh or en, else an error at pos) and applied unless --lang was given. */
void i18n_set_config(diag *d, const char *text, diag_pos pos);

i18n_lang i18n_current(void);

/* The translation of msgid in the current language. */
const char *i18n_text(const char *msgid) __attribute__((format_arg(1)));

/* The same, choosing by n between a singular and a plural form. */
const char *i18n_ntext(const char *msgid, const char *plural, unsigned long n)
    __attribute__((format_arg(1))) __attribute__((format_arg(2)));

#endif
