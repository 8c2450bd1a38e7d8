# 万元 holds at most 6 decimals exactly.
sed -i 's/^decimals         = 2$/decimals         = 9/' config.ini
