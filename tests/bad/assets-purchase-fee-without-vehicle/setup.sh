# three_public.csv gives 公务用车购置费 10 (合计 33.5 + 10 = 43.5), but
# assets.csv plans no vehicle to buy (车辆合计 拟购置 0).
sed -i 's/^公务用车购置费,0,,,$/公务用车购置费,10,10,,/; s/^合计,33.5,33.5,,$/合计,43.5,43.5,,/' input/2021/three_public.csv
cat >input/2021/assets.csv <<'CSV'
项目,保有量,拟购置
执法执勤用车,3,0
其他用车,1,0
车辆合计,4,0
CSV
