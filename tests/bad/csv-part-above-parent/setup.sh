# A region's “三公” table laid out as it is (table csv:sg.csv), 合计 first:
# 其中：公务用车购置费 (19) is more than the row it belongs to (18).  The
# 其中 row is then not counted in the 合计, and 运行费 (18.5) no longer
# completes the parts, so it counts as an item: 0 + 18 + 18.5 + 22.2.
cat > input/2021/sg.csv <<'CSV'
项目,预算数
合计,40.20
因公出国（境）费,0
公务用车购置及运行费,18
其中：公务用车购置费,19
公务用车运行费,18.5
公务接待费,22.20
CSV
cat > sg.tpl <<'TPL'
title {部门}{年度}年“三公”经费预算表
table csv:sg.csv
  head  项目 | 预算数
  col   项目    text
  col   预算数  amount
end
TPL
sed -i 's|^template *=.*|template = sg.tpl|' config.ini
