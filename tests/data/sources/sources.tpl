# Issue 13, point 5 (tests/e2e_sources.sh): revenue sources in the
# template's order, the plain list, shares, 人员经费 and 公用经费, the 类
# list, and the national tables that show them.
include ../../../templates/wording.tpl

sentence 来源占比 {名称}{本年}{单位}，占{占比:收入总计}
sentence 类项     {名称}{本年}{单位}

title {年度}年{部门}预算说明
para 收入总计{收入总计}{单位}，其中：{列举:收入来源(上年结转、一般公共预算拨款收入、政府性基金预算拨款收入、事业收入、上级补助收入、附属单位上缴收入、使用非财政拨款结余、其他收入):收入项:，}。
para 合并：{列举:收入来源:收入项:，}。
para 拨款：{列举:收入来源(财政拨款收入、上年结转):来源占比:；}。
para 事业收入占收入总计的{占比:事业收入:收入总计}。
para 基本支出{基本支出}{单位}，其中：人员经费{人员经费}{单位}，公用经费{公用经费}{单位}，人员经费占{占比:人员经费:基本支出}。
para 支出包括：{列举:支出功能分类:类项:、}。

include ../../../templates/tables/income_expense_summary.tpl
include ../../../templates/tables/income.tpl
include ../../../templates/tables/general_basic.tpl
