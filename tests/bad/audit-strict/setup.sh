# With --strict the audit's warning is an error: exit 1.
printf '本部门2021年无某某收支。\n' >input/2021/notes.txt
