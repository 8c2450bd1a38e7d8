# Point 10 of issue 13: 机关运行经费 typed in 元 in summary.csv (120 万元 →
# 1200000) while basic_economic.csv is in 万元: it exceeds 公用经费, of which
# it is a part, about 10,000 times over; and it is about 10,000 times last
# year's 120.
sed -i 's/^机关运行经费,120$/机关运行经费,1200000/' input/2021/summary.csv
