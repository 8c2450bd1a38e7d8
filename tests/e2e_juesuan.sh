# End-to-end tests of the 决算 document kind (issue 18, docs/juesuan.md),
# sourced by tests/run.sh (pass, fail, BIN, ROOT).  Expectations are written
# by hand from the inputs (tests/data/js_minimal.sh, input/jianshe-juesuan-2021)
# and the rules of FORMATS.md §2, never taken from budgetgen's output:
#   1. the small 决算: the four 项 sentences (equal, over, a 年初预算 of 0,
#      nothing spent), worded by case, no completion rate on a zero budget,
#      never 完成100% beside 大于; the empty tables with their notes;
#   2. the sample: every identity of FORMATS.md §2 on the workbook read back
#      (python3 + openpyxl), computed again from the CSV files; the numbers of
#      the 情况说明 against the tables in the PDF text;
#   4. the summaries' fixed list of 类 (blank without money) in the PDF, the
#      workbook (labels, =SUM formulas, cached values) and the open data; the
#      “三公” table's 合计 and 小计 as formulas across the row.
JS=$(mktemp -d)
mkdir -p "$JS/root/tests/bad/js" "$JS/root/templates"
cp -r templates/. "$JS/root/templates/"
(cd "$JS/root/tests/bad/js" && bash "$ROOT/tests/data/js_minimal.sh")
if (cd "$JS/root/tests/bad/js" && "$BIN" --root "$JS/root" build -o "$JS/out" config.ini 2>"$JS/err"); then
    pass
else
    fail "e2e_juesuan: the small 决算 does not build: $(head -3 "$JS/err")"
fi
# The PDF's text without page footers and whitespace, in $JS/flat: a
# paragraph broken by a page reads whole.
js_flatten() {
    pdftotext -layout "$1" - 2>/dev/null | sed 's/^ *第[0-9]* *页 *共[0-9]* *页 *$//' | tr -d ' \n\f' >"$JS/flat"
}
js_flatten "$JS/out/测试市示例局-2021.pdf"
js_has() {
    if grep -qF -- "$1" "$JS/flat"; then pass; else fail "e2e_juesuan: no text \"$1\""; fi
}
js_lacks() {
    if grep -qF -- "$1" "$JS/flat"; then fail "e2e_juesuan: unexpected \"$1\""; else pass; fi
}
# 2010101: 100.00 of 100.00 → 100.0%, 持平, no reason.
js_has "1、一般公共服务支出（类）人大事务（款）行政运行（项）。年初预算为100.00万元，支出决算为100.00万元，完成年初预算的100.0%，决算数与预算数持平。"
# 2010102: 60 of 50 → 120.0%, 大于, the stated reason.
js_has "年初预算为50.00万元，支出决算为60.00万元，完成年初预算的120.0%，决算数大于预算数的主要原因是新增专项工作。"
# 2010103: a 年初预算 of 0: no rate.
js_has "机关服务（项）。年初预算为0万元，支出决算为30.00万元，决算数大于年初预算数的主要原因是年中追加。"
# 2010104: nothing spent of 40.
js_has "人大会议（项）。年初预算为40.00万元，支出决算为0万元，决算数小于预算数的主要原因是会议延期。"
js_lacks "完成年初预算的0"
js_lacks "完成年初预算的100.0%，决算数大于"
# No 三公, no 政府性基金, no 国有资本经营: the tables stay, with their notes.
js_has "本部门2021年度没有财政拨款“三公”经费支出，故本表为空表。"
js_has "说明：测试市示例局本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。"
js_has "说明：测试市示例局本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。"
js_has "测试市示例局2021年度无“三公”经费财政拨款支出。"

# 1b. Against last year's 决算: 2020 spent 80.00 (not 100.00) on 2010101, so
# 收入总计 180.00 → 200.00 (+20.00, 20/180 = 11.11% → 11.1%), 财政拨款收入支出总计
# (本年收入 + 年初结转和结余) 180.00 → 200.00 alike, 一般公共预算财政拨款支出 170.00 →
# 190.00 (20/170 = 11.76% → 11.8%).  js_reasons.csv explains the first; the
# other two change by more than reason_threshold (10%) without a reason.
J2=$JS/root/tests/bad/js
mkdir -p "$J2/input/js2020"
cp "$J2"/input/js/*.csv "$J2/input/js2020/"
sed -i 's/^2010101,行政运行,一般公共预算,100.00,/2010101,行政运行,一般公共预算,80.00,/' "$J2/input/js2020/js_expenditure.csv"
sed -i 's/^2010101,行政运行,100.00$/2010101,行政运行,80.00/' "$J2/input/js2020/js_income.csv"
sed -i 's/^一般公共预算,10.00,190.00,190.00,10.00$/一般公共预算,10.00,170.00,170.00,10.00/' "$J2/input/js2020/js_fiscal.csv"
sed -i 's/^30101,基本工资,70.00$/30101,基本工资,50.00/' "$J2/input/js2020/js_basic_economic.csv"
printf '项目,原因\n收入总计,行政运行支出增加\n' >"$J2/input/js/js_reasons.csv"
sed -i 's#^dir            = input/js$#dir            = input/js\nprevious       = input/js2020#' "$J2/config.ini"
(cd "$J2" && "$BIN" --root "$JS/root" build -o "$JS/out2" config.ini 2>"$JS/err3")
cat >"$JS/want3" <<'TXT'
input/js/js_reasons.csv: warning: 财政拨款收入支出总计 changed from 180.00 to 200.00 against last year's 决算, more than the 10% of reason_threshold, but js_reasons.csv gives no reason for it
input/js/js_reasons.csv: warning: 一般公共预算财政拨款支出 changed from 170.00 to 190.00 against last year's 决算, more than the 10% of reason_threshold, but js_reasons.csv gives no reason for it
budgetgen: config.ini: 0 errors, 2 warnings
TXT
if head -3 "$JS/err3" | diff -u "$JS/want3" - >"$JS/d3"; then pass; else fail "e2e_juesuan: last year's 决算: $(cat "$JS/d3")"; fi
js_flatten "$JS/out2/测试市示例局-2021.pdf"
js_has "与2020年度相比，收入、支出总计增加20.00万元，增长11.1%。主要原因：行政运行支出增加。"
js_has "与2020年度相比，财政拨款收入支出总计增加20.00万元，增长11.1%。"
js_has "与2020年度相比，一般公共预算财政拨款支出增加20.00万元，增长11.8%。"

# 2. The sample: identities on the workbook, recomputed from the CSV files.
if "$BIN" build -q -o "$JS/s" config/jianshe-juesuan-2021.ini 2>"$JS/err2"; then
    pass
else
    fail "e2e_juesuan: the sample does not build: $(head -3 "$JS/err2")"
fi
if /usr/bin/python3 - "$JS/s/示例市住房和城乡建设局-2021-决算.xlsx" input/jianshe-juesuan-2021 \
    "$JS/s/示例市住房和城乡建设局-2021-决算.pdf" >"$JS/py" 2>&1 <<'PY'; then
import csv, subprocess, sys
from decimal import Decimal as D
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], data_only=True)
inp = sys.argv[2]
def rows(name): return list(csv.DictReader(open(f"{inp}/{name}", encoding="utf-8")))
def d(x): return D(str(x)) if x not in (None, "") else D(0)
bad = []
def eq(what, a, b):
    if d(a) != d(b): bad.append(f"{what}: {a} != {b}")
def sheet(title):
    ws = wb[title]
    return [[c.value for c in r] for r in ws.iter_rows()]
def find(grid, label, col=0):
    for r in grid:
        if r[col] == label: return r
    bad.append(f"no row {label}")
    return [None] * 12
exp, inc = rows("js_expenditure.csv"), rows("js_income.csv")
fis = {r["资金来源"]: r for r in rows("js_fiscal.csv")}
bal = {r["项目"]: d(r["决算数"]) for r in rows("js_balance.csv")}
COLS = ["基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
INC = ["财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
exp_total = sum(d(r.get(c)) for r in exp for c in COLS)
inc_total = sum(d(r.get(c)) for r in inc for c in INC)
t1 = sheet("收入支出决算总表")
r = find(t1, "本年收入合计"); eq("t1 本年收入合计", r[1], inc_total); eq("t1 本年支出合计", r[3], exp_total)
tot = find(t1, "总计")
eq("收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", tot[1], inc_total + bal["使用非财政拨款结余"] + bal["年初结转和结余"])
eq("支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", tot[3], exp_total + bal["结余分配"] + bal["年末结转和结余"])
eq("收入总计 = 支出总计", tot[1], tot[3])
t2 = sheet("收入决算表"); r2 = find(t2, "合计", 1)
eq("t1 本年收入合计 = t2 合计", r[1], r2[2])
eq("t2 合计 = Σ columns", r2[2], sum(d(x) for x in r2[3:9]))
t3 = sheet("支出决算表"); r3 = find(t3, "合计", 1)
eq("t1 本年支出合计 = t3 合计", r[3], r3[2])
for i, c in enumerate(COLS):
    eq(f"t3 {c}", r3[3 + i], sum(d(x.get(c)) for x in exp))
t4 = sheet("财政拨款收入支出决算总表"); r4 = find(t4, "本年收入合计")
eq("t2 财政拨款收入 = t4 本年收入", r2[3], r4[1])
eq("t4 本年收入", r4[1], sum(d(f["本年收入"]) for f in fis.values()))
t5 = sheet("一般公共预算财政拨款支出决算表"); r5 = find(t5, "合计", 1)
gen = [x for x in exp if x["资金来源"] == "一般公共预算"]
eq("t4 一般公共预算 = t5 合计", r4[4], r5[2])
eq("t5 合计", r5[2], sum(d(x["基本支出"]) + d(x["项目支出"]) for x in gen))
# 类 = Σ 款 = Σ 项 in t5
for row in t5:
    code = row[0]
    if isinstance(code, str) and len(code) in (3, 5):
        kids = [x for x in t5 if isinstance(x[0], str) and len(x[0]) == len(code) + 2 and x[0].startswith(code)]
        eq(f"t5 {code} = Σ its children", row[2], sum(d(x[2]) for x in kids))
t6 = sheet("一般公共预算财政拨款基本支出决算表"); r6 = find(t6, "人员经费合计")
eq("t5 基本支出 = t6 人员经费 + 公用经费", r5[3], d(r6[2]) + d(r6[5]))
t7 = sheet("三公经费支出决算表")
r7 = [x for x in t7 if isinstance(x[0], (int, float))][-1]  # its figures row (the note follows)
eq("三公 预算数 合计 = items", r7[0], d(r7[2]) + d(r7[4]) + d(r7[10]))
eq("三公 决算数 合计 = items", r7[1], d(r7[3]) + d(r7[5]) + d(r7[11]))
eq("三公 用车 = 购置 + 运行", r7[5], d(r7[7]) + d(r7[9]))
for s, f in fis.items():
    eq(f"{s} 年末 = 年初 + 收入 − 支出", f["年末结转和结余"], d(f["年初结转和结余"]) + d(f["本年收入"]) - d(f["本年支出"]))
# The text's numbers equal the tables'.
text = subprocess.run(["pdftotext", sys.argv[3], "-"], capture_output=True, text=True).stdout.replace("\n", "").replace(" ", "")
def money(v): return f"{d(v):,.2f}"
for what, v in [("收入、支出总计均为", tot[1]), ("本年收入合计", r[1]), ("本年支出合计", r[3]),
                ("一般公共预算财政拨款支出", r5[2]), ("一般公共预算财政拨款基本支出", r5[3]),
                ("人员经费", r6[2]), ("公用经费", r6[5])]:
    if what + money(v) + "万元" not in text: bad.append(f"text: no {what}{money(v)}万元")
# 五(二): each 类's share of the 一般公共预算财政拨款支出, from table 5's 类 rows.
total5 = d(r5[2])
parts = []
for row in t5:
    if isinstance(row[0], str) and len(row[0]) == 3:
        pct = (d(row[2]) * 1000 / total5 + D("0.5")).to_integral_value(rounding="ROUND_FLOOR") / 10
        parts.append(f"{row[1]}（类）{money(row[2])}万元，占{pct:.1f}%")
want = "主要用于以下方面：" + "；".join(parts) + "。"
if want not in text: bad.append(f"text: no {want}")
# 七: the 三公 figures of table 7 in the text.
for what, v in [("支出决算为", r7[1]), ("因公出国（境）费决算为", r7[3]),
                ("公务用车购置及运行维护费支出决算为", r7[5]), ("公务接待费支出决算为", r7[11])]:
    if what + money(v) + "万元" not in text: bad.append(f"text: no {what}{money(v)}万元")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
    pass
else
    fail "e2e_juesuan: identities: $(head -8 "$JS/py")"
fi
# The sample's 三公 sentences, by hand from js_three_public.csv (决算) and
# input/jianshe-2021/three_public.csv's 一般预算 column (预算数: 出国 6.00, 购置
# 28.00, 运行 19.80, 接待 8.15; 合计 61.95) and input/jianshe-juesuan-2020 (出国
# 6.80, 用车 0 + 20.10, 接待 8.40; 合计 35.30): 58.70/61.95 = 94.75% → 94.8%,
# 5.20/6.00 = 86.67% → 86.7%, 46.60/47.80 = 97.49% → 97.5%, 6.90/8.15 = 84.66%
# → 84.7%; 58.70 − 35.30 = 23.40, 23.40/35.30 = 66.29% → 66.3%; 5.20 − 6.80 =
# −1.60, 1.60/6.80 = 23.53% → 23.5%; 46.60 − 20.10 = 26.50, 131.84% → 131.8%;
# 6.90 − 8.40 = −1.50, 17.86% → 17.9%.
# Each table's 注 stands under the table it explains (a table note), never
# alone on a page of its own, and every one of the nine is printed.
JP="$JS/s/示例市住房和城乡建设局-2021-决算.pdf"
n=$(pdfinfo "$JP" 2>/dev/null | awk '/^Pages:/ {print $2}')
alone=""
for p in $(seq 1 "${n:-0}"); do
    body=$(pdftotext -layout -f "$p" -l "$p" "$JP" - 2>/dev/null | grep -v '^\s*$' | grep -v '第[0-9]*页 *共[0-9]*页' | tr -d ' ')
    case "$body" in 注：*) [ "$(printf '%s\n' "$body" | wc -l)" -le 2 ] && alone="$alone $p" ;; esac
done
[ -z "$alone" ] && pass || fail "e2e_juesuan: a table's note stands alone on page(s)$alone"
notes=$(pdftotext "$JP" - 2>/dev/null | tr -d ' \n' | grep -o '注：本表反映' | wc -l)
[ "$notes" -eq 9 ] && pass || fail "e2e_juesuan: $notes table notes, expected 9"
# The open data of a 决算 say so: every fact is kind 决算, phase executed
# (Fiscal Data Package), and datapackage.json names that phase.
JD="$JS/s/示例市住房和城乡建设局-2021-决算.data"
if [ -s "$JD/facts.csv" ] && /usr/bin/python3 - "$JD" <<'PY'; then pass; else fail "e2e_juesuan: the 决算's open data are not marked 决算/executed"; fi
import csv, json, sys
d = sys.argv[1]
rows = list(csv.DictReader(open(d + "/facts.csv", encoding="utf-8-sig")))
pkg = json.load(open(d + "/datapackage.json", encoding="utf-8"))
ok = rows and all(r["kind"] == "决算" and r["phase"] == "executed" for r in rows)
ok = ok and '"phase": "executed"' in json.dumps(pkg, ensure_ascii=False)
sys.exit(0 if ok else 1)
PY
js_flatten "$JS/s/示例市住房和城乡建设局-2021-决算.pdf"
js_has "“三公”经费财政拨款支出年初预算为61.95万元，支出决算为58.70万元，完成预算的94.8%。其中：因公出国（境）费决算为5.20万元，完成预算的86.7%；公务用车购置及运行维护费支出决算为46.60万元，完成预算的97.5%；公务接待费支出决算为6.90万元，完成预算的84.7%。"
js_has "因公出国（境）费决算数小于预算数的主要原因是部分出访计划取消。公务用车购置费决算数与预算数持平。公务用车运行维护费决算数小于预算数。公务接待费决算数小于预算数的主要原因是厉行节约，压减接待批次。"
# (the paragraph crosses a page: its footer stands between 购置 and 及运行)
js_has "2021年度“三公”经费财政拨款支出决算数比2020年度增加23.40万元，增长66.3%，其中：因公出国（境）费支出决算减少1.60万元，下降23.5%；公务用车购置"
js_has "及运行维护费支出决算增加26.50万元，增长131.8%；公务接待费支出决算减少1.50万元，下降17.9%。"
# A 项 budgeted and not spent (2120102, 186.40 in input/jianshe-2021), and
# one over its budget (2210103: 1,580.00 → 1,659.00, 105.0%).
js_has "一般行政管理事务（项）。年初预算为186.40万元，支出决算为0万元，决算数小于预算数的主要原因是相关管理事务并入行政运行，本项目未执行。"
js_has "棚户区改造（项）。主要用于棚户区改造项目。年初预算为1,580.00万元，支出决算为1,659.00万元，完成年初预算的105.0%，决算数大于预算数的主要原因是追加棚户区改造配套资金。"
# The cover says the figures are invented.
js_has "（示例数据：本决算的全部数字均为虚构，仅用于演示）"

# 1c. A completion rate that rounds to 100.0% for a 决算 below its budget:
# 100.00 of 100.01 is 99.990…% → never "100.0%": 不足100.0%.
cp -r "$J2/input/js" "$J2/input/js3"
sed -i 's/^2010101,行政运行,一般公共预算,100.00,,100.00,$/2010101,行政运行,一般公共预算,100.00,,100.01,/' "$J2/input/js3/js_expenditure.csv"
sed 's#^dir            = input/js$#dir            = input/js3#' "$J2/config.ini" >"$J2/config3.ini"
(cd "$J2" && "$BIN" --root "$JS/root" tree config3.ini 2>/dev/null | tr -d ' ' >"$JS/flat")
js_has "行政运行（项）。年初预算为100.01万元，支出决算为100.00万元，完成年初预算的不足100.0%，决算数小于预算数。"
js_lacks "完成年初预算的100.0%，决算数小于"

# 1d. The typed text of the 决算 files is audited as the 预算's is: a
# placeholder left in a 原因 is a warning at its cell (line 3, column 7).
cp -r "$J2/input/js" "$J2/input/js4"
sed -i 's/,新增专项工作$/,新增某某专项工作/' "$J2/input/js4/js_expenditure.csv"
rm -f "$J2/input/js4/js_reasons.csv"
sed 's#^dir            = input/js$#dir            = input/js4#; /^previous/d' "$J2/config.ini" >"$J2/config4.ini"
(cd "$J2" && "$BIN" --root "$JS/root" check config4.ini 2>"$JS/err4")
if grep -qxF 'input/js4/js_expenditure.csv:3:7: warning: placeholder "某某" left in: write the text it stands for' "$JS/err4"; then
    pass
else
    fail "e2e_juesuan: audit of a 原因: $(head -3 "$JS/err4")"
fi

# 3. diff between two 决算: the small department with one 原因 reworded.
cp -r "$J2/input/js" "$J2/input/js2"
sed -i 's/,新增专项工作$/,新增两项专项工作/' "$J2/input/js2/js_expenditure.csv"
sed 's#^dir            = input/js$#dir            = input/js2#' "$J2/config.ini" >"$J2/config2.ini"
(cd "$J2" && "$BIN" --root "$JS/root" diff config.ini config2.ini >"$JS/diff" 2>"$JS/differr")
if grep -qF -- "- para 2、一般公共服务支出（类）人大事务（款）一般行政管理事务（项）。年初预算为50.00万元，支出决算为60.00万元，完成年初预算的120.0%，决算数大于预算数的主要原因是新增专项工作。" "$JS/diff" &&
    grep -qF -- "+ para 2、一般公共服务支出（类）人大事务（款）一般行政管理事务（项）。年初预算为50.00万元，支出决算为60.00万元，完成年初预算的120.0%，决算数大于预算数的主要原因是新增两项专项工作。" "$JS/diff"; then
    pass
else
    fail "e2e_juesuan: diff of two 决算: $(head -5 "$JS/diff") $(head -3 "$JS/differr")"
fi
# 4. The two summary tables list the national 类 always (templates/juesuan/
# summary-classes.csv, the 24 of the national template), in its order, blank
# where the sample has no money; the 类 sums by hand from
# input/jianshe-juesuan-2021/js_expenditure.csv (every source and column):
# 201 24.60; 208 64.64 + 214.36 + 85.74 + 38.52 (其他资金) = 403.26; 210
# 70.29 + 28.83 + 23.57 = 122.69; 212 一般公共预算 4,151.09 + 政府性基金
# 6,520.00 + 4,100.00 + 3,150.00 + 1,180.45 = 14,950.45 + 其他资金 168.80 +
# 268.25 = 19,538.59; 221 1,659.00 + 316.61 + 260.44 + 155.95 + 28.90 =
# 2,420.90; 223 1,200.00; 224 62.37; 本年支出合计 23,772.41, 总计 (+ 结余分配
# 10.00 + 年末 422.50) 24,204.91.  财政拨款 (without 其他资金): 208 364.74,
# 212 19,101.54 (4,151.09 | 14,950.45), 221 2,392.00; 合计 23,267.94 =
# 7,117.49 | 14,950.45 | 1,200.00.  The workbook sums the 24 rows, blanks
# counting 0; the “三公” table's 合计 and 公务用车 小计 are formulas across
# the row (预算数 6.00 + 47.80 + 8.15 = 61.95, 28.00 + 19.80 = 47.80;
# 决算数 5.20 + 46.60 + 6.90 = 58.70, 28.00 + 18.60 = 46.60).
if /usr/bin/python3 - "$JS/s/示例市住房和城乡建设局-2021-决算.xlsx" "$JP" "$JD" >"$JS/py5" 2>&1 <<'PY'; then pass; else fail "e2e_juesuan: the 类 of the summaries, the 三公 formulas: $(head -12 "$JS/py5")"; fi
import csv, re, subprocess, sys
from decimal import Decimal as D
from openpyxl import load_workbook
NAMES = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出",
         "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出",
         "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出",
         "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出",
         "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "抗疫特别国债安排的支出"]
NUM = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
       "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四"]
LABELS = [f"{n}、{x}" for n, x in zip(NUM, NAMES)]
ALL = {"一般公共服务支出": "24.60", "社会保障和就业支出": "403.26", "卫生健康支出": "122.69",
       "城乡社区支出": "19,538.59", "住房保障支出": "2,420.90", "国有资本经营预算支出": "1,200.00",
       "灾害防治及应急管理支出": "62.37"}
FIS = {"一般公共服务支出": ["24.60", "24.60"], "社会保障和就业支出": ["364.74", "364.74"],
       "卫生健康支出": ["122.69", "122.69"], "城乡社区支出": ["19,101.54", "4,151.09", "14,950.45"],
       "住房保障支出": ["2,392.00", "2,392.00"], "国有资本经营预算支出": ["1,200.00", "1,200.00"],
       "灾害防治及应急管理支出": ["62.37", "62.37"]}
bad = []
def D_(s): return D(s.replace(",", ""))
# The PDF: the 类 lines of each table, in order, with their amounts.
text = subprocess.run(["pdftotext", "-layout", sys.argv[2], "-"], capture_output=True, text=True).stdout
lines = text.split("\n")
def classes(title):
    got, on = [], False
    for ln in lines:
        if ln.strip() == title: on = True; continue
        if on and ln.strip().startswith("本年收入合计"): break
        m = on and re.search(r"([一二三四五六七八九十]+、\S*支出)((?:\s+[\d,]+\.\d\d)*)\s*$", ln)
        if m: got.append((m.group(1), m.group(2).split()))
    return got
for title, want in (("收入支出决算总表", {k: [v] for k, v in ALL.items()}), ("财政拨款收入支出决算总表", FIS)):
    got = classes(title)
    exp = [(l, want.get(n, [])) for l, n in zip(LABELS, NAMES)]
    if got != exp: bad.append(f"PDF {title}: {got} != {exp}")
# The workbook: labels, blanks, amounts and the formulas with their cached values.
wf = load_workbook(sys.argv[1]); wv = load_workbook(sys.argv[1], data_only=True)
def rows_of(ws): return [[c.value for c in r] for r in ws.iter_rows()]
def summaries():
    for sheet, want, ncol in (("收入支出决算总表", {k: [v] for k, v in ALL.items()}, 1), ("财政拨款收入支出决算总表", FIS, 4)):
        f, v = rows_of(wf[sheet]), rows_of(wv[sheet])
        start = [r[2] for r in f].index(LABELS[0])
        for i, (l, n) in enumerate(zip(LABELS, NAMES)):
            amounts = [D_(x) for x in want.get(n, [])]
            if n == "城乡社区支出" and ncol == 4: amounts.append(None)
            if n == "国有资本经营预算支出" and ncol == 4: amounts = [amounts[0], None, None, amounts[1]]
            cells = v[start + i][3:3 + ncol]
            exp_cells = (amounts + [None] * ncol)[:ncol] if amounts else [None] * ncol
            if f[start + i][2] != l or [None if c is None else D(str(c)) for c in cells] != exp_cells:
                bad.append(f"{sheet} row {start + i + 1}: {f[start + i][2:3 + ncol]} != {l} {exp_cells}")
        tot = start + 24
        if f[tot][2] != "本年支出合计": bad.append(f"{sheet}: row {tot + 1} is {f[tot][2]}, not 本年支出合计")
        for k, col in enumerate("DEFG"[:ncol]):
            formula = f"=SUM({col}{start + 1}:{col}{start + 24})"
            if f[tot][3 + k] != formula: bad.append(f"{sheet} {col}{tot + 1}: {f[tot][3 + k]} != {formula}")
        want_tot = [D("23772.41")] if ncol == 1 else [D("23267.94"), D("7117.49"), D("14950.45"), D("1200.00")]
        if [D(str(x)) for x in v[tot][3:3 + ncol]] != want_tot: bad.append(f"{sheet} 本年支出合计 {v[tot][3:3 + ncol]} != {want_tot}")
    t1f, t1v = rows_of(wf["收入支出决算总表"]), rows_of(wv["收入支出决算总表"])
    g = [r[2] for r in t1f].index("总计")
    if t1f[g][3] != f"=SUM(D{g - 2}:D{g})" or D(str(t1v[g][3])) != D("24204.91"):
        bad.append(f"收入支出决算总表 总计 {t1f[g][3]} {t1v[g][3]}")
def three_public():
    tf, tv = rows_of(wf["三公经费支出决算表"]), rows_of(wv["三公经费支出决算表"])
    r = [i for i, x in enumerate(tf) if isinstance(x[2], (int, float))][0]
    n = r + 1
    want = {0: (f"=SUM(C{n},E{n},K{n})", "61.95"), 1: (f"=SUM(D{n},F{n},L{n})", "58.70"),
            4: (f"=SUM(G{n},I{n})", "47.80"), 5: (f"=SUM(H{n},J{n})", "46.60")}
    for c, (fm, val) in want.items():
        if tf[r][c] != fm or D(str(tv[r][c])) != D(val): bad.append(f"三公 column {c}: {tf[r][c]} = {tv[r][c]}, expected {fm} = {val}")
    for c, val in {2: "6.00", 3: "5.20", 6: "28.00", 7: "28.00", 8: "19.80", 9: "18.60", 10: "8.15", 11: "6.90"}.items():
        if D(str(tf[r][c])) != D(val): bad.append(f"三公 column {c}: {tf[r][c]} != {val}")
def open_data():
    # The open data: the table's CSV has the same 24 rows.
    od = list(csv.reader(open(sys.argv[3] + "/table-02-js_summary.csv", encoding="utf-8-sig")))
    odc = [(x[2], x[3]) for x in od if x[2] in LABELS]
    exp = [(l, ALL[n].replace(",", "") if n in ALL else "") for l, n in zip(LABELS, NAMES)]
    if odc != exp: bad.append(f"open data: {odc} != {exp}")
for check in (summaries, three_public, open_data):
    try: check()
    except Exception as e: bad.append(f"{check.__name__}: {e!r}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
rm -rf "$JS"
