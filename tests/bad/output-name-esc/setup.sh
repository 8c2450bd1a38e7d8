# [output] name with an escape character: it would reach every terminal that
# lists the folder.  The message shows it as \x1B, never the byte itself.
printf 'name    = ab\033[31mc\n' >>config.ini
