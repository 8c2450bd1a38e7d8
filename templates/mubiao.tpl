# 主要目标任务分解方案 — seed 002 (徐州市人民政府关于印发2020年政府工作报告
# 主要目标任务分解方案的通知, 徐政发〔2020〕3号): the opening sentence of the
# notice, then its attachment, the numbered list of targets, one item per row
# of input/<folder>/targets.csv.  Syntax: docs/templates.md.

meta title     {部门}关于印发{年度}年政府工作报告主要目标任务分解方案的通知
meta subject   {年度}年《政府工作报告》主要目标任务分解方案
meta keywords  政府工作报告,目标任务,分解方案,牵头单位,责任单位,{年度}
footer         第{页}页 共{总页}页

title {部门}关于印发{年度}年
title 政府工作报告主要目标任务分解方案的通知
para  市十六届人大五次会议审议通过的《政府工作报告》明确了{年度}年全市经济社会发展的主要目标任务。

label 附件
title {年度}年《政府工作报告》
title 主要目标任务分解方案
list csv:targets.csv {序号}. | {目标任务}（牵头单位：{牵头单位}[[；责任单位：{责任单位}]]）
