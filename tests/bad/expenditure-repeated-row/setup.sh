# Point 11 of issue 13: a line of expenditure.csv entered twice.  The repeat
# is reported first, naming the line it repeats; the sums it breaks follow.
echo '2010301,行政运行,一般公共预算拨款收入,700.50,' >>input/2021/expenditure.csv
