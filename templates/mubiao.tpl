# 主要目标任务分解方案 — seed 002 (徐州市人民政府关于印发2020年政府工作报告
# 主要目标任务分解方案的通知, 徐政发〔2020〕3号): the
# notice as published (文号, 主送机关, its four paragraphs, the 附件 line,
# signature and date, in full-width punctuation: the seed's half-width "," ":"
# "()" come from its PDF extraction), then its attachment on a new page, the
# numbered list of targets, one item per row of input/<folder>/targets.csv.
# Syntax: docs/templates.md.

meta title     {部门}关于印发{年度}年政府工作报告主要目标任务分解方案的通知
meta subject   {年度}年《政府工作报告》主要目标任务分解方案
meta keywords  政府工作报告,目标任务,分解方案,牵头单位,责任单位,{年度}
footer         第{页}页 共{总页}页

title {部门}关于印发{年度}年
title 政府工作报告主要目标任务分解方案的通知
line  center 徐政发〔{年度}〕3号
line  left   各县（市）区人民政府，徐州经济技术开发区、徐州高新区管委会，市各委办局（公司），市各直属单位：
para  市十六届人大五次会议审议通过的《政府工作报告》明确了{年度}年全市经济社会发展的主要目标任务。为进一步强化目标责任管理，确保《政府工作报告》的主要目标任务落到实处，市政府制定了《{年度}年〈政府工作报告〉主要目标任务分解方案》，将全年工作分解为150项具体目标任务，现予以印发，请认真组织实施。
para  各牵头单位要切实强化组织领导，细化责任分工，明确时序要求；各责任单位要强化大局意识，积极配合牵头单位全力抓好工作推进，形成加快实现全市经济社会发展目标的强大合力。
para  市政府办公室要加大对《政府工作报告》主要目标任务落实情况的督查督办力度，深入一线调查研究，及时反映动态情况及存在的问题，实行季度督查通报、年终考评汇总，促进各地、各部门、各单位相互配合、共同努力，全面完成《政府工作报告》确立的各项主要目标任务。
para  附件：{年度}年《政府工作报告》主要目标任务分解方案
line  right  {部门}
line  right  {年度}年1月18日

pagebreak
label 附件
title {年度}年《政府工作报告》
title 主要目标任务分解方案
list csv:targets.csv {序号}. | {目标任务}（牵头单位：{牵头单位}[[；责任单位：{责任单位}]]）
