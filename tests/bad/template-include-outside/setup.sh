# The template includes a file outside the project folder (by ../): refused
# at the include line, before any data is read.
printf 'para 外部内容\n' >"$OUTSIDE/part.tpl"
printf 'title 测试\ninclude ../../../../outside/part.tpl\n' >main.tpl
sed -i 's|^template   = .*|template   = main.tpl|' config.ini
