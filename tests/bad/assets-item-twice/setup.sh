# 其他用车 twice.
cat >input/2021/assets.csv <<'CSV'
项目,保有量,拟购置
其他用车,1,0
其他用车,2,0
CSV
