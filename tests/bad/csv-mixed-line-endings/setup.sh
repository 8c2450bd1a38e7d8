# CRLF and LF mixed in one file (rows added in Notepad to a file saved on
# Linux, or the reverse), also inside a quoted multi-line cell and in the
# config: everything loads as before, status 0.
sed -i '2,3s/$/\r/' input/2021/three_public.csv
sed -i '1s/$/\r/' input/2021/revenue.csv
printf '收入,"财政拨款\r\n收入"\n' >>input/2021/glossary.csv
sed -i '1s/$/\r/; 5,9s/$/\r/' config.ini
sed -i '1s/$/\r/' input/2021/duties.txt
