# Point 11 of issue 13: the same code and funding source on two lines with
# different amounts (the 700.50 of line 2 split by mistake into 600.50 and
# 100): the sums still agree, but the code is given twice.
sed -i 's/^2010301,行政运行,一般公共预算拨款收入,700.50,$/2010301,行政运行,一般公共预算拨款收入,600.50,/' input/2021/expenditure.csv
echo '2010301,行政运行,一般公共预算拨款收入,100,' >>input/2021/expenditure.csv
