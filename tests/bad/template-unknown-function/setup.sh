# Line 48: a placeholder with an unknown function, {foo:bar}, at character 7.
cp ../../../templates/seed004.tpl bad.tpl
sed -i 's|^template   = .*|template   = bad.tpl|' config.ini
sed -i '48s/{部门}/{foo:bar}/' bad.tpl
