# A county education bureau with schools: 机关运行经费 is the 公用经费 of
# the 行政单位 (and 参照公务员法管理的事业单位) only, computed from the
# 公用经费 column of institutions.csv; the schools' 公用经费 is not in it.
# Sample: config/jiaoyu-2021.ini.  Syntax: docs/templates.md.

meta title     {部门}{年度}年机关运行经费安排情况
footer         第{页}页 共{总页}页
numbering heading     {中文}、

compare 增减 up    较上年增加{差额}{单位}，增长{百分比}
compare 增减 down  较上年减少{差额}{单位}，下降{百分比}
compare 增减 same  与上年持平
compare 增减 new   上年无此项预算

title {部门}
title {年度}年机关运行经费安排情况

heading 机构设置情况
table institutions
  sheet 机构设置情况
  head  单位名称 | 单位性质 | 单位规格 | 经费保障形式
  col   单位名称      text
  col   单位性质      text center
  col   单位规格      text center
  col   经费保障形式  text center
end

heading 机关运行经费安排情况
if previous
para  {年度}年{部门}机关运行经费安排{机关运行经费}{单位}，{比较:增减:机关运行经费}。机关运行经费是行政单位和参照公务员法管理的事业单位的公用经费，所属学校的公用经费不在其中。
end
if no:previous
para  {年度}年{部门}机关运行经费安排{机关运行经费}{单位}。机关运行经费是行政单位和参照公务员法管理的事业单位的公用经费，所属学校的公用经费不在其中。
end

heading 一般公共预算基本支出
table general_basic
  title {部门}{年度}年一般公共预算基本支出表
  unit  单位：{单位}
  sheet 一般公共预算基本支出表
  head  科目编码>2 | 科目名称^2 | 合计^2 | 人员经费^2 | 公用经费^2
  head  类 | 款
  col   类        code center
  col   款        code center
  col   科目名称  text min=8
  col   合计      amount
  col   人员经费  amount blank-zero
  col   公用经费  amount blank-zero
end
