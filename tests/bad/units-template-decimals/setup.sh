# A template publishing its tables in 元 (units tables 元) under [units]
# decimals = 4: 元 holds 2 decimals, so the document cannot show 4.
printf 'units tables 元\ninclude ../../../templates/seed004-full.tpl\n' >yuan.tpl
sed -i 's|^template   = .*|template   = yuan.tpl|' config.ini
sed -i 's/^decimals         = 2$/decimals         = 4/' config.ini
