# The header row repeated in the middle of institutions.csv (two exports
# pasted together): it would otherwise be an institution named 单位名称.
head -1 input/2021/institutions.csv >>input/2021/institutions.csv
echo '测试市示例中心,事业单位,正科级,财政补助' >>input/2021/institutions.csv
