# A cover block knows title, line and end only: a para inside it is refused.
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i '0,/^title /s//cover\n  title {年度}年部门预算\n  para  {部门}\nend\n&/' seed004.tpl
