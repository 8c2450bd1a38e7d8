# 目标责任书（分季） — seed 000 (党工委、管委会部门（单位）2019年度（分季）目标责任书):
# one landscape table laid out from input/<folder>/tasks.csv.  类别 and 工作任务
# are the seed's two levels of 工作任务 (省部共建工作成效 has two sub-tasks,
# the other tasks none); 分值 is the points of the row's task; each quarter's
# items carry points written “（N分）” that must add up to 分值 (points-of).
# Syntax: docs/templates.md.

meta title     党工委、管委会部门（单位）{年度}年度（分季）目标责任书
meta subject   {部门}{年度}年度（分季）目标责任书
meta keywords  目标责任书,分季,工作任务,目标及质量要求,{年度}
footer         第{页}页 共{总页}页

title 党工委、管委会部门（单位）{年度}年度（分季）目标责任书
label 部门（单位）：{部门}                          责任人：桂党会

table csv:tasks.csv
  sheet 目标责任书
  landscape
  head  工作任务>2^2 | 分值^2 | 目标及质量要求>5
  head  总体要求 | 第一季度 | 第二季度 | 第三季度 | 第四季度
  col   类别            text center merge=blank min=5 span-into=工作任务
  col   工作任务        text center min=5 points-of=分值
  col   分值            text center min=2
  col   目标及质量要求  text weight=2
  col   第一季度        text weight=2 points-of=分值 points-with=目标及质量要求
  col   第二季度        text weight=2 points-of=分值 points-with=目标及质量要求
  col   第三季度        text weight=2 points-of=分值 points-with=目标及质量要求
  col   第四季度        text weight=2 points-of=分值 points-with=目标及质量要求
end
