# A 资金来源 that is none of the four.
bash "$ROOT/tests/data/js_minimal.sh"
sed -i 's/^2010101,行政运行,一般公共预算,/2010101,行政运行,财政资金,/' input/js/js_expenditure.csv
