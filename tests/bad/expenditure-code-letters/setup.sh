# A function code with a letter in it.
sed -i "s/^2010302,/20a0302,/" input/2021/expenditure.csv
