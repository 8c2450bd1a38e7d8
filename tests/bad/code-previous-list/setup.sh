# Point 11 of issue 13: the same retired code, with last year's list named by
# [input] previous_function_codes: checked against it, no finding at all.
cat >input/2020/expenditure.csv <<'CSV'
科目编码,科目名称,资金来源,基本支出,项目支出
2010301,行政运行,一般公共预算拨款收入,700,
2010302,一般行政管理事务,一般公共预算拨款收入,,400
2080504,未归口管理的行政单位离退休,一般公共预算拨款收入,100,
CSV
sed -i 's|^economic_codes = .*|&\nprevious_function_codes = ../../../templates/codes/function-2020.csv|' config.ini
