# 部门预算信息公开说明 — the structure and wording of seed 004
# (沧州经济开发区管理委员会, 2020).  Syntax: docs/templates.md.

meta title     {地区}{年度}年部门预算信息公开说明
meta subject   {部门}{年度}年部门预算信息公开
meta keywords  部门预算,信息公开,{年度},“三公”经费,绩效目标
footer         第{页}页 共{总页}页
numbering heading     {中文}、
numbering subheading  {数字}、

include wording.tpl

# ---- the document ------------------------------------------------------------
title {地区}
title {年度}年部门预算信息公开说明
para  {部门}作为一个预算单位，本级同所属单位汇总预算一致。

heading 部门主要职责及机构设置
para  {地区}部门预算由{部门}一个部门构成。
label 机构设置情况：
table institutions
  sheet 机构设置情况
  head  单位名称 | 单位性质 | 单位规格 | 经费保障形式
  col   单位名称      text center
  col   单位性质      text center
  col   单位规格      text center
  col   经费保障形式  text center
end
text duties

heading 部门预算安排总体情况
para  按照预算管理有关规定，目前我区部门预算的编制实行综合预算制度，即全部收入和支出都应反映在预算中。{部门}的收支均包含在部门预算中。
subheading 收入说明
para  {年度}年全年预计收入{收入总计}{单位}，其中：{列举:收入来源:收入项:，}。
subheading 支出说明
para  支出总计{支出总计}{单位}，其中：基本支出{基本支出}{单位}，项目支出{项目支出}{单位}。
if previous
subheading 比上年增减情况
para  {年度}年部门预算收支安排{支出总计}{单位}，{比较:总额:支出总计}，其中：{比较:分项:基本支出}，{比较:分项:项目支出}。{原因:基本支出}{原因:项目支出}
end
if no:previous
subheading 比上年增减情况
para  {上年}年无预算数据，{年度}年部门预算收支不作增减比较。
end

heading 机关运行经费安排情况
para  {年度}年开发区各部门公用经费支出{机关运行经费}{单位}。主要包括办公费、印刷费、邮电费、差旅费、会议费、日常维修费、网络使用费、公务用车运行维护费以及其他费用。

heading 财政拨款“三公”经费预算情况及增减变化原因
if has:three_public
table three_public
  title {年度}年区级“三公经费”预算情况表
  unit  单位：{单位}
  sheet “三公”经费预算情况表
  if previous
  head  项目^2 | 合计^2 | 同比下降^2 | 资金来源>3
  end
  if no:previous
  head  项目^2 | 合计^2 | 资金来源>3
  end
  head  一般预算 | 基金预算 | 财政专户
  col   项目      text left
  col   合计      amount
  if previous
  col   同比下降  percent compare=同比下降
  end
  col   一般预算  amount blank-zero
  col   基金预算  amount blank-zero
  col   财政专户  amount blank-zero
end
if previous
para  {年度}年，{部门}安排“三公经费”{三公合计}{单位}，{比较:三公总:三公合计}。
para  {列举:三公:三公句:；}。
para  {列举:三公:三公原因:}
end
if no:previous
para  {年度}年，{部门}安排“三公经费”{三公合计}{单位}。{上年}年无预算数据，不作增减比较。
para  {列举:三公:三公首年句:；}。
end
end
if no:three_public
para  {年度}年，{部门}未安排财政拨款“三公经费”预算。
end

heading 绩效预算信息
label 总体绩效目标：
text overall_goal
label 职责分类绩效目标：
list duty_goals （{序号}） | {名称}。{内容}
include performance-table.tpl

heading 名词解释
list glossary {序号}、 | {名称}：{内容}

heading 其他需要说明的事项
text notes
