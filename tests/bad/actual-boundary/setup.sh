# Exactly on the boundary: 95% meets 优 ≥95%, 90% (≥95% 优, ≥90% 良) is 良.
# Graded without findings; expected.grep holds the grades the tree must show.
printf '绩效指标,实际值\n检查覆盖率,95%%\n整改完成率,95.00%%\n' >input/2021/actuals.csv
sed -i 's|^template   = .*|template   = ../../../templates/standard.tpl|' config.ini
