# 部门收支总表 — one of the national tables (部门预算公开表), included by tables.tpl.
# Include it alone to publish only this table.  Syntax: docs/templates.md.

table income_expense_summary
  title {部门}{年度}年部门收支总表
  unit  单位：{单位}
  sheet 部门收支总表
  head  收入>2 | 支出>2
  head  项目 | 预算数 | 项目 | 预算数
  col   收入项目    text min=9
  col   收入预算数  amount
  col   支出项目    text min=9
  col   支出预算数  amount
end
