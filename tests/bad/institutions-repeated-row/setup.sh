# Point 11 of issue 13: a unit listed twice in institutions.csv (it would be
# printed twice in 机构设置情况).
echo '测试市示例局,行政,正处级,财政拨款' >>input/2021/institutions.csv
