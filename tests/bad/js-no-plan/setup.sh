# Neither [input] budget nor the column 年初预算: the 项 of 一般公共预算 have no
# 年初预算 to be stated against.
bash "$ROOT/tests/data/js_minimal.sh"
sed -i 's/^\([^,]*,[^,]*,[^,]*,[^,]*,[^,]*\),[^,]*,\(.*\)$/\1,\2/' input/js/js_expenditure.csv
