#!/usr/bin/python3
"""Property test: every printed table adds up and is close to the data.

For many generated departments, runs `budgetgen tree CONFIG` (the document
model as text) and checks every table it prints:
  (a) every printed total equals the sum of its printed parts, down the
      columns (合计 row, 类 = Σ 款, 款 = Σ 项, 本年收入合计 = Σ sources, …)
      and across the rows (合计 = 基本支出 + 项目支出, = Σ sources, 增减额 =
      本年 − 上年, 小计 = 购置 + 运行 …), at the printed precision;
  (b) every printed figure is within one display step of the exact value,
      computed here from the CSV files (tests/tools/tables_oracle.py and the
      functions below) — never from budgetgen.  A difference of two printed
      figures (增减额) is within two steps (each side is within one).

Departments:
  1. code trees: a department of tools/synth.py whose expenditure.csv is
     replaced by a random tree of 1–4 类, 1–3 款 each and 1–99 项 per 款 (a
     项 code has two digits: 99 is the most a 款 can hold), amounts with
     every digit the unit holds, for every unit (元, 万元) and every decimals
     setting (0 … the unit's maximum), revenue.csv and summary.csv
     recomputed to agree; one department has a 款 of 80 项 in 元 with 2
     decimals (the case that printed wrong figures) and is also built:
     its PDF (pdftotext -layout) and XLSX (openpyxl) are compared with the
     data;
  2. N synthetic departments of tools/synth.py (default 1,000), each at
     decimals 0, 1 and 2.

Deterministic (fixed seed, printed); on failure prints the seed, the
department and what did not hold, and exits 1.  Output: "ok NAME" /
"FAIL NAME: detail" lines, then "prop: N departments, T tables, F wrong".

  tests/prop/prop_tables.py BIN [--departments N] [--trees N] [--seed S]
"""
import argparse
import decimal
import os
import random
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'tools'))
import tables_oracle as O  # noqa: E402

MICRO = 10 ** 6  # every amount is held in millionths of its unit


def micro(text, where=''):
    t = text.replace(',', '').strip()
    if not t:
        return 0
    d = decimal.Decimal(t) * MICRO
    if d != d.to_integral_value():
        raise O.OracleError('%s: more than 6 decimals: %r' % (where, text))
    return int(d)


O.cents = micro  # the oracle's exact values, in millionths


def fmt_micro(v, places):
    """v millionths -> text with `places` decimals (exact, v a multiple)."""
    q = 10 ** (6 - places)
    assert v % q == 0
    neg = v < 0
    a = abs(v) // q
    s = str(a // 10 ** places) + ('.%0*d' % (places, a % 10 ** places) if places else '')
    return ('-' if neg else '') + s


# ---- the tree output ------------------------------------------------------------

class Table:
    def __init__(self, tid):
        self.id = tid
        self.cols = []   # keys
        self.kinds = []
        self.rows = []   # (kind, [cell text])


def parse_tree(text):
    tables = []
    cur = None
    for line in text.splitlines():
        if line == 'table':
            cur = Table(None)
            tables.append(cur)
            continue
        if cur is None:
            continue
        if not line.startswith('  '):
            cur = None
            continue
        s = line.strip()
        m = re.match(r'id (\S+)', s)
        if m and cur.id is None:
            cur.id = m.group(1)
            continue
        m = re.match(r'column \d+ (\S+) (\S+)', s)
        if m:
            cur.cols.append(m.group(1))
            cur.kinds.append(m.group(2))
            continue
        m = re.match(r'row \d+(?: (\w+))?:(.*)$', s)
        if m:
            body = m.group(2)
            body = body[2:] if body.startswith(' |') else body
            cells = [re.sub(r' \{\d+x\d+\}$', '', c.strip()) for c in body.split(' |')]
            while len(cells) < len(cur.cols):
                cells.append('')
            cur.rows.append((m.group(1) or 'normal', cells[:len(cur.cols)]))
    return tables


class Checker:
    def __init__(self, name, decimals):
        self.name = name
        self.decimals = decimals
        self.step = 10 ** (6 - decimals)
        self.problems = []

    def amount(self, t, text):
        if text == '' or text is None:
            return None
        t2 = text.replace(',', '')
        frac = r'\.\d{%d}' % self.decimals if self.decimals else ''
        if not re.fullmatch(r'-?\d+' + frac, t2):
            self.problems.append('%s: %r is not printed with %d decimals' % (t, text, self.decimals))
            return None
        return micro(t2)

    def eq(self, where, got, parts, what):
        g = got or 0
        s = sum(p or 0 for p in parts)
        if g != s:
            self.problems.append('%s: %s printed %s but its parts print %s in all'
                                 % (where, what, fmt_micro(g, self.decimals), fmt_micro(s, self.decimals)))

    def near(self, where, got, exact, steps=1):
        g = got or 0
        if exact is None:
            exact = 0
        if abs(g - exact) >= steps * self.step:
            self.problems.append('%s: printed %s, exact %s (more than %d step%s off)'
                                 % (where, fmt_micro(g, self.decimals), fmt_micro(exact, 6),
                                    steps, 's' if steps > 1 else ''))


# ---- (a) adding up, (b) closeness, per table kind --------------------------------

PART_COLS = {
    'income': ['上年结转'] + O.SOURCES,
    'expenditure': ['基本支出', '项目支出'],
    'general_expenditure': ['基本支出', '项目支出'],
    'fund_expenditure': ['基本支出', '项目支出'],
    'state_capital_expenditure': ['基本支出', '项目支出'],
    'general_basic': ['人员经费', '公用经费'],
}


def check_class(ck, t, oracle):
    idx = {k: i for i, k in enumerate(t.cols)}
    amt = [i for i, k in enumerate(t.kinds) if k == 'amount']
    rows = []
    for kind, cells in t.rows:
        code = ''.join(cells[idx[k]] for k in ('类', '款', '项') if k in idx)
        vals = {t.cols[i]: ck.amount(t.id, cells[i]) for i in amt}
        rows.append((code, vals))
    if not rows:
        return
    exact = {r['_code']: r for r in oracle.class_rows(t.id)}
    for code, vals in rows:
        # across: 合计 = Σ parts shown in this table
        parts = [k for k in PART_COLS[t.id] if k in vals]
        if '合计' in vals and parts:
            ck.eq('%s %s' % (t.id, code or '合计'), vals['合计'], [vals[k] for k in parts], '合计')
        ex = exact.get(code)
        if ex is None:
            ck.problems.append('%s: row %s is not in the data' % (t.id, code))
            continue
        for k, v in vals.items():
            ck.near('%s %s %s' % (t.id, code or '合计', k), v, ex.get(k))
    # down: each row = Σ its children (codes one level longer under it)
    for i, (code, vals) in enumerate(rows):
        kids = [r for r in rows[i + 1:]
                if (code == '' and len(r[0]) == 3) or
                (code and r[0].startswith(code) and len(r[0]) == len(code) + 2)]
        if not kids:
            continue
        for k, v in vals.items():
            ck.eq('%s %s %s' % (t.id, code or '合计', k), v, [r[1][k] for r in kids], 'the sum')


def check_two_sided(ck, t, oracle):
    idx = {k: i for i, k in enumerate(t.cols)}
    fiscal = t.id == 'fiscal_summary'
    left, right = [], []
    for kind, cells in t.rows:
        if cells[idx['收入项目']]:
            left.append((cells[idx['收入项目']], ck.amount(t.id, cells[idx['收入预算数']])))
        if cells[idx['支出项目']]:
            vals = {k: ck.amount(t.id, cells[idx[k]]) for k in
                    ('支出预算数', '一般公共预算', '政府性基金预算', '国有资本经营预算') if k in idx}
            right.append((cells[idx['支出项目']], vals))
    L = dict(left)
    n_in = [i for i, (lab, _) in enumerate(left) if lab == '本年收入合计'][0]
    ck.eq(t.id + ' 本年收入合计', L['本年收入合计'], [v for _, v in left[:n_in]], '本年收入合计')
    ck.eq(t.id + ' 收入总计', L['收入总计'], [L['本年收入合计'], L.get('上年结转')], '收入总计')
    n_out = [i for i, (lab, _) in enumerate(right) if lab == '本年支出合计'][0]
    R = dict(right)
    for k in R['本年支出合计']:
        ck.eq(t.id + ' 本年支出合计 ' + k, R['本年支出合计'][k], [v[k] for _, v in right[:n_out]],
              '本年支出合计')
    ck.eq(t.id + ' 支出总计', R['支出总计']['支出预算数'],
          [R['本年支出合计']['支出预算数'], R.get('结转下年', {}).get('支出预算数')], '支出总计')
    if fiscal:
        for lab, v in right:
            src = [v[k] for k in ('一般公共预算', '政府性基金预算', '国有资本经营预算') if k in v]
            if src:
                ck.eq(t.id + ' ' + lab, v['支出预算数'], src, '支出预算数')
    lx, ltot, rx, rtot = oracle.two_sided(t.id)
    for (lab, v), (_, ex) in zip(left, [(a, b['收入预算数']) for a, b in lx + ltot]):
        ck.near('%s %s' % (t.id, lab), v, ex)
    for (lab, v), (_, ex) in zip(right, rx + rtot):
        for k, got in v.items():
            ck.near('%s %s %s' % (t.id, lab, k), got, ex.get(k), 2 if lab == '结转下年' else 1)


def check_general_tp(ck, t, oracle):
    idx = {k: i for i, k in enumerate(t.cols)}
    ex_rows = {r['_year']: r for r in oracle.three_public(t.id)}
    for kind, cells in t.rows:
        v = {k: ck.amount(t.id, cells[idx[k]]) for k in idx if k != '项目'}
        lab = cells[idx['项目']]
        ck.eq(t.id + ' ' + lab, v['合计'], [v['因公出国（境）费'], v['公务用车购置及运行费'],
                                           v['公务接待费']], '合计')
        ck.eq(t.id + ' ' + lab, v['公务用车购置及运行费'], [v['公务用车购置费'], v['公务用车运行费']],
              '小计')
        ex = ex_rows.get(int(lab[:4]))
        for k, got in v.items():
            ck.near('%s %s %s' % (t.id, lab, k), got, (ex or {}).get(k))


def tp_rows(budget):
    """{kind or 'total': {合计, 一般预算, 基金预算, 财政专户}} of three_public.csv."""
    out = {}
    for r in budget.three_public_rows or []:
        kind = 'total' if r['项目'] == '合计' else None
        for k, names in O.TP_ALIASES.items():
            if r['项目'] in names:
                kind = k
        out[kind] = {f: micro(r.get(f, '') or '') for f in ('合计', '一般预算', '基金预算', '财政专户')}
    if 'total' not in out:
        out['total'] = {f: sum(v[f] for v in out.values()) for f in ('合计', '一般预算', '基金预算', '财政专户')}
    return out


def kind_of(label):
    if label == '合计':
        return 'total'
    for k, names in O.TP_ALIASES.items():
        if label in names:
            return k
    return None


def check_three_public(ck, t, oracle):
    idx = {k: i for i, k in enumerate(t.cols)}
    amt = [k for k, kd in zip(t.cols, t.kinds) if kd == 'amount']
    cur = tp_rows(oracle.cur)
    prev = tp_rows(oracle.prev) if oracle.prev and oracle.prev.three_public_rows else {}
    items, total = [], None
    for kind, cells in t.rows:
        v = {k: ck.amount(t.id, cells[idx[k]]) for k in amt}
        lab = cells[idx['项目']]
        (items if kind != 'total' else [None]).append(v)
        if kind == 'total':
            total = v
        src = [v[k] for k in ('一般预算', '基金预算', '财政专户') if k in v]
        if src and '合计' in v:
            ck.eq(t.id + ' ' + lab, v['合计'], src, '合计')
        if '增减额' in v and '上年' in v:
            ck.eq(t.id + ' ' + lab, v['增减额'], [v['合计'], -(v['上年'] or 0)], '增减额')
        ex = dict(cur.get(kind_of(lab), {}))
        ex['上年'] = prev.get(kind_of(lab), {}).get('合计', 0)
        ex['增减额'] = ex.get('合计', 0) - ex['上年']
        for k, got in v.items():
            ck.near('%s %s %s' % (t.id, lab, k), got, ex.get(k), 2 if k == '增减额' else 1)
    if total is not None:
        for k in amt:
            ck.eq(t.id + ' 合计 ' + k, total[k], [v[k] for v in items], 'the sum')


def summary_figures(budget, enames_unused=None):
    s = {r['项目']: micro(r['金额']) for r in budget.summary_rows or []}
    leaves = budget.leaves()
    basic = sum(b for by in leaves.values() for b, p in by.values())
    project = sum(p for by in leaves.values() for b, p in by.values())
    out = {'收入总计': s.get('收入总计', sum(budget.revenue().values())),
           '支出总计': s.get('支出总计', basic + project),
           '基本支出': s.get('基本支出', basic), '项目支出': s.get('项目支出', project)}
    office = sum(micro(r['公用经费']) for r in budget.basic_economic or [])
    out['机关运行经费'] = s.get('机关运行经费', office)
    out['“三公”经费'] = tp_rows(budget)['total']['合计'] if budget.three_public_rows else 0
    classes = {}
    for code, by in leaves.items():
        classes[code[:3]] = classes.get(code[:3], 0) + sum(b + p for b, p in by.values())
    return out, classes


def check_comparison(ck, t, oracle):
    idx = {k: i for i, k in enumerate(t.cols)}
    cur, ccls = summary_figures(oracle.cur)
    prev, pcls = summary_figures(oracle.prev)
    names = {oracle.fnames[c]: c for c in set(ccls) | set(pcls)}
    rows = {}
    order = []
    for kind, cells in t.rows:
        lab = cells[idx['项目']]
        v = {k: ck.amount(t.id, cells[idx[k]]) for k in ('上年预算数', '本年预算数', '增减额')}
        rows[lab] = v
        order.append(lab)
        ck.eq(t.id + ' ' + lab, v['增减额'], [v['本年预算数'], -(v['上年预算数'] or 0)], '增减额')
        if lab in cur:
            ex = (prev[lab], cur[lab])
        else:
            c = names[lab]
            ex = (pcls.get(c, 0), ccls.get(c, 0))
        ck.near('%s %s 上年' % (t.id, lab), v['上年预算数'], ex[0])
        ck.near('%s %s 本年' % (t.id, lab), v['本年预算数'], ex[1])
        ck.near('%s %s 增减额' % (t.id, lab), v['增减额'], ex[1] - ex[0], 2)
    for k in ('上年预算数', '本年预算数', '增减额'):
        if '支出总计' in rows and '基本支出' in rows:
            ck.eq(t.id + ' 支出总计 ' + k, rows['支出总计'][k],
                  [rows['基本支出'][k], rows['项目支出'][k]], '支出总计')
        cls = [lab for lab in order if lab not in cur]
        if cls and '支出总计' in rows:
            ck.eq(t.id + ' 类 ' + k, rows['支出总计'][k], [rows[lab][k] for lab in cls],
                  '支出总计 (Σ 类)')


CHECKS = {
    'income_expense_summary': check_two_sided, 'fiscal_summary': check_two_sided,
    'general_three_public': check_general_tp, 'three_public': check_three_public,
    'comparison': check_comparison,
}
for _t in PART_COLS:
    CHECKS[_t] = check_class


def check_department(binary, config, name, decimals, fnames=None):
    """Runs `tree` and checks every table; returns (tables checked, wrong tables, problems)."""
    p = subprocess.run([binary, 'tree', config], cwd=ROOT, capture_output=True)
    if p.returncode != 0:
        return 0, 1, ['%s: budgetgen tree exit %d: %s' % (name, p.returncode,
                                                          p.stderr.decode()[-400:])]
    oracle = O.Oracle(os.path.join(ROOT, config), ROOT, os.path.join(ROOT, 'templates', 'tables.tpl'))
    if fnames:
        oracle.fnames = fnames
    n, wrong, problems = 0, 0, []
    for t in parse_tree(p.stdout.decode()):
        if t.id not in CHECKS or not t.rows:
            continue
        ck = Checker(name, decimals)
        try:
            CHECKS[t.id](ck, t, oracle)
        except (KeyError, IndexError, O.OracleError) as e:
            ck.problems.append('%s: could not check (%s: %s)' % (t.id, type(e).__name__, e))
        n += 1
        if ck.problems:
            wrong += 1
            problems += ['%s %s' % (name, p) for p in ck.problems[:5]]
    return n, wrong, problems


# ---- generating departments -----------------------------------------------------

def set_config(path, **kv):
    text = open(path, encoding='utf-8').read()
    for k, v in kv.items():
        text, n = re.subn(r'(?m)^(%s\s*=).*$' % k, r'\g<1> %s' % v, text)
        if n == 0:
            sect = '[input]' if k.endswith('_codes') else '[units]'
            text = text.replace(sect + '\n', '%s\n%s = %s\n' % (sect, k, v))
    open(path, 'w', encoding='utf-8').write(text)


def write_csv(path, head, rows):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(','.join(head) + '\n')
        for r in rows:
            f.write(','.join(r) + '\n')


def random_tree(rng, folder, codes, unit_max, big=None):
    """Replaces expenditure.csv by a random tree; keeps the 一般公共预算
    basic total (basic_economic.csv is checked against it); recomputes
    revenue.csv and summary.csv.  Returns the added code names."""
    old = O.Budget(folder)
    gen_basic = sum(v.get('一般公共预算拨款收入', [0, 0])[0] for v in old.leaves().values())
    kuans = sorted(c for c in codes if len(c) == 5)
    leis = sorted({k[:3] for k in kuans})
    chosen = []
    for lei in rng.sample(leis, rng.randint(1, 4)):
        ks = [k for k in kuans if k.startswith(lei)]
        chosen += rng.sample(ks, min(len(ks), rng.randint(1, 3)))
    if big:
        chosen = [chosen[0]]
    added = {}
    lines = []
    q = 10 ** (6 - unit_max)  # the finest amount the unit holds
    for kuan in chosen:
        n = big or rng.choice([1, 2, 3, rng.randint(1, 20), rng.randint(1, 99)])
        for x in rng.sample(range(1, 100), n):
            code = '%s%02d' % (kuan, x)
            if code not in codes:
                added[code] = '%s项目%d' % (codes[kuan], x)
            src = rng.choice(O.ALL_SOURCES[:1] * 4 + O.ALL_SOURCES)
            basic = rng.randint(0, 500 * MICRO // q) * q if src != '一般公共预算拨款收入' else 0
            project = rng.randint(0, 3000 * MICRO // q) * q
            if rng.random() < 0.3:  # small amounts: rounding to 0 and 尾差
                project = rng.randint(1, 3 * 10 ** 6 // q) * q
            lines.append([code, src, basic, project])
    # the 一般公共预算 basic spending of the old file, spread over lines
    gl = [ln for ln in lines if ln[1] == '一般公共预算拨款收入'] or [lines[0]]
    gl[0][1] = '一般公共预算拨款收入'
    rest = gen_basic
    for i, ln in enumerate(gl):
        part = rest if i == len(gl) - 1 else rng.randint(0, rest // q) * q if rest else 0
        ln[2] = part
        rest -= part
    rows = [[c, '', s, fmt_micro(b, unit_max) if b else '', fmt_micro(p, unit_max) if p else '']
            for c, s, b, p in lines]
    write_csv(os.path.join(folder, 'expenditure.csv'), ['科目编码', '科目名称', '资金来源', '基本支出', '项目支出'], rows)
    rev = {s: 0 for s in O.ALL_SOURCES}
    for c, s, b, p in lines:
        rev[s] += b + p
    write_csv(os.path.join(folder, 'revenue.csv'), ['收入项目', '预算数'],
              [[s, fmt_micro(v, unit_max)] for s, v in rev.items() if v])
    tb, tp = sum(ln[2] for ln in lines), sum(ln[3] for ln in lines)
    summ = {r['项目']: r['金额'] for r in old.summary_rows}
    summ.update({'收入总计': fmt_micro(tb + tp, unit_max), '支出总计': fmt_micro(tb + tp, unit_max),
                 '基本支出': fmt_micro(tb, unit_max), '项目支出': fmt_micro(tp, unit_max)})
    write_csv(os.path.join(folder, 'summary.csv'), ['项目', '金额'], list(summ.items()))
    # 上年's folder keeps its figures; a reason for every change over 10%
    # is not needed (warnings do not stop `tree`).
    return added


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('binary')
    ap.add_argument('--departments', type=int, default=int(os.environ.get('PROP_DEPARTMENTS', 1000)))
    ap.add_argument('--trees', type=int, default=int(os.environ.get('PROP_TREES', 60)))
    ap.add_argument('--seed', type=int, default=int(os.environ.get('PROP_SEED', 12)))
    ap.add_argument('--work', default='build/prop')
    ap.add_argument('--pdf-xlsx', action='store_true', help='also build the 80-项 case and read PDF and XLSX back')
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    print('prop: seed %d' % args.seed)
    work = os.path.join(ROOT, args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    n_dept = args.departments + args.trees + 1
    subprocess.run([sys.executable, os.path.join(ROOT, 'tools', 'synth.py'), '--out', args.work,
                    '--departments', str(n_dept), '--seed', str(args.seed), '--perf-rows', '5'],
                   cwd=ROOT, check=True, capture_output=True)
    rng = random.Random(args.seed)
    codes = O.code_names(ROOT, 'function', 2021)  # the year synth.py writes
    total_depts = total_tables = total_wrong = 0
    wrong_depts = []
    failures = []

    def run(cfg, name, dec, fnames=None):
        nonlocal total_depts, total_tables, total_wrong
        n, w, probs = check_department(binary, cfg, name, dec, fnames)
        total_depts += 1
        total_tables += n
        total_wrong += w
        if w:
            wrong_depts.append(name)
            failures.extend(probs[:8])

    cfgs = sorted(os.listdir(os.path.join(work, 'config')))
    # 1. code trees (the first args.trees + 1 departments)
    tree_cfgs = cfgs[:args.trees + 1]
    big_cfg = None
    for i, c in enumerate(tree_cfgs):
        cfg = os.path.join(args.work, 'config', c)
        folder = os.path.join(work, 'input', c[:-4] + '-2021')
        big = 80 if i == 0 else None
        unit = '元' if big or rng.random() < 0.5 else '万元'
        umax = 2 if unit == '元' else 6
        dec = umax if big else rng.randint(0, umax)
        added = random_tree(rng, folder, codes, umax, big)
        names = dict(codes, **added)
        clist = os.path.join(args.work, 'codes-%s.csv' % c[:-4])
        write_csv(os.path.join(ROOT, clist), ['科目编码', '科目名称'], sorted(names.items()))
        set_config(os.path.join(ROOT, cfg), unit=unit, decimals=dec,
                   thousands=rng.choice(['yes', 'no']), function_codes=clist)
        if big:
            big_cfg = (cfg, names)
        run(cfg, '%s (tree, %s, decimals %d)' % (c, unit, dec), dec, names)
    tree_wrong = len(wrong_depts)
    # 2. synthetic departments at decimals 0, 1, 2
    for c in cfgs[args.trees + 1:]:
        cfg = os.path.join(args.work, 'config', c)
        for dec in (0, 1, 2):
            set_config(os.path.join(ROOT, cfg), decimals=dec)
            run(cfg, '%s (万元, decimals %d)' % (c, dec), dec)
    print('prop: code trees: %d departments, %d with a wrong table'
          % (len(tree_cfgs), tree_wrong))
    print('prop: %d department builds, %d tables, %d wrong tables in %d departments'
          % (total_depts, total_tables, total_wrong, len(wrong_depts)))
    print('ok prop-tree-checked' if total_tables else 'FAIL prop-tree-checked: no table checked')
    if failures:
        print('FAIL prop-tables-add-up: seed %d; first departments: %s'
              % (args.seed, ', '.join(wrong_depts[:5])))
        for f in failures[:30]:
            print('  ' + f)
    else:
        print('ok prop-tables-add-up')
    if args.pdf_xlsx and big_cfg:
        pdf_xlsx(binary, big_cfg[0], big_cfg[1])
    return 1 if failures else 0


def pdf_xlsx(binary, cfg, names):
    """The 80-项 department (元, 2 decimals): its PDF and XLSX against the data."""
    out = os.path.join(ROOT, 'build', 'prop', 'out')
    p = subprocess.run([binary, 'build', '-q', '-o', out, cfg], cwd=ROOT, capture_output=True)
    if p.returncode != 0:
        print('FAIL prop-64-build: exit %d: %s' % (p.returncode, p.stderr.decode()[-300:]))
        return
    oracle = O.Oracle(os.path.join(ROOT, cfg), ROOT, os.path.join(ROOT, 'templates', 'tables.tpl'))
    oracle.fnames = names
    rows = [r for r in oracle.class_rows('expenditure') if r['_level'] == 3]
    pdf = [f for f in os.listdir(out) if f.endswith('.pdf')][0]
    xlsx = pdf[:-4] + '.xlsx'
    text = subprocess.run(['pdftotext', '-layout', os.path.join(out, pdf), '-'],
                          capture_output=True).stdout.decode()
    n_pdf_lines = len(text.splitlines())
    assert n_pdf_lines > 0
    # PDF: every 项 of the expenditure table prints its exact 合计 / 基本 /
    # 项目 on the line with its name (部门支出总表 shows them in that order).
    lines = text.splitlines()
    bad = []
    for r in rows:
        name = names[r['_code']]
        want = [O.fmt_amount(r[k] // 10 ** 4, 2, oracle.cfg.thousands) if r[k] else ''
                for k in ('合计', '基本支出', '项目支出')]
        found = False
        for ln in lines:
            tok = ln.split()
            if tok[:3] == [r['_code'][:3], r['_code'][3:5], r['_code'][5:7]]:
                nums = [t for t in ln.split() if re.fullmatch(r'-?[\d,]+\.\d\d', t)]
                if [w for w in want if w] == nums[:len([w for w in want if w])]:
                    found = True
                    break
        if not found:
            bad.append('%s %s: want %s' % (r['_code'], name, want))
    print('FAIL prop-64-pdf: %d of %d 项 rows: %s' % (len(bad), len(rows), '; '.join(bad[:4]))
          if bad else 'ok prop-64-pdf (%d 项 rows)' % len(rows))
    # XLSX: the 部门支出总表 sheet holds every 项's exact amounts.
    import openpyxl
    wb = openpyxl.load_workbook(os.path.join(out, xlsx))
    ws = wb['部门支出总表']
    by_code = {}
    kuan = rows[0]['_code'][:5] if rows else ''
    for row in ws.iter_rows(values_only=True):
        cells = ['' if c is None else c for c in row]
        if len(cells) > 4 and cells[0] == kuan[:3] and cells[1] == kuan[3:] and not cells[2]:
            m = re.fullmatch(r'=SUM\(E(\d+):E(\d+)\)', str(cells[4]))
            if not m or int(m.group(2)) - int(m.group(1)) + 1 != len(rows):
                print('FAIL prop-64-xlsx-sum: the 款 %s sums %r, not its %d 项' % (kuan, cells[4], len(rows)))
            else:
                print('ok prop-64-xlsx-sum')
        if len(cells) > 4 and all(isinstance(c, str) for c in cells[:3]) and len(''.join(cells[:3])) == 7:
            by_code[''.join(cells[:3])] = cells[4:7]
    bad = []
    for r in rows:
        got = by_code.get(r['_code'])
        want = [(r[k] or 0) / MICRO for k in ('合计', '基本支出', '项目支出')]
        if got is None or any(abs((g or 0) - w) > 1e-9 if isinstance(g, (int, float)) or g in ('', None)
                              else True for g, w in zip(got, want)):
            bad.append('%s: got %s want %s' % (r['_code'], got, want))
    print('FAIL prop-64-xlsx: %d of %d 项 rows: %s' % (len(bad), len(rows), '; '.join(bad[:4]))
          if bad else 'ok prop-64-xlsx (%d 项 rows)' % len(rows))


if __name__ == '__main__':
    sys.exit(main())
