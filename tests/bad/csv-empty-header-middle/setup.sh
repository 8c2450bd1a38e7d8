# An empty header cell between two named ones, over data (not a second
# header row): still an error, with the fix.
sed -i '1s/资金来源/ /' input/2021/expenditure.csv
