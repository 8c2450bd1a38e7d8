# 项目经费情况说明 — a snippet without heading, included by standard.tpl
# inside if has:project_notes: one subheading and its paragraphs per row of
# project_notes.csv (for csv:FILE … end, docs/templates.md).  A blank cell
# leaves its paragraph out ([[…]]).

para  {年度}年，{部门}重点项目{重点项目数}个，安排资金{重点项目金额}{单位}。各项目情况如下：
for csv:project_notes.csv
subheading {项目名称}
para  [[概述：{概述}]]
para  [[立项依据：{立项依据}]]
para  [[实施主体：{实施主体}]]
para  [[实施方案：{实施方案}]]
para  [[实施周期：{实施周期}]]
para  年度预算安排：{年度}年安排{金额:年度预算安排}{单位}。
para  [[绩效目标：{绩效目标}]]
end
