# notes.txt starts with a UTF-8 byte-order mark but the text is GBK: the
# mark promises UTF-8, so it is an error, as for a CSV file.
{ printf '\xef\xbb\xbf'; iconv -f UTF-8 -t GB18030 input/2021/notes.txt; } >notes.gbk
mv notes.gbk input/2021/notes.txt
