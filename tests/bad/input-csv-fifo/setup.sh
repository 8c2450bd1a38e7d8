# revenue.csv is a FIFO: refused from what was opened, never read (it hung).
rm input/2021/revenue.csv
mkfifo input/2021/revenue.csv
