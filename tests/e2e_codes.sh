# End-to-end test of one code list per year (issue 13, point 11), sourced by
# tests/run.sh (which defines pass/fail, BIN and ROOT; the working folder is
# the project).
#
# templates/codes/function-2020.csv is the 2020 list (20805 行政事业单位离退休,
# 2080501 归口管理的行政单位离退休, 2080504 未归口管理的行政单位离退休);
# function.csv the 2021 one (20805 行政事业单位养老支出, no 2080504).  With
# no code key in the config, each year's data is checked and named by the
# list of its year when templates/codes has it, else by function.csv:
#   1. config/cangzhou-2020.ini (a 2020 budget) prints the 2020 name of the
#      款 20805: "208 05 行政事业单位离退休 2055 2055" (its 项 2080505 1468 +
#      2080506 587 = 2055), never the 2021 name;
#   2. config/jianshe-2021.ini prints the 2021 name ("208 05
#      行政事业单位养老支出"), and its last year's data (2020, naming 2080501
#      归口管理的行政单位离退休 as the 2020 list does) gives no finding;
#   3. in a copy of the project, last year's expenditure.csv using 2080504
#      (retired in the 2021 list) gives no finding; without function-2020.csv
#      it is a warning naming function.csv, the list it was then checked by;
#   4. a function-2021.csv put in the copy's templates/codes is used for
#      2021 data with no change to the config: a code it lacks is an error
#      naming it.

CD=$(mktemp -d)
codes_rows() { # PDF: table rows, cells separated by one space
    pdftotext -layout "$1" - 2>/dev/null | sed -e 's/^ *//' -e 's/ *$//' -e 's/  */ /g'
}
if "$BIN" build -q -f pdf -o "$CD/cz" config/cangzhou-2020.ini 2>/dev/null; then
    codes_rows "$CD"/cz/*.pdf >"$CD/cz.rows"
    if grep -qxF "208 05 行政事业单位离退休 2055 2055" "$CD/cz.rows" &&
        ! grep -q "行政事业单位养老支出" "$CD/cz.rows"; then
        pass
    else
        fail "e2e_codes: the 2020 budget does not print the 2020 name of 20805: $(grep "^208 05 " "$CD/cz.rows" | head -n 2)"
    fi
else
    fail "e2e_codes: config/cangzhou-2020.ini did not build"
fi
if "$BIN" build -q -f pdf -o "$CD/js" config/jianshe-2021.ini 2>"$CD/js.err"; then
    if [ ! -s "$CD/js.err" ]; then pass; else fail "e2e_codes: jianshe-2021: $(cat "$CD/js.err")"; fi
    codes_rows "$CD"/js/*.pdf >"$CD/js.rows"
    if grep -q "^208 05 行政事业单位养老支出 " "$CD/js.rows" && ! grep -q "行政事业单位离退休" "$CD/js.rows"; then
        pass
    else
        fail "e2e_codes: the 2021 budget does not print the 2021 name of 20805"
    fi
else
    fail "e2e_codes: config/jianshe-2021.ini did not build: $(cat "$CD/js.err")"
fi

# 3. A copy of the project; last year's data with the retired 2080504.
P=$CD/p
mkdir -p "$P/config" "$P/input"
cp -r templates "$P/"
cp config/jianshe-2021.ini "$P/config/"
cp -r input/jianshe-2019 input/jianshe-2020 input/jianshe-2021 "$P/input/"
sed -i 's/^2080501,归口管理的行政单位离退休,/2080504,未归口管理的行政单位离退休,/' "$P/input/jianshe-2020/expenditure.csv"
grep -q "^2080504," "$P/input/jianshe-2020/expenditure.csv" || fail "e2e_codes: setup: no 2080504 line"
(cd "$P" && "$BIN" --root "$P" check config/jianshe-2021.ini) >/dev/null 2>"$CD/p1.err"
st=$?
if [ $st = 0 ] && ! grep -q ": warning: \|: error: " "$CD/p1.err"; then
    pass
else
    fail "e2e_codes: 2080504 in last year's data, with the 2020 list there: status $st, $(cat "$CD/p1.err")"
fi
rm "$P/templates/codes/function-2020.csv"
(cd "$P" && "$BIN" --root "$P" check config/jianshe-2021.ini) >/dev/null 2>"$CD/p2.err"
st=$?
want="input/jianshe-2020/expenditure.csv:3:1: warning: 科目编码 2080504 is not in the code list templates/codes/function.csv: check the code, or add it to the list (the official list of the budget year)"
if [ $st = 0 ] && grep -qxF "$want" "$CD/p2.err"; then
    pass
else
    fail "e2e_codes: 2080504 without the 2020 list: status $st, $(cat "$CD/p2.err")"
fi

# 4. A list of 2021 in the copy, without 2019999 (其他一般公共服务支出), which
#    jianshe-2021's expenditure.csv uses.
grep -v "^2019999," "$P/templates/codes/function.csv" >"$P/templates/codes/function-2021.csv"
line=$(grep -n "^2019999," "$P/input/jianshe-2021/expenditure.csv" | head -n 1 | cut -d: -f1)
(cd "$P" && "$BIN" --root "$P" check config/jianshe-2021.ini) >/dev/null 2>"$CD/p3.err"
st=$?
want="input/jianshe-2021/expenditure.csv:$line:1: error: 科目编码 2019999 is not in the code list templates/codes/function-2021.csv: check the code, or add it to the list (the official list of the budget year)"
if [ -n "$line" ] && [ $st = 1 ] && grep -qxF "$want" "$CD/p3.err"; then
    pass
else
    fail "e2e_codes: function-2021.csv not used for 2021 data: status $st, line $line, $(cat "$CD/p3.err")"
fi
rm -rf "$CD"
