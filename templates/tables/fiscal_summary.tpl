# 财政拨款收支总表 — one of the national tables (部门预算公开表), included by tables.tpl.
# Include it alone to publish only this table.  Syntax: docs/templates.md.

table fiscal_summary
  title {部门}{年度}年财政拨款收支总表
  unit  单位：{单位}
  sheet 财政拨款收支总表
  head  收入>2 | 支出>5
  head  项目 | 预算数 | 项目 | 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算
  col   收入项目          text min=8
  col   收入预算数        amount
  col   支出项目          text min=8
  col   支出预算数        amount
  col   一般公共预算      amount blank-zero
  col   政府性基金预算    amount blank-zero
  col   国有资本经营预算  amount blank-zero
end
