# The same funding source on two rows (as typed: 一般公共预算 and
# 一般 公共预算 are one name).
cat >input/2021/procurement.csv <<'CSV'
资金来源,合计,货物,工程,服务
一般公共预算,50,50,0,0
一般 公共预算,50,0,50,0
合计,100,50,50,0
CSV
