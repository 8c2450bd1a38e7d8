# 事业收入 "12,3x": a letter in an amount.
sed -i '3s/^事业收入,100$/事业收入,"12,3x"/' input/2021/revenue.csv
