/*
 * build_toc — the front matter and the outline of the document model.
 * Stage: build.  Input: the template's cover lines and toc statement, and
 * the blocks build.c made.  Output: DOC_COVER and DOC_TOC blocks, and the
 * bookmark flags of title lines (docs/templates.md, "Cover, 目录 and
 * bookmarks").
 *
 * The 目录 and the PDF outline are one list (layout.c makes both from the
 * blocks' bookmarks): every heading and subheading, every table and chart
 * title, and the title lines that open a part of their own.  A run of
 * title lines opens a part when no heading follows it before the next
 * title: the 附表 line before the national tables, or the title of a
 * document made of a table or a list alone (目标责任书, 重点任务责任分解表).
 * It becomes a top-level entry, its lines joined, and the tables after it
 * nest under it, not under the last heading.  A title followed by headings
 * (the document's own title) is no entry: the headings are the top level.
 */
#include "build_priv.h"

#include <string.h>

void bld_front(builder *b, const tmpl_stmt *st)
{
    doc_block *blk = doc_add(b->a, b->doc, st->kind == T_TOC ? DOC_TOC : DOC_COVER);
    blk->text = bld_expand(b, st->arg, NULL);
    blk->level = st->kind == T_COVER && !strcmp(st->arg2, "line") ? 2 : 1;
    blk->src = template_pos(b->t, st->line, 0);
}

void bld_outline(doc *dm)
{
    size_t i = 0;
    while (i < dm->n) {
        if (dm->blocks[i].kind != DOC_TITLE) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < dm->n && dm->blocks[j].kind == DOC_TITLE)
            j++;
        int heading = 0;
        for (size_t k = j; k < dm->n && dm->blocks[k].kind != DOC_TITLE && !heading; k++)
            heading = dm->blocks[k].kind == DOC_HEADING;
        dm->blocks[i].bookmark = !heading;
        i = j;
    }
}
