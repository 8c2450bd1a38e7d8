# revenue.csv saved from the budget system's sheet, whose unit row says 元,
# while the config reads amounts in 万元: never read 元 as 万元.
sed -i '1i 2021年部门收入总表,\n单位：元,' input/2021/revenue.csv
