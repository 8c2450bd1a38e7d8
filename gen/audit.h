/*
 * audit — the self-audit of what people type (issue 14, point 7).
 * Stage: check, after check_budget.  Input: the typed texts of this year's
 * folder (duties.txt, overall_goal.txt, notes.txt, the 说明 of reasons.csv,
 * duty_goals.csv, glossary.csv, the text cells of the template's csv:
 * files) and a word list (templates/audit.txt: its sections say what each
 * word is for).  Output: warnings through diag, each at the file, line and
 * column of what was found, saying what to do:
 *   placeholders left in ("XX", "××", "某某", "待填写", "□" …);
 *   the template's instructions left in ("请填写", "示例：" …);
 *   another year where this year's is meant ("2020年部门预算" in 2021);
 *   a change of nothing ("增加0万元"); a share without % ("占76.23");
 *   an amount that contradicts the data's figure of that name
 *   ("“三公”经费65.95万元" when three_public.csv's 合计 is 66.00).
 * Columns: in a text file, the character of the line where the finding
 * starts; in a CSV cell, the cell's column (1 = A), as every CSV message.
 * The words are data: a region changes them without C.
 */
#ifndef GEN_AUDIT_H
#define GEN_AUDIT_H

#include "arena.h"
#include "config.h"
#include "data.h"
#include "diag.h"
#include "money.h"

typedef struct audit_words audit_words;

/* Parses the text of a word list (path names it in messages).  Reports an
 * unknown section, an entry outside a section and a [figures] entry that
 * names no figure as errors; returns NULL after any. */
audit_words *audit_words_parse(arena *a, diag *d, const char *path, const char *text);

/* Audits one typed text of b (the year's figures; its year is the budget
 * year).  pos: a text file's line, with pos.col the column of the text's
 * first character (cell 0); or a CSV cell's position (cell 1: every finding
 * is reported there).  figures: also compare amounts with b's figures.
 * Returns the number of findings. */
int audit_text(const audit_words *w, const budget *b, diag *d, const char *text, diag_pos pos,
               int cell, int figures);

/* 1 when typed, an amount typed with `decimals` digits after the point in
 * unit u, is exact rounded down or up to that many digits (the text may
 * round a figure either way, as tables do for 尾差); else 0. */
int audit_amount_matches(money exact, money typed, money_unit u, int decimals);

/* Reads the word list ([check] audit, else audit.txt in the template's
 * folder, else templates/audit.txt; none of them: no audit) and audits
 * every typed text of b.  Returns -1 after an error in the list (exit
 * status 2), else the number of findings. */
int audit_budget(arena *a, diag *d, const config *c, const budget *b);

#endif
