/*
 * config — the INI file that describes one department's disclosure.
 * Stage: load.  Input: the path of an INI file (UTF-8).  Output: a typed
 * config in the arena.  Unknown sections and keys, bad values and missing
 * required keys are errors naming the line: a typo must never be ignored.
 * Relative paths in the file are taken relative to the current directory
 * (run budgetgen from the project folder), as in the shipped examples, and
 * every path the file names must lead to a place under the project folder
 * (config_check_paths, paths.h).
 */
#ifndef GEN_CONFIG_H
#define GEN_CONFIG_H

#include "arena.h"
#include "diag.h"
#include "money.h"
#include "paths.h"

#include <stdio.h>

typedef struct config_value {
    const char *text; /* NULL when the key is absent */
    diag_pos pos;     /* where it was set */
} config_value;

/* [document] kind: the document kinds (决算: js_*.c, docs/juesuan.md). */
enum { DOC_KIND_YUSUAN, DOC_KIND_JUESUAN };

/* The kind's name as documents, the index and the open data print it:
 * 预算 or 决算. */
const char *config_kind_name(int kind);

typedef struct config {
    const char *path;
    const paths_root *root; /* the project folder every path below must lie
                               under (set by the caller; NULL: no limit) */

    /* [document] */
    const char *department; /* 部门名称 */
    const char *region;     /* 地区 */
    int year;               /* 预算年度 */
    const char *template_path;
    const char *profile;     /* [document] profile, or the default national; NULL
                                when template is given */
    const char *profile_dir; /* its folder: templates/profiles/NAME or the path given */
    diag_pos profile_pos;
    const char *author;     /* PDF metadata; default: the department */
    int kind;               /* DOC_KIND_YUSUAN (预算) or DOC_KIND_JUESUAN (决算) */
    diag_pos template_pos;

    /* [units] */
    /* The unit of the tables and charts (a template's `units tables` and a
     * table's own `units` line override it: template_apply_units()) and of
     * the text ([units] text_unit, `units text`); both 万元 or 元. */
    money_unit unit;
    money_unit text_unit;
    int decimals;          /* digits after the point in tables and text */
    diag_pos decimals_pos, text_decimals_pos; /* the keys' lines, when given */
    int decimals_set, text_decimals_set;
    int thousands;         /* 1: 72,899 */
    int percent_decimals;  /* digits of percentages (default 1) */
    int percent_trim;      /* 1: "2.0%" is written "2%" */
    int trim;              /* 1: tables drop trailing zeros: 29.00 → 29, 0.50 → 0.5 */
    /* The text's own amount format ([units] text_decimals, text_trim,
     * text_thousands); text_own 0: the text is written like the tables
     * (but in text_unit). */
    int text_own;
    int text_decimals, text_trim, text_thousands;

    /* [input] */
    money_unit input_unit; /* the unit the CSV files are typed in (default: unit) */
    int input_unit_set;    /* 1: [input] unit is given */
    const char *input_dir;
    diag_pos input_pos;
    const char *budget_dir;   /* 决算: the year's 预算 folder, or NULL */
    diag_pos budget_pos;
    const char *previous_dir; /* NULL: no comparison with last year */
    diag_pos previous_pos;
    int previous_year;        /* default year - 1 */
    int n_earlier;            /* [input] earlier: folders of the years before */
    const char *earlier[8];   /* previous_year - 1, - 2, … in that order */
    diag_pos earlier_pos;
    const char *function_codes; /* code list files (templates/codes/) */
    const char *economic_codes;
    diag_pos function_codes_pos, economic_codes_pos;
    /* last year's code lists (default: this year's) */
    const char *previous_function_codes, *previous_economic_codes;
    diag_pos previous_function_codes_pos, previous_economic_codes_pos;

    /* [output] */
    const char *output_dir;
    diag_pos output_pos;    /* where [output] dir is set (line 0: the default) */
    int output_from_option; /* output_dir came from -o (config_set_output_dir) */
    const char *output_name; /* file name without extension */
    int want_pdf, want_xlsx;
    int want_data;          /* [output] data: the open-data files (render_data.h) */
    diag_pos formats_pos;

    /* [fonts]: the defaults, preference lists (fonts.h): the faces of
     * GB/T 9704 and of most offices first, then free faces (Debian:
     * fonts-noto-cjk, fonts-arphic-ukai, fonts-arphic-uming). */
#define FONTS_TITLE                                                                    \
    "FZXiaoBiaoSong-B05S, 方正小标宋简体, 方正小标宋_GBK, Noto Serif CJK SC:bold, " \
    "AR PL UMing CN"
#define FONTS_HEADING "SimHei, 黑体, Noto Sans CJK SC, WenQuanYi Zen Hei"
#define FONTS_SUBHEADING "KaiTi, 楷体, 楷体_GB2312, KaiTi_GB2312, AR PL UKai CN, Noto Serif CJK SC:bold"
#define FONTS_BODY "FangSong, 仿宋, 仿宋_GB2312, FangSong_GB2312, Noto Serif CJK SC, AR PL UMing CN"
#define FONTS_TABLE "SimSun, 宋体, Noto Serif CJK SC, AR PL UMing CN"
#define FONTS_BOLD "SimHei, 黑体, Noto Serif CJK SC:bold, WenQuanYi Zen Hei"
    /* [fonts] */
    const char *font_body;
    const char *font_heading;
    diag_pos font_body_pos, font_heading_pos;
    /* The face of each layout role (LAY_FONT_*, layout.h), a preference
     * list as given or defaulted (config.c); line 0 in the position: the
     * default. */
    const char *font_role[6];
    diag_pos font_role_pos[6];
    /* [fonts] figures: the face of the figures of table cells and
     * paragraphs (layout_figures.c); NULL: the face around them. */
    const char *font_figures;
    diag_pos font_figures_pos;

    /* [check] */
    int reason_threshold; /* a change over this many percent needs a stated
                             reason (reasons.csv); 0: no such check */
    int js_reason_threshold; /* 决算 vs 年初预算, percent (0: off) */
    const char *audit_path; /* word list of the self-audit (audit.c); NULL: the default */
    diag_pos audit_pos;

    /* [limits] */
    long max_rows;      /* per CSV file */
    long max_cell;      /* bytes per CSV cell */
    long max_pages;     /* of the PDF */
} config;

/*
 * Reads and validates path.  Returns NULL after reporting every problem
 * found (not just the first) through d.  All memory is in a.
 */
config *config_load(arena *a, diag *d, const char *path);

/* Checks that the input folders, the template and the code lists exist,
 * reporting each at its config line (a typo is reported where it was made,
 * not as a missing data file), and, when c->root is set, that each of them
 * and the output folder lead to a place under it (paths_confine).  An
 * output folder given with -o is the operator's and not checked.  Returns
 * 0 or -1. */
int config_check_paths(const config *c, diag *d);

/* Replaces [output] dir with a folder given on the command line (-o). */
void config_set_output_dir(config *c, const char *dir);

/* How messages name the output folder: `dir = "output"` (at its line),
 * `[output] dir = "output" (the default)` or `-o "DIR"`, in the arena. */
const char *config_output_what(arena *a, const config *c);

/* Parses a --format value ("pdf", "xlsx", "pdf,xlsx") into the config.
 * Returns 0, or -1 if a name is unknown. */
int config_set_formats(config *c, const char *list);

/* The units a template gives (docs/templates.md, "units"): tables and
 * text are a money_unit, or -1 where the template does not say; at is the
 * template line, for messages.  A unit that cannot show the configured
 * decimals (元 holds 2) is an error; text_decimals given by default then
 * follows the unit.  Returns 0, or -1 after reporting. */
int config_set_units(config *c, diag *d, int tables, diag_pos tables_at, int text,
                     diag_pos text_at);

/* Whether amounts in unit u can show [units] decimals (元 holds 2); else
 * reports "WHAT 元: …" at `at` and returns -1. */
int config_check_unit(const config *c, diag *d, money_unit u, diag_pos at, const char *what);

/* Prints every section and key with its meaning (for --help). */
void config_print_keys(FILE *out);

/* The key that sets the unit amounts are read in, for messages:
 * "[input] unit" when given, else "[units] unit". */
const char *config_input_unit_key(const config *c);

#endif
