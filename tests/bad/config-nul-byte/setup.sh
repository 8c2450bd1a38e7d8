# A NUL byte in the comment line before "unit = 元".  The line after a NUL
# used to vanish silently (every amount then read in 万元, the default).
python3 -c '
s = open("config.ini", encoding="utf-8").read()
s = s.replace("unit             = 万元\n", "; 单位\0\nunit             = 元\n")
open("config.ini", "w", encoding="utf-8").write(s)
'
