# A 公务用车购置及运行费 row of 15 above its part 其中：公务用车运行费 of 20;
# the 合计 row (33.5) counts 公务用车 once, through its 15.
sed -i '2s/^公务用车运行费,20,20,,$/公务用车购置及运行费,15,15,,\n其中：公务用车运行费,20,20,,/' input/2021/three_public.csv
