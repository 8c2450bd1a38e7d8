# The document the peers (ReportLab, Typst) produce in the benchmark, as a
# budgetgen template: the title, the narrative (duties, overall goal,
# notes), the “三公” table and the 131-row performance table of the sample.
# Used by tests/bench.sh with bench/peer.ini.  Syntax: docs/templates.md.

meta title     {部门}{年度}年部门预算信息公开（基准文档）
footer         第{页}页 共{总页}页
numbering heading     {中文}、

include ../templates/wording.tpl

title {部门}
title {年度}年部门预算信息公开说明

heading 部门主要职责
text duties

heading 财政拨款“三公”经费预算情况
table three_public
  title {年度}年“三公”经费预算情况表
  unit  单位：{单位}
  sheet “三公”经费预算情况表
  head  项目^2 | 合计^2 | 同比下降^2 | 资金来源>3
  head  一般预算 | 基金预算 | 财政专户
  col   项目      text left
  col   合计      amount
  col   同比下降  percent compare=同比下降
  col   一般预算  amount blank-zero
  col   基金预算  amount blank-zero
  col   财政专户  amount blank-zero
end

heading 绩效预算信息
label 总体绩效目标：
text overall_goal
include ../templates/performance-table.tpl

heading 其他需要说明的事项
text notes
