# The config saved as GBK (Notepad's "ANSI" on a Chinese Windows).
iconv -f UTF-8 -t GB18030 config.ini >config.gbk && mv config.gbk config.ini
