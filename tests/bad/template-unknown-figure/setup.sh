# Line 48: {不存在} names no figure; names are resolved at build, so "tree".
cp ../../../templates/seed004.tpl bad.tpl
sed -i 's|^template   = .*|template   = bad.tpl|' config.ini
sed -i '48s/{部门}/{不存在}/' bad.tpl
