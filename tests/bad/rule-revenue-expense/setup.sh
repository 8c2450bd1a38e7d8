# Revenue raised by 10 on both sides (事业收入 110, 收入总计 1310.50), so
# 收入总计 = Σ sources still holds, but 收入总计 ≠ 支出总计 (1300.50).
sed -i '3s/^事业收入,100$/事业收入,110/' input/2021/revenue.csv
sed -i 's/^收入总计,1300.50$/收入总计,1310.50/' input/2021/summary.csv
