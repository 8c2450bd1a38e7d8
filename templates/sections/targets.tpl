# 绩效目标设置情况 — a snippet without heading, included by standard.tpl
# inside if has:project_notes.  Counts and amounts are computed by budgetgen
# from institutions.csv, performance.csv and project_notes.csv
# (docs/templates.md#units-targets-and-projects).

para  {年度}年，{部门}{绩效单位数}个预算单位全部实行绩效目标管理，部门整体绩效目标涵盖{绩效职责数}项职责、{绩效活动数}项活动，设置绩效指标{绩效指标数}个。
para  {年度}年，{部门}共{绩效项目数}个项目实行绩效目标管理，涉及项目资金{绩效项目金额}{单位}[[，其中一般公共预算拨款{绩效项目一般公共预算}{单位}]]。
