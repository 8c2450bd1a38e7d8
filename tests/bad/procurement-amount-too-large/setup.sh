# Ten billion 万元: beyond any budget (and beyond what the sums of the
# file keep exact), an empty 合计, and a part that is no amount.
cat >input/2021/procurement.csv <<'CSV'
资金来源,合计,货物,工程,服务
一般公共预算,10000000000,10000000000,0,0
政府性基金预算,,0,0,0
合计,100,五十,50,0
CSV
