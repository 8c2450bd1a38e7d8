# End-to-end test of CSV files as Excel saves them (issue 15, points 3 and
# 4), sourced by tests/run.sh (which defines pass/fail, BIN and ROOT; the
# working folder is the project).
#
# A copy of the project holds jianshe-2021's folders; its PDF is built, then
# this year's folder is reshaped the way finance officers save the sheets of
# the budget system's workbook, and built again.  The two PDFs' text must be
# identical (the same figures were read), and the notes must name the lines:
#   - revenue.csv saved as 收入预算.csv under a title row and a unit row
#     (lines 1 and 2; the header is line 3);
#   - expenditure.csv saved as 支出预算.csv, 科目编码 split into 类, 款, 项
#     under a merged 科目编码 (a header of two rows, lines 1 and 2, CRLF);
#     2019999 → 201 | 99 | 99, 2080501 → 208 | 05 | 01;
#   - three_public.csv saved as 三公经费.csv with two empty columns at the end
#     of every row (F and G: the table has five, A–E);
#   - basic_economic.csv saved as GBK under a title and a row holding
#     编制单位 and 金额单位：万元;
#   - institutions.csv saved as 机构设置.csv; summary.csv's 金额 named 预算数
#     as the national tables do;
#   - a stale 三公经费（旧）.csv: a warning naming it, and nothing else.
# Then: a unit row 单位：元 in a file read in 万元 is an error with the fix;
# three_public.csv and 三公经费.csv both present is an error naming both.

XD=$(mktemp -d)
XP=$XD/proj
mkdir -p "$XP/input" "$XP/config"
cp -r templates "$XP/"
cp config/jianshe-2021.ini "$XP/config/"
cp -r input/jianshe-2019 input/jianshe-2020 input/jianshe-2021 "$XP/input/"
xtext() { pdftotext -layout "$1" - 2>/dev/null; }
if (cd "$XP" && "$BIN" build -q -f pdf -o out0 config/jianshe-2021.ini) 2>"$XD/err0"; then
    pass
else
    fail "e2e_excel: the original folder does not build: $(cat "$XD/err0")"
fi
XI=$XP/input/jianshe-2021
{ printf '2021年部门收入总表,\r\n单位：万元,\r\n'; cat "$XI/revenue.csv"; } >"$XI/收入预算.csv"
rm "$XI/revenue.csv"
{
    printf '科目编码,,,科目名称,资金来源,基本支出,项目支出\r\n类,款,项,,,,\r\n'
    tail -n +2 "$XI/expenditure.csv" | sed -E 's/^([0-9]{3})([0-9]{2})([0-9]{2}),/\1,\2,\3,/; s/$/\r/'
} >"$XI/支出预算.csv"
rm "$XI/expenditure.csv"
sed 's/$/,,/' "$XI/three_public.csv" >"$XI/三公经费.csv"
rm "$XI/three_public.csv"
{
    printf '一般公共预算基本支出表,,,\n编制单位：示例市住房和城乡建设局,,,金额单位：万元\n'
    cat "$XI/basic_economic.csv"
} | iconv -f UTF-8 -t GBK >"$XD/be.csv" && mv "$XD/be.csv" "$XI/basic_economic.csv"
mv "$XI/institutions.csv" "$XI/机构设置.csv"
sed -i '1s/.*/项目,预算数/' "$XI/summary.csv"
echo '项目,合计' >"$XI/三公经费（旧）.csv"
# The reshaping itself is checked: it must have made what it claims.
if head -n 1 "$XI/支出预算.csv" | grep -q '^科目编码,,,科目名称' &&
    grep -q '^201,99,99,其他一般公共服务支出' "$XI/支出预算.csv" &&
    ! iconv -f UTF-8 -t UTF-8 "$XI/basic_economic.csv" >/dev/null 2>&1; then
    pass
else
    fail "e2e_excel: the reshaped folder is not as intended"
fi
if (cd "$XP" && "$BIN" build -f pdf -o out1 config/jianshe-2021.ini) 2>"$XD/err1"; then
    pass
    if cmp -s <(xtext "$XP"/out0/*.pdf) <(xtext "$XP"/out1/*.pdf); then
        pass
    else
        fail "e2e_excel: the PDF built from the Excel-shaped folder differs from the original's"
    fi
else
    fail "e2e_excel: the Excel-shaped folder does not build: $(cat "$XD/err1")"
fi
for want in \
    'input/jianshe-2021/收入预算.csv:1: note: line 1 (a title: "2021年部门收入总表"), line 2 (the unit: 单位：万元) above the header row (line 3) skipped' \
    'input/jianshe-2021/支出预算.csv:1: note: lines 1 and 2 are a header of two rows (merged cells), read as one: 科目编码 = 类 + 款 + 项 (columns A–C), 科目名称, 资金来源, 基本支出, 项目支出' \
    'input/jianshe-2021/三公经费.csv:1:6: note: columns F–G have no name and no content: ignored' \
    'input/jianshe-2021/basic_economic.csv: note: read as GB18030 (GBK), converted to UTF-8' \
    'input/jianshe-2021/basic_economic.csv:1: note: line 1 (a title: "一般公共预算基本支出表"), line 2 (the unit: 金额单位：万元) above the header row (line 3) skipped' \
    'input/jianshe-2021/三公经费（旧）.csv: warning: input/jianshe-2021/三公经费（旧）.csv is not read by budgetgen (三公经费.csv is): the files it reads are'; do
    if grep -qF -- "$want" "$XD/err1"; then pass; else fail "e2e_excel: no message: $want"; fi
done
# Nothing else: five notes, one warning, the summary and the written line.
if [ "$(grep -c ': note: ' "$XD/err1")" = 5 ] && [ "$(grep -c ': warning: ' "$XD/err1")" = 1 ] &&
    [ "$(grep -c ': error: ' "$XD/err1")" = 0 ]; then
    pass
else
    fail "e2e_excel: other messages: $(cat "$XD/err1")"
fi
# -q hides the notes, not the warning.
if (cd "$XP" && "$BIN" check -q config/jianshe-2021.ini) 2>"$XD/errq" &&
    ! grep -q ': note: ' "$XD/errq" && grep -q '三公经费（旧）.csv is not read' "$XD/errq"; then
    pass
else
    fail "e2e_excel: check -q: $(cat "$XD/errq")"
fi

# A unit row in 元 while the file is read in 万元: never read as 万元.
sed -i '2s/单位：万元/单位：元/' "$XI/收入预算.csv"
(cd "$XP" && "$BIN" check config/jianshe-2021.ini) >/dev/null 2>"$XD/err2"
st=$?
if [ $st = 1 ] && grep -qxF 'input/jianshe-2021/收入预算.csv:2:1: error: line 2 says 单位：元 but amounts are read in 万元 ([units] unit): set [input] unit = 元 in the config, or convert the file' "$XD/err2"; then
    pass
else
    fail "e2e_excel: unit row 元 (exit $st): $(cat "$XD/err2")"
fi
sed -i '2s/单位：元/单位：万元/' "$XI/收入预算.csv"

# The same file under two names.
cp "$XI/三公经费.csv" "$XI/three_public.csv"
(cd "$XP" && "$BIN" check config/jianshe-2021.ini) >/dev/null 2>"$XD/err3"
st=$?
if [ $st = 1 ] && grep -qxF 'input/jianshe-2021/three_public.csv: error: input/jianshe-2021/three_public.csv and input/jianshe-2021/三公经费.csv are both in the folder, and both are three_public.csv: keep one of them (rename or remove the other)' "$XD/err3"; then
    pass
else
    fail "e2e_excel: two names for three_public.csv (exit $st): $(cat "$XD/err3")"
fi
rm -rf "$XD"
