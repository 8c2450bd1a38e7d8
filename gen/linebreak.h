/*
 * linebreak — breaks a paragraph of Chinese (and mixed Latin) text into
 * lines that fit a width.  Stage: layout.  Pure: it knows nothing of PDF;
 * widths come from a caller-supplied advance function.
 *
 * Rules (GB/T 15834 and common typesetting practice for 公文):
 *  - a break is allowed between any two CJK characters;
 *  - a run of Latin letters, digits and the characters that belong inside
 *    numbers or words ("72,899", "11.1%", "≥80%", "0.2亿" splits only after
 *    "0.2") is kept whole; spaces are break opportunities and are dropped at
 *    the end and start of a line;
 *  - no line starts with closing punctuation  ，。、；：？！）”’》」』】〕…%
 *    ,.;:?!)]} and no line ends with opening punctuation （“‘《「『【〔([{;
 *    a forbidden break moves the character with its neighbour to the next
 *    line (push-in is not used);
 *  - a run wider than a whole line is broken between code points (never
 *    inside a UTF-8 sequence).
 *  - '\n' in the text forces a line break.
 */
#ifndef GEN_LINEBREAK_H
#define GEN_LINEBREAK_H

#include <stddef.h>
#include <stdint.h>

/* Advance width of one code point, in the caller's units (e.g. 1/1000 em
 * times the font size).  ctx is passed through. */
typedef double (*lb_advance_fn)(void *ctx, uint32_t cp);

typedef struct lb_line {
    size_t start; /* byte offset into the text */
    size_t len;   /* bytes, trailing spaces and the '\n' excluded */
    double width; /* natural width of those bytes */
    int hard;     /* 1 if the line ends the paragraph or a '\n' (not justified) */
} lb_line;

/*
 * Breaks text (valid UTF-8, NUL-terminated) into lines: the first line may
 * be first_width wide (for a first-line indent), the others width.  Stores a
 * malloc'd array in *lines (the caller frees it) and returns the count
 * (at least 1, an empty text gives one empty line).
 */
size_t lb_break(const char *text, double first_width, double width, lb_advance_fn advance,
                void *ctx, lb_line **lines);

/*
 * Breaks a title, heading or 目录 entry into lines of at most first_width
 * (the first) and width (the others): as few breaks as
 * possible at points other than a title's own (after ：，、； or a closing
 * mark, before an opening mark, at a space, after the 年 of a year:
 * "附表：…2020年 / 部门预算公开表"), then as few lines as possible, then
 * the shortest longest line (balanced lines, not a full line and a stub).
 * Every break obeys the rules of lb_break(); '\n' forces a break.  If a
 * piece cannot be set within width without breaking inside a run, it is
 * lb_break()'s result.  Same contract as lb_break().
 */
size_t lb_break_title(const char *text, double first_width, double width, lb_advance_fn advance,
                      void *ctx, lb_line **lines);

/* Natural width of n bytes of text. */
double lb_measure(const char *text, size_t n, lb_advance_fn advance, void *ctx);

/* Widest unbreakable piece of text (a Latin/number run with its attached
 * punctuation, or one CJK character with its attached punctuation): the
 * narrowest width at which no piece has to be broken inside.  For choosing
 * table column widths. */
double lb_min_width(const char *text, lb_advance_fn advance, void *ctx);

#endif
