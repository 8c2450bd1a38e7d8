# The 合计 row's 工程 (35) is not the sum of the funding sources' (30 + 0);
# each row adds up across, so only the column is wrong... and the 合计 row
# across: 40 + 35 + 30 = 105, not 100.
cat >input/2021/procurement.csv <<'CSV'
资金来源,合计,货物,工程,服务
一般公共预算,80.5,40,20,20.5
政府性基金预算,19.5,0,10,9.5
合计,100,40,35,30
CSV
