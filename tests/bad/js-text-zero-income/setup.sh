# js_text.csv says what 经营收入 mainly was, but js_income.csv has none: the
# 名词解释 lists nothing for an income of 0 (无经营收入的单位不列举主要内容).
bash "$ROOT/tests/data/js_minimal.sh"
printf '项目,内容\n经营收入,房屋出租收入\n' >input/js/js_text.csv
