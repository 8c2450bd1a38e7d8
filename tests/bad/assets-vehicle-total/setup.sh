# 车辆合计 5 vehicles, but the uses hold 3 + 1 = 4.
cat >input/2021/assets.csv <<'CSV'
项目,保有量,拟购置
执法执勤用车,3,0
其他用车,1,0
车辆合计,5,0
CSV
