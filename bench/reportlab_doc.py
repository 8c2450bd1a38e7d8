#!/usr/bin/env python3
"""The benchmark document made the way many finance offices script it today:
ReportLab (Debian python3-reportlab) reading the same CSV and text files.

  bench/reportlab_doc.py input/cangzhou-2020 input/cangzhou-2019 OUT.pdf

Content as bench/peer.tpl lays it out with budgetgen: the title, the duties,
the “三公” table (with the change against last year), the overall goal, the
131-row 12-column performance table on landscape pages with its header
repeated, and the notes; A4, AR PL UMing CN for text and WenQuanYi Zen Hei
for headings (ReportLab embeds subsets), a page footer 第N页.  What it does
not do, as such scripts usually do not: check a single figure, merge the duty
and activity cells over their rows (ReportLab splits spans badly across
pages), keep CJK punctuation off line starts, print 共N页 (a second pass).
"""

import csv
import os
import subprocess
import sys

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                Paragraph, Spacer, Table, TableStyle)


def font_file(family):
    out = subprocess.run(["fc-match", "-f", "%{file}:%{index}", family], capture_output=True,
                         text=True, check=True).stdout
    path, index = out.rsplit(":", 1)
    return path, int(index or 0)


def register(name, family):
    path, index = font_file(family)
    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))


def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def lines(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [s.strip() for s in f if s.strip()]


def money(s):
    return float(s.replace(",", "")) if s.strip() else 0.0


def main():
    cur, prev, out = sys.argv[1], sys.argv[2], sys.argv[3]
    register("Song", "AR PL UMing CN")
    register("Hei", "WenQuanYi Zen Hei")
    body = ParagraphStyle("body", fontName="Song", fontSize=12, leading=20, firstLineIndent=24,
                          wordWrap="CJK")
    title = ParagraphStyle("title", fontName="Hei", fontSize=20, leading=30, alignment=TA_CENTER,
                           wordWrap="CJK")
    head = ParagraphStyle("head", fontName="Hei", fontSize=14, leading=22, spaceBefore=10,
                          spaceAfter=4, wordWrap="CJK")
    cell = ParagraphStyle("cell", fontName="Song", fontSize=7.5, leading=10, wordWrap="CJK")
    hcell = ParagraphStyle("hcell", parent=cell, fontName="Hei", alignment=TA_CENTER)
    tcell = ParagraphStyle("tcell", fontName="Song", fontSize=10.5, leading=14, wordWrap="CJK")

    summary = dict((r[0], r[1]) for r in rows(os.path.join(cur, "summary.csv"))[1:])
    department = "沧州经济开发区管理委员会"
    year = "2020"

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont("Song", 9)
        w = canvas._pagesize[0]
        canvas.drawCentredString(w / 2, 12 * mm, "第%d页" % doc.page)
        canvas.restoreState()

    doc = BaseDocTemplate(out, pagesize=A4, title=department + year + "年部门预算信息公开",
                          author=department, invariant=1)
    pw, ph = A4
    m = 25 * mm
    portrait = PageTemplate("portrait", [Frame(m, m, pw - 2 * m, ph - 2 * m, id="p")],
                            onPage=footer, pagesize=A4)
    lw, lh = landscape(A4)
    m2 = 15 * mm
    land = PageTemplate("landscape", [Frame(m2, m2, lw - 2 * m2, lh - 2 * m2, id="l")],
                        onPage=footer, pagesize=landscape(A4))
    doc.addPageTemplates([portrait, land])

    story = [Paragraph(department, title), Paragraph(year + "年部门预算信息公开说明", title),
             Spacer(1, 12), Paragraph("一、部门主要职责", head)]
    story += [Paragraph(p, body) for p in lines(os.path.join(cur, "duties.txt"))]

    # 三公: the table with the change against last year, computed here.
    story.append(Paragraph("二、财政拨款“三公”经费预算情况", head))
    tp = rows(os.path.join(cur, "three_public.csv"))
    tp_prev = dict((r[0], money(r[1])) for r in rows(os.path.join(prev, "three_public.csv"))[1:])
    data = [["项目", "合计", "同比下降", "资金来源", "", ""], ["", "", "", "一般预算", "基金预算", "财政专户"]]
    for r in tp[1:]:
        now, before = money(r[1]), tp_prev.get(r[0], 0.0)
        change = "%.1f%%" % ((before - now) / before * 100) if before else ""
        data.append([r[0], r[1], change] + [c for c in r[2:5]])
    t = Table([[Paragraph(c, tcell) for c in row] for row in data],
              colWidths=[45 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm], repeatRows=2)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (2, 1)),
        ("SPAN", (3, 0), (5, 0)), ("BACKGROUND", (0, 0), (-1, 1), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story += [Paragraph(year + "年“三公”经费预算情况表（单位：万元）", tcell), t]
    story.append(Paragraph("%s年，%s安排“三公”经费%s万元。" % (year, department, tp[-1][1]), body))

    story.append(Paragraph("三、绩效预算信息", head))
    story.append(Paragraph("总体绩效目标：", body))
    story += [Paragraph(p, body) for p in lines(os.path.join(cur, "overall_goal.txt"))]

    # The 131-row performance table, landscape, header repeated.
    perf = rows(os.path.join(cur, "performance.csv"))
    story += [NextPageTemplate("landscape"), PageBreak()]
    widths = [1, 2, 1.5, 1, 2, 1.5, 1, 1.5, 0.6, 0.6, 0.6, 0.6]
    unit = (lw - 2 * m2) / sum(widths)
    data = [[Paragraph(c, hcell) for c in perf[0]]]
    data += [[Paragraph(c, cell) for c in r] for r in perf[1:]]
    t = Table(data, colWidths=[w * unit for w in widths], repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story += [Paragraph(year + "年部门职责活动绩效目标表", head), t]
    story += [NextPageTemplate("portrait"), PageBreak(), Paragraph("四、其他需要说明的事项", head)]
    story += [Paragraph(p, body) for p in lines(os.path.join(cur, "notes.txt"))]
    doc.build(story)
    _ = summary


if __name__ == "__main__":
    main()
