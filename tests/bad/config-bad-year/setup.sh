# The year is not a number.
sed -i 's/^year       = 2021$/year       = 20x1/' config.ini
