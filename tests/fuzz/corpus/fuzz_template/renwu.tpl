# 重点任务责任分解表 — seed 003 (2019年《政府工作报告》重点任务责任分解表):
# one landscape table laid out from input/<folder>/tasks.csv, one row per
# sub-item （1）（2）…; 序号 and 目标名称 are written once per target and
# shown merged over its sub-items.  Syntax: docs/templates.md.

meta title     {年度}年《政府工作报告》重点任务责任分解表
meta subject   {部门}{年度}年《政府工作报告》重点任务责任分解
meta keywords  政府工作报告,重点任务,责任分解,{年度}
footer         第{页}页 共{总页}页

label 附件
title {年度}年《政府工作报告》重点任务责任分解表

table csv:tasks.csv
  sheet 重点任务责任分解表
  landscape
  head  序号 | 目标名称 | 工  作  标  准 | 区政府分管领导 | 牵头单位 | 参与单位
  col   序号            text center merge=blank
  col   目标名称        text center merge=blank min=5
  col   工作标准        text weight=4
  col   区政府分管领导  text center min=4
  col   牵头单位        text center min=5
  col   参与单位        text center min=6
end
