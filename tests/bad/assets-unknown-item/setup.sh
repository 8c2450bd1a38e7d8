# A use that is none of the 8.
cat >input/2021/assets.csv <<'CSV'
项目,保有量,拟购置
公务用车,3,0
CSV
