# Profile "district-2026" — a district's budget disclosure as its 2026
# template sets it out (FORMATS.md §1): 部门概况, the nine tables under the
# district's names (tables 1–8 in 元, table 9 and the text in 万元, 编制部门 on
# every table), 部门预算编制说明 with shares and changes, 机关运行经费预算,
# 其他相关情况说明 (政府采购, 国有资产, 绩效目标设置情况), 项目经费情况说明,
# 名词解释.  Select it with [document] profile = district-2026.  To make a
# region's own profile, copy this folder and edit it: docs/profiles.md.
# Syntax: docs/templates.md.

meta title     {部门}{年度}年部门预算
meta subject   {部门}{年度}年部门预算信息公开
meta keywords  部门预算,信息公开,{年度},“三公”经费,机关运行经费
footer         第{页}页 共{总页}页
numbering heading     第{中文}部分 
numbering subheading  {中文}、

units tables 元
units text   万元

include wording.tpl

cover
  title {部门}
  title {年度}年部门预算
  line  编制部门：{部门}
end
toc 目录

title {部门}
title {年度}年部门预算

heading 部门概况
subheading 部门主要职责
text duties
if has:institutions
subheading 部门（单位）构成
include ../../sections/units.tpl
end
subheading 机构设置
table institutions
  sheet 机构设置
  head  单位名称 | 单位性质 | 单位规格 | 经费保障形式
  col   单位名称      text
  col   单位性质      text center
  col   单位规格      text center
  col   经费保障形式  text center
end

heading {年度}年部门预算表
include tables.tpl

heading 部门预算编制说明
subheading 收支预算总体情况
para  按照综合预算的原则，{部门}所有收入和支出均纳入部门预算管理。{年度}年收入预算{收入总计}{单位}，其中：{列举:收入来源:来源:；}。
para  {年度}年支出预算{支出总计}{单位}，其中：基本支出{基本支出}{单位}，占{占比:基本支出:支出总计}；项目支出{项目支出}{单位}，占{占比:项目支出:支出总计}。
if previous
para  收支预算总额{比较:增减:支出总计}。{原因:基本支出}{原因:项目支出}
end
subheading 财政拨款收支预算情况
if previous
para  {年度}年财政拨款收入预算{财政拨款收入}{单位}，{比较:增减:财政拨款收入}。
end
if no:previous
para  {年度}年财政拨款收入预算{财政拨款收入}{单位}。
end
subheading 一般公共预算支出预算情况
if has:expenditure
para  {年度}年财政拨款支出预算中，按支出功能分类，支出包括：{列举:支出功能分类:类项:；}。
end
subheading 一般公共预算基本支出预算情况
para  {年度}年基本支出预算{基本支出}{单位}，其中：人员经费{人员经费}{单位}，主要包括基本工资、津贴补贴、奖金、社会保障缴费、住房公积金等；公用经费{公用经费}{单位}，主要包括办公费、印刷费、水电费、邮电费、差旅费、维修（护）费、公务接待费、公务用车运行维护费等。
subheading “三公”经费预算情况
if has:three_public
if previous
para  {年度}年“三公”经费预算{三公合计}{单位}，{比较:增减:三公合计}。其中：{列举:三公(因公出国（境）费、公务用车购置及运行费、公务接待费):三公句:；}。
para  {列举:三公:三公原因:}
end
if no:previous
para  {年度}年“三公”经费预算{三公合计}{单位}。其中：{列举:三公(因公出国（境）费、公务用车购置及运行费、公务接待费):三公首年:；}。
end
end
if no:three_public
para  {部门}{年度}年未安排“三公”经费预算。
end
subheading 机关运行经费预算
if previous
para  {年度}年{部门}机关运行经费预算{机关运行经费}{单位}，{比较:增减:机关运行经费}。机关运行经费是行政单位和参照公务员法管理的事业单位的公用经费。{原因:机关运行经费}
end
if no:previous
para  {年度}年{部门}机关运行经费预算{机关运行经费}{单位}。机关运行经费是行政单位和参照公务员法管理的事业单位的公用经费。
end

heading 其他相关情况说明
if has:procurement
subheading 政府采购预算情况
include ../../sections/procurement.tpl
end
if has:assets
subheading 国有资产占有使用情况
include ../../sections/assets.tpl
end
subheading 绩效目标设置情况
if has:project_notes
include ../../sections/targets.tpl
end
text overall_goal
list duty_goals （{序号}） | {名称}。{内容}
subheading 其他需要说明的事项
text notes

if has:project_notes
heading 项目经费情况说明
include ../../sections/projects.tpl
end

heading 名词解释
list glossary {序号}、 | {名称}：{内容}
