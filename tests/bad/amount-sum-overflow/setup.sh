# Two 基本支出 of 9,000,000,000,000 万元 each: every amount is accepted (the
# cap is 9,223,372,036,853 万元), but their sum would overflow int64 fen.
# The folder's amounts are bounded so that every sum stays exact.
{
    head -1 input/2021/expenditure.csv
    printf '2010301,行政运行,一般公共预算拨款收入,9000000000000,\n'
    printf '2010302,一般行政管理事务,一般公共预算拨款收入,9000000000000,\n'
} >expenditure.new
mv expenditure.new input/2021/expenditure.csv
