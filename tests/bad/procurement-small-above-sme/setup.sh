# 面向小微企业预留 50 above 面向中小企业预留 40, in the row of a funding
# source (the 合计 row adds up).
cat >input/2021/procurement.csv <<'CSV'
资金来源,合计,货物,工程,服务,面向中小企业预留,面向小微企业预留
一般公共预算,100,40,30,30,40,50
合计,100,40,30,30,40,50
CSV
