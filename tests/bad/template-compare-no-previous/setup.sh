# {比较:…} outside "if previous" while the config has no previous folder.
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i '/^previous = /d' config.ini
sed -i 's/^para  {部门}作为/para  {部门}{比较:总额:支出总计}作为/' seed004.tpl
