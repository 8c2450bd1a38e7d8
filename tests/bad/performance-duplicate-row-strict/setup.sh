# The same duplicated performance row with --strict: the warning becomes an error.
echo ',,,,,检查全覆盖。,检查覆盖率,检查单位占比,≥95%,≥90%,≥80%,＜80%' >>input/2021/performance.csv
