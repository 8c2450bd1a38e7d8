# 部门预算信息公开说明 — a general template for any department: the seven
# sections of seed 004 in neutral wording, then the national standard table
# set as 附表.  Syntax: docs/templates.md.

meta title     {部门}{年度}年部门预算信息公开说明
meta subject   {部门}{年度}年部门预算信息公开
meta keywords  部门预算,信息公开,{年度},“三公”经费,绩效目标
footer         第{页}页 共{总页}页
numbering heading     {中文}、
numbering subheading  {数字}、

include wording.tpl

title {部门}
title {年度}年部门预算信息公开说明

heading 部门主要职责及机构设置
if has:institutions
label 部门（单位）构成：
include sections/units.tpl
end
label 机构设置情况：
table institutions
  sheet 机构设置情况
  head  单位名称 | 单位性质 | 单位规格 | 经费保障形式
  col   单位名称      text
  col   单位性质      text center
  col   单位规格      text center
  col   经费保障形式  text center
end
text duties

heading 部门预算安排总体情况
para  按照预算管理有关规定，{部门}的全部收入和支出均纳入部门预算管理。
subheading 收入说明
para  {年度}年收入总计{收入总计}{单位}，其中：{列举:收入来源:收入项:，}。
subheading 支出说明
para  {年度}年支出总计{支出总计}{单位}，其中：基本支出{基本支出}{单位}，项目支出{项目支出}{单位}。
if previous
subheading 比上年增减情况
para  {年度}年部门预算收支安排{支出总计}{单位}，{比较:总额:支出总计}，其中：{比较:分项:基本支出}，{比较:分项:项目支出}。{原因:基本支出}{原因:项目支出}
table comparison
  title {年度}年与{上年}年预算对比表
  unit  单位：{单位}
  sheet 预算对比表
  head  项目 | {上年}年预算数 | {年度}年预算数 | 增减额 | 增减率
  col   项目        text min=8
  col   上年预算数  amount
  col   本年预算数  amount
  col   增减额      amount
  col   增减率      percent compare=同比增减
end
end
if no:previous
subheading 比上年增减情况
para  {上年}年无预算数据，{年度}年部门预算收支不作增减比较。
end
if has:earlier
chart trend
  title {年度}年及以前年度基本支出和项目支出
  sheet 支出趋势图
end
end
if has:previous_expenditure
chart function_classes
  title {上年}年与{年度}年支出按功能分类对比
  sheet 支出功能分类对比图
end
end

heading 机关运行经费安排情况
para  {年度}年{部门}机关运行经费安排{机关运行经费}{单位}，主要用于办公费、印刷费、邮电费、差旅费、会议费、日常维修费、公务用车运行维护费以及其他日常公用经费。
if previous
para  机关运行经费{比较:三公项:机关运行经费}。{原因:机关运行经费}
end

heading 财政拨款“三公”经费预算情况及增减变化原因
if has:three_public
table three_public
  title {年度}年“三公”经费预算情况表
  unit  单位：{单位}
  sheet “三公”经费预算情况表
  if previous
  head  项目^2 | 合计^2 | 同比增减^2 | 资金来源>3
  end
  if no:previous
  head  项目^2 | 合计^2 | 资金来源>3
  end
  head  一般预算 | 基金预算 | 财政专户
  col   项目      text left
  col   合计      amount
  if previous
  col   同比增减  percent compare=同比增减
  end
  col   一般预算  amount blank-zero
  col   基金预算  amount blank-zero
  col   财政专户  amount blank-zero
end
if previous
para  {年度}年，{部门}安排“三公”经费{三公合计}{单位}，{比较:三公总:三公合计}。
para  {列举:三公:三公句:；}。
para  {列举:三公:三公原因:}
chart three_public
  title {上年}年与{年度}年“三公”经费预算对比
  sheet “三公”经费对比图
end
end
if no:previous
para  {年度}年，{部门}安排“三公”经费{三公合计}{单位}。{上年}年无预算数据，不作增减比较。
para  {列举:三公:三公首年句:；}。
end
end
if no:three_public
para  {年度}年，{部门}未安排财政拨款“三公”经费预算。
end

if has:procurement
heading 政府采购预算情况
include sections/procurement.tpl
end

if has:assets
heading 国有资产占有使用情况
include sections/assets.tpl
end

heading 绩效预算信息
label 总体绩效目标：
text overall_goal
label 职责分类绩效目标：
list duty_goals （{序号}） | {名称}。{内容}
if has:actuals
label 绩效自评结果：
include performance-graded.tpl
end
if no:actuals
include performance-table.tpl
end
if has:project_notes
label 绩效目标设置情况：
include sections/targets.tpl
heading 项目经费情况说明
include sections/projects.tpl
end

heading 名词解释
list glossary {序号}、 | {名称}：{内容}

heading 其他需要说明的事项
text notes

pagebreak
title 附表：{部门}{年度}年部门预算公开表
include tables.tpl
if has:project_notes
include tables/general_project.tpl
end
