# Line 48: the closing brace of {部门} is missing (the brace is character 7).
cp ../../../templates/seed004.tpl bad.tpl
sed -i 's|^template   = .*|template   = bad.tpl|' config.ini
sed -i '48s/{部门}/{部门/' bad.tpl
