# 公务接待费 8.505 (and the 合计 row 33.505, so every sum holds): three
# decimals where [units] decimals = 2 shows two.  A warning, not an error.
sed -i '4s/^公务接待费,8.5,8.5,,$/公务接待费,8.505,8.505,,/; 6s/^合计,33.5,33.5,,$/合计,33.505,33.505,,/' input/2021/three_public.csv
