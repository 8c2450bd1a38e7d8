/*
 * punct — half-width punctuation inside Chinese text, set full-width.
 * Stage: build (a last pass over the document model, so the PDF and the
 * workbook print the same text).  Input files typed or exported from PDF
 * often carry "," ";" ":" "(" ")" where Chinese typesetting wants "，" "；"
 * "：" "（" "）": 各县(市)区政府, 工作推进;出台.  The rule (docs/templates.md,
 * "Punctuation"):
 *   - , ; : ? ! become ， ； ： ？ ！ when the character just before or just
 *     after them is Chinese (a CJK ideograph, CJK or full-width punctuation,
 *     or one of ‘ ’ “ ” — …);
 *     "1,000", "10:30" and "GDP:" between Latin letters or digits stay;
 *   - a matched pair ( … ) becomes （ … ） when the character before "(" or
 *     after ")" is Chinese, or the text between them holds a Chinese
 *     character; an unmatched bracket stays as typed.
 * Amount, percentage and code cells are never touched.
 */
#ifndef GEN_PUNCT_H
#define GEN_PUNCT_H

#include "arena.h"
#include "doc.h"

/* s with the rule applied: s itself when nothing changes, else a copy in a. */
const char *punct_fullwidth(arena *a, const char *s);

/* Applies punct_fullwidth to every text of the document: titles, headings,
 * paragraphs, lines, list items and their numbers, table titles, unit lines,
 * notes, header cells and text-column body cells. */
void punct_doc(arena *a, doc *d);

#endif
