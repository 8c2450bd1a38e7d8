# 一般公共预算“三公”经费支出表 — one of the national tables (部门预算公开表), included by tables.tpl.
# Include it alone to publish only this table.  Syntax: docs/templates.md.

table general_three_public
  title {部门}{年度}年一般公共预算“三公”经费支出表
  unit  单位：{单位}
  sheet 一般公共预算“三公”经费支出表
  empty-note 本部门{年度}年无一般公共预算“三公”经费支出，本表为空表。
  head  项目^2 | 合计^2 | 因公出国（境）费^2 | 公务用车购置及运行费>3 | 公务接待费^2
  head  小计 | 购置费 | 运行费
  col   项目                  text min=7
  col   合计                  amount
  col   因公出国（境）费      amount blank-zero
  col   公务用车购置及运行费  amount blank-zero
  col   公务用车购置费        amount blank-zero
  col   公务用车运行费        amount blank-zero
  col   公务接待费            amount blank-zero
end
