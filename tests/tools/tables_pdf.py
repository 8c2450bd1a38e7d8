#!/usr/bin/python3
"""Reads the printed tables of a PDF back, cell by cell, from the word
boxes of `pdftotext -bbox` (poppler).  Used by tables_check.py.

A table starts at the line that is its title and continues over the
following pages (their header repeated) until another title.  On each page
its columns are found from the header: every column's lowest header label
(e.g. 一般公共预算拨款收入, wrapped in the cell as 一般公共预 / 算拨款收入) is
searched as a vertical stack of centred words, and its centre taken.  A
word then belongs to the column its alignment puts it in: a centred code at
that column's centre; a right-aligned amount to the last column whose
centre lies left of the amount's right edge; left-aligned text to the first
column whose centre lies right of the text's left edge.  A line with a
code or an amount is a row; the lines of a wrapped cell above and below it
(within a line's height) belong to the nearest row.
"""
import html
import re
import subprocess

NUMERIC = re.compile(r'-?[\d,]+(?:\.\d+)?')
FOOTER = re.compile(r'第\d+页共\d+页')


class Word:
    __slots__ = ('x0', 'y0', 'x1', 'y1', 'text', 'page')

    def __init__(self, x0, y0, x1, y1, text, page):
        self.x0, self.y0, self.x1, self.y1, self.text, self.page = x0, y0, x1, y1, text, page

    @property
    def xc(self):
        return (self.x0 + self.x1) / 2

    @property
    def yc(self):
        return (self.y0 + self.y1) / 2

    @property
    def h(self):
        return self.y1 - self.y0


def read_words(pdf):
    """[[Word, ...] per page] from pdftotext -bbox."""
    out = subprocess.run(['pdftotext', '-bbox', pdf, '-'], capture_output=True, check=True).stdout
    text = out.decode('utf-8')
    pages = []
    for pm in re.finditer(r'<page[^>]*>(.*?)</page>', text, re.S):
        words = []
        for wm in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                              r'yMax="([\d.]+)">(.*?)</word>', pm.group(1), re.S):
            words.append(Word(float(wm.group(1)), float(wm.group(2)), float(wm.group(3)),
                              float(wm.group(4)), html.unescape(wm.group(5)), len(pages) + 1))
        pages.append(words)
    return pages


def lines_of(words):
    """Words grouped into lines (by vertical centre), top to bottom."""
    lines = []
    for w in sorted(words, key=lambda w: (w.yc, w.x0)):
        if lines and abs(lines[-1][0].yc - w.yc) <= 2.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def line_text(line):
    return ''.join(w.text for w in line)


class TableError(Exception):
    pass


def segments(pages, titles):
    """{table id: [[line, ...] per page]} — the lines after each title
    (titles: {text: id}), page by page, without page footers."""
    out = {}
    cur = None
    for words in pages:
        first_on_page = True
        for line in lines_of(words):
            t = line_text(line)
            if t in titles:
                cur = titles[t]
                out.setdefault(cur, []).append([])
                first_on_page = False
                continue
            if FOOTER.fullmatch(t) or cur is None:
                continue
            if first_on_page:
                out[cur].append([])  # a continuation page
                first_on_page = False
            out[cur][-1].append(line)
    return out


def find_labels(lines, labels):
    """The centre x and bottom y of each column's header label, searched in
    the lines above the first line with a number (codes and amounts are
    numbers; header labels never are).  Equal labels (项目 | 预算数 twice)
    are matched left to right."""
    head = []
    for line in lines:
        if any(NUMERIC.fullmatch(w.text) for w in line):
            break
        head.extend(line)
    found = {}
    for label in set(labels):
        matches = []
        for w in head:
            if not label.startswith(w.text):
                continue
            s, cur, stack = w.text, w, [w]
            while s != label:
                below = [u for u in head if u.y0 > cur.y0 + cur.h / 2 and abs(u.xc - w.xc) <= 4
                         and label.startswith(s + u.text)]
                if not below:
                    break
                cur = min(below, key=lambda u: u.y0)
                s += cur.text
                stack.append(cur)
            if s == label:
                matches.append((w.xc, max(u.y1 for u in stack)))
        found[label] = sorted(matches)
    centres, bottom = [], 0.0
    used = {}
    for c, label in enumerate(labels):
        i = used.get(label, 0)
        used[label] = i + 1
        if i >= len(found[label]):
            raise TableError('header label %s not found (page %s)'
                             % (label, lines[0][0].page if lines else '?'))
        x, y = found[label][i]
        centres.append(x)
        bottom = max(bottom, y)
    return centres, bottom


def column_of(w, centres, aligns):
    """The column a word belongs to, by its column's alignment; None if none."""
    numeric = NUMERIC.fullmatch(w.text) is not None
    best = min(range(len(centres)), key=lambda k: abs(centres[k] - w.xc))
    if aligns[best] == 'center' and abs(centres[best] - w.xc) <= 3:
        return best
    right = [k for k in range(len(centres)) if centres[k] < w.x1]
    left = [k for k in range(len(centres)) if centres[k] > w.x0]
    order = [('right', right[-1] if right else None), ('left', left[0] if left else None)]
    if not numeric:
        order.reverse()
    for align, k in order:
        if k is not None and aligns[k] == align:
            return k
    return None


def read_table(segs, table):
    """The rows of one table: a list of {column key: printed text}, in order,
    plus the text lines that belong to no row (e.g. an empty table's note)."""
    labels = table.leaf_labels()
    keys = [c.key for c in table.cols]
    aligns = [c.align for c in table.cols]
    rows, loose = [], []
    for lines in segs:
        if not lines:
            continue
        centres, bottom = find_labels(lines, labels)
        body = [ln for ln in lines if min(w.yc for w in ln) > bottom]
        data = [ln for ln in body if any(NUMERIC.fullmatch(w.text) for w in ln)]
        cells = [dict() for _ in data]  # per row: column -> [words]
        for ln in body:
            if ln in data:
                target = data.index(ln)
            else:
                near = [(abs(d[0].yc - ln[0].yc), i) for i, d in enumerate(data)]
                if not near or min(near)[0] > 1.3 * ln[0].h:
                    loose.append(line_text(ln))
                    continue
                target = min(near)[1]
            for w in ln:
                k = column_of(w, centres, aligns)
                if k is None:
                    raise TableError('%s: page %d: "%s" at x %.1f–%.1f is in no column'
                                     % (table.id, w.page, w.text, w.x0, w.x1))
                cells[target].setdefault(k, []).append(w)
        for cell in cells:
            row = {}
            for k, key in enumerate(keys):
                ws = sorted(cell.get(k, []), key=lambda w: (w.yc, w.x0))
                row[key] = ''.join(w.text for w in ws)
            rows.append(row)
    return rows, loose


def read_tables(pdf, titles, tables):
    """{table id: (rows, loose lines)} for the tables whose title is found.
    titles: {title text: table id}; tables: {table id: tables_oracle.Table}."""
    segs = segments(read_words(pdf), titles)
    # a title the oracle does not know (a table it does not check) only
    # ends the table before it
    return {tid: read_table(s, tables[tid]) for tid, s in segs.items() if tid in tables}
