# 部门收入总表 — one of the national tables (部门预算公开表), included by tables.tpl.
# Include it alone to publish only this table.  Syntax: docs/templates.md.

table income
  title {部门}{年度}年部门收入总表
  unit  单位：{单位}
  sheet 部门收入总表
  landscape
  head  科目编码>3 | 科目名称^2 | 合计^2 | 上年结转^2 | 一般公共预算拨款收入^2 | 政府性基金预算拨款收入^2 | 国有资本经营预算拨款收入^2 | 财政专户管理资金收入^2 | 事业收入^2 | 事业单位经营收入^2 | 其他收入^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   上年结转  amount blank-zero
  col   一般公共预算拨款收入      amount blank-zero
  col   政府性基金预算拨款收入    amount blank-zero
  col   国有资本经营预算拨款收入  amount blank-zero
  col   财政专户管理资金收入      amount blank-zero
  col   事业收入          amount blank-zero
  col   事业单位经营收入  amount blank-zero
  col   其他收入          amount blank-zero
end
