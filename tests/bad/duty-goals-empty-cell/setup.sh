# A duty goal without the 职责 it belongs to.
printf '职责,绩效目标\n,提高示例工作质量。\n' >input/2021/duty_goals.csv
