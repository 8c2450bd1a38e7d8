# The standard template with a cover page and a 目录 (tests/e2e_toc.sh).
cover
  title {年度}年
  title {部门}部门预算
  line  编制单位：{部门}
  line  {年度}年1月
end
toc 目录

include ../../../templates/standard.tpl
