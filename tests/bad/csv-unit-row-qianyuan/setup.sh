# A unit row in 千元, a unit budgetgen does not read.
sed -i '1i 金额单位：千元,' input/2021/revenue.csv
