# Two funding sources that each add up across (80.5 = 40 + 20 + 20.5,
# 19.5 = 0 + 10 + 9.5), and a 合计 row that is wrong twice: its 工程 35 is
# not 20 + 10, and across 40 + 35 + 30 = 105 is not its 合计 100.
cat >input/2021/procurement.csv <<'CSV'
资金来源,合计,货物,工程,服务
一般公共预算,80.5,40,20,20.5
政府性基金预算,19.5,0,10,9.5
合计,100,40,35,30
CSV
