# A placeholder left in notes.txt (indented by two full-width spaces): a
# warning at the character where it starts, counted after the indent.
printf '　　本部门2021年无XX收支。\n' >input/2021/notes.txt
