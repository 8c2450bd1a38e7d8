# Point 2 of issue 13: input typed in 元 ([input] unit = 元), published in
# 万元.  Every amount of the minimal department is multiplied by 10,000
# (so the rest is consistent), and 机关运行经费 is typed 1200000.005 元: half
# a fen, which no amount can hold.  Refused, not rounded.
sed -i 's|^dir      = input/2021$|unit     = 元\ndir      = input/2021|' config.ini
python3 - <<'PY'
import csv, glob, io
from decimal import Decimal
AMT = {'金额', '基本支出', '项目支出', '人员经费', '公用经费', '预算数', '合计', '一般预算', '基金预算', '财政专户'}
for f in glob.glob('input/*/*.csv'):
    rows = list(csv.reader(io.StringIO(open(f, encoding='utf-8').read())))
    for r in rows[1:]:
        for i, c in enumerate(r):
            if i < len(rows[0]) and rows[0][i] in AMT and c.strip():
                r[i] = str(Decimal(c.replace(',', '')) * 10000)
    out = io.StringIO()
    csv.writer(out, lineterminator='\n').writerows(rows)
    open(f, 'w', encoding='utf-8').write(out.getvalue())
PY
sed -i 's|^机关运行经费,.*|机关运行经费,1200000.005|' input/2021/summary.csv
