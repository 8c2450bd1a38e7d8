# [output] name starting with '.': a hidden file on the portal, and the shape of
# another department's temporary file (.NAME.pdf.XXXXXX) that clean-up removes.
printf 'name    = .x.pdf.a\n' >>config.ini
