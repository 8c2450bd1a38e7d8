# revenue.csv saved as GBK by Excel on a Chinese Windows: valid, read with a note.
iconv -f UTF-8 -t GB18030 input/2021/revenue.csv >revenue.gbk && mv revenue.gbk input/2021/revenue.csv
