# toc after the document's first line: the 目录 comes before the body.
cp ../../../templates/*.tpl .
sed -i 's|^template   = .*|template   = seed004.tpl|' config.ini
sed -i 's/^heading 部门主要职责及机构设置$/&\ntoc 目录/' seed004.tpl
