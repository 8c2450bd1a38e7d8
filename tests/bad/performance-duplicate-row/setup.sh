# The 检查覆盖率 row repeated as a continuation row (line 4): a warning.
echo ',,,,,检查全覆盖。,检查覆盖率,检查单位占比,≥95%,≥90%,≥80%,＜80%' >>input/2021/performance.csv
