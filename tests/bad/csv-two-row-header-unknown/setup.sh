# expenditure.csv with a header of two rows whose names are not the file's:
# 编码 over 类, 款, 项 (expected 科目编码), 支出 over 基本, 项目.
{ printf '编码,,,科目名称,资金来源,支出,\n类,款,项,,,基本,项目\n'; tail -n +2 input/2021/expenditure.csv | sed -E 's/^([0-9]{3})([0-9]{2})([0-9]{2}),/\1,\2,\3,/'; } >e.csv && mv e.csv input/2021/expenditure.csv
