# A cover block without its end.
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i '0,/^title /s//cover\n  title {年度}年部门预算\n  line  编制单位：{部门}\n&/' seed004.tpl
