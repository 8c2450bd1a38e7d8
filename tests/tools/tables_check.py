#!/usr/bin/python3
"""End-to-end checks of the national standard tables (FORMAT.md §3) in a
built PDF and XLSX, against tables_oracle.py (computed from the input CSV
files only).  Run by tests/e2e_tables.sh with Debian's /usr/bin/python3.

usage: tables_check.py xlsx  CONFIG XLSX PREFIX
       tables_check.py pdf   CONFIG PDF PREFIX
       tables_check.py empty CONFIG PDF XLSX PREFIX TABLE_ID...
options (before the command): --root DIR (the project folder, default .),
       --tables FILE (default templates/tables.tpl)

Prints one line per check, "ok NAME" or "FAIL NAME: message" (a failed
check may add "FAIL NAME:   detail" lines); the shell script turns each
name into one pass or fail.  Exits 1 if any check failed, 2 on a crash.

xlsx: the sheets; per table its title, unit, header cells and merged ranges;
  classification tables row by row (codes, names, every amount to the cent,
  blank where blank-zero); every 合计 and 类/款 amount a =SUM formula whose
  cached value is the oracle's and the sum of the cells it references;
  the two-sided tables side by side with their totals; the “三公” rows.
pdf: the titles; every row and printed amount of every table against the
  oracle — exactly when the document's decimals show every cent, else
  within one printed unit (rounding, 尾差); what is printed adds up: each
  类 = Σ 款, 款 = Σ 项, 合计 = Σ 类, 合计 = Σ the other amount columns,
  totals of the two-sided tables, and the same figure printed in two tables
  is the same number.
empty: the given tables are published empty: header, note, no rows.
"""
import os
import re
import subprocess
import sys
import traceback

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tables_oracle as O  # noqa: E402
import tables_pdf as P  # noqa: E402
import checklib  # noqa: E402



def run(name, fn, *args):
    """Runs one check; an exception is that check's failure."""
    checklib.run(name, fn, *args, errors=(O.OracleError, P.TableError))


def table_order(oracle):
    return list(oracle.tables)


def row_id(r):
    return r.get('_code') or r.get('科目名称') or r.get('_label') or '?'


def show(c, cfg):
    return '(blank)' if c is None else cfg.fmt(c) if isinstance(c, int) else repr(c)


# ---- XLSX ------------------------------------------------------------------------

def xlsx_cents(v, where, problems):
    """A cell's value as cents: None if empty; a problem if not a number or
    not a whole number of cents."""
    if v is None or v == '':
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        problems.append('%s: %r is not a number' % (where, v))
        return None
    c = round(v * 100)
    if abs(v * 100 - c) > 1e-6:
        problems.append('%s: %r is not a whole number of cents' % (where, v))
    return c


class Sheet:
    """One table's sheet: header position and body rows as dicts."""

    def __init__(self, wb, wbv, oracle, tid):
        self.t = oracle.tables[tid]
        self.name = oracle.sheet(tid)
        self.ws, self.wv = wb[self.name], wbv[self.name]
        grid = self.t.grid()
        first = next(c.text for c in grid if c.row == 0 and c.col == 0)
        self.r0 = next((r for r in range(1, 12) if self.ws.cell(r, 1).value == first), None)
        if self.r0 is None:
            raise ValueError('sheet %s: header cell %s not found in column A' % (self.name, first))
        self.body0 = self.r0 + len(self.t.head_lines)

    def body(self, problems):
        """[{key: value}] per body row; amounts in cents (data_only)."""
        rows = []
        for r in range(self.body0, self.ws.max_row + 1):
            row = {'_row': r}
            for c, col in enumerate(self.t.cols, 1):
                where = '%s!%s%d' % (self.name, chr(64 + c), r)
                v = self.wv.cell(r, c).value
                if col.kind == 'amount':
                    row[col.key] = xlsx_cents(v, where, problems)
                else:
                    if v is not None and not isinstance(v, str):
                        problems.append('%s: %r is not text' % (where, v))
                    row[col.key] = '' if v is None else str(v)
            rows.append(row)
        return rows


def check_sheets(wb, oracle):
    names = wb.sheetnames
    problems = []
    pos = []
    for tid in table_order(oracle):
        s = oracle.sheet(tid)
        n = names.count(s)
        if n != 1:
            problems.append('sheet %s appears %d times (sheets: %s)' % (s, n, ', '.join(names)))
        else:
            pos.append(names.index(s))
    if not problems and pos != sorted(pos):
        problems.append('the table sheets are not in the template order: %s' % ', '.join(names))
    return problems


def check_head(wb, wbv, oracle, tid):
    sh = Sheet(wb, wbv, oracle, tid)
    ws, t, r0 = sh.ws, sh.t, sh.r0
    problems = []
    above = [ws.cell(r, 1).value for r in range(1, r0)]
    if oracle.title(tid) not in above:
        problems.append('%s: title %s not above the header (column A: %s)' % (sh.name, oracle.title(tid), above))
    if t.unit and oracle.cfg.expand(t.unit) not in above:
        problems.append('%s: unit line %s not above the header' % (sh.name, oracle.cfg.expand(t.unit)))
    nh = len(t.head_lines)
    expected_merges = set()
    covered = set()
    for cell in t.grid():
        r, c = r0 + cell.row, 1 + cell.col
        got = ws.cell(r, c).value
        if got != cell.text:
            problems.append('%s!%s%d: header %r, expected %r' % (sh.name, chr(64 + c), r, got, cell.text))
        if cell.rowspan > 1 or cell.colspan > 1:
            expected_merges.add('%s%d:%s%d' % (chr(64 + c), r, chr(64 + c + cell.colspan - 1),
                                               r + cell.rowspan - 1))
        for i in range(cell.rowspan):
            for j in range(cell.colspan):
                if i or j:
                    covered.add((r + i, c + j))
    for (r, c) in sorted(covered):
        if ws.cell(r, c).value not in (None, ''):
            problems.append('%s!%s%d: covered header cell holds %r' % (sh.name, chr(64 + c), r, ws.cell(r, c).value))
    actual = {str(m) for m in ws.merged_cells.ranges if r0 <= m.min_row < r0 + nh}
    for m in sorted(expected_merges - actual):
        problems.append('%s: header range %s is not merged (merged: %s)' % (sh.name, m, ', '.join(sorted(actual))))
    for m in sorted(actual - expected_merges):
        problems.append('%s: %s is merged, the template has no such span' % (sh.name, m))
    return problems


def compare_class_rows(got, exp, t, cfg, tol=0):
    """Classification rows, cell by cell (tol: allowed |printed − exact|,
    exclusive; 0 = exact)."""
    problems = []
    if len(got) != len(exp):
        problems.append('%d body rows, expected %d (%s … %s)'
                        % (len(got), len(exp), [row_id(r) for r in exp[:3]],
                           [g.get('科目名称') for g in got[-3:]]))
    for g, e in zip(got, exp):
        for col in t.cols:
            gv, ev = g[col.key], e[col.key]
            if col.kind == 'amount':
                ok = gv == ev if (tol == 0 or ev is None or gv is None) else abs(gv - ev) < tol
            else:
                ok = gv == ev
            if not ok:
                problems.append('row %s %s: %s, expected %s' % (row_id(e), col.key, show(gv, cfg), show(ev, cfg)))
    return problems


def check_note_xlsx(wb, wbv, oracle, tid):
    """An empty table's sheet: below the header, only its empty-note."""
    sh = Sheet(wb, wbv, oracle, tid)
    note = oracle.empty_note(tid)
    body = [[sh.ws.cell(r, c).value for c in range(1, len(sh.t.cols) + 1)]
            for r in range(sh.body0, sh.ws.max_row + 1)]
    if [[v for v in row if v not in (None, '')] for row in body] != [[note]]:
        return ['%s: below the header %s, expected only the note %s' % (sh.name, body, note)]
    return []


def check_class_rows(wb, wbv, oracle, tid):
    sh = Sheet(wb, wbv, oracle, tid)
    problems = []
    exp = oracle.class_rows(tid)
    if not exp:
        return []  # published empty: check_note_xlsx
    got = sh.body(problems)
    # leaves are plain numbers, not formulas
    for g, e in zip(got, exp):
        if e['_children'] or e['_level'] == 0:
            continue
        for c, col in enumerate(sh.t.cols, 1):
            v = sh.ws.cell(g['_row'], c).value
            if col.kind == 'amount' and isinstance(v, str):
                problems.append('%s!%s%d: %s row %s holds %r, expected a number' % (sh.name, chr(64 + c), g['_row'], row_id(e), col.key, v))
    return problems + ['%s: %s' % (sh.name, p) for p in compare_class_rows(got, exp, sh.t, oracle.cfg)]


REF = re.compile(r'\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?')


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def check_formulas(wb, wbv, oracle, tid):
    """合计 and 类/款 amounts: =SUM(...) whose cached value is the oracle's and
    equals the sum of the referenced cells' values."""
    sh = Sheet(wb, wbv, oracle, tid)
    problems = []
    exp = oracle.class_rows(tid)
    for i, e in enumerate(exp):
        if e['_level'] != 0 and not e['_children']:
            continue
        r = sh.body0 + i
        for c, col in enumerate(sh.t.cols, 1):
            if col.kind != 'amount' or e[col.key] is None:
                continue
            where = '%s!%s%d (%s %s)' % (sh.name, chr(64 + c), r, row_id(e), col.key)
            f = sh.ws.cell(r, c).value
            if not (isinstance(f, str) and f.upper().startswith('=SUM(') and f.endswith(')')):
                problems.append('%s is %r, not a =SUM formula' % (where, f))
                continue
            cached = xlsx_cents(sh.wv.cell(r, c).value, where, problems)
            if cached != e[col.key]:
                problems.append('%s: cached value %s, expected %s' % (where, show(cached, oracle.cfg), show(e[col.key], oracle.cfg)))
            total = 0
            for part in f[5:-1].split(','):
                m = REF.fullmatch(part.strip())
                if not m:
                    problems.append('%s: cannot read the range %r of %s' % (where, part, f))
                    break
                c1, r1 = col_index(m.group(1)), int(m.group(2))
                c2, r2 = (col_index(m.group(3)), int(m.group(4))) if m.group(3) else (c1, r1)
                if c1 != c or c2 != c:
                    problems.append('%s: %s sums another column' % (where, f))
                for rr in range(r1, r2 + 1):
                    v = xlsx_cents(sh.wv.cell(rr, c).value, where, problems)
                    total += v or 0
            else:
                if total != cached:
                    problems.append('%s: %s adds up to %s, the cell says %s' % (where, f, show(total, oracle.cfg), show(cached, oracle.cfg)))
    return problems


NUMBERING = re.compile(r'^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)')


def label_is(actual, expected):
    a = NUMBERING.sub('', actual)
    return a == expected or a + '收入' == expected


def compare_sides(rows, oracle, tid, tol=0):
    """部门收支总表 / 财政拨款收支总表: each side's items and totals, the
    totals side by side, and the sums computed from the table itself."""
    t = oracle.tables[tid]
    cfg = oracle.cfg
    left, left_tot, right, right_tot = oracle.two_sided(tid)
    problems = []

    def near(g, e):
        if e is None or g is None or tol == 0:
            return g == e
        return abs(g - e) < tol

    def side(item_key, amount_keys, items, totals):
        got = [(i, r[item_key], {k: r[k] for k in amount_keys}) for i, r in enumerate(rows) if r[item_key]]
        for i, r in enumerate(rows):
            if not r[item_key] and any(r[k] is not None for k in amount_keys):
                problems.append('row %d: an amount without an item on the %s side' % (i + 1, item_key))
        exp = items + totals
        if [g[1] for g in got][len(items):] != [e[0] for e in totals] or len(got) != len(exp):
            problems.append('%s side: %s, expected %s' % (item_key, [g[1] for g in got], [e[0] for e in exp]))
            return {}
        for (i, label, amounts), (elabel, eamounts) in zip(got, exp):
            if not (label == elabel or label_is(label, elabel)):
                problems.append('row %d: %s, expected %s' % (i + 1, label, elabel))
            for k in amount_keys:
                ek = eamounts.get(k, None)
                if not near(amounts[k], ek):
                    problems.append('%s %s: %s, expected %s' % (label, k, show(amounts[k], cfg), show(ek, cfg)))
        # the table's own arithmetic
        item_rows = got[:len(items)]
        tot = {g[1]: g for g in got[len(items):]}
        for k in amount_keys:
            s = sum(a[k] or 0 for _, _, a in item_rows)
            first = totals[0][0]
            if (tot[first][2][k] or 0) != s:
                problems.append('%s %s is %s but its items sum to %s' % (first, k, show(tot[first][2][k], cfg), show(s, cfg)))
        return {label: (i, a) for i, label, a in got[len(items):]}

    lt = side('收入项目', ['收入预算数'], left, left_tot)
    out_keys = [c.key for c in t.cols if c.kind == 'amount' and c.key != '收入预算数']
    rt = side('支出项目', out_keys, right, right_tot)
    if lt and rt:
        pairs = [('本年收入合计', '本年支出合计'), ('上年结转', '结转下年'), ('收入总计', '支出总计')]
        for a, b in pairs:
            if (a in lt) != (b in rt) or (a in lt and lt[a][0] != rt[b][0]):
                problems.append('%s and %s are not on the same row' % (a, b))
        if '收入总计' in lt and '支出总计' in rt:
            gi, go = lt['收入总计'][1]['收入预算数'], rt['支出总计'][1]['支出预算数']
            if gi != go:
                problems.append('收入总计 %s ≠ 支出总计 %s' % (show(gi, cfg), show(go, cfg)))
            carry_in = lt.get('上年结转', (0, {'收入预算数': 0}))[1]['收入预算数'] or 0
            if gi != (lt['本年收入合计'][1]['收入预算数'] or 0) + carry_in:
                problems.append('收入总计 ≠ 本年收入合计 + 上年结转')
            carry_out = rt.get('结转下年', (0, {'支出预算数': 0}))[1]['支出预算数'] or 0
            if go != (rt['本年支出合计'][1]['支出预算数'] or 0) + carry_out:
                problems.append('支出总计 ≠ 本年支出合计 + 结转下年')
        # 合计 = Σ its source columns, on every row of the fiscal table
        src = [k for k in out_keys if k != '支出预算数']
        if src:
            for i, r in enumerate(rows):
                if r['支出项目'] and (r['支出预算数'] or 0) != sum(r[k] or 0 for k in src):
                    problems.append('%s: 合计 %s ≠ Σ %s' % (r['支出项目'], show(r['支出预算数'], cfg), '+'.join(src)))
    return problems


def check_sides_xlsx(wb, wbv, oracle, tid):
    sh = Sheet(wb, wbv, oracle, tid)
    problems = []
    rows = sh.body(problems)
    return problems + ['%s: %s' % (sh.name, p) for p in compare_sides(rows, oracle, tid)]


def compare_three_public(rows, oracle, tid, tol=0):
    exp = oracle.three_public(tid)
    cfg = oracle.cfg
    problems = []
    if len(rows) != len(exp):
        return ['%d rows, expected %d (上年, 本年)' % (len(rows), len(exp))]
    for g, e in zip(rows, exp):
        label = g['项目']
        if '%d年' % e['_year'] not in label or e['_label'] not in label:
            problems.append('row %s: expected the %d %s row' % (label, e['_year'], e['_label']))
        for col in oracle.tables[tid].cols:
            if col.kind != 'amount':
                continue
            gv, ev = g[col.key], e[col.key]
            ok = gv == ev if (tol == 0 or gv is None or ev is None) else abs(gv - ev) < tol
            if not ok:
                problems.append('%s %s: %s, expected %s' % (label, col.key, show(gv, cfg), show(ev, cfg)))
        z = lambda k: g[k] or 0  # noqa: E731
        if z('公务用车购置及运行费') != z('公务用车购置费') + z('公务用车运行费'):
            problems.append('%s: 小计 ≠ 购置费 + 运行费' % label)
        if z('合计') != z('因公出国（境）费') + z('公务用车购置及运行费') + z('公务接待费'):
            problems.append('%s: 合计 ≠ 因公出国（境）费 + 小计 + 公务接待费' % label)
    return problems


def check_three_public_xlsx(wb, wbv, oracle, tid):
    sh = Sheet(wb, wbv, oracle, tid)
    problems = []
    rows = sh.body(problems)
    return problems + ['%s: %s' % (sh.name, p) for p in compare_three_public(rows, oracle, tid)]


def cmd_xlsx(oracle, path, prefix):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    wbv = openpyxl.load_workbook(path, data_only=True)
    run(prefix + '-sheets', check_sheets, wb, oracle)
    for tid in table_order(oracle):
        run('%s-%s-head' % (prefix, tid), check_head, wb, wbv, oracle, tid)
        if tid in O.CLASS_TABLES:
            run('%s-%s-rows' % (prefix, tid), check_class_rows, wb, wbv, oracle, tid)
            run('%s-%s-formulas' % (prefix, tid), check_formulas, wb, wbv, oracle, tid)
            if not oracle.class_rows(tid):
                run('%s-%s-note' % (prefix, tid), check_note_xlsx, wb, wbv, oracle, tid)
        elif tid in O.TWO_SIDED_TABLES:
            run('%s-%s-sides' % (prefix, tid), check_sides_xlsx, wb, wbv, oracle, tid)
        elif tid in O.THREE_PUBLIC_TABLES:
            run('%s-%s-rows' % (prefix, tid), check_three_public_xlsx, wb, wbv, oracle, tid)


# ---- PDF ----------------------------------------------------------------------------

def printed_rows(rows, table, cfg, problems):
    """Printed text rows -> amounts in cents (None for an empty cell)."""
    out = []
    for r in rows:
        o = {}
        for col in table.cols:
            v = r[col.key]
            if col.kind == 'amount' and v != '':
                c = O.parse_printed(v, cfg.decimals, cfg.thousands)
                if c is None:
                    problems.append('%s: "%s" is not printed as %d-decimal amount%s'
                                    % (r.get('科目名称') or r.get('收入项目') or r.get('项目'), v,
                                       cfg.decimals, ' with thousands separators' if cfg.thousands else ''))
                o[col.key] = c
            elif col.kind == 'amount':
                o[col.key] = None
            else:
                o[col.key] = v
        out.append(o)
    return out


def tolerance(oracle):
    """0 when the document prints every cent of every figure, else one
    printed unit (10^(2-decimals) cents)."""
    d = oracle.cfg.decimals
    if d >= 2:
        return 0
    q = 10 ** (2 - d)
    values = []
    for tid in O.CLASS_TABLES:
        for r in oracle.class_rows(tid):
            values += [v for k, v in r.items() if isinstance(v, int) and not k.startswith('_')]
    return 0 if all(v % q == 0 for v in values) else q


def structure(rows):
    """Parent of each printed classification row, from its printed codes."""
    parents, last = [], {}
    for i, r in enumerate(rows):
        lvl = 3 if r.get('项') else 2 if r.get('款') else 1 if r.get('类') else 0
        parents.append(last.get(lvl - 1) if lvl else None)
        last[lvl] = i
        for deeper in range(lvl + 1, 4):
            last.pop(deeper, None)
    return parents


def check_vertical(rows, table, cfg):
    problems = []
    parents = structure(rows)
    kids = {}
    for i, p in enumerate(parents):
        if p is not None:
            kids.setdefault(p, []).append(i)
    names = {0: '合计', 1: '类', 2: '款', 3: '项'}
    for p, ks in kids.items():
        r = rows[p]
        code = ''.join(r.get(k, '') for k in ('类', '款', '项')) or '合计'
        k0 = rows[ks[0]]
        what = names[3 if k0.get('项') else 2 if k0.get('款') else 1]
        for col in table.cols:
            if col.kind != 'amount':
                continue
            s = sum(rows[k][col.key] or 0 for k in ks)
            if (r[col.key] or 0) != s:
                problems.append('%s %s: printed %s but its %s sum to %s'
                                % (code, col.key, show(r[col.key], cfg), what, show(s, cfg)))
    if rows and not kids:
        problems.append('no row has children: the codes were not read')
    return problems


def check_across(rows, table, cfg):
    """合计 = Σ the table's other amount columns, on every printed row
    (income: 上年结转 + the sources; else 基本+项目 or 人员+公用)."""
    keys = [c.key for c in table.cols if c.kind == 'amount' and c.key != '合计']
    if table.id != 'income':
        keys = [k for k in keys if k in ('基本支出', '项目支出', '人员经费', '公用经费')]
    problems = []
    for r in rows:
        s = sum(r[k] or 0 for k in keys)
        if (r['合计'] or 0) != s:
            code = ''.join(r.get(k, '') for k in ('类', '款', '项')) or r['科目名称']
            problems.append('%s %s: 合计 printed %s but the other columns (%s) sum to %s'
                            % (code, r['科目名称'], show(r['合计'], cfg),
                               ', '.join(k for k in keys if r[k]), show(s, cfg)))
    return problems


def check_same_figures(got, oracle):
    """FORMAT.md §4: the same figure printed in two tables is the same number."""
    cfg = oracle.cfg
    problems = []

    def val(tid, pred, key):
        for r in got.get(tid, []):
            if pred(r):
                return r[key] or 0
        raise ValueError('%s: no row for %s' % (tid, key))

    def same(what, *vals):
        if len(set(vals)) > 1:
            problems.append('%s: %s' % (what, ' / '.join(show(v, cfg) for v in vals)))

    total = lambda r: r.get('科目名称') == '合计' and not r.get('类')  # noqa: E731
    side = {r['支出项目']: r for r in got['income_expense_summary'] if r['支出项目']}
    fiscal = {r['支出项目']: r for r in got['fiscal_summary'] if r['支出项目']}
    left = {NUMBERING.sub('', r['收入项目']): r['收入预算数'] for r in got['income_expense_summary'] if r['收入项目']}
    same('部门收入总表 / 部门支出总表 / 部门收支总表 合计', val('income', total, '合计'),
         val('expenditure', total, '合计'), side['本年支出合计']['支出预算数'])
    for r in got['expenditure']:
        if r['类'] and not r['款']:
            same('%s %s in 部门收入总表 / 部门支出总表 / 部门收支总表' % (r['类'], r['科目名称']),
                 val('income', lambda x: x['类'] == r['类'] and not x['款'], '合计'), r['合计'] or 0,
                 side[r['科目名称']]['支出预算数'] or 0)
    for s in O.SOURCES + [O.CARRYOVER]:
        if s in left:
            same('%s in 部门收入总表 合计 row / 部门收支总表' % s, val('income', total, s), left[s] or 0)
    for tid, key in (('general_expenditure', '一般公共预算'), ('fund_expenditure', '政府性基金预算'),
                     ('state_capital_expenditure', '国有资本经营预算')):
        rows = got.get(tid, [])
        if rows:
            same('%s 合计 / 财政拨款收支总表 %s' % (oracle.sheet(tid), key),
                 val(tid, total, '合计'), fiscal['本年支出合计'][key] or 0)
            for r in rows:
                if r['类'] and not r['款']:
                    same('%s %s in %s / 财政拨款收支总表' % (r['类'], r['科目名称'], oracle.sheet(tid)),
                         r['合计'] or 0, fiscal[r['科目名称']][key] or 0)
    same('一般公共预算基本支出表 合计 / 一般公共预算支出表 基本支出',
         val('general_basic', total, '合计'), val('general_expenditure', total, '基本支出'))
    return problems


def cmd_pdf(oracle, path, prefix):
    cfg = oracle.cfg
    layout = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True,
                            check=True).stdout.decode()
    lines = {ln.strip() for ln in layout.splitlines()}
    order = table_order(oracle)
    run(prefix + '-titles', lambda: ['title not printed: ' + oracle.title(t) for t in order
                                     if oracle.title(t) not in lines])
    titles = {oracle.title(t): t for t in order}
    # tables beyond the national nine (project_notes.csv adds
    # 一般公共预算项目支出表 to standard.tpl): their titles end the table above
    titles.setdefault(cfg.expand('{部门}{年度}年一般公共预算项目支出表'), 'general_project')
    tables = P.read_tables(path, titles, oracle.tables)
    tol = tolerance(oracle)
    got = {}
    for tid in order:
        t = oracle.tables[tid]
        name = '%s-%s' % (prefix, tid)

        def rows_of(tid=tid, t=t):
            if tid not in tables:
                raise ValueError('table %s not found in the PDF' % oracle.title(tid))
            problems = []
            rows = printed_rows(tables[tid][0], t, cfg, problems)
            if problems:
                raise ValueError('; '.join(problems[:3]))
            return rows
        checks = (['-rows', '-sums', '-across'] if tid in O.CLASS_TABLES else
                  ['-sides'] if tid in O.TWO_SIDED_TABLES else ['-rows'])
        try:
            got[tid] = rows_of()
        except (ValueError, P.TableError) as e:
            for c in checks:  # every check of the table fails with the reason
                checklib.report(name + c, ['cannot read the table: %s' % e])
            continue
        if tid in O.CLASS_TABLES:
            run(name + '-rows', lambda: compare_class_rows(got[tid], oracle.class_rows(tid), t, cfg, tol))
            run(name + '-sums', check_vertical, got[tid], t, cfg)
            run(name + '-across', check_across, got[tid], t, cfg)
        elif tid in O.TWO_SIDED_TABLES:
            run(name + '-sides', compare_sides, got[tid], oracle, tid, tol)
        elif tid in O.THREE_PUBLIC_TABLES:
            run(name + '-rows', compare_three_public, got[tid], oracle, tid, tol)
    if all(t in got for t in order):
        run(prefix + '-same-figures', check_same_figures, got, oracle)
    else:
        checklib.report(prefix + '-same-figures', ['not every table could be read'])


# ---- empty tables -------------------------------------------------------------------

def check_empty(oracle, pdf, wb, tid):
    problems = []
    note = oracle.empty_note(tid)
    if oracle.class_rows(tid):
        return ['the oracle finds rows for %s: not an empty table' % tid]
    # PDF: the title, the note, the header, and no rows
    layout = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True,
                            check=True).stdout.decode()
    flat = re.sub(r'\s+', '', layout)
    if oracle.title(tid) not in flat:
        problems.append('PDF: title %s not printed' % oracle.title(tid))
    if note not in flat:
        problems.append('PDF: note %s not printed' % note)
    # every title ends the table before it: the next empty table may share
    # the page (tables are kept together, not each on a page of its own)
    segs = P.segments(P.read_words(pdf), {oracle.title(t): t for t in oracle.tables})
    tables = {tid: P.read_table(segs[tid], oracle.tables[tid])} if tid in segs else {}
    if tid not in tables:
        problems.append('PDF: table %s not found' % tid)
    else:
        rows, loose = tables[tid]
        if rows:
            problems.append('PDF: %d rows under %s, expected none' % (len(rows), oracle.title(tid)))
        if note not in ''.join(loose):
            problems.append('PDF: the note is not under the table header (text there: %s)' % loose[:3])
    # XLSX: the sheet, its header as the template says, then the note alone
    problems += ['XLSX ' + p for p in check_head(wb[0], wb[1], oracle, tid)]
    problems += ['XLSX ' + p for p in check_note_xlsx(wb[0], wb[1], oracle, tid)]
    return problems


def cmd_empty(oracle, pdf, xlsx, prefix, ids):
    import openpyxl
    wb = (openpyxl.load_workbook(xlsx), openpyxl.load_workbook(xlsx, data_only=True))
    for tid in ids:
        run('%s-%s' % (prefix, tid), check_empty, oracle, pdf, wb, tid)


def main(argv):
    root, tpl = '.', None
    while argv and argv[0].startswith('--'):
        opt = argv.pop(0)
        if opt == '--root':
            root = argv.pop(0)
        elif opt == '--tables':
            tpl = argv.pop(0)
    if len(argv) < 4:
        print(__doc__)
        return 2
    cmd, config = argv[0], argv[1]
    oracle = O.Oracle(config, root, tpl or os.path.join(root, 'templates', 'tables.tpl'))
    if cmd == 'xlsx':
        checklib.report(argv[3] + '-oracle', oracle.sanity())
        cmd_xlsx(oracle, argv[2], argv[3])
    elif cmd == 'pdf':
        cmd_pdf(oracle, argv[2], argv[3])
    elif cmd == 'empty':
        cmd_empty(oracle, argv[2], argv[3], argv[4], argv[5:])
    else:
        print(__doc__)
        return 2
    return 1 if checklib.failed() else 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception:  # a crash: the shell reports the checks it did not see
        traceback.print_exc()
        sys.exit(2)
