# Line 48 "para  {部门}作为…" misspelt as "paragraph".
cp ../../../templates/seed004.tpl bad.tpl
sed -i 's|^template   = .*|template   = bad.tpl|' config.ini
sed -i '48s/^para  /paragraph  /' bad.tpl
