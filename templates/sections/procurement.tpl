# 政府采购预算情况: the paragraphs and the table of procurement.csv, without a
# heading (the including template gives it, so a region can name it).
# standard.tpl includes this file inside "if has:procurement".
# Placeholders and the table source: docs/templates.md.

# Against last year, subject and all (a 政府采购预算 of 0 this year is worded
# below, so only these cases occur).
compare 采购比较 up    政府采购预算较{上年}年增加{差额}{单位}，增长{百分比}
compare 采购比较 down  政府采购预算较{上年}年减少{差额}{单位}，下降{百分比}
compare 采购比较 same  政府采购预算与{上年}年持平
compare 采购比较 new   {上年}年无政府采购预算，不作增减比较

if has:procurement_amount
para  {年度}年{部门}政府采购预算{政府采购预算}{单位}，其中：货物类采购{货物类采购}{单位}，工程类采购{工程类采购}{单位}，服务类采购{服务类采购}{单位}。
if previous
para  {比较:采购比较:政府采购预算}。
end
if has:面向中小企业预留
if has:面向小微企业预留
para  {年度}年本部门面向中小企业预留政府采购项目预算金额{面向中小企业预留}{单位}，其中：面向小微企业预留政府采购项目预算金额{面向小微企业预留}{单位}。
end
if no:面向小微企业预留
para  {年度}年本部门面向中小企业预留政府采购项目预算金额{面向中小企业预留}{单位}。
end
end
table procurement
  title {年度}年政府采购预算表
  unit  单位：{单位}
  sheet 政府采购预算表
  if has:面向中小企业预留
  head  资金来源 | 合计 | 货物 | 工程 | 服务 | 面向中小企业预留 | 其中：面向小微企业预留
  end
  if no:面向中小企业预留
  head  资金来源 | 合计 | 货物 | 工程 | 服务
  end
  col   资金来源  text left
  col   合计      amount
  col   货物      amount
  col   工程      amount
  col   服务      amount
  if has:面向中小企业预留
  col   面向中小企业预留  amount
  col   面向小微企业预留  amount
  end
end
end
if no:procurement_amount
para  本部门{年度}年无政府采购预算。
end
