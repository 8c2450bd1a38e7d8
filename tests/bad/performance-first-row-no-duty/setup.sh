# The first row's 职责名称 is left empty (its description and goal are there).
sed -i '2s/^示例管理,/,/' input/2021/performance.csv
