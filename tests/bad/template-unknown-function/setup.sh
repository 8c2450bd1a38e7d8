# {foo:bar} names no function.
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i 's/^para  {部门}作为/para  {foo:bar}作为/' seed004.tpl
