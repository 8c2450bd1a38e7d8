# The closing brace of {部门} is missing in the opening sentence.
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i 's/^para  {部门}作为/para  {部门作为/' seed004.tpl
