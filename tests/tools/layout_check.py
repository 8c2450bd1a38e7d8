#!/usr/bin/env python3
"""Page-break and title checks of a built PDF against `budgetgen tree` (issue 17).

Usage: layout_check.py BUDGETGEN CONFIG PDF CONTINUED
Prints one line per problem and exits 1 if there is any.  The expected
texts come from the document model (`budgetgen tree`), never from the PDF;
the PDF is read back page by page with pdftotext (plain reading order, whose
text blocks keep the lines of one table cell together), whitespace removed.

  cells     every body cell text of 6 characters or more that no heading,
            paragraph, title or header shares is found whole on one page, or
            cut once between two consecutive pages (a merged cell continued
            at a page break), as many times as the model has it; and its
            first 6 characters are found no more often than that (a merged
            cell cut and then printed again whole on the next page fails);
  continued every page a table runs on to after its first begins with
            CONTINUED (the template's `continued`, 续表);
  keep      a table's title is on the page of its first rows, and its first
            3 body rows (all of a shorter table) are on one page; no page
            ends with a heading;
  titles    every title line and table title printed over several lines is
            broken only at an allowed point: after a full-width separator
            (：，、；) or a closing mark, before an opening mark, or after 年
            that follows a year's digits (not before 度), never inside a run
            of Latin letters or digits.
"""
import re
import subprocess
import sys

PREFIX = 6
KEEP = 3


def squash(s):
    return re.sub(r'\s+', '', s)


def tree_blocks(binp, cfg):
    """(texts of non-table blocks, tables, title blocks) from budgetgen tree."""
    tree = subprocess.run([binp, 'tree', cfg], capture_output=True, text=True, check=True).stdout
    other, tables, titles, heads = [], [], [], []
    cur = None
    # a text holding '\n' runs on over tree lines: join them back
    joined = []
    for line in tree.split('\n'):
        if joined and not re.match(r'(\s|document |title|heading|para|label|item|table$|chart$|'
                                   r'page-break|cover|toc|$)', line):
            joined[-1] += '\n' + line
        else:
            joined.append(line)
    for line in joined:
        if line == 'table':
            cur = {'title': None, 'head': [], 'body': []}
            tables.append(cur)
            continue
        if cur is not None and line.startswith('  '):
            m = re.match(r'  title (.*)$', line)
            if m:
                cur['title'] = m.group(1)
                continue
            m = re.match(r'    (head|row) \d+[a-z ]*:(.*)$', line, re.S)
            if m:
                cells = []
                for c in m.group(2).split(' |')[1:]:
                    if c == '~':
                        cells.append(None)
                        continue
                    c = c[1:] if c.startswith(' ') else c
                    cells.append(re.sub(r' \{\d+x\d+\}$', '', c))
                cur['head' if m.group(1) == 'head' else 'body'].append(cells)
            continue
        cur = None
        m = re.match(r'  series ([^:]*): (.*)$', line)
        if m:  # a chart's categories and value labels are printed too
            other.append(m.group(1))
            for kv in m.group(2).split(' '):
                other.extend(kv.split('=', 1))
            continue
        m = re.match(r'heading \d+ \[([^\]]*)\] ?(.*)$', line)
        if m:
            heads.append(m.group(1) + m.group(2))
        m = re.match(r'(title|heading \d+ \[[^\]]*\]|para|label|item \[[^\]]*\]|item|cover \d+|toc) ?(.*)$', line)
        if m:
            other.append(m.group(2))
            if m.group(1) == 'title':
                titles.append(m.group(2))
    return other, tables, titles, heads


def pdf_pages(pdf, layout=False):
    n = int(re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', pdf], capture_output=True,
                                                         text=True).stdout).group(1))
    out = []
    for p in range(1, n + 1):
        args = ['pdftotext', '-q', '-f', str(p), '-l', str(p)] + (['-layout'] if layout else []) + [pdf, '-']
        out.append(subprocess.run(args, capture_output=True, text=True).stdout)
    return out


def count(hay, needle):
    return hay.count(needle) if needle else 0


def runs_on(pages, t, p, depth=0):
    """Is t printed from page p on: whole on page p, or a head of it on page p
    and the rest from page p + 1 on (a cell cut at a page break, perhaps over
    several pages)?"""
    if t in pages[p]:
        return True
    if depth > 8 or p + 1 >= len(pages):
        return False
    lo, hi = 0, len(t) - 1  # the longest head of t on page p
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if t[:mid] in pages[p]:
            lo = mid
        else:
            hi = mid - 1
    for i in range(lo, max(0, lo - 40), -1):
        if t[:i] in pages[p] and runs_on(pages, t[i:], p + 1, depth + 1):
            return True
    return False


def find_cell(pages, t):
    """[(page, split)] where t is printed: whole on a page, or cut between
    pages (split: its head on page, the rest on the next pages)."""
    found = []
    for p, s in enumerate(pages):
        found += [(p, False)] * s.count(t)
    if found:
        return found
    for p in range(len(pages) - 1):
        if t[:PREFIX] in pages[p] and runs_on(pages, t, p):
            found.append((p, True))
    return found


def allowed_break(prev, a, b):
    """May a title line end with characters prev, a and the next begin with b?"""
    latin = lambda c: c.isascii() and c.isalnum()
    if latin(a) and latin(b):
        return False
    if a in '：，、；:,;）)》」' or b in '（(《「':
        return True
    if a == '年' and prev.isdigit() and b != '度':
        return True  # after 2020年
    return False


def main():
    binp, cfg, pdf, cont = sys.argv[1:5]
    other, tables, titles, heads = tree_blocks(binp, cfg)
    pages = [squash(p) for p in pdf_pages(pdf)]
    lay_pages = pdf_pages(pdf, layout=True)
    problems = []
    other_sq = [squash(x) for x in other] + [squash(t['title'] or '') for t in tables]
    head_sq = [squash(c) for t in tables for r in t['head'] for c in r if c]
    body_sq = [squash(c) for t in tables for r in t['body'] for c in r if c]
    for ti, t in enumerate(tables):
        row_page = {}
        for r, row in enumerate(t['body']):
            for c in row:
                if not c:
                    continue
                s = squash(c)
                if len(s) < PREFIX or any(s[:PREFIX] in o for o in other_sq + head_sq):
                    continue
                if len(re.findall(r'[\u4e00-\u9fff]', s)) < 2:
                    continue  # amounts and codes: the text's sentences print them too
                multi = '\n' in c  # its lines may meet other cells' in reading order
                want = sum(count(b, s) for b in body_sq)
                want_prefix = sum(count(b, s[:PREFIX]) for b in body_sq)
                got = find_cell(pages, s)
                got_prefix = sum(p.count(s[:PREFIX]) for p in pages)
                if len(got) != want and not (multi and len(got) > want):
                    problems.append('cells: "%s" (table %s, row %d) printed %d times, the model has it %d'
                                    % (c, t['title'], r + 1, len(got), want))
                elif got_prefix > want_prefix and not multi:
                    problems.append('cells: the start of "%s" (table %s, row %d) printed %d times, '
                                    'the model has it %d: a cell cut and repeated'
                                    % (c, t['title'], r + 1, got_prefix, want_prefix))
                if want == 1 and len(got) == 1:
                    row_page.setdefault(r, got[0][0])
                    if got[0][1]:
                        row_page.setdefault(('end', r), got[0][0] + 1)
        if not row_page:
            continue
        rows = sorted(k for k in row_page if isinstance(k, int))
        first = min(row_page[r] for r in rows)
        last = max(v for v in row_page.values())
        k = min(KEEP, len(t['body']))
        # the table starts on the last page up to its first located row that
        # shows its title (the 目录 before it lists the title too)
        start = first
        if t['title']:
            at = [p for p in range(first + 1) if squash(t['title']) in pages[p]]
            if not at:
                problems.append('keep: table %s: no page up to %d shows its title' % (t['title'], first + 1))
            else:
                start = at[-1]
        # keep: the first rows on the page of the title
        for r in rows:
            if r < k and row_page[r] != start:
                problems.append('keep: table %s: row %d is on page %d, the table starts on page %d'
                                % (t['title'], r + 1, row_page[r] + 1, start + 1))
        # continued: every page after the first begins with the word
        if cont:
            for p in range(start + 1, last + 1):
                lines = [squash(x) for x in lay_pages[p].split('\n') if x.strip()]
                if not lines or lines[0] != squash(cont):
                    problems.append('continued: page %d continues table %s but begins with "%s", not %s'
                                    % (p + 1, t['title'], lines[0] if lines else '', cont))
    # titles: over several lines, broken at allowed points only
    for title in titles + [t['title'] for t in tables if t['title']]:
        s = squash(title)
        for lp in lay_pages:
            lines = [squash(x) for x in lp.split('\n')]
            for i in range(len(lines)):
                if not lines[i] or not s.startswith(lines[i]) or lines[i] == s:
                    continue
                acc, j, cuts = lines[i], i, []
                while len(acc) < len(s) and j + 1 < len(lines) and lines[j + 1] and s.startswith(acc + lines[j + 1]):
                    cuts.append(len(acc))
                    j += 1
                    acc += lines[j]
                if acc == s:
                    for c in cuts:
                        if not allowed_break(s[c - 2] if c >= 2 else '', s[c - 1], s[c]):
                            problems.append('titles: "%s" is broken between %s and %s'
                                            % (title, s[c - 1], s[c]))
    # headings: never the last line of a page (the footer aside)
    hs = {squash(h) for h in heads}
    for n, lp in enumerate(lay_pages):
        lines = [squash(x) for x in lp.split('\n') if x.strip()]
        if len(lines) >= 2 and re.fullmatch(r'第\d+页共\d+页', lines[-1]):
            lines = lines[:-1]
        if lines and lines[-1] in hs:
            problems.append('keep: heading %s is the last line of page %d' % (lines[-1], n + 1))
    for p in problems:
        print('%s: %s' % (cfg, p))
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
