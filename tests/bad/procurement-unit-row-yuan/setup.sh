# procurement.csv saved with the budget system's unit row (单位：元) while the
# config reads amounts in 万元: read as every input file is, so 元 is never
# read as 万元 (before, the unit row was skipped and the 元 published as 万元).
cat >input/2021/procurement.csv <<'CSV'
单位：元
资金来源,合计,货物,工程,服务
合计,1000000,400000,300000,300000
CSV
