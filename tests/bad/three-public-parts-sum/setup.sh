# 公务用车购置及运行费 25 with parts 20 (运行费) + 0 (购置费); the 合计 row
# (5 + 8.5 + 25 = 38.5) counts the 小计 once and agrees with it.
sed -i '2s/^公务用车运行费,20,20,,$/公务用车购置及运行费,25,25,,\n其中：公务用车运行费,20,20,,/; s/^合计,33.5,33.5,,$/合计,38.5,38.5,,/' input/2021/three_public.csv
