# Point 11 of issue 13: a 科目名称 that differs from the code list's name is
# a warning (the document prints the department's name).
sed -i 's/^2010302,一般行政管理事务,/2010302,一般行政事务管理,/' input/2021/expenditure.csv
