# A glossary term without its 解释.
printf '名词,解释\n基本支出,\n' >input/2021/glossary.csv
