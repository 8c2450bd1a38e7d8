# js_reasons.csv names a figure the 决算 does not have, and gives an empty 原因.
bash "$ROOT/tests/data/js_minimal.sh"
printf '项目,原因\n收入合计,增加了\n收入总计,\n' >input/js/js_reasons.csv
