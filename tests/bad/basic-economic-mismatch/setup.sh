# 基本工资 raised by 10: the economic breakdown no longer equals the
# 一般公共预算 basic expenditure.
sed -i "s/^30101,基本工资,500,/30101,基本工资,510,/" input/2021/basic_economic.csv
