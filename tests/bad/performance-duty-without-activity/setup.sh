# The duty's first row has no 活动名称.
sed -i '2s/,示例检查,/,,/' input/2021/performance.csv
