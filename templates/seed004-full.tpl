# Seed 004's disclosure (seed004.tpl) followed by the national standard
# table set (tables.tpl) as its 附表.  Syntax: docs/templates.md.
#
# The seed publishes totals only; the 附表's breakdown by function and
# economic code is illustrative (input/cangzhou-2020/README.md).  Every table
# of the 附表 says so under it (table-note), under the committee's real name.

include seed004.tpl

pagebreak
title 附表：{部门}{年度}年部门预算公开表
table-note 注：本表为budgetgen示例，按支出功能分类和经济分类科目列示的明细数据系虚构，并非{部门}公开的数据；收支总计、基本支出、项目支出、机关运行经费和“三公”经费与该单位公开的{年度}年部门预算一致。
include tables.tpl
