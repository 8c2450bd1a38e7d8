# Last year's heading left in a 2021 notes.txt; the comparison on line 2
# names 2020年部门预算 on purpose (较) and is not reported.
printf '2020年部门预算由本级预算组成。\n本部门2021年部门预算较2020年部门预算有所增加。\n' >input/2021/notes.txt
