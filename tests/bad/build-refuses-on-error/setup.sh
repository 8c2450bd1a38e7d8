# build when check finds an error (收入总计 ≠ Σ sources): nothing is written
# and output/ is left as it was.
sed -i '3s/^事业收入,100$/事业收入,90/' input/2021/revenue.csv
