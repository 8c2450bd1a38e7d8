# 部门（单位）构成 and 机构设置 — a snippet without heading, included by
# standard.tpl.  The units are the rows of institutions.csv; the counts are
# computed from its 单位性质 (docs/templates.md#units-targets-and-projects).
# A count of 0 empties the [[…]] it stands in, so no "行政单位0家".

para  纳入{部门}{年度}年部门预算编制范围的单位共{单位数}家[[，其中行政单位{行政单位数}家]][[，事业单位{事业单位数}家]][[（含参照公务员法管理事业单位{参公单位数}家）]][[，其他单位{其他单位数}家]]。具体包括：
list csv:institutions.csv {序号}. | {单位名称}
