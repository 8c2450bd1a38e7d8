# The budget system's export (tests/tools/mkbook.py, variant bad-three): the
# “三公” table's 本年 row says 合计 62345.68 元 while its items are 20000 +
# 30000 + 12345.67 = 62345.67 元.  Named config.ini: the runner passes it last.
/usr/bin/python3 "$ROOT/tests/tools/mkbook.py" config.ini bad-three
