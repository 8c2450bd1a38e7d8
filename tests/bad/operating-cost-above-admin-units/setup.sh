# A bureau with a school: 公用经费 per unit in institutions.csv (70 for the
# bureau, 50 for the school: 120, as basic_economic.csv).  机关运行经费 covers
# the 行政单位 only, so the stated 120 is more than the bureau's 70.
cat > input/2021/institutions.csv <<'CSV'
单位名称,单位性质,单位规格,经费保障形式,公用经费
测试市示例局,行政,正处级,财政拨款,70
测试市示例学校,公益一类事业单位,正科级,财政拨款,50
CSV
