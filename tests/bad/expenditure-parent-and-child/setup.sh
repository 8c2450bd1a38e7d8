# A 款 entered beside its own 项: the money would count twice.
printf "20103,政府办公厅（室）及相关机构事务,一般公共预算拨款收入,,0\n" >>input/2021/expenditure.csv
