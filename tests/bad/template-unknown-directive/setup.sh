# "paragraph" is not a directive.
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i 's/^para  {部门}作为/paragraph  {部门}作为/' seed004.tpl
