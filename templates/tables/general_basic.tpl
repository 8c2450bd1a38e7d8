# 一般公共预算基本支出表 — one of the national tables (部门预算公开表), included by tables.tpl.
# Include it alone to publish only this table.  Syntax: docs/templates.md.

table general_basic
  title {部门}{年度}年一般公共预算基本支出表
  unit  单位：{单位}
  sheet 一般公共预算基本支出表
  empty-note 本部门{年度}年无一般公共预算基本支出，本表为空表。
  head  科目编码>2 | 科目名称^2 | 合计^2 | 人员经费^2 | 公用经费^2
  head  类 | 款
  col   类        code center
  col   款        code center
  col   科目名称  text min=8
  col   合计      amount
  col   人员经费  amount blank-zero
  col   公用经费  amount blank-zero
end
