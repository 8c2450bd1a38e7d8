#!/usr/bin/python3
"""End-to-end checks of the sample PDF's text against the input data.

usage: pdf_text_checks.py PDF INPUT_DIR
Prints one line per check ("ok ..." or "FAIL ...") and exits 1 on any failure.
The text comes from `pdftotext -raw` (content-stream order: a wrapped table
cell's lines are consecutive), with all white space removed, so a sentence or
a cell wrapped over several lines still matches as one string.
"""
import csv, re, subprocess, sys

pdf, indir = sys.argv[1], sys.argv[2]
raw = subprocess.run(['pdftotext', '-raw', pdf, '-'], capture_output=True, check=True).stdout.decode()
flat = re.sub(r'\s+', '', raw)
failures = 0

def check(cond, what):
    global failures
    print(('ok   ' if cond else 'FAIL ') + what)
    if not cond:
        failures += 1

def strip(s):
    return re.sub(r'\s+', '', s)

# Every heading, in order.
headings = ['一、部门主要职责及机构设置', '二、部门预算安排总体情况', '三、机关运行经费安排情况',
            '四、财政拨款“三公”经费预算情况及增减变化原因', '五、绩效预算信息', '六、名词解释',
            '七、其他需要说明的事项']
pos = [flat.find(h) for h in headings]
check(all(p >= 0 for p in pos), 'all seven headings present')
check(pos == sorted(pos), 'headings in order')

# The figures and the generated sentences of seed 004, word for word.
sentences = [
    '2020年全年预计收入72899万元，其中：财政拨款收入72899万元。',
    '支出总计72899万元，其中：基本支出16356万元，项目支出56543万元。',
    '2020年部门预算收支安排72899万元，较2019年预算增加10000万元，其中：基本支出减少3590万元，项目支出增加13600万元。',
    '2020年开发区各部门公用经费支出1059万元。',
    '安排“三公经费”240万元，较2019年下降2%。',
    '车辆运行费2020年预算安排70万元，与上年持平；车辆购置费2020年预算安排60万元，与上年持平；'
    '公务接待费2020年预算安排70万元，与上年持平；因公出国经费2020年预算安排40万元，较上年度减少5万元，同比下降11.1%。',
    '因公出国经费减少原因是出国考察一切从简。',
]
for s in sentences:
    check(s in flat, 'sentence: ' + s[:40])

# Every text file's paragraphs and every list item appear.
for name in ['duties.txt', 'overall_goal.txt', 'notes.txt']:
    for line in open(f'{indir}/{name}', encoding='utf-8'):
        if line.strip():
            check(strip(line) in flat, f'{name} paragraph present')
for name, fmt in [('duty_goals.csv', '{0}。{1}'), ('glossary.csv', '{0}：{1}')]:
    rows = list(csv.reader(open(f'{indir}/{name}', encoding='utf-8')))[1:]
    check(all(strip(fmt.format(*r)) in flat for r in rows), f'{name}: all {len(rows)} items present')

# The performance table: every row's indicator cells (not merged) appear as
# often as in the input, so no row is lost or duplicated.
rows = list(csv.DictReader(open(f'{indir}/performance.csv', encoding='utf-8')))
counts = {}
for r in rows:
    key = strip(r['绩效指标'] + r['指标描述'])
    if key:
        counts[key] = counts.get(key, 0) + 1
bad = [k for k, n in counts.items() if flat.count(k) < n]
check(not bad, f'performance table: all {len(rows)} rows present ({len(counts)} distinct indicators)'
      + ('' if not bad else '; missing: ' + ', '.join(bad[:3])))
indicator_rows = sum(counts.values())
check(sum(flat.count(k) for k in counts) == indicator_rows,
      f'performance table: {indicator_rows} indicator rows printed, no extra copies')

# Three public expenses table values in the layout text.
layout = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, check=True).stdout.decode()
for label, total, change in [('车辆运行费', '70', '0%'), ('车辆购置费', '60', '0%'),
                             ('公务接待费', '70', '0%'), ('因公出国经费', '40', '11.1%'), ('合计', '240', '2%')]:
    m = re.search(re.escape(label) + r'\s+' + total + r'\s+' + re.escape(change) + r'\s+' + total, layout)
    check(m is not None, f'三公 table row {label} {total} {change} {total}')

sys.exit(1 if failures else 0)
