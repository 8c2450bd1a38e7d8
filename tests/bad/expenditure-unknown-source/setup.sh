# A funding source that is not one of the national template's.
sed -i "s/,事业收入,,100$/,自筹资金,,100/" input/2021/expenditure.csv
