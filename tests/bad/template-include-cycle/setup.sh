# A template that includes itself: refused at the include line, at once.
printf 'title 测试\ninclude self.tpl\n' >self.tpl
sed -i 's|^template   = .*|template   = self.tpl|' config.ini
