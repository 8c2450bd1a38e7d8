# A code given twice in js_expenditure.csv (same 资金来源; the third line of
# it too), js_income.csv and js_basic_economic.csv: each repeat is reported at
# its line, naming the first, and left out (so the sums still agree).
bash "$ROOT/tests/data/js_minimal.sh"
printf '2010101,行政运行,一般公共预算,1.00,,,\n2010101,行政运行,一般公共预算,2.00,,,\n' >>input/js/js_expenditure.csv
printf '2010102,一般行政管理事务,5.00\n' >>input/js/js_income.csv
printf '30101,基本工资,1.00\n' >>input/js/js_basic_economic.csv
