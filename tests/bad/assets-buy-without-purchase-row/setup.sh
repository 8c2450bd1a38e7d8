# Two vehicles to buy (车辆合计), and three_public.csv without its
# 公务用车购置费 row (it was 0: the 合计 stays 33.5).
sed -i '/^公务用车购置费,/d' input/2021/three_public.csv
cat >input/2021/assets.csv <<'CSV'
项目,保有量,拟购置
执法执勤用车,3,2
车辆合计,3,2
CSV
