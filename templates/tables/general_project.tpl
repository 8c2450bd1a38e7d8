# 一般公共预算项目支出表 — the 项目支出 of 一般公共预算拨款 by function 类, 款 and 项
# (expenditure.csv), as regions that add it to the national set publish it.
# Not in tables.tpl: include it where the region's set has it.  Syntax:
# docs/templates.md.

table general_project
  title {部门}{年度}年一般公共预算项目支出表
  unit  单位：{单位}
  sheet 一般公共预算项目支出表
  empty-note 本部门{年度}年无一般公共预算拨款安排的项目支出，本表为空表。
  head  科目编码>3 | 科目名称^2 | 项目支出^2
  head  类 | 款 | 项
  col   类        code center
  col   款        code center
  col   项        code center
  col   科目名称  text min=8
  col   项目支出  amount
end
