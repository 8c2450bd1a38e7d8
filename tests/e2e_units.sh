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
#      whose message names the unit and key it is read by: [input] unit.

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
rm -rf "$UD"
