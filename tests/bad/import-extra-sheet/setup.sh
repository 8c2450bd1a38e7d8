# The workbook (named config.ini: the runner passes it last) is the budget
# system's export of tests/tools/mkbook.py, variant extra-sheet.
/usr/bin/python3 "$ROOT/tests/tools/mkbook.py" config.ini extra-sheet
