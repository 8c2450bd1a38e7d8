# [output] name = .. would write output/...pdf and a temporary file named
# ....pdf.XXXXXX; '.' and '..' are folders, and every name starting with '.' is
# the naming of budgetgen's temporary files.
printf 'name    = ..\n' >>config.ini
