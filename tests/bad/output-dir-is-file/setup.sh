# [output] dir names a regular file.
sed -i 's|^dir     = output$|dir     = input/2021/notes.txt|' config.ini
