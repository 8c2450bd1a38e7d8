# 2010398 has the form of a 项 of 20103 but is not in the code list.
sed -i "s/^2010302,一般行政管理事务,/2010398,自编科目,/" input/2021/expenditure.csv
