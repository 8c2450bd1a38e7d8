# The twelve-column performance table of seed 004 (职责 → 活动 → 指标):
# duty and activity cells span their rows.  Included by the disclosure
# templates.  Syntax: docs/templates.md.

table performance
  title {年度}年部门职责活动绩效目标表
  sheet 绩效目标表
  landscape
  head  职责名称 | 职责描述 | 职责目标 | 活动名称 | 活动描述 | 绩效目标 | 绩效指标 | 指标描述 | 优 | 良 | 中 | 差
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
