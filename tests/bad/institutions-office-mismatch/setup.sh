# 公用经费 per unit (115 + 10 = 125) must add up to basic_economic.csv (120).
cat > input/2021/institutions.csv <<'CSV'
单位名称,单位性质,单位规格,经费保障形式,公用经费
测试市示例局,行政,正处级,财政拨款,115
测试市示例学校,公益一类事业单位,正科级,财政拨款,10
CSV
sed -i 's/^机关运行经费,120$/机关运行经费,115/' input/2021/summary.csv
