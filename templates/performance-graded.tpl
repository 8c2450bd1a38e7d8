# The performance table with the year's results: the twelve columns of
# performance-table.tpl, then 实际值 (actuals.csv) and the grade it earns
# against the thresholds, and a summary of grades per duty.
# Syntax: docs/templates.md.

table grade_summary
  title {年度}年绩效自评结果汇总表
  sheet 绩效自评汇总
  head  职责名称 | 指标数 | 优 | 良 | 中 | 差 | 未评价 | 无实际值
  col   职责名称  text min=8
  col   指标数    text center
  col   优        text center
  col   良        text center
  col   中        text center
  col   差        text center
  col   未评价    text center
  col   无实际值  text center
end

table performance
  title {年度}年部门职责活动绩效目标及自评表
  sheet 绩效目标及自评表
  landscape
  head  职责名称 | 职责描述 | 职责目标 | 活动名称 | 活动描述 | 绩效目标 | 绩效指标 | 指标描述 | 优 | 良 | 中 | 差 | 实际值 | 评价等级
  col   职责名称  text merge=duty
  col   职责描述  text merge=duty weight=2
  col   职责目标  text merge=duty weight=1.5
  col   活动名称  text merge=activity
  col   活动描述  text merge=activity weight=2
  col   绩效目标  text merge=activity weight=1.5
  col   绩效指标  text
  col   指标描述  text weight=1.5
  col   优        text center
  col   良        text center
  col   中        text center
  col   差        text center
  col   实际值    text center
  col   评价等级  text center
end
