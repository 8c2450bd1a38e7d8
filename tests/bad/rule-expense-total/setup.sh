# 项目支出 lowered to 490: 基本支出 + 项目支出 = 1290.50, 支出总计 says 1300.50.
sed -i 's/^项目支出,500$/项目支出,490/' input/2021/summary.csv
