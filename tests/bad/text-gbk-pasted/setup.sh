# duties.txt is UTF-8, but 示例 was pasted from a GBK file (CA BE C0 FD).
# As GB18030 the whole file is valid and became "璐熻矗示例宸ヤ綔" with only
# a note: it must be an error naming the line and the character position.
printf '负责\xca\xbe\xc0\xfd工作\n' >input/2021/duties.txt
