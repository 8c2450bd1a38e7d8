#!/usr/bin/python3
"""The expected content of the national standard tables (FORMAT.md §3),
computed from the input CSV files alone — never from budgetgen's output.

Used by tables_check.py (tests/e2e_tables.sh).  Nothing here imports or runs
budgetgen: amounts are parsed from the CSV text into integer hundredths of
the unit ("cents", exact), code names come from templates/codes/*.csv, and
the table layout (titles, sheets, header spans, columns) from the template
file (templates/tables.tpl) read with its own small parser.

Expected rows are lists of dicts, one per table row, keyed by the template's
column keys: text cells hold str ('' when empty), amount cells hold cents
(int), or None where the column is blank-zero and the amount is zero.
"""
import configparser
import csv
import decimal
import os
import re

# Funding sources in the national order (FORMAT.md §3, 部门收入总表 columns),
# then 上年结转, which is listed apart in the summary tables.
SOURCES = ['一般公共预算拨款收入', '政府性基金预算拨款收入', '国有资本经营预算拨款收入',
           '财政专户管理资金收入', '事业收入', '事业单位经营收入', '其他收入']
CARRYOVER = '上年结转'
ALL_SOURCES = SOURCES + [CARRYOVER]
FISCAL_SOURCES = SOURCES[:3]  # the appropriations (财政拨款)

# The tables, by template id: which rows they hold.
FUNCTION_TABLES = {  # id -> the sources whose money the table shows
    'income': ALL_SOURCES,
    'expenditure': ALL_SOURCES,
    'general_expenditure': ['一般公共预算拨款收入'],
    'fund_expenditure': ['政府性基金预算拨款收入'],
    'state_capital_expenditure': ['国有资本经营预算拨款收入'],
}
ECONOMIC_TABLES = ['general_basic']
CLASS_TABLES = list(FUNCTION_TABLES) + ECONOMIC_TABLES
TWO_SIDED_TABLES = ['income_expense_summary', 'fiscal_summary']
THREE_PUBLIC_TABLES = ['general_three_public']

# three_public.csv item names (both the national and seed 004's wording).
TP_ALIASES = {
    'abroad': ['因公出国（境）费', '因公出国经费'],
    'buy': ['公务用车购置费', '车辆购置费'],
    'run': ['公务用车运行费', '车辆运行费'],
    'reception': ['公务接待费'],
}


class OracleError(Exception):
    pass


# ---- reading -----------------------------------------------------------------

def read_text(path):
    data = open(path, 'rb').read()
    for enc in ('utf-8-sig', 'gbk'):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            pass
    raise OracleError('%s: neither UTF-8 nor GBK' % path)


def read_csv(path):
    """The rows of a CSV file with a header, as dicts (cells stripped)."""
    rows = list(csv.reader(read_text(path).splitlines()))
    if not rows:
        raise OracleError('%s: empty' % path)
    head = [h.strip() for h in rows[0]]
    return [{h: (r[i].strip() if i < len(r) else '') for i, h in enumerate(head)}
            for r in rows[1:] if any(c.strip() for c in r)]


def cents(text, where=''):
    """'26,341.19' -> 2634119 (hundredths of the unit); '' -> 0."""
    t = text.replace(',', '').strip()
    if not t:
        return 0
    try:
        d = decimal.Decimal(t)
    except decimal.InvalidOperation:
        raise OracleError('%s: not an amount: %r' % (where, text))
    c = d * 100
    if c != c.to_integral_value():
        raise OracleError('%s: more than 2 decimals: %r' % (where, text))
    return int(c)


def fmt_amount(c, decimals, thousands):
    """cents -> the text a document with this many decimals prints
    (half-up rounding of the exact value, as FORMAT.md asks)."""
    q = 10 ** (2 - decimals) if decimals < 2 else 1
    neg = c < 0
    v = (abs(c) + q // 2) // q  # in units of 10^-decimals
    scale = 10 ** decimals
    whole, frac = divmod(v, scale) if decimals > 0 else (v, 0)
    w = '{:,}'.format(whole) if thousands else str(whole)
    s = w + ('.%0*d' % (decimals, frac) if decimals > 0 else '')
    return ('-' if neg else '') + s


def parse_printed(text, decimals, thousands):
    """A printed amount back to cents; None if it is not in the document's
    number format (wrong decimals or thousands separators)."""
    frac = r'\.\d{%d}' % decimals if decimals > 0 else ''
    whole = r'\d{1,3}(?:,\d{3})*' if thousands else r'\d+'
    if not re.fullmatch('-?' + whole + frac, text):
        return None
    return cents(text)


# ---- config and template ---------------------------------------------------------

class Config:
    def __init__(self, path, root):
        cp = configparser.ConfigParser(comment_prefixes=(';', '#'), inline_comment_prefixes=None,
                                       interpolation=None)
        cp.read_string(read_text(path))
        self.department = cp.get('document', 'department')
        self.year = cp.getint('document', 'year')
        self.unit = cp.get('units', 'unit', fallback='万元')
        self.decimals = cp.getint('units', 'decimals', fallback=2)
        self.thousands = cp.get('units', 'thousands', fallback='yes').strip() == 'yes'
        self.input_dir = os.path.join(root, cp.get('input', 'dir'))
        prev = cp.get('input', 'previous', fallback='').strip()
        self.previous_dir = os.path.join(root, prev) if prev else None
        self.root = root

    def expand(self, text):
        out = text.replace('{部门}', self.department).replace('{年度}', str(self.year)) \
                  .replace('{单位}', self.unit)
        if '{' in out:
            raise OracleError('unexpected placeholder in %r' % text)
        return out

    def fmt(self, c):
        return fmt_amount(c, self.decimals, self.thousands)


class HeadCell:
    def __init__(self, text, row, col, rowspan, colspan):
        self.text, self.row, self.col = text, row, col
        self.rowspan, self.colspan = rowspan, colspan


class Column:
    def __init__(self, key, kind, flags):
        self.key, self.kind, self.flags = key, kind, flags
        self.blank_zero = 'blank-zero' in flags
        if 'center' in flags:
            self.align = 'center'
        elif 'right' in flags:
            self.align = 'right'
        elif 'left' in flags:
            self.align = 'left'
        else:
            self.align = 'right' if kind == 'amount' else 'left'


class Table:
    def __init__(self, tid):
        self.id = tid
        self.title = self.unit = self.sheet = self.empty_note = None
        self.head_lines = []
        self.cols = []

    def grid(self):
        """The header cells with their spans placed on the grid
        (docs/templates.md: positions covered from above are skipped)."""
        n = len(self.cols)
        nh = len(self.head_lines)
        occ = [[False] * n for _ in range(nh)]
        cells = []
        for r, line in enumerate(self.head_lines):
            c = 0
            for raw in line.split('|'):
                raw = raw.strip()
                m = re.fullmatch(r'(.*?)((?:[\^>]\d+)*)', raw)
                text, spans = m.group(1).strip(), m.group(2)
                rs = int((re.search(r'\^(\d+)', spans) or [0, 1])[1])
                cs = int((re.search(r'>(\d+)', spans) or [0, 1])[1])
                while c < n and occ[r][c]:
                    c += 1
                if c + cs > n or r + rs > nh:
                    raise OracleError('template head cell %r does not fit' % raw)
                for i in range(r, r + rs):
                    for j in range(c, c + cs):
                        occ[i][j] = True
                cells.append(HeadCell(text, r, c, rs, cs))
                c += cs
        return cells

    def leaf_labels(self):
        """Per column, the text of the lowest header cell over it."""
        nh = len(self.head_lines)
        out = [None] * len(self.cols)
        for cell in self.grid():
            if cell.row + cell.rowspan == nh:
                for j in range(cell.col, cell.col + cell.colspan):
                    out[j] = cell.text
        return out

    def col(self, key):
        for c in self.cols:
            if c.key == key:
                return c
        raise OracleError('table %s has no column %s' % (self.id, key))


def read_tables(path, tables=None):
    """The table blocks of a template file, by id, in order; an include line
    reads its file (relative to this one's folder) in its place."""
    if tables is None:
        tables = {}
    cur = None
    for raw in read_text(path).splitlines():
        line = raw.strip()
        if not line or line.startswith('#'):
            continue
        word, _, rest = line.partition(' ')
        rest = rest.strip()
        if cur is None:
            if word == 'include':
                read_tables(os.path.join(os.path.dirname(path), rest), tables)
            elif word == 'table':
                cur = Table(rest)
            continue
        if word == 'end':
            tables[cur.id] = cur
            cur = None
        elif word in ('title', 'unit', 'sheet'):
            setattr(cur, word, rest)
        elif word == 'empty-note':
            cur.empty_note = rest
        elif word == 'head':
            cur.head_lines.append(rest)
        elif word == 'col':
            parts = rest.split()
            cur.cols.append(Column(parts[0], parts[1], parts[2:]))
    return tables


# ---- the data ----------------------------------------------------------------------

def code_names(root, kind, year):
    """The names of the code list of a year's data: templates/codes/KIND-YEAR.csv
    when the project has it (the list of that year), else KIND.csv."""
    own = os.path.join(root, 'templates', 'codes', '%s-%d.csv' % (kind, year))
    path = own if os.path.isfile(own) else os.path.join(root, 'templates', 'codes', kind + '.csv')
    return {r['科目编码']: r['科目名称'] for r in read_csv(path)}


class Budget:
    """One year's folder: the classified detail and the summary figures."""

    def __init__(self, folder):
        self.folder = folder

        def opt(name):
            p = os.path.join(folder, name)
            return read_csv(p) if os.path.exists(p) else None
        self.expenditure = opt('expenditure.csv')
        self.basic_economic = opt('basic_economic.csv')
        self.revenue_rows = opt('revenue.csv')
        self.three_public_rows = opt('three_public.csv')
        self.summary_rows = opt('summary.csv')

    def leaves(self):
        """{7-digit code: {source: [basic, project]}} from expenditure.csv."""
        out = {}
        for i, r in enumerate(self.expenditure or [], 2):
            where = '%s/expenditure.csv:%d' % (self.folder, i)
            src = r['资金来源']
            if src not in ALL_SOURCES:
                raise OracleError('%s: unknown source %s' % (where, src))
            bp = out.setdefault(r['科目编码'], {}).setdefault(src, [0, 0])
            bp[0] += cents(r['基本支出'], where)
            bp[1] += cents(r['项目支出'], where)
        return out

    def revenue(self):
        out = {k: 0 for k in ALL_SOURCES}
        for i, r in enumerate(self.revenue_rows or [], 2):
            out[r['收入项目']] += cents(r['预算数'], '%s/revenue.csv:%d' % (self.folder, i))
        return out

    def summary(self):
        return {r['项目']: cents(r['金额']) for r in self.summary_rows or []}

    def three_public_general(self):
        """{item: its 一般预算 (general budget) part} from three_public.csv."""
        out = {}
        for key, names in TP_ALIASES.items():
            out[key] = 0
            for r in self.three_public_rows or []:
                if r['项目'] in names:
                    out[key] = cents(r['一般预算'], self.folder + '/three_public.csv')
        return out


# ---- expected rows ---------------------------------------------------------------

def blank(table, key, v):
    """An amount as the table shows it: None for a blank-zero zero."""
    return None if v == 0 and table.col(key).blank_zero else v


def function_rows(table, budget, names, sources):
    """合计, then every 类 (3), 款 (5) and 项 (7) holding money of these
    sources, in code order; 类 and 款 are the sums of their 项."""
    leaves = budget.leaves()
    nodes = {}
    for code, by_src in leaves.items():
        for src in sources:
            b, p = by_src.get(src, [0, 0])
            for k in (code[:3], code[:5], code):
                n = nodes.setdefault(k, {'基本支出': 0, '项目支出': 0})
                n['基本支出'] += b
                n['项目支出'] += p
                n[src] = n.get(src, 0) + b + p
    total = {'基本支出': 0, '项目支出': 0}
    for k, n in nodes.items():
        if len(k) == 3:
            for f, v in n.items():
                total[f] = total.get(f, 0) + v
    rows = []

    def row(code, name, n, level):
        r = {'_level': level, '_code': code, '科目名称': name,
             '类': code[:3], '款': code[3:5], '项': code[5:7]}
        r['合计'] = n['基本支出'] + n['项目支出']
        for f in ['基本支出', '项目支出'] + ALL_SOURCES:
            r[f] = n.get(f, 0)
        return r
    rows.append(row('', '合计', total, 0))
    for code in sorted(nodes):
        n = nodes[code]
        if not any(n.get(s, 0) for s in sources):
            continue
        if code not in names:
            raise OracleError('code %s is not in the function code list of its year' % code)
        rows.append(row(code, names[code], n, {3: 1, 5: 2, 7: 3}[len(code)]))
    return finish_class_rows(table, rows)


def economic_rows(table, budget, names):
    """合计, then every 类 (3) and 款 (5) of basic_economic.csv."""
    nodes = {}
    for i, r in enumerate(budget.basic_economic or [], 2):
        where = '%s/basic_economic.csv:%d' % (budget.folder, i)
        code = r['科目编码']
        pe, of = cents(r['人员经费'], where), cents(r['公用经费'], where)
        for k in (code[:3], code):
            n = nodes.setdefault(k, [0, 0])
            n[0] += pe
            n[1] += of
    rows = [{'_level': 0, '_code': '', '科目名称': '合计', '类': '', '款': '',
             '人员经费': sum(n[0] for k, n in nodes.items() if len(k) == 3),
             '公用经费': sum(n[1] for k, n in nodes.items() if len(k) == 3)}]
    for code in sorted(nodes):
        if code not in names:
            raise OracleError('code %s is not in the economic code list of its year' % code)
        rows.append({'_level': 1 if len(code) == 3 else 2, '_code': code, '科目名称': names[code],
                     '类': code[:3], '款': code[3:5],
                     '人员经费': nodes[code][0], '公用经费': nodes[code][1]})
    for r in rows:
        r['合计'] = r['人员经费'] + r['公用经费']
    return finish_class_rows(table, rows)


def finish_class_rows(table, rows):
    """Parent links, then only the template's columns (blank-zero applied)."""
    out = []
    last = {0: 0}
    for i, r in enumerate(rows):
        e = {'_level': r['_level'], '_code': r['_code'],
             '_parent': None if r['_level'] == 0 else last[r['_level'] - 1]}
        last[r['_level']] = i
        for c in table.cols:
            e[c.key] = blank(table, c.key, r[c.key]) if c.kind == 'amount' else r.get(c.key, '')
        out.append(e)
    for i, e in enumerate(out):
        e['_children'] = [j for j, x in enumerate(out) if x['_parent'] == i]
    return out


def two_sided(table, budget, fnames, fiscal):
    """The two sides of 部门收支总表 / 财政拨款收支总表: left = revenue by
    source, then its totals; right = spending by 类, then its totals.
    Returns (left, right) lists of (label, {key: amount}) and the labels of
    the totals, which must sit on the same rows."""
    rev = budget.revenue()
    leaves = budget.leaves()
    srcs = FISCAL_SOURCES if fiscal else SOURCES
    left = [(s, {'收入预算数': rev[s]}) for s in srcs]
    in_total = sum(rev[s] for s in srcs)
    classes = {}
    for code, by_src in leaves.items():
        c = classes.setdefault(code[:3], {})
        for s, (b, p) in by_src.items():
            c[s] = c.get(s, 0) + b + p
    right = []
    out_total = 0
    out_src = [0, 0, 0]
    for code in sorted(classes):
        c = classes[code]
        v = sum(c.get(s, 0) for s in (FISCAL_SOURCES if fiscal else ALL_SOURCES))
        if not v:
            continue
        amounts = {'支出预算数': v}
        if fiscal:
            for i, s in enumerate(FISCAL_SOURCES):
                amounts[['一般公共预算', '政府性基金预算', '国有资本经营预算'][i]] = c.get(s, 0)
                out_src[i] += c.get(s, 0)
        right.append((fnames[code], amounts))
        out_total += v
    carry_in = 0 if fiscal else rev[CARRYOVER]
    carry_out = in_total + carry_in - out_total
    src_totals = {}
    if fiscal:
        src_totals = dict(zip(['一般公共预算', '政府性基金预算', '国有资本经营预算'], out_src))
    left_tot = [('本年收入合计', {'收入预算数': in_total})]
    right_tot = [('本年支出合计', dict({'支出预算数': out_total}, **src_totals))]
    if not fiscal:
        left_tot.append(('上年结转', {'收入预算数': carry_in}))
        right_tot.append(('结转下年', {'支出预算数': carry_out}))
    left_tot.append(('收入总计', {'收入预算数': in_total + carry_in}))
    right_tot.append(('支出总计', dict({'支出预算数': out_total + carry_out}, **src_totals)))
    for side in (right, right_tot):
        for _, amounts in side:
            for k in list(amounts):
                amounts[k] = blank(table, k, amounts[k])
    return left, left_tot, right, right_tot


def three_public(table, cur, prev, year):
    """上年 and 本年 rows of 一般公共预算“三公”经费支出表: the 一般预算 column
    of each year's three_public.csv; 小计 = 购置 + 运行, 合计 = Σ."""
    rows = []
    for label, b, y in (('上年', prev, year - 1), ('本年', cur, year)):
        if b is None or b.three_public_rows is None:
            continue
        g = b.three_public_general()
        r = {'_label': label, '_year': y,
             '因公出国（境）费': g['abroad'], '公务用车购置费': g['buy'],
             '公务用车运行费': g['run'], '公务接待费': g['reception'],
             '公务用车购置及运行费': g['buy'] + g['run']}
        r['合计'] = g['abroad'] + g['buy'] + g['run'] + g['reception']
        for c in table.cols:
            if c.kind == 'amount':
                r[c.key] = blank(table, c.key, r[c.key])
        rows.append(r)
    return rows


class Oracle:
    """Everything expected of one config's tables."""

    def __init__(self, config_path, root, tables_tpl):
        self.cfg = Config(config_path, root)
        self.tables = read_tables(tables_tpl)
        self.cur = Budget(self.cfg.input_dir)
        self.prev = Budget(self.cfg.previous_dir) if self.cfg.previous_dir else None
        self.fnames = code_names(root, 'function', self.cfg.year)
        self.enames = code_names(root, 'economic', self.cfg.year)

    def title(self, tid):
        return self.cfg.expand(self.tables[tid].title)

    def sheet(self, tid):
        t = self.tables[tid]
        return self.cfg.expand(t.sheet) if t.sheet else self.title(tid)

    def empty_note(self, tid):
        t = self.tables[tid]
        return self.cfg.expand(t.empty_note) if t.empty_note else None

    def class_rows(self, tid):
        t = self.tables[tid]
        if tid in FUNCTION_TABLES:
            rows = function_rows(t, self.cur, self.fnames, FUNCTION_TABLES[tid])
        else:
            rows = economic_rows(t, self.cur, self.enames)
        return rows if len(rows) > 1 else []  # only 合计: published empty

    def two_sided(self, tid):
        return two_sided(self.tables[tid], self.cur, self.fnames, tid == 'fiscal_summary')

    def three_public(self, tid):
        return three_public(self.tables[tid], self.cur, self.prev, self.cfg.year)

    def sanity(self):
        """The oracle against the department's own summary.csv: the
        detail and the stated totals agree (else the oracle is wrong)."""
        s = self.cur.summary()
        rows = function_rows(self.tables['expenditure'], self.cur, self.fnames, ALL_SOURCES)
        problems = []
        for key, got in (('支出总计', rows[0]['合计']), ('基本支出', rows[0]['基本支出']),
                         ('项目支出', rows[0]['项目支出'])):
            if key in s and s[key] != got:
                problems.append('%s/summary.csv: %s is %s but expenditure.csv sums to %s'
                                % (self.cur.folder, key, self.cfg.fmt(s[key]), self.cfg.fmt(got)))
        return problems
