# Printed figures (issue 12): sourced by tests/run.sh after the other
# end-to-end tests (pass/fail, BIN and ROOT are defined; the working folder
# is the project).
#
#   1. the property test tests/prop/prop_tables.py: random code trees (1–99
#      项 per 款, every unit and decimals setting), 1,000 synthetic
#      departments at decimals 0, 1 and 2, every printed table adds up and
#      is within a display step of the exact data (recomputed in python
#      from the CSV files); the 80-项 department's PDF and XLSX against the
#      data.  PROP_DEPARTMENTS=N runs fewer (e.g. while iterating);
#   2. 尾差 in sentences: four “三公” items of 1.005 print 1.00, 1.00, 1.01,
#      1.01 (adding up to 合计 4.02) in the table and in the sentences;
#   3. percentages: a fall that leaves money never prints 100%, an absurd
#      ratio is capped.

NUM=$(mktemp -d)

# ---- 1. property test ---------------------------------------------------------------
/usr/bin/python3 tests/prop/prop_tables.py "$BIN" --pdf-xlsx --work build/prop >"$NUM/prop.log" 2>&1
grep -E '^prop:' "$NUM/prop.log"
for name in prop-tree-checked prop-tables-add-up prop-64-pdf prop-64-xlsx prop-64-xlsx-sum; do
    if grep -q "^ok $name\b" "$NUM/prop.log"; then
        pass
    else
        fail "$name: $(grep -A12 "^FAIL $name" "$NUM/prop.log" || tail -n 5 "$NUM/prop.log")"
    fi
done

# A copy of the jianshe sample to change (inside the project folder).
num_copy() {
    rm -rf build/num-case && mkdir -p build/num-case
    cp -r input/jianshe-2019 input/jianshe-2020 input/jianshe-2021 build/num-case/
    sed -e 's|input/jianshe|build/num-case/jianshe|' config/jianshe-2021.ini >build/num-case/a.ini
}

# ---- 2. 尾差 in the “三公” table and its sentences -----------------------------------
num_copy
cat >build/num-case/jianshe-2021/three_public.csv <<'CSV'
项目,合计,一般预算,基金预算,财政专户
公务用车运行费,1.005,1.005,,
公务用车购置费,1.005,1.005,,
公务接待费,1.005,1.005,,
因公出国（境）费,1.005,1.005,,
合计,4.02,4.02,,
CSV
"$BIN" tree build/num-case/a.ini >"$NUM/tp.txt" 2>"$NUM/tp.err"
# the table's items (合计 column) add up to its 合计 row
tp_sum=$(awk '/^  id three_public /{f=1} f&&/^    row/{print} /^[a-z]/{f=0}' "$NUM/tp.txt" |
    awk -F' [|] ' '!/total/{s+=int($3*100+0.5)} /total/{t=int($3*100+0.5)} END{printf "%d %d", s, t}')
if [ "$tp_sum" = "402 402" ]; then pass; else fail "三公 table: items sum / 合计 = $tp_sum, want 402 402"; fi
# the sentences quote the printed items: 1.00 + 1.00 + 1.01 + 1.01 = 4.02
said=$(grep '^para 公务用车运行费' "$NUM/tp.txt" | grep -o '预算安排[0-9.]*万元' | grep -o '[0-9.]*' |
    awk '{s+=int($1*100+0.5)} END{printf "%d", s}')
if [ "$said" = 402 ]; then pass; else fail "三公 sentences quote items summing to $said, want 402 (4.02)"; fi
# 一般公共预算“三公”经费支出表: 合计 = 出国 + 小计 + 接待, 小计 = 购置 + 运行
gt=$(awk '/id general_three_public/{f=1} f&&/row 2:/{print; exit}' "$NUM/tp.txt")
gt_ok=$(printf '%s\n' "$gt" | awk -F' [|] ' '{t=int($3*100+.5); a=int($4*100+.5); v=int($5*100+.5); b=int($6*100+.5);
    r=int($7*100+.5); c=int($8*100+.5);
    print (t == a + v + c && v == b + r) ? "yes" : "no"}')
if [ "$gt_ok" = yes ]; then pass; else fail "一般公共预算“三公”经费支出表 does not add up: $gt"; fi

# ---- 3. percentages ---------------------------------------------------------------------
num_copy
# (Last year's figures are 100,000 and 1/283 times this year's: a ratio from
# 2,000 to 50,000 would be refused as 元 typed for 万元, check.c.)
sed -i 's/^机关运行经费,.*/机关运行经费,28324000.00/' build/num-case/jianshe-2020/summary.csv
"$BIN" tree build/num-case/a.ini >"$NUM/p1.txt" 2>/dev/null
if grep -q '机关运行经费较上年度减少28,323,716.76万元，同比下降超过99.9%' "$NUM/p1.txt" &&
    ! grep -q '100.0%' "$NUM/p1.txt"; then
    pass
else
    fail "a fall that leaves 283.24 of 28,324,000 printed: $(grep '机关运行经费较' "$NUM/p1.txt")"
fi
num_copy
sed -i 's/^机关运行经费,.*/机关运行经费,1.00/' build/num-case/jianshe-2020/summary.csv
"$BIN" tree build/num-case/a.ini >"$NUM/p2.txt" 2>/dev/null
if grep -q '同比增长超过100倍' "$NUM/p2.txt" && grep -q '| 机关运行经费 | 1.00 | 283.24 | 282.24 | 增长超过100倍' "$NUM/p2.txt" &&
    ! grep -Eq '[0-9]{6,}\.[0-9]%' "$NUM/p2.txt"; then
    pass
else
    fail "an absurd rise printed: $(grep -E '机关运行经费较|\| 机关运行经费 \|' "$NUM/p2.txt")"
fi
rm -rf "$NUM" build/num-case
