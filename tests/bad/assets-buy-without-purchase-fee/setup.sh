# One 执法执勤用车 to buy, but three_public.csv gives 公务用车购置费 0.
cat >input/2021/assets.csv <<'CSV'
项目,保有量,拟购置
执法执勤用车,3,1
其他用车,1,0
单价100万元以上设备,2,0
CSV
