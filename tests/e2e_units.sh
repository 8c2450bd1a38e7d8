# End-to-end test of input typed in 元 and published in 万元 (issue 13,
# point 2), sourced by tests/run.sh (which defines pass/fail, BIN and ROOT;
# the working folder is the project).
#
# config/jianshe-yuan-2021.ini reads input/jianshe-yuan-20{19,20,21}, the
# figures of input/jianshe-20{19,20,21} each multiplied by 10,000 (typed in
# 元), with [input] unit = 元 and [units] unit = 万元.  Checked:
#   1. its PDF text equals that of config/jianshe-2021.ini (the same
#      department typed in 万元): an independent check of every figure;
#   2. sentences and table rows worked out by hand from the 元 input:
#      收入总计 263411900 元 = 26,341.19万元; 机关运行经费 "2,832,400.00" 元 =
#      283.24万元 against 2968400 元 = 296.84万元 last year: 减少13.60万元,
#      13.60 / 296.84 = 4.58% → 下降4.6%; 公务用车运行费 238000 元 = 23.80
#      (一般预算 198000 = 19.80, 基金预算 40000 = 4.00) against 213500 =
#      21.35: 2.45 / 21.35 = 11.48% → 增长11.5%;
#   3. one file left in 万元 (three_public.csv) is caught as a 元/万元 slip
#      whose message names the unit and key it is read by: [input] unit;
#   4. config/jianshe-yuanbiao-2021.ini: the same input published with its
#      tables in 元 and its text in 万元 (templates/standard-yuan.tpl: units
#      tables 元, units text 万元): table rows and workbook cells are the 元
#      of the input (263411900, 2832400, 238000), every unit line says
#      单位：元, the sentences are those of 2. in 万元; with text_decimals = 0
#      the text rounds each figure half-up and its parts still add up:
#      24,064.26 → 24,064, 306.87 → 307, 180.80 → 181, 1,737.26 → 1,737,
#      52 + … = 26,341 = 收入总计; 283.24 → 283 against 296.84 → 297: 减少14;
#   5. a table block's own `units 万元` in a document whose tables are in 元.

UD=$(mktemp -d)
units_rows() { # PDF: table rows, cells separated by one space
    pdftotext -layout "$1" - 2>/dev/null | sed -e 's/^ *//' -e 's/ *$//' -e 's/  */ /g'
}
if "$BIN" build -q -f pdf -o "$UD/wan" config/jianshe-2021.ini 2>"$UD/wan.err" &&
    "$BIN" build -q -f pdf -o "$UD/yuan" config/jianshe-yuan-2021.ini 2>"$UD/yuan.err"; then
    pass
    W=$(ls "$UD"/wan/*.pdf) Y=$(ls "$UD"/yuan/*.pdf)
    if [ ! -s "$UD/yuan.err" ]; then pass; else fail "e2e_units: warnings: $(cat "$UD/yuan.err")"; fi
    if cmp -s <(pdftotext -layout "$W" - 2>/dev/null) <(pdftotext -layout "$Y" - 2>/dev/null); then
        pass
    else
        fail "e2e_units: the 元 sample's PDF text differs from jianshe-2021's"
    fi
    units_rows "$Y" >"$UD/rows"
    pdftotext -layout "$Y" - 2>/dev/null | tr -d ' \n' >"$UD/text"
    for s in "2021年收入总计26,341.19万元，其中：财政拨款收入24,064.26万元，财政专户管理资金收入52.00万元，事业收入306.87万元，其他收入180.80万元，上年结转1,737.26万元。" \
        "2021年示例市住房和城乡建设局机关运行经费安排283.24万元" \
        "机关运行经费较上年度减少13.60万元，同比下降4.6%。"; do
        if grep -qF "$s" "$UD/text"; then pass; else fail "e2e_units: no sentence: $s"; fi
    done
    for r in "收入总计 12,434.63 26,341.19 13,906.56 增长111.8%" \
        "机关运行经费 296.84 283.24 -13.60 下降4.6%" \
        "公务用车运行费 23.80 增长11.5% 19.80 4.00"; do
        if grep -qxF "$r" "$UD/rows"; then pass; else fail "e2e_units: no row: $r"; fi
    done
else
    fail "e2e_units: build failed: $(cat "$UD/wan.err" "$UD/yuan.err")"
fi

# 3. three_public.csv left in 万元 while [input] unit = 元.
mkdir -p "$UD/in"
cp input/jianshe-yuan-2021/* "$UD/in/" && cp input/jianshe-2021/three_public.csv "$UD/in/"
sed "s#^dir      = input/jianshe-yuan-2021\$#dir = $UD/in#" config/jianshe-yuan-2021.ini >"$UD/slip.ini"
"$BIN" --root / check "$UD/slip.ini" >/dev/null 2>"$UD/slip.err"
st=$?
want="input/jianshe-yuan-2020/three_public.csv:2:2: error: 公务用车运行费 of last year is 213500.00, about 8970 times 23.80, its value this year ($UD/in/three_public.csv:2:2): 元 and 万元 mixed up? (amounts are read in 元: [input] unit)"
if [ $st = 1 ] && grep -qxF "$want" "$UD/slip.err"; then
    pass
else
    fail "e2e_units: slip in 万元 under [input] unit = 元: status $st, $(cat "$UD/slip.err")"
fi

# 4. Tables in 元, text in 万元.
if "$BIN" build -q -o "$UD/yb" config/jianshe-yuanbiao-2021.ini 2>"$UD/yb.err"; then
    pass
    P=$(ls "$UD"/yb/*.pdf) X=$(ls "$UD"/yb/*.xlsx)
    units_rows "$P" >"$UD/yb.rows"
    pdftotext -layout "$P" - 2>/dev/null | tr -d ' \n' >"$UD/yb.text"
    for s in "2021年收入总计26,341.19万元，其中：财政拨款收入24,064.26万元，财政专户管理资金收入52.00万元，事业收入306.87万元，其他收入180.80万元，上年结转1,737.26万元。" \
        "2021年示例市住房和城乡建设局机关运行经费安排283.24万元" \
        "机关运行经费较上年度减少13.60万元，同比下降4.6%。" \
        "公务用车运行费2021年预算安排23.80万元，较上年度增加2.45万元，同比增长11.5%"; do
        if grep -qF "$s" "$UD/yb.text"; then pass; else fail "e2e_units: 元 tables: no sentence: $s"; fi
    done
    for r in "收入总计 124,346,300.00 263,411,900.00 139,065,600.00 增长111.8%" \
        "机关运行经费 2,968,400.00 2,832,400.00 -136,000.00 下降4.6%" \
        "公务用车运行费 238,000.00 增长11.5% 198,000.00 40,000.00"; do
        if grep -qxF "$r" "$UD/yb.rows"; then pass; else fail "e2e_units: 元 tables: no row: $r"; fi
    done
    # Every table and chart says 单位：元; nothing says 单位：万元.
    n_yuan=$(grep -c "单位：元" "$UD/yb.rows")
    if [ "$n_yuan" -ge 14 ] && ! grep -q "单位：万元" "$UD/yb.rows"; then
        pass
    else
        fail "e2e_units: 元 tables: $n_yuan unit lines 单位：元, or one says 万元"
    fi
    if /usr/bin/python3 - "$X" <<'PY'; then pass; else fail "e2e_units: 元 tables: workbook cells"; fi
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
want = {("预算对比表", "收入总计"): [124346300, 263411900, 139065600],
        ("预算对比表", "机关运行经费"): [2968400, 2832400, -136000],
        ("“三公”经费预算情况表", "公务用车运行费"): [238000, None, 198000, 40000],
        ("部门收支总表", "收入总计"): [263411900, None, 263411900]}
ok = True
for (sheet, name), vals in want.items():
    rows = [r for r in wb[sheet].iter_rows(values_only=True) if r and r[0] == name]
    got = list(rows[0][1:1 + len(vals)]) if rows else None
    if got is None or any(w is not None and g != w for g, w in zip(got, vals)):
        print(sheet, name, got, "want", vals)
        ok = False
units = {ws.title: ws["A2"].value for ws in wb.worksheets if str(ws["A2"].value).startswith("单位")}
if len(units) < 14 or set(units.values()) != {"单位：元"}:
    print("unit cells", units)
    ok = False
sys.exit(0 if ok else 1)
PY
else
    fail "e2e_units: tables in 元 failed: $(cat "$UD/yb.err")"
fi
sed -e 's/^decimals         = 2$/decimals = 2\ntext_decimals = 0/' \
    config/jianshe-yuanbiao-2021.ini >"$UD/yb0.ini"
if "$BIN" build -q -f pdf -o "$UD/yb0" "$UD/yb0.ini" 2>"$UD/yb0.err"; then
    pdftotext -layout "$UD"/yb0/*.pdf - 2>/dev/null | tr -d ' \n' >"$UD/yb0.text"
    units_rows "$UD"/yb0/*.pdf >"$UD/yb0.rows"
    for s in "2021年收入总计26,341万元，其中：财政拨款收入24,064万元，财政专户管理资金收入52万元，事业收入307万元，其他收入181万元，上年结转1,737万元。" \
        "机关运行经费较上年度减少14万元，同比下降4.6%。"; do
        if grep -qF "$s" "$UD/yb0.text"; then pass; else fail "e2e_units: text_decimals = 0: no sentence: $s"; fi
    done
    r="收入总计 124,346,300.00 263,411,900.00 139,065,600.00 增长111.8%"
    if grep -qxF "$r" "$UD/yb0.rows"; then pass; else fail "e2e_units: text_decimals = 0: no row: $r"; fi
else
    fail "e2e_units: text_decimals = 0 failed: $(cat "$UD/yb0.err")"
fi

# 5. One table in 万元 in a document of 元 tables; the text in 万元.
cat >"$UD/t.tpl" <<'TPL'
units tables 元
para 三公合计{三公合计}{单位}。
table three_public
  units 万元
  title 三公表甲
  unit  单位：{单位}
  head  项目 | 合计
  col   项目 text
  col   合计 amount
end
table three_public
  title 三公表乙
  unit  单位：{单位}
  head  项目 | 合计
  col   项目 text
  col   合计 amount
end
TPL
sed -e "s#^template   = .*#template = $UD/t.tpl#" config/jianshe-yuan-2021.ini >"$UD/t.ini"
if "$BIN" --root / build -q -o "$UD/t" "$UD/t.ini" 2>"$UD/t.err"; then
    units_rows "$UD"/t/*.pdf | tr -d '\f' | grep -v "^$" | grep -v "^第" >"$UD/t.rows"
    printf '%s\n' "三公合计65.95万元。" "三公表甲" "单位：万元" "项目 合计" "公务用车运行费 23.80" \
        "公务用车购置费 28.00" "公务接待费 8.15" "因公出国（境）费 6.00" "合计 65.95" "三公表乙" \
        "单位：元" "项目 合计" "公务用车运行费 238,000.00" "公务用车购置费 280,000.00" \
        "公务接待费 81,500.00" "因公出国（境）费 60,000.00" "合计 659,500.00" >"$UD/t.want"
    if diff "$UD/t.want" "$UD/t.rows" >"$UD/t.diff"; then
        pass
    else
        fail "e2e_units: a table's own units: $(cat "$UD/t.diff")"
    fi
    if /usr/bin/python3 - "$UD"/t/*.xlsx <<'PY'; then pass; else fail "e2e_units: a table's own units: workbook"; fi
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)  # 合计: a formula and its value
got = [[r[1] for r in ws.iter_rows(values_only=True) if r[0] == "合计"] for ws in wb.worksheets if ws.title != "budgetgen-data"]
sys.exit(0 if got == [[65.95], [659500]] else print(got) or 1)
PY
else
    fail "e2e_units: a table's own units: $(cat "$UD/t.err")"
fi
rm -rf "$UD"
