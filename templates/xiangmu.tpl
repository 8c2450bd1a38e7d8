# 项目支出绩效目标表 — the national table (FORMAT.md section 5), laid out from
# input/<folder>/projects.csv: one row per 三级指标; the project's cells
# (项目名称 … 年度绩效目标) and 一级指标/二级指标 are written once and shown
# merged over the rows below them.  Syntax: docs/templates.md.

meta title     {部门}{年度}年项目支出绩效目标表
meta subject   {部门}{年度}年项目支出绩效目标
meta keywords  项目支出,绩效目标,产出指标,效益指标,满意度指标,{年度}
footer         第{页}页 共{总页}页

table csv:projects.csv
  title {部门}{年度}年项目支出绩效目标表
  unit  单位：{单位}
  sheet 项目支出绩效目标表
  landscape
  head  项目名称^2 | 主管部门^2 | 资金情况>3 | 年度绩效目标^2 | 一级指标^2 | 二级指标^2 | 三级指标^2 | 指标值^2
  head  年度资金总额 | 其中：财政拨款 | 其他资金
  col   项目名称      text center merge=blank min=4
  col   主管部门      text center merge=blank min=4
  col   年度资金总额  amount merge=blank min=6
  col   其中财政拨款  amount merge=blank min=6
  col   其他资金      amount merge=blank min=5
  col   年度绩效目标  text merge=blank weight=3
  col   一级指标      text center merge=blank min=3
  col   二级指标      text center merge=blank min=4
  col   三级指标      text weight=2
  col   指标值        text center min=8
end
