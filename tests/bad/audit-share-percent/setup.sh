# A share without % in duty_goals.csv's 绩效目标 (column B); 100% and 3个
# beside it are not reported.
printf '职责,绩效目标\n示例管理,示例工作完成率100%%，新增3个示例点，示例经费占76.23。\n' >input/2021/duty_goals.csv
