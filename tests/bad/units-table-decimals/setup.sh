# One table block in 元 (units 元) under [units] decimals = 4: the table
# cannot show 4 decimals of 元; the error names the units line.
cat >yuan.tpl <<'TPL'
para 三公{三公合计}{单位}
table three_public
  title 三公
  units 元
  col 项目 text
  col 合计 amount
end
TPL
sed -i 's|^template   = .*|template   = yuan.tpl|' config.ini
sed -i 's/^decimals         = 2$/decimals         = 4/' config.ini
