# The only institution has no 单位名称.
sed -i '2s/^测试市示例局,/,/' input/2021/institutions.csv
