# [output] dir below a regular file (ENOTDIR; chmod does not stop root, a
# file in the path does): build must fail and write nothing.
sed -i 's|^dir     = output$|dir     = input/2021/notes.txt/out|' config.ini
