# A row without its funding source.
cat >input/2021/procurement.csv <<'CSV'
资金来源,合计,货物,工程,服务
,100,50,50,0
合计,100,50,50,0
CSV
