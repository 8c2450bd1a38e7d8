# U+E000 (private use: no font has it) in duties.txt: build must fail
# naming the character and where it is, and write nothing.
printf '其主要职责是：负责全市\xee\x80\x80示例工作。\n' >input/2021/duties.txt
