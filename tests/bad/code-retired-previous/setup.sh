# Point 11 of issue 13: last year's expenditure.csv uses 2080504
# 未归口管理的行政单位离退休, a 2020 code that the (2021) list does not have.
# With no list of last year, the code cannot block the build: a warning,
# since the line names it.
cat >input/2020/expenditure.csv <<'CSV'
科目编码,科目名称,资金来源,基本支出,项目支出
2010301,行政运行,一般公共预算拨款收入,700,
2010302,一般行政管理事务,一般公共预算拨款收入,,400
2080504,未归口管理的行政单位离退休,一般公共预算拨款收入,100,
CSV
