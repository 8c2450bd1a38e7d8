# Point 10 of issue 13: revenue.csv typed in 元 (1,200.50 万元 →
# 12005000) while summary.csv and expenditure.csv are in 万元: each finding
# comparing it with its peers ends with the hint about 元 and 万元.
cat >input/2021/revenue.csv <<'CSV'
收入项目,预算数
一般公共预算拨款收入,12005000
事业收入,1000000
CSV
