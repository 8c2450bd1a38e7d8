# The template lays out csv:FILE, and FILE (relative to the input folder)
# climbs out of the project folder: refused naming the file, exit 2.
printf '序号,事项\n1,外部\n' >"$OUTSIDE/list.csv"
printf 'title 测试\nlist csv:../../../../../../outside/list.csv {序号}. | {事项}\n' >main.tpl
sed -i 's|^template   = .*|template   = main.tpl|' config.ini
