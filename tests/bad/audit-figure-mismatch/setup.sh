# notes.txt states two figures that differ from the data (三公 合计 33.5 in
# three_public.csv, 项目支出 500 万元 = 5,000,000 元 in summary.csv) and two
# that agree within the rounding of the number as typed (8.5, 1,300.5).
printf '2021年“三公”经费预算66.00万元，其中公务接待费8.50万元。\n支出总计1,300.5万元，其中项目支出5000001元。\n' >input/2021/notes.txt
