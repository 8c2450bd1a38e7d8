# {比较:…} outside "if previous" (line 48, character 11) while the config has
# no previous folder.
cp ../../../templates/seed004.tpl bad.tpl
sed -i 's|^template   = .*|template   = bad.tpl|' config.ini
sed -i '/^previous = /d' config.ini
sed -i '48s/{部门}/{部门}{比较:总额:支出总计}/' bad.tpl
