# A reason (reasons.csv 说明) stating a change of nothing: at the cell.
printf '项目,说明\n公务接待费,公务接待费增加0万元，原因是接待任务增多。\n项目支出,项目支出增加主要是新增示例专项。\n公务用车购置费,公务用车购置费减少原因是本年无车辆更新计划。\n' >input/2021/reasons.csv
