#!/usr/bin/python3
"""End-to-end checks of the other shapes of performance-target table
(docs/performance-targets.md): what budgetgen built from the samples, against
the input CSV files only — never against budgetgen's own output.  Run by
tests/e2e_shapes.sh with Debian's /usr/bin/python3 (openpyxl, pdftotext).

usage: shapes_check.py renwu   TASKS.CSV PDF XLSX
       shapes_check.py mubiao  TARGETS.CSV PDF XLSX
       shapes_check.py zeren   TASKS.CSV PDF
       shapes_check.py zeren-bad  TASKS.CSV CHANGED.CSV STDERR
       shapes_check.py zeren-heading  TASKS.CSV CHANGED.CSV STDERR
       shapes_check.py xiangmu PROJECTS.CSV PDF XLSX
       shapes_check.py jianshe PERFORMANCE.CSV ACTUALS.CSV XLSX

Prints one line per check, "ok NAME" or "FAIL NAME: message" (a failed
check may add "FAIL NAME:   detail" lines); the shell script turns each
name into one pass or fail.  Exits 1 if any check failed, 2 on a crash.

renwu (重点任务责任分解表, seed 003):
  renwu-pdf-cells     every 工作标准 cell is in the PDF text, in order;
  renwu-pdf-targets   序号 and 目标名称 of each target are printed on every
                      page its sub-items are on;
  renwu-xlsx-sheets   the workbook has one sheet;
  renwu-xlsx-cells    column 工作标准 equals the CSV's, row by row, and
                      序号/目标名称 head each target's span;
  renwu-xlsx-merged   the merged ranges of 序号 and 目标名称 are exactly each
                      target's sub-item rows (blank continuation cells).
mubiao (a numbered list, seed 002):
  mubiao-pdf-items    every "N. 目标任务（牵头单位：…；责任单位：…）", in order
                      (without "；责任单位：…" where the CSV has none, as seed 002).
  mubiao-xlsx-items   the same items, one row each, on the workbook's sheet.
zeren (目标责任书, seed 000):
  zeren-pdf-tasks     every 类别 and 工作任务 cell, in order;
  zeren-pdf-quarters  every 目标及质量要求 and quarter cell, in order.
zeren-bad (one （N分） changed in a copy):
  zeren-bad-message   stderr names the changed file, the cell's line and
                      column, the quarter, the points it now carries and 分值.
zeren-heading (an item under 分季度（9分）： changed in a copy):
  zeren-heading-message  exactly one error, at the changed 目标及质量要求 cell.
xiangmu (项目支出绩效目标表):
  xiangmu-xlsx-amounts     年度资金总额, 其中财政拨款, 其他资金 are numbers equal
                           to the CSV's, on each project's first row;
  xiangmu-xlsx-merged      the project cells (项目名称 … 年度绩效目标) are merged
                           over each project's rows, and nothing else there;
  xiangmu-xlsx-indicators  一级指标 and 二级指标 are merged over their groups;
  xiangmu-pdf-indicators   every 三级指标 followed by its 指标值, in order;
  xiangmu-pdf-amounts      each project's amounts printed as 2,850.00.
jianshe (self-evaluation, performance.csv + actuals.csv):
  jianshe-oracle           every threshold and actual value is of a form the
                           oracle grades (≥ ≤ ＞ ＜, plain value, %, units);
  jianshe-xlsx-graded      sheet 绩效目标及自评表: 绩效指标, 实际值 and 评价等级
                           of every row equal the recomputed ones;
  jianshe-xlsx-summary     sheet 绩效自评汇总: 指标数 and the counts per grade of
                           every duty and of 合计 equal the recomputed ones.
"""
import csv
import re
import subprocess
import sys
import traceback
from decimal import Decimal, InvalidOperation

import checklib  # the script's folder is on sys.path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree



class OracleError(Exception):
    pass


def run(name, fn, *args):
    """Runs one check; an exception is that check's failure."""
    checklib.run(name, fn, *args, errors=(OracleError, OSError))


# ---- inputs ----------------------------------------------------------------------

# Removed at both ends of every cell (docs/input.md, Rules for every CSV file).
SPACES = ' \t\u3000\u00a0'


def read_csv(path, expect_head=None):
    """(header, [(line, [cells])]): each record with the physical line it
    starts on (a quoted cell may hold line breaks), its cells trimmed."""
    with open(path, encoding='utf-8-sig', newline='') as f:
        rd = csv.reader(f)
        recs, prev = [], 0
        for cells in rd:
            recs.append((prev + 1, [c.strip(SPACES) for c in cells]))
            prev = rd.line_num
    head, body = recs[0][1], recs[1:]
    if expect_head is not None and head != expect_head:
        raise OracleError('%s: header %s, expected %s' % (path, head, expect_head))
    for line, cells in body:
        if len(cells) != len(head):
            raise OracleError('%s:%d: %d cells, header has %d' % (path, line, len(cells), len(head)))
    return head, body


def spans(rows, cols):
    """Per column index in COLS (the merge=blank columns, left to right):
    the [first, last] row index of each cell.  A blank cell continues the
    cell above; a column's cell also ends where a column to its left starts
    a new one (docs/performance-targets.md, 项目支出绩效目标表)."""
    out = {c: [] for c in cols}
    for i, row in enumerate(rows):
        new_left = False
        for c in cols:
            if i == 0 or row[c].strip() != '' or new_left:
                out[c].append([i, i])
                new_left = True
            else:
                out[c][-1][1] = i
    return out


def nows(s):
    return re.sub(r'\s+', '', s or '')


FOOTER = re.compile(r'第\d+页共\d+页')


def pdf_pages(pdf):
    """The text of each page (pdftotext -raw), whitespace removed."""
    p = subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True, text=True)
    if p.returncode != 0:
        raise OracleError('pdftotext %s exited %d: %s' % (pdf, p.returncode, p.stderr.strip()[-200:]))
    pages = [nows(t) for t in p.stdout.split('\f')]
    while pages and pages[-1] == '':
        pages.pop()
    return pages


def pdf_text(pdf):
    """The whole text, whitespace and page footers removed (so that an item
    broken by a page break reads as one)."""
    return FOOTER.sub('', ''.join(pdf_pages(pdf)))


def find_in_order(text, items, what):
    """Each (label, needle) found in TEXT after the previous one."""
    problems, pos = [], 0
    for label, needle in items:
        i = text.find(needle, pos)
        if i >= 0:
            pos = i + len(needle)
            continue
        if needle in text:
            problems.append('%s %s is in the PDF, but not after the one before it: %s'
                            % (what, label, needle[:40]))
        else:
            problems.append('%s %s is not in the PDF: %s' % (what, label, needle[:60]))
    return problems


def load_xlsx(path):
    import openpyxl
    return openpyxl.load_workbook(path)


def col_letter(c):
    from openpyxl.utils import get_column_letter
    return get_column_letter(c)


def body_start(ws, first_value, after=1):
    """The sheet row of the first CSV row: the first row at or below AFTER
    whose column A holds FIRST_VALUE."""
    for r in range(after, ws.max_row + 1):
        if ws.cell(r, 1).value == first_value:
            return r
    raise OracleError('sheet %s: no row starts with %r' % (ws.title, first_value))


def merged_in(ws, col, r0, r1):
    """Merged ranges touching column COL between rows R0 and R1."""
    return {str(m) for m in ws.merged_cells.ranges
            if m.min_col <= col <= m.max_col and m.max_row >= r0 and m.min_row <= r1}


def expected_merges(sp, col, r0):
    """Ranges for the multi-row spans SP of sheet column COL, body at R0."""
    L = col_letter(col)
    return {'%s%d:%s%d' % (L, r0 + a, L, r0 + b) for a, b in sp if b > a}


def compare_merges(ws, name, col, sp, r0, nrows):
    problems = []
    want = expected_merges(sp, col, r0)
    got = merged_in(ws, col, r0, r0 + nrows - 1)
    for m in sorted(want - got, key=lambda s: int(re.sub(r'\D', '', s.split(':')[0]))):
        problems.append('%s: %s is not merged (merged in that column: %s)'
                        % (name, m, ', '.join(sorted(got)) or 'none'))
    for m in sorted(got - want):
        problems.append('%s: %s is merged, the CSV has no such span' % (name, m))
    return problems


# ---- renwu -----------------------------------------------------------------------

RENWU_HEAD = ['序号', '目标名称', '工作标准', '区政府分管领导', '牵头单位', '参与单位']


def renwu_targets(rows):
    sp = spans(rows, [0, 1])
    return [(a, b, rows[a][0], rows[a][1]) for a, b in sp[1]], sp


def renwu_pdf_cells(recs, text):
    return find_in_order(text, [('工作标准 of tasks.csv line %d' % line, nows(r[2])) for line, r in recs],
                         'renwu')


def renwu_pdf_targets(rows, pages):
    targets, _ = renwu_targets(rows)
    problems = []
    for a, b, no, name in targets:
        on = set()
        for i in range(a, b + 1):
            w = nows(rows[i][2])
            full = [p for p, t in enumerate(pages) if w in t]
            # a cell broken by a page break: the pages of its two ends
            on.update(full or [p for p, t in enumerate(pages) if w[:12] in t or w[-12:] in t])
        if not on:
            problems.append('target %s %s: none of its 工作标准 cells is in the PDF' % (no, name))
            continue
        # a merged cell is printed once (issue 17): on the page of its first
        # row, and not again on the pages its other rows run on to
        first = min(on)
        if nows(no) + nows(name) not in pages[first]:
            problems.append('target %s %s has its first rows on page %d, which does not show %s%s'
                            % (no, name, first + 1, no, name))
        again = [p + 1 for p in sorted(on) if p != first and nows(name) in pages[p]]
        if again:
            problems.append('target %s %s is printed again on page %s'
                            % (no, name, ', '.join(map(str, again))))
    return problems


def renwu_xlsx_sheets(wb):
    # budgetgen-data: the hidden sheet of the input rows (docs/import.md)
    names = [n for n in wb.sheetnames if n != 'budgetgen-data']
    if len(names) != 1:
        return ['%d sheets, expected 1: %s' % (len(names), ', '.join(names))]
    return []


def renwu_xlsx_cells(recs, ws):
    rows = [c for _, c in recs]
    problems = []
    r0 = body_start(ws, rows[0][0], 2)
    n = ws.max_row - r0 + 1
    if n != len(rows):
        problems.append('%s: %d body rows, the CSV has %d' % (ws.title, n, len(rows)))
    for i, row in enumerate(rows):
        r = r0 + i
        got = ws.cell(r, 3).value
        if got != row[2]:
            problems.append('%s!C%d: 工作标准 %r, CSV line %d has %r'
                            % (ws.title, r, (got or '')[:30], recs[i][0], row[2][:30]))
    targets, _ = renwu_targets(rows)
    for a, b, no, name in targets:
        for c, want in ((1, no), (2, name)):
            got = ws.cell(r0 + a, c).value
            if (got or '') != want:
                problems.append('%s!%s%d: %r, expected %r (first row of target %s)'
                                % (ws.title, col_letter(c), r0 + a, got, want, no))
            for r in range(r0 + a + 1, r0 + b + 1):
                if ws.cell(r, c).value not in (None, ''):
                    problems.append('%s!%s%d: %r inside the span of target %s'
                                    % (ws.title, col_letter(c), r, ws.cell(r, c).value, no))
    return problems


def renwu_xlsx_merged(rows, ws):
    _, sp = renwu_targets(rows)
    r0 = body_start(ws, rows[0][0], 2)
    return (compare_merges(ws, '序号', 1, sp[0], r0, len(rows))
            + compare_merges(ws, '目标名称', 2, sp[1], r0, len(rows)))


def cmd_renwu(csvp, pdf, xlsx):
    _, recs = read_csv(csvp, RENWU_HEAD)
    rows = [c for _, c in recs]
    pages = pdf_pages(pdf)
    run('renwu-pdf-cells', renwu_pdf_cells, recs, FOOTER.sub('', ''.join(pages)))
    run('renwu-pdf-targets', renwu_pdf_targets, rows, pages)
    wb = load_xlsx(xlsx)
    run('renwu-xlsx-sheets', renwu_xlsx_sheets, wb)
    ws = wb.worksheets[0]
    run('renwu-xlsx-cells', renwu_xlsx_cells, recs, ws)
    run('renwu-xlsx-merged', renwu_xlsx_merged, rows, ws)


# ---- mubiao ----------------------------------------------------------------------

def mubiao_item(c):
    """The text of one target as seed 002 writes it: 责任单位 only if given."""
    _, task, lead, resp = c
    return checklib.fullwidth('%s（牵头单位：%s%s）' % (task, lead, '；责任单位：' + resp if resp else ''))


def cmd_mubiao(csvp, pdf, xlsx):
    _, recs = read_csv(csvp, ['序号', '目标任务', '牵头单位', '责任单位'])
    text = pdf_text(pdf)
    items = [('%s (line %d)' % (c[0], line), nows(c[0] + '.' + mubiao_item(c))) for line, c in recs]

    def check():
        p = find_in_order(text, items, 'item')
        if len(items) < 80:
            p.append('only %d items read from %s' % (len(items), csvp))
        return p
    run('mubiao-pdf-items', check)

    def xlsx_items():
        # One sheet: a title row, the header 序号 | 内容, then one row per
        # item, in order, with the same wording as the PDF.
        ws = load_xlsx(xlsx).worksheets[0]
        rows = [r for r in ws.iter_rows(values_only=True)]
        p = []
        if len(rows) < 2 or tuple(rows[1][:2]) != ('序号', '内容'):
            return ['no 序号 | 内容 header row: %r' % (rows[1:2],)]
        body = rows[2:]
        if len(body) != len(recs):
            p.append('%d item rows, %d in %s' % (len(body), len(recs), csvp))
        for (line, c), r in zip(recs, body):
            want_n, want_t = c[0] + '.', mubiao_item(c)
            if (str(r[0]), str(r[1])) != (want_n, want_t):
                p.append('line %d: sheet has %r | %r' % (line, r[0], (r[1] or '')[:30]))
                if len(p) > 5:
                    break
        return p
    run('mubiao-xlsx-items', xlsx_items)


# ---- zeren -----------------------------------------------------------------------

ZEREN_HEAD = ['类别', '工作任务', '分值', '目标及质量要求', '第一季度', '第二季度', '第三季度', '第四季度']


def cmd_zeren(csvp, pdf):
    _, recs = read_csv(csvp, ZEREN_HEAD)
    text = pdf_text(pdf)
    def cells(cols):
        return [('%s line %d' % (ZEREN_HEAD[c], line), nows(checklib.fullwidth(row[c])))
                for line, row in recs for c in cols if row[c]]
    run('zeren-pdf-tasks', find_in_order, text, cells([0, 1]), 'zeren')
    run('zeren-pdf-quarters', find_in_order, text, cells([3, 4, 5, 6, 7]), 'zeren')


POINTS = re.compile(r'[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]')


def points(text):
    """The （N分） of a cell; a cell that opens with a heading “…（N分）：” is
    worth the heading's N (docs/performance-targets.md, 目标责任书)."""
    found = list(POINTS.finditer(text))
    if found and text[found[0].end():found[0].end() + 1] in ('：', ':'):
        return Decimal(found[0].group(1))
    return sum((Decimal(m.group(1)) for m in found), Decimal(0))


def cmd_zeren_bad(orig, changed, stderr):
    _, a = read_csv(orig, ZEREN_HEAD)
    _, b = read_csv(changed, ZEREN_HEAD)

    def check():
        diff = [(lb, c, rb) for (la, ra), (lb, rb) in zip(a, b)
                for c in range(len(ZEREN_HEAD)) if ra[c] != rb[c]]
        if len(a) != len(b) or len(diff) != 1 or diff[0][1] < 4:
            return ['the changed copy must differ from %s in one quarter cell, it differs in %s'
                    % (orig, [(ln, ZEREN_HEAD[c]) for ln, c, _ in diff])]
        line, c, row = diff[0]
        carried = points(row[c]) + points(row[3])
        where = '%s:%d:%d: error: ' % (changed, line, c + 1)
        with open(stderr, encoding='utf-8') as f:
            err = f.read()
        hits = [s for s in err.splitlines() if s.startswith(where)]
        if not hits:
            return ['no error at %s… in: %s' % (where, err.strip().replace('\n', ' | ')[:300])]
        msg, problems = hits[0][len(where):], []
        for want in (ZEREN_HEAD[c], 'carries %s points' % carried.normalize(), '分值 is %s' % row[2]):
            if want not in msg:
                problems.append('the error at %s does not say %r: %s' % (where, want, msg))
        return problems
    run('zeren-bad-message', check)


def cmd_zeren_heading(orig, changed, stderr):
    """One item under the 分季度（N分）： heading of a shared 目标及质量要求
    cell changed: the items no longer add up to the heading.  That is one
    mistake in one cell, so one error at that cell, and no other (each
    quarter still carries the heading's points plus its own)."""
    _, a = read_csv(orig, ZEREN_HEAD)
    _, b = read_csv(changed, ZEREN_HEAD)

    def check():
        diff = [(lb, c, rb) for (la, ra), (lb, rb) in zip(a, b)
                for c in range(len(ZEREN_HEAD)) if ra[c] != rb[c]]
        if len(a) != len(b) or len(diff) != 1 or diff[0][1] != 3:
            return ['the changed copy must differ from %s in one 目标及质量要求 cell, it differs in %s'
                    % (orig, [(ln, ZEREN_HEAD[c]) for ln, c, _ in diff])]
        line, c, row = diff[0]
        marks = [Decimal(m.group(1)) for m in POINTS.finditer(row[c])]
        if len(marks) < 2 or marks[0] == sum(marks[1:]):
            return ['the changed cell at line %d must have a heading whose items do not add up' % line]
        where = '%s:%d:%d: error: ' % (changed, line, c + 1)
        with open(stderr, encoding='utf-8') as f:
            errors = [s for s in f.read().splitlines() if ': error: ' in s]
        problems = []
        at = [s for s in errors if s.startswith(where)]
        if not at:
            problems.append('no error at %s… (errors: %s)' % (where, ' | '.join(errors)[:300]))
        elif '目标及质量要求' not in at[0]:
            problems.append('the error at %s does not name 目标及质量要求: %s' % (where, at[0]))
        if len(errors) != 1:
            seen = {}
            for e in errors:
                e = e.replace(changed, 'tasks.csv')
                seen[e] = seen.get(e, 0) + 1
            problems.append('%d errors for one wrong cell, expected 1: %s'
                            % (len(errors), ' | '.join('%s%s' % ('%d times: ' % n if n > 1 else '', e)
                                                       for e, n in seen.items())[:400]))
        return problems
    run('zeren-heading-message', check)


# ---- xiangmu ---------------------------------------------------------------------

XM_HEAD = ['项目名称', '主管部门', '年度资金总额', '其中财政拨款', '其他资金', '年度绩效目标',
           '一级指标', '二级指标', '三级指标', '指标值']
XM_PROJECT = [0, 1, 2, 3, 4, 5]
XM_AMOUNTS = [2, 3, 4]


def fen(s, where):
    try:
        d = Decimal(s.replace(',', ''))
    except InvalidOperation:
        raise OracleError('%s: %r is not an amount' % (where, s))
    if d != d.quantize(Decimal('0.01')):
        raise OracleError('%s: %r has more than 2 decimals' % (where, s))
    return int(d * 100)


def show_fen(n):
    """2,850.00: 2 decimals, thousands separators (config/xiangmu-2021.ini)."""
    sign = '-' if n < 0 else ''
    n = abs(n)
    return '%s%s.%02d' % (sign, '{:,}'.format(n // 100), n % 100)


def xiangmu_projects(rows):
    sp = spans(rows, XM_PROJECT + [6, 7])
    return sp, sp[0]


def xm_amounts(rows, recs, ws, r0):
    problems = []
    sp, projects = xiangmu_projects(rows)
    for a, b in projects:
        for c in XM_AMOUNTS:
            where = '%s!%s%d' % (ws.title, col_letter(c + 1), r0 + a)
            want = fen(rows[a][c], 'projects.csv:%d:%d' % (recs[a][0], c + 1))
            v = ws.cell(r0 + a, c + 1).value
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                problems.append('%s: %s of %s is %r, not a number' % (where, XM_HEAD[c], rows[a][0], v))
            elif abs(v * 100 - want) > 1e-6:
                problems.append('%s: %s of %s is %r, the CSV says %s'
                                % (where, XM_HEAD[c], rows[a][0], v, rows[a][c]))
            for r in range(r0 + a + 1, r0 + b + 1):
                if ws.cell(r, c + 1).value not in (None, ''):
                    problems.append('%s!%s%d: %r inside the project %s'
                                    % (ws.title, col_letter(c + 1), r, ws.cell(r, c + 1).value, rows[a][0]))
    return problems


def xm_merged(rows, ws, r0, cols):
    sp = spans(rows, XM_PROJECT + [6, 7])
    problems = []
    for c in cols:
        problems += compare_merges(ws, XM_HEAD[c], c + 1, sp[c], r0, len(rows))
    return problems


def xm_pdf_indicators(rows, text):
    return find_in_order(text, [('%s / %s' % (r[0] or '…', r[8]), nows(r[8]) + nows(r[9])) for r in rows],
                         '三级指标+指标值')


def xm_pdf_amounts(rows, recs, text):
    _, projects = xiangmu_projects(rows)
    items = []
    for a, _ in projects:
        s = ''.join(show_fen(fen(rows[a][c], 'projects.csv:%d' % recs[a][0])) for c in XM_AMOUNTS)
        items.append(('amounts of %s' % rows[a][0], s))
    return find_in_order(text, items, 'xiangmu')


def cmd_xiangmu(csvp, pdf, xlsx):
    _, recs = read_csv(csvp, XM_HEAD)
    rows = [c for _, c in recs]
    wb = load_xlsx(xlsx)
    ws = wb.worksheets[0]
    r0 = body_start(ws, rows[0][0], 2)
    run('xiangmu-xlsx-amounts', xm_amounts, rows, recs, ws, r0)
    run('xiangmu-xlsx-merged', xm_merged, rows, ws, r0, XM_PROJECT)
    run('xiangmu-xlsx-indicators', xm_merged, rows, ws, r0, [6, 7])
    text = pdf_text(pdf)
    run('xiangmu-pdf-indicators', xm_pdf_indicators, rows, text)
    run('xiangmu-pdf-amounts', xm_pdf_amounts, rows, recs, text)


# ---- jianshe: self-evaluation ------------------------------------------------------

PERF_HEAD = ['职责名称', '职责描述', '职责目标', '活动名称', '活动描述', '绩效目标', '绩效指标', '指标描述',
             '优', '良', '中', '差']
GRADES = ['优', '良', '中', '差']
OPS = {'≥': '>=', '≤': '<=', '＞': '>', '＜': '<', '>': '>', '<': '<'}
NUM = re.compile(r'^([0-9]+(?:\.[0-9]+)?)(.*)$')
# % or a unit such as 次 人次 起 套 户 万元; not 左右, 以上, 以下, 以内, 之内, 及以上 …
UNIT = re.compile(r'^(%|(?:(?!左右|以|之|及|或|至)[\u4e00-\u9fff]){1,3})?$')


def parse_value(s, where):
    """A plain value: (Decimal, unit) — % or the unit typed after it."""
    m = NUM.match(s.strip())
    if not m or not UNIT.match(m.group(2)):
        raise OracleError('%s: %r is not a form the oracle reads' % (where, s))
    return Decimal(m.group(1)), m.group(2)


def parse_threshold(s, where):
    """(op, value, unit): ≥ ≤ ＞ ＜ then a value, or a plain value (=)."""
    s = s.strip()
    op = '='
    if s[:1] in OPS:
        op, s = OPS[s[0]], s[1:]
    v, u = parse_value(s, where)
    return op, v, u


def meets(v, op, t):
    return {'=': v == t, '>=': v >= t, '<=': v <= t, '>': v > t, '<': v < t}[op]


def grade_rows(perf, actuals):
    """[(duty, 绩效指标, 实际值 or None, grade)] in the order of
    performance.csv; grade: 优 良 中 差, 未评价 or None (no actual value)."""
    actual = {}
    for line, c in actuals:
        if c[0] in actual:
            raise OracleError('actuals.csv:%d: %s twice' % (line, c[0]))
        actual[c[0]] = c[1]
    out, duty = [], None
    for line, c in perf:
        if c[0].strip():
            duty = c[0]
        if not c[6].strip():
            continue
        thr = [parse_threshold(c[8 + i], 'performance.csv:%d:%d' % (line, 9 + i))
               for i in range(4) if c[8 + i].strip()]
        a = actual.get(c[6])
        if a is None:
            out.append((duty, c[6], None, None))
            continue
        v, u = parse_value(a, 'actuals.csv (%s)' % c[6]) if a.strip() else (None, None)
        g = '未评价'
        if v is not None and all(t[2] == u for t in thr):
            g = next((GRADES[i] for i, (op, t, _) in enumerate(thr) if meets(v, op, t)), '未评价')
        out.append((duty, c[6], a, g))
    missing = set(actual) - {c[6] for _, c in perf}
    if missing:
        raise OracleError('actuals.csv names indicators performance.csv lacks: %s' % sorted(missing))
    return out


def jianshe_graded(graded, wb):
    name = '绩效目标及自评表'
    if name not in wb.sheetnames:
        return ['no sheet %s (sheets: %s)' % (name, ', '.join(wb.sheetnames))]
    ws = wb[name]
    hr = next((r for r in range(1, 10) if '绩效指标' in [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]),
              None)
    if hr is None:
        return ['%s: no header row with 绩效指标' % name]
    head = [ws.cell(hr, c).value for c in range(1, ws.max_column + 1)]
    problems = []
    for h in ('实际值', '评价等级'):
        if h not in head:
            problems.append('%s: no column %s in the header %s' % (name, h, head))
    if problems:
        return problems
    ci, ca, cg = head.index('绩效指标') + 1, head.index('实际值') + 1, head.index('评价等级') + 1
    body = [r for r in range(hr + 1, ws.max_row + 1) if ws.cell(r, ci).value not in (None, '')]
    if len(body) != len(graded):
        problems.append('%s: %d rows with a 绩效指标, performance.csv has %d' % (name, len(body), len(graded)))
    for r, (_, ind, a, g) in zip(body, graded):
        got = [ws.cell(r, c).value for c in (ci, ca, cg)]
        want = [ind, a, g]
        for k, label in enumerate(('绩效指标', '实际值', '评价等级')):
            gv = '' if got[k] is None else str(got[k])
            wv = '' if want[k] is None else want[k]
            if gv != wv:
                problems.append('%s row %d (%s): %s %r, expected %r' % (name, r, ind, label, gv, wv))
    return problems


SUMMARY = ['指标数', '优', '良', '中', '差', '未评价', '无实际值']


def jianshe_summary(graded, wb):
    name = '绩效自评汇总'
    if name not in wb.sheetnames:
        return ['no sheet %s (sheets: %s)' % (name, ', '.join(wb.sheetnames))]
    ws = wb[name]
    want, order = {}, []
    for duty, _, a, g in graded:
        for d in (duty, '合计'):
            if d not in want:
                want[d] = dict.fromkeys(SUMMARY, 0)
                order.append(d)
            want[d]['指标数'] += 1
            want[d]['无实际值' if a is None else g] += 1
    order.remove('合计')
    order.append('合计')
    hr = body_start(ws, '职责名称')
    head = [ws.cell(hr, c).value for c in range(1, 9)]
    if head != ['职责名称'] + SUMMARY:
        return ['%s: header %s, expected %s' % (name, head, ['职责名称'] + SUMMARY)]
    problems = []
    got_rows = [[ws.cell(r, c).value for c in range(1, 9)] for r in range(hr + 1, ws.max_row + 1)]
    got_rows = [g for g in got_rows if any(v not in (None, '') for v in g)]
    names = [g[0] for g in got_rows]
    if names != order:
        problems.append('%s: rows %s, expected %s' % (name, names, order))
    for g in got_rows:
        if g[0] not in want:
            continue
        for k, h in enumerate(SUMMARY):
            try:
                v = int(str(g[k + 1]))
            except ValueError:
                v = g[k + 1]
            if v != want[g[0]][h]:
                problems.append('%s: %s %s is %r, recomputed %d' % (name, g[0], h, g[k + 1], want[g[0]][h]))
    return problems


def cmd_jianshe(perfp, actp, xlsx):
    _, perf = read_csv(perfp, PERF_HEAD)
    _, act = read_csv(actp, ['绩效指标', '实际值'])
    graded = []

    def oracle():
        graded.extend(grade_rows(perf, act))
        # guards against an oracle that silently grades nothing
        ungraded = sum(1 for *_, g in graded if g not in GRADES)
        if len(graded) < 30 or 2 * ungraded > len(graded):
            return ['implausible recomputation: %d indicators, %d not graded' % (len(graded), ungraded)]
        return []
    run('jianshe-oracle', oracle)
    if not graded:
        checklib.report('jianshe-xlsx-graded', ['not checked: the oracle failed'])
        checklib.report('jianshe-xlsx-summary', ['not checked: the oracle failed'])
        return
    wb = load_xlsx(xlsx)
    run('jianshe-xlsx-graded', jianshe_graded, graded, wb)
    run('jianshe-xlsx-summary', jianshe_summary, graded, wb)


# ---- main ------------------------------------------------------------------------

COMMANDS = {'renwu': (cmd_renwu, 3), 'mubiao': (cmd_mubiao, 3), 'zeren': (cmd_zeren, 2),
            'zeren-bad': (cmd_zeren_bad, 3), 'zeren-heading': (cmd_zeren_heading, 3),
            'xiangmu': (cmd_xiangmu, 3), 'jianshe': (cmd_jianshe, 3)}


def main(argv):
    if not argv or argv[0] not in COMMANDS or len(argv) != COMMANDS[argv[0]][1] + 1:
        print(__doc__)
        return 2
    fn, _ = COMMANDS[argv[0]]
    fn(*argv[1:])
    return 1 if checklib.failed() else 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception:  # a crash: the shell reports the checks it did not see
        traceback.print_exc()
        sys.exit(2)
