#!/usr/bin/env bash
# A small, consistent 决算 ([document] kind = 决算) in the current folder:
# config.ini and input/js.  The tests/bad/js-* cases run it, then break one
# thing; tests/e2e_juesuan.sh builds it whole.  One 项 of each case: equal,
# over its 年初预算, a 年初预算 of 0, nothing spent.
set -e
cat >config.ini <<'INI'
[document]
department = 测试市示例局
region     = 测试市
year       = 2021
kind       = 决算
template   = ../../../templates/juesuan/document.tpl

[units]
unit             = 万元
decimals         = 2
percent_decimals = 1

[input]
dir            = input/js
function_codes = ../../../templates/codes/function.csv
economic_codes = ../../../templates/codes/economic.csv

[check]
audit = ../../../templates/audit.txt
INI
mkdir -p input/js
echo 负责本市示例事务。 >input/js/duties.txt
cat >input/js/js_expenditure.csv <<'CSV'
科目编码,科目名称,资金来源,基本支出,项目支出,年初预算,原因
2010101,行政运行,一般公共预算,100.00,,100.00,
2010102,一般行政管理事务,一般公共预算,,60.00,50.00,新增专项工作
2010103,机关服务,一般公共预算,,30.00,0,年中追加
2010104,人大会议,一般公共预算,,0,40.00,会议延期
CSV
cat >input/js/js_income.csv <<'CSV'
科目编码,科目名称,财政拨款收入
2010101,行政运行,100.00
2010102,一般行政管理事务,60.00
2010103,机关服务,30.00
CSV
cat >input/js/js_fiscal.csv <<'CSV'
资金来源,年初结转和结余,本年收入,本年支出,年末结转和结余
一般公共预算,10.00,190.00,190.00,10.00
CSV
cat >input/js/js_balance.csv <<'CSV'
项目,决算数
年初结转和结余,10.00
年末结转和结余,10.00
CSV
cat >input/js/js_basic_economic.csv <<'CSV'
科目编码,科目名称,决算数
30101,基本工资,70.00
30201,办公费,30.00
CSV
