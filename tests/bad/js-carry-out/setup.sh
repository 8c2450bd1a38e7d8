# 年末结转和结余 ≠ 年初 + 收入 − 支出 in js_fiscal.csv (and so 收入总计 ≠ 支出总计 stays true).
bash "$ROOT/tests/data/js_minimal.sh"
sed -i 's/^一般公共预算,10.00,190.00,190.00,10.00$/一般公共预算,10.00,190.00,190.00,12.00/' input/js/js_fiscal.csv
