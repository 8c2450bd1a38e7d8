# 公务用车运行费: 合计 20 but 一般预算 18 (its only source).  The 合计 row's
# 一般预算 (33.5) is then also not the sum of the items' 一般预算 (31.50).
sed -i '2s/^公务用车运行费,20,20,,$/公务用车运行费,20,18,,/' input/2021/three_public.csv
