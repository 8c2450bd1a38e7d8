# 财政专户 (column 5) renamed to 一般预算, which column 3 already is.
sed -i '1s/,财政专户$/,一般预算/' input/2021/three_public.csv
