# [output] name with a backslash: a folder separator once the files are copied
# to a Windows server.
printf 'name    = 测试\\局-2021\n' >>config.ini
