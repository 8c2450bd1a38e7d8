# [output] name with U+202E RIGHT-TO-LEFT OVERRIDE: the name shown on screen
# would read differently from the bytes of its URL.
printf 'name    = abc\342\200\256fdp.exe\n' >>config.ini
