# revenue.csv cut off inside the quoted amount "1,200.50" of line 2 (an
# interrupted copy): the first 59 of its 64 bytes, no final line break.
head -c 59 input/2021/revenue.csv >revenue.cut && mv revenue.cut input/2021/revenue.csv
