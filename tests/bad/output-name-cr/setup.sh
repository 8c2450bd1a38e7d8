# [output] name with a carriage return inside (a config saved with a stray CR,
# or pasted): a file name the portal could not link to.  Refused at its line and
# character, not cleaned (a cleaned name would move the published URL).
printf 'name    = 测试\r局-2021\n' >>config.ini
