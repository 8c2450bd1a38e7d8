# 基本支出 is given a second time, on line 7.
echo '基本支出,800.50' >>input/2021/summary.csv
