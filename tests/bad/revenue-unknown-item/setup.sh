# A 收入项目 that is not a revenue source of the national template.
sed -i '2s/^一般公共预算拨款收入,/一般公共预算收入,/' input/2021/revenue.csv
