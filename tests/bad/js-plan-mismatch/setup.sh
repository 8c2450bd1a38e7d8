# [input] budget names the year's 预算 folder (tests/data/minimal's input/2021):
# a 年初预算 typed in js_expenditure.csv must equal the budget's 一般公共预算
# 基本支出 + 项目支出 of that 项 (here the budget has none of them).
bash "$ROOT/tests/data/js_minimal.sh"
sed -i 's#^dir            = input/js$#dir            = input/js\nbudget         = input/2021#' config.ini
