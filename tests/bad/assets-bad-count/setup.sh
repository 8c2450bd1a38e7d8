# A count with a decimal, and a negative one.
cat >input/2021/assets.csv <<'CSV'
项目,保有量,拟购置
执法执勤用车,2.5,0
其他用车,-1,0
CSV
