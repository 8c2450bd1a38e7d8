# {不存在} is neither a global name nor a figure (found when the template is filled).
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i 's/^para  {部门}作为/para  {不存在}作为/' seed004.tpl
