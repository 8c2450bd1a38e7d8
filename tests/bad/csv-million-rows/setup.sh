# 1,000,000 data rows in glossary.csv, with [limits] max_rows = 1000: the
# reader stops at the first row over the limit (line 1002), quickly.
awk 'BEGIN { print "名词,解释"; for (i = 1; i <= 1000000; i++) printf "名词%d,解释%d\n", i, i }' \
    >input/2021/glossary.csv
printf '[limits]\nmax_rows = 1000\n' >>config.ini
