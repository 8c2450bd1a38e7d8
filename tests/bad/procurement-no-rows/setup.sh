# The header row only.
printf '资金来源,合计,货物,工程,服务\n' >input/2021/procurement.csv
