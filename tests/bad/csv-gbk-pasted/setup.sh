# glossary.csv is UTF-8, but the word 示例 in line 2 was pasted from a GBK
# file (bytes CA BE C0 FD).  The whole file happens to be valid GB18030, and
# was read as such, into mojibake: it must be an error at the bad bytes.
printf '名词,解释\n基本支出,负责\xca\xbe\xc0\xfd工作\n' >input/2021/glossary.csv
