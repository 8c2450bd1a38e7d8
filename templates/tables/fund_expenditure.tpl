# 政府性基金预算支出表 — one of the national tables (部门预算公开表), included by tables.tpl.
# Include it alone to publish only this table.  Syntax: docs/templates.md.

table fund_expenditure
  title {部门}{年度}年政府性基金预算支出表
  unit  单位：{单位}
  sheet 政府性基金预算支出表
  empty-note 本部门{年度}年无政府性基金预算收支，本表为空表。
  head  科目编码>3 | 科目名称^2 | 合计^2 | 基本支出^2 | 项目支出^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   合计      amount
  col   基本支出  amount blank-zero
  col   项目支出  amount blank-zero
end
